/**
 * Backpressure on CloudBase (issue 22, item 2). The basic plan allows 20 concurrent connections and 30
 * requests a second; past that a request is refused (`EXCEED_RATELIMIT`, or the mini program's -501003 /
 * -501004) before it runs, so it is safe to send again. A timeout (`SERVER_TIMEOUT`) may have run, so
 * only reads are sent again after one. Transactions are run again on a write conflict too (the SDK would
 * retry at once, into the same contention). Each retry waits a "full jitter" pause: a random time up to
 * an exponentially growing cap (20 ms doubling, at most 2 s; `RETRY.attempts` in all), so a burst of callers spreads out instead of colliding again in step.
 */
import { errorCode } from './db-errors';

/** Codes of a request the service refused for load, before running it. */
const LIMIT_CODES = new Set(['EXCEED_RATELIMIT', '-501003', '-501004']);
/** Codes of a request whose answer did not come in time (it may have run). */
const TIMEOUT_CODES = new Set(['SERVER_TIMEOUT', '-501002', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

// 16 attempts: a burst of 200 sign-ups against the 20-connection cap could exhaust 10 (about 3 s of pauses on
// average) on a loaded machine; 16 wait about 15 s at most on average, inside the volunteer function's 30 s.
export const RETRY = { attempts: 16, baseMs: 20, capMs: 2000 } as const;

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function isLimit(e: unknown): boolean {
  const code = errorCode(e);
  return code !== null && LIMIT_CODES.has(code);
}

export function isTimeout(e: unknown): boolean {
  const code = errorCode(e);
  return code !== null && TIMEOUT_CODES.has(code);
}

/** The pause before retry `attempt` (1 = the first retry): uniform in [0, min(cap, base·2^attempt)). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(RETRY.capMs, RETRY.baseMs * 2 ** attempt));
}

/**
 * `send` until it succeeds, retrying (after a jittered pause) while `retryable` says so, at most
 * `RETRY.attempts` times in all; the last failure is thrown.
 */
export async function withRetries<T>(send: () => Promise<T>, retryable: (e: unknown) => boolean, sleep: Sleep, attempts: number = RETRY.attempts): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (attempt >= attempts || !retryable(e)) throw e;
      await sleep(backoffMs(attempt));
    }
  }
}

/** A read: retried on load and on timeouts. */
export const readRetryable = (e: unknown) => isLimit(e) || isTimeout(e);
/** A write outside a transaction: retried on load only (a timed-out write may have run). */
export const writeRetryable = isLimit;
