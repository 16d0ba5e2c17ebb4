/**
 * The stock reconciler of rewards (h20c, issue 20; run by the `sla` timer beside the sign-up counter
 * reconciler, reconcile.ts). A redemption takes its unit with one conditional update of the reward
 * (`stock − 1`, `taken + 1`) and then writes the redemption in a transaction (points.ts): a function that
 * dies between the two, or before it gives a refused unit back, leaves a unit taken that no redemption
 * holds. Each reward counts what it gave out in `taken`; the reconciler counts the reward's pending and
 * handed redemptions. Where they disagree it cannot tell a leak from a redemption on its way, so it notes
 * what it saw (`stockCheck`) and corrects only on a later run that finds the reward exactly as noted
 * (nothing took, gave back or reversed a unit for a whole timer period, longer than any function lives).
 * The correction is one conditional update on those same values, so a redemption arriving meanwhile makes
 * it a no-op (tried again next run). A reward stored before `taken` existed is left alone.
 */
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

interface Seen {
  taken: number;
  stock: number;
  held: number;
}

const sameSeen = (a: Seen, b: unknown) => {
  const o = (b ?? {}) as Partial<Seen>;
  return o.taken === a.taken && o.stock === a.stock && o.held === a.held;
};

async function reconcileOne(cb: CloudbaseDb, d: StoredDoc, now: string): Promise<boolean> {
  const held = await cb.count('redemptions', { rewardId: d._id, status: cb._.in(['pending', 'handed']) });
  const seen: Seen = { taken: Number(d.taken), stock: Number(d.stock), held };
  const unchanged = { _id: d._id, taken: seen.taken, stock: seen.stock };
  // Only more taken than held is a leak; fewer cannot come from a cut-off redemption.
  if (seen.taken <= held) {
    if (d.stockCheck) await cb.conditionalUpdate('rewards', unchanged, { stockCheck: null });
    return false;
  }
  if (sameSeen(seen, d.stockCheck)) return cb.conditionalUpdate('rewards', unchanged, { stock: seen.stock + (seen.taken - held), taken: held, stockCheck: null });
  await cb.conditionalUpdate('rewards', unchanged, { stockCheck: { ...seen, at: now } });
  return false;
}

/** One pass over the rewards that count what they gave out; answers how many were corrected. */
export async function reconcileRewardStock(cb: CloudbaseDb, now: string): Promise<number> {
  // Rewards are few (a short list per village): all are read, by their _id order.
  const rewards = await cb.readAll('rewards', {}, { taken: true, stock: true, stockCheck: true });
  let fixed = 0;
  for (const d of rewards) if (typeof d.taken === 'number' && (await reconcileOne(cb, d, now))) fixed++;
  return fixed;
}
