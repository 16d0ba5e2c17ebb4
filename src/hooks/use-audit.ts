import { call } from '../services/api';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 20;

/** The town admin's 操作记录: the audit log of staff and admin actions in their town, newest first. */
export function useAudit() {
  return usePagedList((cursor) => call('audit/list', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }));
}
