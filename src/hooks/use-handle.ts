import { useConcernDetail } from './use-concern-detail';

/** Staff handling page: the same detail plus accept / reply / resolve moves. */
export function useHandle() {
  return useConcernDetail();
}
