import { call } from '../services/api';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 20;

/** The admin's 意见反馈: feedback about the app (投诉建议), newest first, a page at a time. */
export function useFeedbackList() {
  return usePagedList((cursor) => call('feedback/list', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }));
}
