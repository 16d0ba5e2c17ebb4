import type { RateLimiter } from '../core/ports';

/**
 * A sliding-window rate limiter in process memory: right for the single-process local cloud. Keys idle
 * for longer than their window are dropped on the next sweep, so memory stays bounded by active callers.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  async take(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
    const t = now.getTime();
    const from = t - windowSeconds * 1000;
    const recent = (this.hits.get(key) ?? []).filter((x) => x > from);
    const ok = recent.length < limit;
    if (ok) recent.push(t);
    this.hits.set(key, recent);
    if (t - this.lastSweep > 600_000) this.sweep(t);
    return ok;
  }

  async spent(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean> {
    const from = now.getTime() - windowSeconds * 1000;
    return (this.hits.get(key) ?? []).filter((x) => x > from).length >= limit;
  }

  private sweep(t: number) {
    this.lastSweep = t;
    for (const [k, v] of this.hits) if (v.length === 0 || v[v.length - 1] < t - 3_600_000) this.hits.delete(k);
  }
}
