/** CloudBase: volunteer hours — held correction reasons, attendance, confirmations and their audit (CloudbaseEvents delegates here). */
import type { AttendanceChange } from '../../../core/ports';
import type { Page } from '../../../core/views';
import type { HoursAudit, SignUp } from '../../../core/volunteers/volunteer-model';
import { chunkByWrites } from '../../cloudbase/chunks';
import { mapBounded, type CloudbaseDb } from '../../cloudbase/db';
import { toSignUp, toAudit } from './cloudbase-event-docs';

/** Ids per `_id: _.in(...)` read. */
const ID_BATCH = 100;

/**
 * The `reasonModeration: 'held'` index, oldest first, a page at a time; for each page the entries'
 * events (one `_.in` read of those not seen yet) keep those of the given teams, until `limit` are kept
 * or the held reasons end.
 */
export async function heldHoursReasons(cb: CloudbaseDb, teamIds: string[] | null, limit: number): Promise<HoursAudit[]> {
  if (teamIds !== null && teamIds.length === 0) return [];
  const filter = { reasonModeration: 'held' };
  const key = { field: 'at', dir: 'asc' } as const;
  if (teamIds === null) return (await cb.collect('vol_hours_audit', filter, key, limit)).map(toAudit);
  const teams = new Set(teamIds);
  const teamOf = new Map<string, string>();
  const out: HoursAudit[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<HoursAudit> = await cb.keysetPage('vol_hours_audit', filter, { cursor, limit: cb.pageSize - 1 }, key, toAudit);
    const unseen = [...new Set(page.items.map((a) => a.eventId))].filter((id) => !teamOf.has(id));
    if (unseen.length > 0) for (const d of await cb.readAll('vol_events', { _id: cb._.in(unseen) }, { teamId: true })) teamOf.set(d._id, String(d.teamId));
    for (const a of page.items) if (out.length < limit && teams.has(teamOf.get(a.eventId) ?? '')) out.push(a);
    cursor = page.nextCursor;
  } while (cursor !== null && out.length < limit);
  return out;
}

export async function recordAttendance(cb: CloudbaseDb, signUpId: string, change: AttendanceChange): Promise<SignUp | null> {
  const _ = cb._;
  const won =
    change.field === 'checkIn'
      ? await cb.conditionalUpdate('vol_signups', { _id: signUpId, status: 'signed', checkInAt: null }, { checkInAt: change.at })
      : await cb.conditionalUpdate('vol_signups', { _id: signUpId, status: 'signed', checkInAt: _.neq(null), checkOutAt: null }, { checkOutAt: change.at });
  if (!won) return null;
  const d = await cb.getDoc('vol_signups', signUpId);
  return d ? toSignUp(d) : null;
}

/**
 * Checked whole first (every entry of this event, every sign-up stored and of this event: one `_.in`
 * read per hundred), then written in chunks of at most `TX_WRITES` writes (a sign-up's figures and its
 * audit entry), a few chunks at once. An entry whose audit document is already stored was written by an
 * earlier run of these entries and is skipped, so running them again finishes a cut-off run.
 */
export async function confirmHours(cb: CloudbaseDb, eventId: string, entries: HoursAudit[]): Promise<void> {
  const stray = entries.find((e) => e.eventId !== eventId);
  if (stray) throw new Error(`sign-up ${stray.signUpId} is not part of event ${eventId}`);
  const done = new Set<string>();
  for (let i = 0; i < entries.length; i += ID_BATCH) {
    const batch = entries.slice(i, i + ID_BATCH);
    const ids = [...new Set(batch.map((e) => e.signUpId))];
    const found = new Map((await cb.find('vol_signups', { _id: cb._.in(ids) }, [], ids.length, { eventId: true })).map((d) => [d._id, d.eventId]));
    const missing = ids.find((id) => found.get(id) !== eventId);
    if (missing) throw new Error(`sign-up ${missing} is not part of event ${eventId}`);
    const auditIds = batch.map((e) => e.id);
    for (const d of await cb.find('vol_hours_audit', { _id: cb._.in(auditIds) }, [], auditIds.length, { _id: true })) done.add(d._id);
  }
  // `seq` keeps the entries of one confirmation in their given order (they share `at`).
  const todo = entries.map((e, seq) => ({ e, seq })).filter(({ e }) => !done.has(e.id));
  await mapBounded(chunkByWrites(todo, () => 2), (chunk) =>
    cb.transaction(async (tx) => {
      for (const { e, seq } of chunk) {
        await tx.update('vol_signups', e.signUpId, { confirmedMinutes: e.toMinutes, confirmedAt: e.at });
        const { id, ...rest } = e;
        await tx.create('vol_hours_audit', { _id: id, ...rest, seq });
      }
    }),
  );
}

export async function hoursAudit(cb: CloudbaseDb, eventId: string): Promise<HoursAudit[]> {
  const docs = await cb.readAll('vol_hours_audit', { eventId });
  return docs
    .sort((a, b) => (a.at === b.at ? Number(a.seq) - Number(b.seq) : String(a.at) < String(b.at) ? -1 : 1))
    .map(toAudit);
}
