/**
 * Open311 client systems as the admin manages them (issue 19): the stored client with when it was
 * created and, once revoked, when. A revoked client is kept (its posts name it) but its key opens nothing.
 */
import type { ApiClient } from '../model';

export interface ApiClientRecord extends ApiClient {
  createdAt: string;
  revokedAt: string | null;
}

/** The budget a new client gets when the admin names none (the command line's too). */
export const DEFAULT_CLIENT_BUDGET = { requestsPerMinute: 120, postsPerHour: 600 } as const;

/** The most an admin may grant one client. */
export const CLIENT_BUDGET_MAX = { requestsPerMinute: 600, postsPerHour: 6000 } as const;
