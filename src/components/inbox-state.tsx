import type { ReactNode } from 'react';
import type { useInbox } from '../hooks/use-inbox';
import { emptyText } from './inbox-filters';
import { EmptyState, ErrorState, LoadingState } from './page-state';

/** The workbench's list, or in its place what is happening: loading, an error with 重试, or nothing to do. */
export function InboxState({ inbox, children }: { inbox: ReturnType<typeof useInbox>; children: ReactNode }) {
  if (inbox.loading && inbox.items.length === 0) return <LoadingState text='正在读取诉求，请稍候…' />;
  if (inbox.error) return <ErrorState message={inbox.error} onRetry={() => void inbox.reload()} />;
  if (inbox.items.length === 0) return <EmptyState text={emptyText(inbox.scope, inbox.filter)} />;
  return <>{children}</>;
}
