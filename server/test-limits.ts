import type { RateLimits } from '../core/policy';

/** Per-caller budgets for tests of domain behaviour that make many writes as one caller; trust.test.ts tests the real budgets. */
export const GENEROUS_LIMITS: RateLimits = { writesPerMinute: 1_000_000, submitsPerHour: 1_000_000 };
