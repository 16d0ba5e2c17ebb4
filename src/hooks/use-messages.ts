import { useState } from 'react';
import type { InboxMessage as StoredMessage } from '../../core/model';
import type { MessageConcern } from '../../core/views';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { openPage } from '../services/nav';
import { showUnread } from '../services/unread-badge';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 20;

/** A message as 消息 lists it: with the concern it is about, named (core/directory/message-labels.ts). */
type InboxMessage = StoredMessage & { concern: MessageConcern | null };

/** The in-app message list (消息): notices of every move on the caller's concerns, newest first. */
export function useMessages() {
  const [unread, setUnreadState] = useState(0);
  // Every count the server answers also goes to the 消息 tab's badge.
  const setUnread = (n: number) => {
    setUnreadState(n);
    showUnread(n);
  };
  const [actionError, setActionError] = useState<string | null>(null);
  const list = usePagedList<InboxMessage>(async (cursor) => {
    const page = await call('message/list', cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE });
    setUnread(page.unread);
    return page;
  });
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());

  const isRead = (m: InboxMessage) => m.readAt !== null || readIds.has(m.id);

  /** Marks the message read and opens the page it points to (the concern). */
  const open = async (m: InboxMessage) => {
    setActionError(null);
    if (!isRead(m)) {
      try {
        const res = await call('message/markRead', { ids: [m.id] });
        setUnread(res.unread);
        setReadIds((s) => new Set([...s, m.id]));
      } catch (e) {
        setActionError(errorText(e));
      }
    }
    // A notice may point at a tab page (e.g. home for the calendar reminder): openPage switches tabs then.
    await openPage(m.page);
  };

  const readAll = async () => {
    setActionError(null);
    try {
      const res = await call('message/markRead', {});
      setUnread(res.unread);
      setReadIds(new Set(list.items.map((m) => m.id)));
    } catch (e) {
      setActionError(errorText(e));
    }
  };

  return { ...list, unread, isRead, open, readAll, actionError };
}
