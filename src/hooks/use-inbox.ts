import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../services/api';
import { usePagedList } from './use-paged-list';

export type InboxScope = 'open' | 'all';

const PAGE_SIZE = 20;

export function useInbox() {
  const [scope, setScope] = useState<InboxScope>('open');
  const list = usePagedList(
    (cursor) => call('concern/inbox', cursor ? { scope, cursor, limit: PAGE_SIZE } : { scope, limit: PAGE_SIZE }),
    scope,
  );
  return {
    ...list,
    scope,
    setScope,
    open: (id: string) => Taro.navigateTo({ url: `/staff/pages/handle/index?id=${encodeURIComponent(id)}` }),
  };
}
