/**
 * Who may call each action, and which actions write: one table for the whole API, derived from the
 * actions' declarations (core/<area>/actions.ts, issue 23). The router checks it before any handler
 * runs; object-level rules (is this caller the reporter or a handler of this concern?) live in access.ts.
 */
export { ACTION_POLICY } from './action-registry';
export { ALL_ROLES, type ActionRule } from './action-kit';

export interface RateLimits {
  /** Writes per caller per minute, across all actions. */
  writesPerMinute: number;
  /** Concerns one caller may submit per hour. */
  submitsPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { writesPerMinute: 30, submitsPerHour: 20 };
