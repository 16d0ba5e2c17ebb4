import Taro from '@tarojs/taro';
import { call } from '../services/api';
import { openPage, REPORT_PAGE } from '../services/nav';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 20;

export function useMyConcerns() {
  const list = usePagedList((cursor) => call('concern/listMine', cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE }));
  return {
    ...list,
    open: (id: string) => Taro.navigateTo({ url: `/pages/concern/index?id=${encodeURIComponent(id)}` }),
    goReport: () => openPage(REPORT_PAGE),
  };
}
