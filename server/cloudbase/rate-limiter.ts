import { createHash } from 'node:crypto';
import type { RateLimiter } from '../../core/ports';
import { isDuplicateKey, type CloudbaseDb } from './db';

/**
 * A rate limiter shared by every container of every cloud function: one counter document per key and
 * fixed window in `rate_limits`, so a flood spread over many warm instances is still counted once.
 * - `take` costs one request when it can: a counter this container has not seen yet is created with
 *   count 1 (`add`; a counter that exists already answers with a duplicate key); a counter it has seen is
 *   incremented only where still below the limit — one conditional update,
 *   `where({_id, count: _.lt(limit)}).updateAndReturn({count: _.inc(1)})`, atomic per key. When that update
 *   matches nothing, one read tells a spent window (refused) from a counter removed meanwhile (created
 *   again). The container remembers the counters it has seen, a bounded set, per window id.
 * - The document id is the SHA-256 of key and window: keys name callers (openids), and the store keeps no
 *   openid where `forget` cannot find it.
 * - Windows are fixed (aligned to multiples of the window), not sliding like MemoryRateLimiter's: at a
 *   window boundary a caller can get up to twice the limit within one window's length.
 * - Each document carries `expiresAt` (its window's end); `sweep` removes those past it (the sla timer
 *   calls it every 10 minutes).
 */
/** How many counter ids a container remembers before it starts over (a few hundred KB at most). */
const SEEN_MAX = 10_000;

export class CloudbaseRateLimiter implements RateLimiter {
  /** Counter documents this container knows exist (window ids; cleared when it grows past `SEEN_MAX`). */
  private readonly seen = new Set<string>();

  constructor(private readonly cb: CloudbaseDb) {}

  async take(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
    if (limit <= 0) return false;
    const { id, start, windowMs } = this.window(key, windowSeconds, now);
    const _ = this.cb._;
    let exists = this.seen.has(id);
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!exists) {
        try {
          await this.cb.add('rate_limits', { _id: id, count: 1, expiresAt: new Date(start + windowMs).toISOString() });
          this.remember(id);
          return true;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
          // Another container created it: count against theirs.
          this.remember(id);
        }
      }
      if (await this.cb.updateAndReturn('rate_limits', { _id: id, count: _.lt(limit) }, { count: _.inc(1) })) return true;
      // Nothing matched: the window is spent, or its counter was removed (a person forgotten) meanwhile.
      if (await this.cb.getDoc('rate_limits', id)) return false;
      this.seen.delete(id);
      exists = false;
    }
    return false;
  }

  private remember(id: string): void {
    if (this.seen.size >= SEEN_MAX) this.seen.clear();
    this.seen.add(id);
  }

  async spent(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
    if (limit <= 0) return true;
    const doc = await this.cb.getDoc('rate_limits', this.window(key, windowSeconds, now).id);
    return doc !== null && typeof doc.count === 'number' && doc.count >= limit;
  }

  /** The counter document of `key`'s window at `now`. */
  private window(key: string, windowSeconds: number, now: Date) {
    const windowMs = windowSeconds * 1000;
    const start = Math.floor(now.getTime() / windowMs) * windowMs;
    const id = createHash('sha256').update(`${key}\u0000${windowSeconds}\u0000${start}`, 'utf8').digest('hex');
    return { id, start, windowMs };
  }

  /** Removes the counters of windows that ended before `now`; answers how many. */
  async sweep(now: Date): Promise<number> {
    return this.cb.removeWhere('rate_limits', { expiresAt: this.cb._.lt(now.toISOString()) });
  }
}
