/**
 * The counter reconciler of volunteer events (run by the `sla` timer). A sign-up takes its place with one
 * conditional update of the event document and then writes its own document (events.ts): a function
 * that dies between the two leaves a place taken that no sign-up holds. The reconciler counts each open
 * event's sign-ups; where the counters disagree it cannot tell a leak from a sign-up on its way, so it
 * notes what it saw on the event (`counterCheck`, with the counters and `arrivals`) and corrects only on
 * a later run that finds the event exactly as noted: nothing took, gave back or moved a place for a whole
 * timer period, longer than any function lives. The correction is one conditional update on those
 * same values, so a sign-up arriving meanwhile makes it a no-op (tried again next run).
 */
import type { CloudbaseDb, StoredDoc } from './db';

interface Seen {
  arrivals: number;
  signedCount: number;
  waitlistCount: number;
  signed: number;
  waiting: number;
}

const sameSeen = (a: Seen, b: unknown) => {
  const o = (b ?? {}) as Partial<Seen>;
  return o.arrivals === a.arrivals && o.signedCount === a.signedCount && o.waitlistCount === a.waitlistCount && o.signed === a.signed && o.waiting === a.waiting;
};

async function reconcileOne(cb: CloudbaseDb, d: StoredDoc, now: string): Promise<boolean> {
  const [signed, waiting] = await Promise.all([cb.count('vol_signups', { eventId: d._id, status: 'signed' }), cb.count('vol_signups', { eventId: d._id, status: 'waitlisted' })]);
  const seen: Seen = { arrivals: Number(d.arrivals), signedCount: Number(d.signedCount), waitlistCount: Number(d.waitlistCount), signed, waiting };
  const unchanged = { _id: d._id, status: 'open', arrivals: seen.arrivals, signedCount: seen.signedCount, waitlistCount: seen.waitlistCount };
  if (signed === seen.signedCount && waiting === seen.waitlistCount) {
    if (d.counterCheck) await cb.conditionalUpdate('vol_events', unchanged, { counterCheck: null });
    return false;
  }
  if (sameSeen(seen, d.counterCheck)) return cb.conditionalUpdate('vol_events', unchanged, { signedCount: signed, waitlistCount: waiting, counterCheck: null });
  await cb.conditionalUpdate('vol_events', unchanged, { counterCheck: { ...seen, at: now } });
  return false;
}

/** One pass over the open events; answers how many were corrected. */
export async function reconcileEventCounters(cb: CloudbaseDb, now: string): Promise<number> {
  const events = await cb.readAll('vol_events', { status: 'open' }, { arrivals: true, signedCount: true, waitlistCount: true, counterCheck: true });
  let fixed = 0;
  for (const d of events) if (await reconcileOne(cb, d, now)) fixed++;
  return fixed;
}
