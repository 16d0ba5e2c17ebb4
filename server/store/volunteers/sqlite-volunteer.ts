/**
 * The SQLite adapter of the volunteer repositories (core/ports.ts: TeamRepo, EventRepo). Every
 * multi-row step is one IMMEDIATE transaction; capacity is taken by a conditional UPDATE of the event's
 * counter (`… WHERE signed_count < capacity`), never by reading the count and writing it back.
 * SqliteTeams (TeamRepo) is in sqlite-volunteer-teams.ts; the row mappers in sqlite-volunteer-rows.ts.
 */
import type Database from 'better-sqlite3';
import type { Notification } from '../../../core/model';
import type { AttendanceChange, CancelOutcome, EventCancellation, EventRepo, NoticeTemplate, SignUpOutcome } from '../../../core/ports';
import type { HoursAudit, SignUp, VolunteerEvent } from '../../../core/volunteers/volunteer-model';
import { outboxEnqueuer } from '../concerns/sqlite-outbox';
import { personal, toAudit, toEvent, toSignUp, type Row } from './sqlite-volunteer-rows';

export class SqliteEvents implements EventRepo {
  private readonly q;
  private readonly signUpTx;
  private readonly cancelTx;
  private readonly cancelEventTx;
  private readonly confirmTx;
  private readonly remindTx;
  private readonly decideTx;
  private readonly enqueue;

  constructor(private readonly db: Database.Database) {
    this.enqueue = outboxEnqueuer(db);
    this.q = {
      insert: db.prepare(`INSERT INTO vol_events (id, team_id, title, description, place, start_at, end_at, signup_deadline, capacity, waitlist,
          open_to, status, moderation, cancel_reason, cancel_moderation, cancelled_at, text_removed_at, signed_count, waitlist_count, arrivals, checkin_code, created_by, created_at)
        VALUES (@id, @teamId, @title, @description, @place, @startAt, @endAt, @signupDeadline, @capacity, @waitlistInt,
          @openTo, @status, @moderation, @cancelReason, @cancelModeration, @cancelledAt, @textRemovedAt, 0, 0, 0, @checkinCode, @createdBy, @createdAt)`),
      event: db.prepare(`SELECT * FROM vol_events WHERE id = ?`),
      // Counters and sign-ups change in one transaction here, so they never disagree; this only repairs.
      reconcile: db.prepare(`UPDATE vol_events SET
          signed_count = (SELECT COUNT(*) FROM vol_signups s WHERE s.event_id = vol_events.id AND s.status = 'signed'),
          waitlist_count = (SELECT COUNT(*) FROM vol_signups s WHERE s.event_id = vol_events.id AND s.status = 'waitlisted')
        WHERE status = 'open' AND (signed_count != (SELECT COUNT(*) FROM vol_signups s WHERE s.event_id = vol_events.id AND s.status = 'signed')
          OR waitlist_count != (SELECT COUNT(*) FROM vol_signups s WHERE s.event_id = vol_events.id AND s.status = 'waitlisted'))`),
      signUp: db.prepare(`SELECT * FROM vol_signups WHERE id = ?`),
      signUps: db.prepare(`SELECT * FROM vol_signups WHERE event_id = ? ORDER BY arrival`),
      signUpsOf: db.prepare(`SELECT s.* FROM vol_signups s JOIN vol_events e ON e.id = s.event_id WHERE s.openid = ? ORDER BY e.start_at DESC, e.id`),
      position: db.prepare(`SELECT COUNT(*) FROM vol_signups WHERE event_id = ? AND status = 'waitlisted' AND arrival <= ?`).pluck(),
      // The atomic steps: each matches the event only while the condition holds.
      takePlace: db.prepare(`UPDATE vol_events SET signed_count = signed_count + 1, arrivals = arrivals + 1
        WHERE id = ? AND status = 'open' AND signed_count < capacity RETURNING arrivals`).pluck(),
      takeWaitlist: db.prepare(`UPDATE vol_events SET waitlist_count = waitlist_count + 1, arrivals = arrivals + 1
        WHERE id = ? AND status = 'open' AND waitlist = 1 RETURNING arrivals`).pluck(),
      upsertSignUp: db.prepare(`INSERT INTO vol_signups (id, event_id, openid, name, status, arrival, request_id, signed_up_at)
        VALUES (@id, @eventId, @openid, @name, @status, @arrival, @requestId, @at)
        ON CONFLICT(id) DO UPDATE SET status = excluded.status, name = excluded.name, arrival = excluded.arrival, request_id = excluded.request_id,
          signed_up_at = excluded.signed_up_at, check_in_at = NULL, check_out_at = NULL, confirmed_minutes = NULL, confirmed_at = NULL, reminded_at = NULL
        WHERE vol_signups.status = 'cancelled'`),
      cancel: db.prepare(`UPDATE vol_signups SET status = 'cancelled' WHERE id = ? AND status = ?`),
      releasePlace: db.prepare(`UPDATE vol_events SET signed_count = signed_count - 1 WHERE id = ? AND signed_count > 0`),
      leaveWaitlist: db.prepare(`UPDATE vol_events SET waitlist_count = waitlist_count - 1 WHERE id = ? AND waitlist_count > 0`),
      firstWaiting: db.prepare(`SELECT * FROM vol_signups WHERE event_id = ? AND status = 'waitlisted' ORDER BY arrival LIMIT 1`),
      promote: db.prepare(`UPDATE vol_signups SET status = 'signed' WHERE id = ? AND status = 'waitlisted'`),
      promoteCount: db.prepare(`UPDATE vol_events SET signed_count = signed_count + 1, waitlist_count = waitlist_count - 1
        WHERE id = ? AND status = 'open' AND signed_count < capacity AND waitlist_count > 0`),
      cancelEvent: db.prepare(`UPDATE vol_events SET status = 'cancelled', cancel_reason = @reason, cancel_moderation = @moderation, cancelled_at = @at
        WHERE id = @id AND status = 'open'`),
      heldEvents: db.prepare(`SELECT * FROM vol_events WHERE moderation = 'held' ORDER BY created_at, id`),
      heldCancels: db.prepare(`SELECT * FROM vol_events WHERE cancel_moderation = 'held' ORDER BY cancelled_at, id`),
      decideEvent: db.prepare(`UPDATE vol_events SET moderation = ? WHERE id = ? AND moderation = 'held'`),
      takeDown: db.prepare(`UPDATE vol_events SET text_removed_at = ? WHERE id = ? AND moderation = 'published' AND text_removed_at IS NULL`),
      decideCancel: db.prepare(`UPDATE vol_events SET cancel_moderation = ? WHERE id = ? AND cancel_moderation = 'held'`),
      holders: db.prepare(`SELECT openid FROM vol_signups WHERE event_id = ? AND status IN ('signed','waitlisted') ORDER BY arrival`).pluck(),
      checkIn: db.prepare(`UPDATE vol_signups SET check_in_at = ? WHERE id = ? AND status = 'signed' AND check_in_at IS NULL`),
      checkOut: db.prepare(`UPDATE vol_signups SET check_out_at = ? WHERE id = ? AND status = 'signed' AND check_in_at IS NOT NULL AND check_out_at IS NULL`),
      confirm: db.prepare(`UPDATE vol_signups SET confirmed_minutes = ?, confirmed_at = ? WHERE id = ? AND event_id = ?`),
      insertAudit: db.prepare(`INSERT INTO vol_hours_audit (id, signup_id, event_id, actor_openid, actor_name, at, computed_minutes, from_minutes, to_minutes, reason, reason_moderation)
        VALUES (@id, @signUpId, @eventId, @actorOpenid, @actorName, @at, @computedMinutes, @fromMinutes, @toMinutes, @reason, @reasonModeration)`),
      heldReasons: db.prepare(`SELECT a.*, e.team_id FROM vol_hours_audit a JOIN vol_events e ON e.id = a.event_id WHERE a.reason_moderation = 'held' ORDER BY a.at, a.id`),
      decideReason: db.prepare(`UPDATE vol_hours_audit SET reason_moderation = ? WHERE id = ? AND reason_moderation = 'held'`),
      audit: db.prepare(`SELECT * FROM vol_hours_audit WHERE event_id = ? ORDER BY at, rowid`),
      due: db.prepare(`SELECT s.* FROM vol_signups s JOIN vol_events e ON e.id = s.event_id
        WHERE e.status = 'open' AND e.start_at > ? AND e.start_at <= ? AND s.status = 'signed' AND s.reminded_at IS NULL
        ORDER BY e.start_at, s.arrival LIMIT ?`),
      remind: db.prepare(`UPDATE vol_signups SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL`),
      insertCode: db.prepare(`INSERT INTO vol_person_codes (openid, code) VALUES (?, ?) ON CONFLICT(openid) DO NOTHING`),
      code: db.prepare(`SELECT code FROM vol_person_codes WHERE openid = ?`).pluck(),
      byCode: db.prepare(`SELECT openid FROM vol_person_codes WHERE code = ?`).pluck(),
    };

    this.signUpTx = db.transaction((eventId: string, person: { openid: string; name: string }, requestId: string | null, at: string): SignUpOutcome => {
      const id = `${eventId}_${person.openid}`;
      const held = this.q.signUp.get(id) as Row | undefined;
      if (held) {
        const su = toSignUp(held);
        if (su.status !== 'cancelled') return { kind: su.status, signUp: su, created: false };
        if (requestId !== null && su.requestId === requestId) return { kind: 'stale', signUp: su };
      }
      let status: 'signed' | 'waitlisted' = 'signed';
      let arrival = this.q.takePlace.get(eventId) as number | undefined;
      if (arrival === undefined) {
        status = 'waitlisted';
        arrival = this.q.takeWaitlist.get(eventId) as number | undefined;
      }
      if (arrival === undefined) {
        const ev = this.q.event.get(eventId) as Row | undefined;
        return ev && ev.status === 'open' ? { kind: 'full' } : { kind: 'closed' };
      }
      this.q.upsertSignUp.run({ id, eventId, openid: person.openid, name: person.name, status, arrival, requestId, at });
      return { kind: status, signUp: toSignUp(this.q.signUp.get(id) as Row), created: true };
    });

    this.cancelTx = db.transaction((eventId: string, openid: string, _at: string, promotion: NoticeTemplate): CancelOutcome => {
      const row = this.q.signUp.get(`${eventId}_${openid}`) as Row | undefined;
      if (!row) return { cancelled: null, promoted: null };
      const su = toSignUp(row);
      if (su.status === 'cancelled' || this.q.cancel.run(su.id, su.status).changes !== 1) return { cancelled: null, promoted: null };
      const cancelled = toSignUp(this.q.signUp.get(su.id) as Row);
      if (su.status === 'waitlisted') {
        this.q.leaveWaitlist.run(eventId);
        return { cancelled, promoted: null };
      }
      this.q.releasePlace.run(eventId);
      const first = this.q.firstWaiting.get(eventId) as Row | undefined;
      if (!first || this.q.promoteCount.run(eventId).changes !== 1) return { cancelled, promoted: null };
      this.q.promote.run(first.id);
      const promoted = toSignUp(this.q.signUp.get(first.id) as Row);
      this.enqueue([personal(promotion, promoted.openid)]);
      return { cancelled, promoted };
    });

    this.cancelEventTx = db.transaction((eventId: string, cancel: EventCancellation, notice: NoticeTemplate): number | null => {
      if (this.q.cancelEvent.run({ ...cancel, id: eventId }).changes !== 1) return null;
      const holders = this.q.holders.all(eventId) as string[];
      this.enqueue(holders.map((o) => personal(notice, o)));
      return holders.length;
    });

    this.confirmTx = db.transaction((eventId: string, entries: HoursAudit[]) => {
      for (const e of entries) {
        if (e.eventId !== eventId || this.q.confirm.run(e.toMinutes, e.at, e.signUpId, eventId).changes !== 1) {
          throw new Error(`sign-up ${e.signUpId} is not part of event ${eventId}`);
        }
        this.q.insertAudit.run(e);
      }
    });

    this.decideTx = db.transaction((eventId: string, field: 'event' | 'cancelReason', to: string, notices: Notification[]): boolean => {
      if ((field === 'event' ? this.q.decideEvent : this.q.decideCancel).run(to, eventId).changes !== 1) return false;
      this.enqueue(notices);
      return true;
    });

    this.remindTx = db.transaction((id: string, at: string, notice: Notification): boolean => {
      if (this.q.remind.run(at, id).changes !== 1) return false;
      this.enqueue([notice]);
      return true;
    });
  }

  async createEvent(e: VolunteerEvent): Promise<void> {
    this.q.insert.run({ ...e, waitlistInt: e.waitlist ? 1 : 0 });
  }
  async reconcileCounters(_now: string): Promise<number> {
    return this.q.reconcile.run().changes;
  }
  async getEvent(id: string): Promise<VolunteerEvent | null> {
    const r = this.q.event.get(id) as Row | undefined;
    return r ? toEvent(r) : null;
  }
  async listEvents(teamIds: string[], from: string): Promise<VolunteerEvent[]> {
    if (teamIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM vol_events WHERE team_id IN (${teamIds.map(() => '?').join(',')}) AND end_at >= ? ORDER BY start_at, id`)
      .all(...teamIds, from) as Row[];
    return rows.map(toEvent);
  }
  async getSignUp(eventId: string, openid: string): Promise<SignUp | null> {
    const r = this.q.signUp.get(`${eventId}_${openid}`) as Row | undefined;
    return r ? toSignUp(r) : null;
  }
  async listSignUps(eventId: string): Promise<SignUp[]> {
    return (this.q.signUps.all(eventId) as Row[]).map(toSignUp);
  }
  async waitlistPosition(eventId: string, arrival: number): Promise<number> {
    return this.q.position.get(eventId, arrival) as number;
  }
  async signUpsOf(openid: string): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>> {
    return (this.q.signUpsOf.all(openid) as Row[]).map((r) => ({ signUp: toSignUp(r), event: toEvent(this.q.event.get(r.event_id) as Row) }));
  }
  async signUp(eventId: string, person: { openid: string; name: string }, requestId: string | null, at: string): Promise<SignUpOutcome> {
    return this.signUpTx.immediate(eventId, person, requestId, at);
  }
  async cancelSignUp(eventId: string, openid: string, at: string, promotionNotice: NoticeTemplate): Promise<CancelOutcome> {
    return this.cancelTx.immediate(eventId, openid, at, promotionNotice);
  }
  async cancelEvent(eventId: string, cancel: EventCancellation, notice: NoticeTemplate): Promise<number | null> {
    return this.cancelEventTx.immediate(eventId, cancel, notice);
  }
  async heldEvents(teamIds: string[] | null, limit: number): Promise<VolunteerEvent[]> {
    // Two partial indexes (held texts, held reasons), merged oldest first; held items are few.
    const teams = teamIds === null ? null : new Set(teamIds);
    const at = (e: VolunteerEvent) => (e.moderation === 'held' ? e.createdAt : (e.cancelledAt ?? e.createdAt));
    const byId = new Map<string, VolunteerEvent>();
    for (const r of [...(this.q.heldEvents.all() as Row[]), ...(this.q.heldCancels.all() as Row[])]) byId.set(r.id as string, toEvent(r));
    return [...byId.values()]
      .filter((e) => teams === null || teams.has(e.teamId))
      .sort((a, b) => (at(a) === at(b) ? (a.id < b.id ? -1 : 1) : at(a) < at(b) ? -1 : 1))
      .slice(0, limit);
  }
  async heldHoursReasons(teamIds: string[] | null, limit: number): Promise<HoursAudit[]> {
    const teams = teamIds === null ? null : new Set(teamIds);
    return (this.q.heldReasons.all() as Row[])
      .filter((r) => teams === null || teams.has(r.team_id as string))
      .slice(0, limit)
      .map(toAudit);
  }
  async decideHoursReason(entryId: string, to: 'published' | 'rejected'): Promise<boolean> {
    return this.q.decideReason.run(to, entryId).changes === 1;
  }
  async decideEvent(eventId: string, field: 'event' | 'cancelReason', to: 'published' | 'rejected', notices: Notification[]): Promise<boolean> {
    return this.decideTx.immediate(eventId, field, to, notices);
  }
  async takeDownText(eventId: string, at: string): Promise<boolean> {
    return this.q.takeDown.run(at, eventId).changes === 1;
  }
  async recordAttendance(signUpId: string, change: AttendanceChange): Promise<SignUp | null> {
    const stmt = change.field === 'checkIn' ? this.q.checkIn : this.q.checkOut;
    if (stmt.run(change.at, signUpId).changes !== 1) return null;
    return toSignUp(this.q.signUp.get(signUpId) as Row);
  }
  async confirmHours(eventId: string, entries: HoursAudit[]): Promise<void> {
    this.confirmTx.immediate(eventId, entries);
  }
  async hoursAudit(eventId: string): Promise<HoursAudit[]> {
    return (this.q.audit.all(eventId) as Row[]).map(toAudit);
  }
  async dueReminders(from: string, until: string, limit: number): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>> {
    const cache = new Map<string, VolunteerEvent>();
    return (this.q.due.all(from, until, limit) as Row[]).map((r) => {
      const id = r.event_id as string;
      let event = cache.get(id);
      if (!event) {
        event = toEvent(this.q.event.get(id) as Row);
        cache.set(id, event);
      }
      return { signUp: toSignUp(r), event };
    });
  }
  async markReminded(signUpId: string, at: string, notice: Notification): Promise<boolean> {
    return this.remindTx.immediate(signUpId, at, notice);
  }
  async personalCode(openid: string, fresh: string): Promise<string> {
    this.q.insertCode.run(openid, fresh);
    return this.q.code.get(openid) as string;
  }
  async personByCode(code: string): Promise<string | null> {
    return (this.q.byCode.get(code) as string | undefined) ?? null;
  }
}
