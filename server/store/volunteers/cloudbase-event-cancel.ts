/**
 * CloudBase: a volunteer event's cancellation (CloudbaseEvents.cancelEvent delegates here) and the notices to its
 * holders, finished by the `sla` timer's pass when a run was cut off (see HOT_EVENT in ./events.ts).
 */
import type { EventCancellation, NoticeTemplate } from '../../../core/ports';
import type { SignUp } from '../../../core/volunteers/volunteer-model';
import { mapBounded, StaleRead, type CloudbaseDb } from '../../cloudbase/db';
import { toSignUp, personal, byArrival, HOLDING } from './cloudbase-event-docs';
import { outboxDoc } from '../concerns/cloudbase-outbox';

/** How often cancelEvent re-reads when the sign-ups it sees do not add up to the event's counters yet. */
const SETTLE_ATTEMPTS = 5;

/**
 * The event is cancelled by one transaction that writes the event document alone, its notice template
 * kept on it (`cancelNotice`, `noticesPending`); the holders' notices are written after the commit, a
 * few at once, with ids made from the template and the recipient, so writing them again adds nothing.
 * A run cut off before they are all written is finished by the next call for this event or by the
 * `sla` timer (finishCancelNotices), whichever comes first.
 */
export async function cancelEvent(cb: CloudbaseDb, eventId: string, cancel: EventCancellation, notice: NoticeTemplate): Promise<number | null> {
  for (let attempt = 1; ; attempt++) {
    const ev = await cb.getDoc('vol_events', eventId);
    if (!ev) return null;
    if (ev.status !== 'open') {
      if (ev.noticesPending === true) await sendCancelNotices(cb, eventId, ev.cancelNotice as NoticeTemplate);
      return null;
    }
    const holders = (await cb.readAll('vol_signups', { eventId, status: cb._.in([...HOLDING]) })).map(toSignUp).sort(byArrival);
    // A sign-up whose counter is taken but whose document is not written yet: read again shortly.
    if (holders.length !== Number(ev.signedCount) + Number(ev.waitlistCount) && attempt < SETTLE_ATTEMPTS) {
      await new Promise((r) => setTimeout(r, 20 * attempt));
      continue;
    }
    let cancelled: boolean;
    try {
      cancelled = await cb.transaction(async (tx) => {
        const cur = await tx.get('vol_events', eventId);
        if (!cur || cur.status !== 'open') return false;
        if (cur.signedCount !== ev.signedCount || cur.waitlistCount !== ev.waitlistCount) throw new StaleRead(`event ${eventId}`);
        await tx.update('vol_events', eventId, {
          status: 'cancelled',
          cancelReason: cancel.reason,
          cancelModeration: cancel.moderation,
          cancelledAt: cancel.at,
          cancelNotice: notice,
          noticesPending: holders.length > 0,
        });
        return true;
      });
    } catch (e) {
      if (!(e instanceof StaleRead) || attempt >= SETTLE_ATTEMPTS * 2) throw e;
      continue;
    }
    if (!cancelled) return null;
    if (holders.length > 0) await sendCancelNotices(cb, eventId, notice, holders);
    return holders.length;
  }
}

/** Every holder's notice of a cancelled event, each written once whatever runs it again; then the event's mark cleared. */
async function sendCancelNotices(cb: CloudbaseDb, eventId: string, notice: NoticeTemplate, known?: SignUp[]): Promise<void> {
  const holders = known ?? (await cb.readAll('vol_signups', { eventId, status: cb._.in([...HOLDING]) }, { openid: true })).map((d) => ({ openid: String(d.openid) }));
  await mapBounded(holders, (h) => cb.insertOnce('outbox', outboxDoc(personal(notice, h.openid))));
  await cb.conditionalUpdate('vol_events', { _id: eventId, noticesPending: true }, { noticesPending: false });
}

/** The `sla` timer's pass: cancelled events whose notices a cut-off run left unwritten (index `notices_pending`). */
export async function finishCancelNotices(cb: CloudbaseDb): Promise<number> {
  const pending = await cb.readAll('vol_events', { noticesPending: true }, { cancelNotice: true });
  await mapBounded(pending, (d) => sendCancelNotices(cb, d._id, d.cancelNotice as NoticeTemplate), 2);
  return pending.length;
}
