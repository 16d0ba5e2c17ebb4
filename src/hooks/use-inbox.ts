import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { InboxFilter } from '../../core/views';
import { call } from '../services/api';
import { showPendingMoveToast } from '../services/moved';
import { usePagedList } from './use-paged-list';
import { useResource } from './use-resource';

export type InboxScope = 'open' | 'all';
export type { InboxFilter };

const PAGE_SIZE = 20;

/**
 * The staff workbench: 待办 (open, most urgent first) narrowed by 今天到期 / 已超期 / 待签收, or 全部; with
 * the counts of each filter, refreshed whenever the list is.
 */
export function useInbox() {
  const [scope, setScopeState] = useState<InboxScope>('open');
  const [filter, setFilter] = useState<InboxFilter | null>(null);
  const list = usePagedList(
    (cursor) =>
      call('concern/inbox', {
        scope,
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
        ...(scope === 'open' && filter ? { filter } : {}),
      }),
    `${scope}/${filter ?? ''}`,
  );
  const counts = useResource(() => call('concern/inboxCounts', {}));
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void counts.reload();
    shownOnce.current = true;
    // Back from a 转派 / 上报 / 退回 / 派单: say where the concern went.
    showPendingMoveToast();
  });
  return {
    ...list,
    reload: () => Promise.all([list.reload(), counts.reload()]).then(() => undefined),
    scope,
    filter,
    counts: counts.data,
    setScope: (s: InboxScope) => {
      setScopeState(s);
      if (s === 'all') setFilter(null);
    },
    /** Tapping the chosen filter again shows every open concern. */
    pickFilter: (f: InboxFilter | null) => setFilter((cur) => (cur === f ? null : f)),
    open: (id: string) => Taro.navigateTo({ url: `/staff/pages/handle/index?id=${encodeURIComponent(id)}` }),
  };
}
