/**
 * The limits of the real CloudBase service that the wire fake (cloudbase-db.ts) enforces, in simulated
 * time so that no test waits or reads the wall clock:
 * - every request takes `latencyMs` (a fixed figure, or a range drawn from a seeded generator) from the
 *   simulated instant it was sent; requests in flight together overlap, one awaited after another adds up;
 * - a transaction lives at most `txLifetimeMs` (CloudBase: 30 s); a request in it after that fails with
 *   `DATABASE_TRANSACTION_FAIL`, which the SDK does not retry;
 * - a function invocation (`invoke`) has its time budget (the function's timeout in cloudbaserc.json): a
 *   request sent after it fails, as the platform would have killed the function by then;
 * - at most `maxInFlight` requests at once (the basic plan's 20 concurrent connections); one more is
 *   refused with `EXCEED_RATELIMIT`, before it runs.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { WireRequest } from './cloudbase-db';

export interface WireLimitOptions {
  latencyMs?: number | readonly [number, number];
  txLifetimeMs?: number;
  maxInFlight?: number;
  seed?: number;
}

/** The code our fake answers for a request over the in-flight cap (CloudBase's code for a request over the plan's limits). */
export const LIMIT_CODE = 'EXCEED_RATELIMIT';

export class FunctionTimedOut extends Error {}

export class WireLimits {
  /** Simulated milliseconds since the fake started. */
  now = 0;
  inFlight = 0;
  peakInFlight = 0;
  readonly latencyMs: number | readonly [number, number];
  readonly txLifetimeMs: number;
  readonly maxInFlight: number;
  private state: number;
  private readonly invocation = new AsyncLocalStorage<{ name: string; deadline: number }>();

  constructor(opts: WireLimitOptions = {}) {
    this.latencyMs = opts.latencyMs ?? 15;
    this.txLifetimeMs = opts.txLifetimeMs ?? 30_000;
    this.maxInFlight = opts.maxInFlight ?? 20;
    this.state = opts.seed ?? 22;
  }

  /** One request's latency: the fixed figure, or the next draw in the range (a linear congruential generator). */
  latency(): number {
    if (typeof this.latencyMs === 'number') return this.latencyMs;
    this.state = (this.state * 1103515245 + 12345) % 2 ** 31;
    const [lo, hi] = this.latencyMs;
    return lo + (this.state % (hi - lo + 1));
  }

  /** Runs `fn` as one invocation of function `name` with `budgetMs` to live, in simulated time. */
  invoke<T>(name: string, budgetMs: number, fn: () => Promise<T>): Promise<T> {
    return this.invocation.run({ name, deadline: this.now + budgetMs }, fn);
  }

  /** The simulated milliseconds the current invocation has left, or null outside one. */
  remaining(): number | null {
    const inv = this.invocation.getStore();
    return inv ? inv.deadline - this.now : null;
  }

  /** Before a request: refuses it past the invocation's budget or over the in-flight cap; answers when it was sent. */
  begin(): { sent: number } | { refused: 'limit' } {
    const inv = this.invocation.getStore();
    if (inv && this.now > inv.deadline) throw new FunctionTimedOut(`fake CloudBase: function ${inv.name} ran past its time budget (a request at ${this.now} ms, deadline ${inv.deadline} ms)`);
    if (this.inFlight >= this.maxInFlight) return { refused: 'limit' };
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    return { sent: this.now };
  }

  /** After a request: the simulated clock reaches its answer. */
  end(sent: number): void {
    this.inFlight--;
    this.now = Math.max(this.now, sent + this.latency());
  }

  /** Simulated time passing without a request (a backoff sleep). */
  advance(ms: number): void {
    this.now += ms;
  }

  expired(txStartedAt: number): boolean {
    return this.now - txStartedAt > this.txLifetimeMs;
  }
}

const TX_WRITE_ACTIONS = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument']);
/** The writes of each transaction among `requests` (the wire's insert, modify and remove requests by transaction id). */
export function writesPerTransaction(requests: readonly WireRequest[]): number[] {
  const per = new Map<string, number>();
  for (const r of requests) {
    const tx = r.params?.transactionId;
    if (typeof tx === 'string' && tx !== '' && TX_WRITE_ACTIONS.has(r.action)) per.set(tx, (per.get(tx) ?? 0) + 1);
  }
  return [...per.values()];
}
