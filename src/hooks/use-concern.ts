import { useConcernDetail } from './use-concern-detail';

/** Resident's concern detail page: view, pull to refresh, add a reply when allowed. */
export function useConcern() {
  return useConcernDetail();
}
