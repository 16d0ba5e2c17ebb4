import { useFollowUp } from './use-follow-up';

/** Resident's concern detail page: view, pull to refresh, reply, rate, and follow up (撤回, 催办). */
export function useConcern() {
  return useFollowUp();
}
