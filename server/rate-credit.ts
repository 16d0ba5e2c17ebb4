/**
 * Shared by both stores' `rateCounts`: a concern's tallies are credited in three parts — what it is
 * (total, rated, satisfied, overdue) to the route holding it now, 响应率 to the route that decided it
 * (`sla.acceptedBy`) and 解决率's 办结 to the route that resolved it (`sla.resolvedBy`). A concern stored
 * before those credits were recorded falls back to its current route for every part.
 */
import type { RateCounts, RouteLevel } from '../core/ports';

export type RatePart = 'held' | 'accepted' | 'resolved';
export const RATE_PARTS: readonly RatePart[] = ['held', 'accepted', 'resolved'];

/** The route key a level's id is compared with. */
export const CREDIT_KEY: Readonly<Record<RouteLevel, 'townId' | 'villageId' | 'cooperativeId' | 'gridId'>> = { town: 'townId', village: 'villageId', cooperative: 'cooperativeId', grid: 'gridId' };

/** Sums rows of the same (month, route) — the parts of one node's counts come back as separate rows. */
export function mergeRateRows(rows: RateCounts[]): RateCounts[] {
  const byKey = new Map<string, RateCounts>();
  for (const r of rows) {
    const key = [r.month, r.townId, r.villageId ?? '', r.cooperativeId ?? '', r.gridId ?? ''].join('|');
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...r });
      continue;
    }
    seen.total += r.total;
    seen.responseDecided += r.responseDecided;
    seen.respondedInTime += r.respondedInTime;
    seen.resolved += r.resolved;
    seen.rated += r.rated;
    seen.satisfied += r.satisfied;
    seen.overdue += r.overdue;
  }
  const order = (r: RateCounts) => [r.month, r.townId, r.villageId ?? '', r.cooperativeId ?? '', r.gridId ?? ''].join('\u0000');
  return [...byKey.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
