import type { Notification } from '../../../core/model';
import type { AttendanceChange, CancelOutcome, EventCancellation, EventRepo, NoticeTemplate, SignUpOutcome, SignUpReads } from '../../../core/ports';
import type { Page } from '../../../core/views';
import type { HoursAudit, SignUp, VolunteerEvent } from '../../../core/volunteers/volunteer-model';
import { isDuplicateKey, StaleRead, type CloudbaseDb, type StoredDoc, type TxView } from '../../cloudbase/db';
import { str, eventDoc, toEvent, signUpDoc, toSignUp, personal, byArrival } from './cloudbase-event-docs';
import { outboxDoc } from '../concerns/cloudbase-outbox';
import { reconcileEventCounters } from '../../cloudbase/reconcile';
import { cancelEvent, finishCancelNotices } from './cloudbase-event-cancel';
import { confirmHours, heldHoursReasons, hoursAudit, recordAttendance } from './cloudbase-event-hours';

export { eventDoc } from './cloudbase-event-docs';

/*
 * HOT_EVENT: sign-ups change an event document outside any transaction (one conditional update each), so
 * a transaction that also writes it (a promotion, a cancellation) often finds it changed since its
 * snapshot. Each such transaction reads everything first and writes the event document before any other
 * document: the conflict comes at its first write, with nothing else written to throw away, and the
 * transaction is run again after a jittered pause (db.ts transaction, retry.ts).
 */

/**
 * Volunteer events (`vol_events`), sign-ups (`vol_signups`, `_id` `${eventId}_${openid}`), hours audit
 * (`vol_hours_audit`) and personal check-in codes (`vol_person_codes`, `_id` openid).
 *
 * Capacity is taken by ONE conditional update of the event document, never by reading the count:
 * `where({_id, status: 'open', signedCount: _.lt(capacity)}).updateAndReturn({signedCount: _.inc(1),
 * arrivals: _.inc(1)})` — it matches only while a place is free, and the `arrivals` it answers (the
 * event as updated) is this sign-up's place in the arrival order, known to this caller alone. The
 * waitlist is taken the same way. Then the sign-up document is written; if that write loses to a
 * concurrent call by the same person (same `_id`), the counter is given back.
 * Cancellation, promotion, event cancellation, hours and reminders are transactions of document
 * operations; what they must find with a query (the first waiting person, the holders of an event) is
 * read just before, and the transaction re-checks it (`StaleRead` starts the step again).
 */
export class CloudbaseEvents implements EventRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  /** Also finishes the notices of cancellations a cut-off run left unwritten (the same timer pass). */
  async reconcileCounters(now: string): Promise<number> {
    await finishCancelNotices(this.cb);
    return reconcileEventCounters(this.cb, now);
  }
  async createEvent(e: VolunteerEvent): Promise<void> {
    await this.cb.add('vol_events', eventDoc({ ...e, signedCount: 0, waitlistCount: 0 }));
  }
  async getEvent(id: string): Promise<VolunteerEvent | null> {
    const d = await this.cb.getDoc('vol_events', id);
    return d ? toEvent(d) : null;
  }
  async listEvents(teamIds: string[], from: string): Promise<VolunteerEvent[]> {
    if (teamIds.length === 0) return [];
    const docs = await this.cb.readAll('vol_events', { teamId: this.cb._.in(teamIds), endAt: this.cb._.gte(from) });
    return docs.map(toEvent).sort((a, b) => (a.startAt === b.startAt ? (a.id < b.id ? -1 : 1) : a.startAt < b.startAt ? -1 : 1));
  }
  async getSignUp(eventId: string, openid: string): Promise<SignUp | null> {
    const d = await this.cb.getDoc('vol_signups', `${eventId}_${openid}`);
    return d ? toSignUp(d) : null;
  }
  async listSignUps(eventId: string): Promise<SignUp[]> {
    return (await this.cb.readAll('vol_signups', { eventId })).map(toSignUp).sort(byArrival);
  }
  async waitlistPosition(eventId: string, arrival: number): Promise<number> {
    return this.cb.count('vol_signups', { eventId, status: 'waitlisted', arrival: this.cb._.lte(arrival) });
  }
  async signUpsOf(openid: string): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>> {
    const signUps = (await this.cb.readAll('vol_signups', { openid })).map(toSignUp);
    if (signUps.length === 0) return [];
    const events = new Map((await this.cb.readAll('vol_events', { _id: this.cb._.in([...new Set(signUps.map((s) => s.eventId))]) })).map((d) => [d._id, toEvent(d)]));
    return signUps
      .filter((s) => events.has(s.eventId))
      .map((signUp) => ({ signUp, event: events.get(signUp.eventId)! }))
      .sort((a, b) => (a.event.startAt === b.event.startAt ? (a.event.id < b.event.id ? -1 : 1) : a.event.startAt > b.event.startAt ? -1 : 1));
  }

  /** Takes one unit of a counter where the condition holds; answers the event as updated, or null. */
  private take(eventId: string, where: Record<string, unknown>, counter: 'signedCount' | 'waitlistCount'): Promise<StoredDoc | null> {
    const _ = this.cb._;
    return this.cb.updateAndReturn('vol_events', { _id: eventId, status: 'open', ...where }, { [counter]: _.inc(1), arrivals: _.inc(1) });
  }

  /** Gives back a unit taken by `take` whose sign-up was never written. */
  private async giveBack(eventId: string, counter: 'signedCount' | 'waitlistCount'): Promise<void> {
    await this.cb.updateWhere('vol_events', { _id: eventId, [counter]: this.cb._.gt(0) }, { [counter]: this.cb._.inc(-1) });
  }

  /**
   * The caller's reads (`read`) save this method its own two (the sign-up and the event, read at once
   * otherwise): every write below is conditional on the stored state.
   */
  async signUp(eventId: string, person: { openid: string; name: string }, requestId: string | null, at: string, read?: SignUpReads): Promise<SignUpOutcome> {
    const id = `${eventId}_${person.openid}`;
    const [heldDoc, evDoc] = read ? [null, null] : await Promise.all([this.cb.getDoc('vol_signups', id), this.cb.getDoc('vol_events', eventId, { capacity: true, status: true, waitlist: true, signedCount: true })]);
    const held = read ? read.held : heldDoc && toSignUp(heldDoc);
    if (held) {
      if (held.status !== 'cancelled') return { kind: held.status, signUp: held, created: false };
      if (requestId !== null && held.requestId === requestId) return { kind: 'stale', signUp: held };
    }
    const ev = read ? read.event : evDoc;
    if (!ev || ev.status !== 'open') return { kind: 'closed' };

    let status: 'signed' | 'waitlisted' = 'signed';
    let counter: 'signedCount' | 'waitlistCount' = 'signedCount';
    // capacity never changes, so comparing against the value read is the same as comparing against the stored one.
    // An event read full with a waitlist goes straight to the waitlist: a place freed since is given to the
    // first waiting sign-up by the fillFreePlaces below, as to any other that waits.
    const readFull = ev.waitlist === true && Number(ev.signedCount) >= Number(ev.capacity);
    let taken = readFull ? null : await this.take(eventId, { signedCount: this.cb._.lt(Number(ev.capacity)) }, counter);
    if (!taken && ev.waitlist === true) {
      status = 'waitlisted';
      counter = 'waitlistCount';
      taken = await this.take(eventId, { waitlist: true }, counter);
    }
    if (!taken) {
      const now = await this.cb.getDoc('vol_events', eventId, { status: true });
      return now && now.status === 'open' ? { kind: 'full' } : { kind: 'closed' };
    }

    const signUp: SignUp = {
      id,
      eventId,
      openid: person.openid,
      name: person.name,
      status,
      arrival: Number(taken.arrivals),
      requestId,
      signedUpAt: at,
      checkInAt: null,
      checkOutAt: null,
      confirmedMinutes: null,
      confirmedAt: null,
      remindedAt: null,
    };
    let written: boolean;
    try {
      if (held) {
        // A cancelled sign-up comes back to life only from the state read above.
        const { _id, ...fields } = signUpDoc(signUp);
        written = await this.cb.conditionalUpdate('vol_signups', { _id, status: 'cancelled', arrival: Number(held.arrival) }, fields);
      } else {
        await this.cb.add('vol_signups', signUpDoc(signUp));
        written = true;
      }
    } catch (e) {
      if (!isDuplicateKey(e)) {
        await this.giveBack(eventId, counter);
        throw e;
      }
      written = false;
    }
    if (!written) {
      // A concurrent call by the same person wrote the sign-up first: that one holds the place.
      await this.giveBack(eventId, counter);
      if (status === 'signed') await this.fillFreePlaces(eventId);
      const winner = await this.cb.getDoc('vol_signups', id);
      if (!winner) throw new Error(`sign-up ${id} lost a race to a document that is gone`);
      const w = toSignUp(winner);
      return w.status === 'cancelled' ? { kind: 'stale', signUp: w } : { kind: w.status, signUp: w, created: false };
    }
    if (status === 'waitlisted') {
      // The free-place check and this sign-up's position, read at once; a promotion made by the check
      // moves the queue, so the position is counted again after one.
      const [promoted, position] = await Promise.all([this.fillFreePlaces(eventId), this.waitlistPosition(eventId, signUp.arrival)]);
      if (promoted.includes(id)) return { kind: 'signed', signUp: { ...signUp, status: 'signed' }, created: true };
      return { kind: status, signUp, created: true, position: promoted.length === 0 ? position : await this.waitlistPosition(eventId, signUp.arrival) };
    }
    return { kind: status, signUp, created: true };
  }

  /** The first waiting sign-ups of an event, by arrival (a query: run before a transaction). */
  private async firstWaiting(eventId: string, n = 1): Promise<StoredDoc[]> {
    return this.cb.find('vol_signups', { eventId, status: 'waitlisted' }, [['arrival', 'asc']], n);
  }

  /** In a transaction: the sign-up `candidateId`, still waiting for this event; StaleRead when it no longer waits. */
  private async waitingIn(tx: TxView, eventId: string, candidateId: string): Promise<StoredDoc> {
    const c = await tx.get('vol_signups', candidateId);
    if (!c || c.status !== 'waitlisted' || c.eventId !== eventId) throw new StaleRead(`waiting sign-up ${candidateId}`);
    return c;
  }

  /** In a transaction: moves a waiting sign-up (read by waitingIn) to signed. */
  private async promoteIn(tx: TxView, waiting: StoredDoc): Promise<SignUp> {
    await tx.update('vol_signups', waiting._id, { status: 'signed' });
    return { ...toSignUp(waiting), status: 'signed' };
  }

  /**
   * Closes the window in which a place is free while someone waits (a sign-up given back, or a person
   * waitlisted while a cancellation read the queue before their document existed): promotes the first
   * waiting sign-ups into free places, one transaction each. Returns the promoted sign-up ids. These
   * promotions happen outside a cancellation, so no promotion notice is queued for them.
   */
  private async fillFreePlaces(eventId: string): Promise<string[]> {
    const promoted: string[] = [];
    for (let round = 0; round < 10; round++) {
      const ev = await this.cb.getDoc('vol_events', eventId, { status: true, capacity: true, signedCount: true, waitlistCount: true });
      if (!ev || ev.status !== 'open' || Number(ev.signedCount) >= Number(ev.capacity) || Number(ev.waitlistCount) <= 0) return promoted;
      const [candidate] = await this.firstWaiting(eventId);
      if (!candidate) return promoted;
      try {
        const done = await this.cb.transaction(async (tx) => {
          const e = await tx.get('vol_events', eventId);
          if (!e || e.status !== 'open' || Number(e.signedCount) >= Number(e.capacity) || Number(e.waitlistCount) <= 0) return null;
          const waiting = await this.waitingIn(tx, eventId, candidate._id);
          await tx.update('vol_events', eventId, { signedCount: this.cb._.inc(1), waitlistCount: this.cb._.inc(-1) });
          return this.promoteIn(tx, waiting);
        });
        if (!done) return promoted;
        promoted.push(done.id);
      } catch (e) {
        if (!(e instanceof StaleRead)) throw e;
      }
    }
    return promoted;
  }

  async cancelSignUp(eventId: string, openid: string, _at: string, promotionNotice: NoticeTemplate): Promise<CancelOutcome> {
    const id = `${eventId}_${openid}`;
    return this.cb.withFreshReads(async () => {
      const seen = await this.cb.getDoc('vol_signups', id, { status: true });
      if (!seen || seen.status === 'cancelled') return { cancelled: null, promoted: null };
      const [candidate] = seen.status === 'signed' ? await this.firstWaiting(eventId) : [];
      return this.cb.transaction(async (tx): Promise<CancelOutcome> => {
        const cur = await tx.get('vol_signups', id);
        if (!cur || cur.status === 'cancelled') return { cancelled: null, promoted: null };
        if (cur.status !== seen.status) throw new StaleRead(`sign-up ${id}`);
        const ev = await tx.get('vol_events', eventId);
        if (!ev) throw new Error(`sign-up ${id} of a missing event`);
        const cancelled: SignUp = { ...toSignUp(cur), status: 'cancelled' };
        const _ = this.cb._;
        // Every read first, then the hot event document is written before anything else (see HOT_EVENT).
        if (cur.status === 'waitlisted') {
          if (Number(ev.waitlistCount) > 0) await tx.update('vol_events', eventId, { waitlistCount: _.inc(-1) });
          await tx.update('vol_signups', id, { status: 'cancelled' });
          return { cancelled, promoted: null };
        }
        if (candidate && ev.status === 'open' && Number(ev.waitlistCount) > 0) {
          const waiting = await this.waitingIn(tx, eventId, candidate._id);
          // The freed place goes to the first waiting person: signedCount stays, waitlistCount drops.
          await tx.update('vol_events', eventId, { waitlistCount: _.inc(-1) });
          await tx.update('vol_signups', id, { status: 'cancelled' });
          const promoted = await this.promoteIn(tx, waiting);
          await tx.create('outbox', outboxDoc(personal(promotionNotice, promoted.openid)));
          return { cancelled, promoted };
        }
        if (Number(ev.signedCount) > 0) await tx.update('vol_events', eventId, { signedCount: _.inc(-1) });
        await tx.update('vol_signups', id, { status: 'cancelled' });
        return { cancelled, promoted: null };
      });
    });
  }

  /** One transaction on the event document, then the holders' notices: see ./event-cancel.ts. */
  async cancelEvent(eventId: string, cancel: EventCancellation, notice: NoticeTemplate): Promise<number | null> {
    return cancelEvent(this.cb, eventId, cancel, notice);
  }

  /** Two indexed queries (`moderation: 'held'`, `cancelModeration: 'held'`) in the given teams, merged. */
  async heldEvents(teamIds: string[] | null, limit: number): Promise<VolunteerEvent[]> {
    if (teamIds !== null && teamIds.length === 0) return [];
    const inTeams = teamIds === null ? {} : { teamId: teamIds.length === 1 ? teamIds[0] : this.cb._.in(teamIds) };
    const [texts, reasons] = await Promise.all([
      this.cb.collect('vol_events', { moderation: 'held', ...inTeams }, { field: 'createdAt', dir: 'asc' }, limit),
      this.cb.collect('vol_events', { cancelModeration: 'held', ...inTeams }, { field: 'cancelledAt', dir: 'asc' }, limit),
    ]);
    const at = (e: VolunteerEvent) => (e.moderation === 'held' ? e.createdAt : (e.cancelledAt ?? e.createdAt));
    const byId = new Map([...texts, ...reasons].map((d) => [d._id, toEvent(d)]));
    return [...byId.values()].sort((a, b) => (at(a) === at(b) ? (a.id < b.id ? -1 : 1) : at(a) < at(b) ? -1 : 1)).slice(0, limit);
  }

  /** One transaction: the field's conditional move from `held`, and the notices. */
  async decideEvent(eventId: string, field: 'event' | 'cancelReason', to: 'published' | 'rejected', notices: Notification[]): Promise<boolean> {
    const key = field === 'event' ? 'moderation' : 'cancelModeration';
    return this.cb.transaction(async (tx) => {
      const cur = await tx.get('vol_events', eventId);
      if (!cur || cur[key] !== 'held') return false;
      await tx.update('vol_events', eventId, { [key]: to });
      await tx.createAll('outbox', notices.map(outboxDoc));
      return true;
    });
  }

  /** One transaction: the conditional set of `textRemovedAt` on a published event. */
  async takeDownText(eventId: string, at: string): Promise<boolean> {
    return this.cb.transaction(async (tx) => {
      const cur = await tx.get('vol_events', eventId);
      if (!cur || (cur.moderation ?? 'published') !== 'published' || str(cur.textRemovedAt) !== null) return false;
      await tx.update('vol_events', eventId, { textRemovedAt: at });
      return true;
    });
  }

  /** The held reasons of the given teams' events, oldest first: see ./event-hours.ts. */
  async heldHoursReasons(teamIds: string[] | null, limit: number): Promise<HoursAudit[]> {
    return heldHoursReasons(this.cb, teamIds, limit);
  }

  /** A conditional single-document update of `reasonModeration` from `held`. */
  async decideHoursReason(entryId: string, to: 'published' | 'rejected'): Promise<boolean> {
    return this.cb.conditionalUpdate('vol_hours_audit', { _id: entryId, reasonModeration: 'held' }, { reasonModeration: to });
  }

  async recordAttendance(signUpId: string, change: AttendanceChange): Promise<SignUp | null> {
    return recordAttendance(this.cb, signUpId, change);
  }

  /** Checked whole first, then written in chunks; running the entries again finishes a cut-off run: see ./event-hours.ts. */
  async confirmHours(eventId: string, entries: HoursAudit[]): Promise<void> {
    return confirmHours(this.cb, eventId, entries);
  }

  async hoursAudit(eventId: string): Promise<HoursAudit[]> {
    return hoursAudit(this.cb, eventId);
  }

  /**
   * Events starting in (from, until], a page at a time by (startAt, _id) (index `upcoming`), and of each
   * its signed places not yet reminded, by arrival, a request's worth at a time: no cap of one request
   * cuts the answer short of `limit`.
   */
  async dueReminders(from: string, until: string, limit: number): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>> {
    const _ = this.cb._;
    const out: Array<{ signUp: SignUp; event: VolunteerEvent }> = [];
    const filter = { status: 'open', startAt: _.gt(from).and(_.lte(until)) };
    let cursor: string | null = null;
    do {
      const page: Page<VolunteerEvent> = await this.cb.keysetPage('vol_events', filter, { cursor, limit: this.cb.pageSize - 1 }, { field: 'startAt', dir: 'asc' }, toEvent);
      for (const event of page.items) {
        let after = -1;
        while (out.length < limit) {
          const n = Math.min(limit - out.length, this.cb.pageSize);
          const due = await this.cb.find('vol_signups', { eventId: event.id, status: 'signed', remindedAt: null, arrival: _.gt(after) }, [['arrival', 'asc']], n);
          out.push(...due.map((s) => ({ signUp: toSignUp(s), event })));
          if (due.length < n) break;
          after = Number(due[due.length - 1].arrival);
        }
        if (out.length >= limit) return out;
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return out;
  }

  async markReminded(signUpId: string, at: string, notice: Notification): Promise<boolean> {
    return this.cb.transaction(async (tx) => {
      const su = await tx.get('vol_signups', signUpId);
      if (!su || (su.remindedAt !== null && su.remindedAt !== undefined)) return false;
      await tx.update('vol_signups', signUpId, { remindedAt: at });
      await tx.create('outbox', outboxDoc(notice));
      return true;
    });
  }

  async personalCode(openid: string, fresh: string): Promise<string> {
    const { doc } = await this.cb.createOnce('vol_person_codes', { _id: openid, code: fresh });
    return String(doc.code);
  }

  async personByCode(code: string): Promise<string | null> {
    const [d] = await this.cb.find('vol_person_codes', { code }, [], 1);
    return d ? d._id : null;
  }
}
