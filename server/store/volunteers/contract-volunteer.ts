/**
 * Contract cases for the volunteer repositories (issue 5): teams and memberships, events with atomic
 * capacity and waitlist, attendance, hours, reminders and personal codes — including 200 sign-ups at
 * once for 50 places. Called by describeStoreContract.
 */
import type { EventCancellation, NoticeTemplate, Store } from '../../../core/ports';
import { NEW_EVENT_STATE, type HoursAudit, type Membership, type SignUp, type VolunteerEvent } from '../../../core/volunteers/volunteer-model';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, DEMO_TEAMS, type VolunteerData } from '../../demo-data';
import { at, uid } from '../contract-fixtures';

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

export function volunteerEvent(over: Partial<VolunteerEvent> = {}): VolunteerEvent {
  return {
    id: uid('ev'),
    teamId: DEMO_TEAMS.daguo,
    title: '大扫除',
    description: '清理村道',
    place: '大果祠堂',
    startAt: at(7 * 86400),
    endAt: at(7 * 86400 + 7200),
    signupDeadline: at(6 * 86400),
    capacity: 3,
    waitlist: true,
    openTo: 'all',
    ...NEW_EVENT_STATE,
    checkinCode: 'code-x',
    createdBy: I.daguoLeader,
    createdAt: at(0),
    ...over,
  };
}

export function template(kind: NoticeTemplate['kind'] = 'event_promoted'): NoticeTemplate {
  return { id: uid('n'), kind, title: '候补转为正式报名', body: '您已从候补转为正式报名', page: '/volunteer/pages/event/index?id=e1', createdAt: at(10) };
}

export function membership(teamId: string, openid: string, over: Partial<Membership> = {}): Membership {
  return { id: `${teamId}_${openid}`, teamId, openid, name: '街坊', status: 'pending', partyMember: false, appliedAt: at(1), decidedAt: null, note: null, noteModeration: 'published', ...over };
}

const cancellation = (reason: string, moderation: EventCancellation['moderation'] = 'published'): EventCancellation => ({ reason, moderation, at: at(3) });

export const person = (openid: string) => ({ openid, name: `街坊${openid.slice(-3)}` });

export function describeVolunteerContract(current: () => Store, seeded: VolunteerData): void {
  describe('volunteer teams', () => {
    it('lists teams, their leaders and members as seeded', async () => {
      const { teams } = current();
      expect(await teams.listTeams()).toEqual([...seeded.teams].sort((a, b) => (a.nodeId + a.id < b.nodeId + b.id ? -1 : 1)));
      expect(await teams.getTeam(DEMO_TEAMS.daguo)).toEqual(seeded.teams.find((t) => t.id === DEMO_TEAMS.daguo));
      expect(await teams.getTeam('team-missing')).toBeNull();
      expect(await teams.ledBy(I.daguoLeader)).toEqual([DEMO_TEAMS.daguo]);
      expect(await teams.ledBy(I.resident)).toEqual([]);
      expect(await teams.isLeader(DEMO_TEAMS.daguo, I.daguoLeader)).toBe(true);
      expect(await teams.isLeader(DEMO_TEAMS.dungen, I.daguoLeader)).toBe(false);
      expect(await teams.leaders(DEMO_TEAMS.dungen)).toEqual([{ openid: I.dungenLeader, name: '潘会长' }]);
      expect(await teams.getMembership(DEMO_TEAMS.daguo, I.resident2)).toEqual(seeded.members[0]);
      expect(await teams.memberCounts()).toEqual(new Map([[DEMO_TEAMS.daguo, 1]]));
    });

    it('records an application once, re-opens a declined one, and queues notices only when it changed', async () => {
      const store = current();
      const { teams } = store;
      const n1 = { ...template('team_applied'), id: uid('n'), recipientOpenid: I.daguoLeader };
      const first = await teams.apply(membership(DEMO_TEAMS.daguo, I.resident, { name: '陈阿姨' }), [n1]);
      expect(first).toEqual({ membership: membership(DEMO_TEAMS.daguo, I.resident, { name: '陈阿姨' }), changed: true });
      const n2 = { ...n1, id: uid('n') };
      expect(await teams.apply(membership(DEMO_TEAMS.daguo, I.resident, { appliedAt: at(2) }), [n2])).toEqual({ membership: first.membership, changed: false });
      expect(await store.outbox.get(n1.id)).not.toBeNull();
      expect(await store.outbox.get(n2.id)).toBeNull();
      const declined = await teams.transition(first.membership.id, ['pending'], 'declined', at(3), []);
      expect(declined).toEqual({ ...first.membership, status: 'declined', decidedAt: at(3) });
      expect(await teams.transition(first.membership.id, ['pending'], 'member', at(4), [])).toBeNull();
      const again = await teams.apply(membership(DEMO_TEAMS.daguo, I.resident, { name: '陈阿姨', appliedAt: at(5) }), [n2]);
      expect(again).toEqual({ membership: membership(DEMO_TEAMS.daguo, I.resident, { name: '陈阿姨', appliedAt: at(5) }), changed: true });
      expect(await store.outbox.get(n2.id)).not.toBeNull();
      expect(await teams.membershipsOf(I.resident)).toEqual([again.membership]);
      expect((await teams.listMembers(DEMO_TEAMS.daguo)).map((m) => m.openid)).toEqual([I.resident2, I.resident]);
    });

    it('lets one of two concurrent decisions on an application win, and keeps one record per person', async () => {
      const store = current();
      const m = membership(DEMO_TEAMS.dungen, I.resident);
      const applied = await Promise.all(Array.from({ length: 5 }, () => store.teams.apply(m, [])));
      expect(applied.filter((a) => a.changed)).toHaveLength(1);
      const notices = [0, 1].map(() => ({ ...template('team_reviewed'), id: uid('n'), recipientOpenid: I.resident }));
      const decided = await Promise.all([store.teams.transition(m.id, ['pending'], 'member', at(6), [notices[0]]), store.teams.transition(m.id, ['pending'], 'declined', at(6), [notices[1]])]);
      expect(decided.filter((d) => d !== null)).toHaveLength(1);
      const winner = decided.findIndex((d) => d !== null);
      expect(await store.outbox.get(notices[winner].id)).not.toBeNull();
      expect(await store.outbox.get(notices[1 - winner].id)).toBeNull();
      expect((await store.teams.listMembers(DEMO_TEAMS.dungen)).map((x) => x.status)).toEqual([decided[winner]!.status]);
    });

    it('sets the 党员 badge of a current member only, and setting it twice answers the member both times', async () => {
      const { teams } = current();
      const id = `${DEMO_TEAMS.daguo}_${I.resident2}`;
      expect(await teams.setPartyMember(id, false)).toMatchObject({ id, partyMember: false });
      expect(await teams.setPartyMember(id, false)).toMatchObject({ id, partyMember: false });
      expect(await teams.setPartyMember(id, true)).toMatchObject({ id, partyMember: true });
      await teams.apply(membership(DEMO_TEAMS.daguo, I.resident), []);
      expect(await teams.setPartyMember(`${DEMO_TEAMS.daguo}_${I.resident}`, true)).toBeNull();
      expect(await teams.setPartyMember('missing', true)).toBeNull();
      expect((await teams.getMembership(DEMO_TEAMS.daguo, I.resident))!.partyMember).toBe(false);
    });
  });

  describe('volunteer events', () => {
    it('stores events and lists those of the given teams not yet over, soonest first', async () => {
      const { events } = current();
      const later = volunteerEvent({ startAt: at(9 * 86400), endAt: at(9 * 86400 + 3600) });
      const over = volunteerEvent({ startAt: at(-7200), endAt: at(-3600) });
      const cancelled = volunteerEvent({ teamId: DEMO_TEAMS.dungen, status: 'cancelled', cancelReason: '下雨' });
      for (const e of [later, over, cancelled]) await events.createEvent(e);
      expect(await events.getEvent(later.id)).toEqual(later);
      expect(await events.getEvent('ev-missing')).toBeNull();
      const seededDaguo = seeded.events.find((e) => e.id === DEMO_EVENTS.daguoCleanup)!;
      const seededDungen = seeded.events.find((e) => e.id === DEMO_EVENTS.dungenVisit)!;
      expect((await events.listEvents([DEMO_TEAMS.daguo], at(0))).map((e) => e.id)).toEqual([seededDaguo.id, later.id]);
      expect((await events.listEvents([DEMO_TEAMS.daguo, DEMO_TEAMS.dungen], at(0))).map((e) => e.id)).toEqual(
        [seededDaguo, seededDungen, cancelled, later].sort((a, b) => (a.startAt === b.startAt ? (a.id < b.id ? -1 : 1) : a.startAt < b.startAt ? -1 : 1)).map((e) => e.id),
      );
      expect(await events.listEvents([], at(0))).toEqual([]);
    });

    it('the counter reconciler leaves counters that agree with the sign-ups alone, run after run', async () => {
      const { events } = current();
      const e = volunteerEvent({ capacity: 1 });
      await events.createEvent(e);
      await events.signUp(e.id, person('o-vol-001'), null, at(1));
      await events.signUp(e.id, person('o-vol-002'), null, at(2));
      await events.signUp(e.id, person('o-vol-003'), null, at(3));
      await events.cancelSignUp(e.id, 'o-vol-003', at(4), template());
      const before = await events.getEvent(e.id);
      expect(before).toMatchObject({ signedCount: 1, waitlistCount: 1 });
      expect(await events.reconcileCounters(at(600))).toBe(0);
      expect(await events.reconcileCounters(at(1200))).toBe(0);
      expect(await events.getEvent(e.id)).toEqual(before);
    });

    it('signs up, waitlists, gives a held place back on a retry, and refuses a full or closed event', async () => {
      const { events } = current();
      const e = volunteerEvent({ capacity: 1 });
      const noWaitlist = volunteerEvent({ capacity: 1, waitlist: false });
      await events.createEvent(e);
      await events.createEvent(noWaitlist);
      const a = await events.signUp(e.id, person('o-vol-001'), 'req-a-000001', at(1));
      expect(a).toMatchObject({ kind: 'signed', created: true, signUp: { id: `${e.id}_o-vol-001`, status: 'signed', requestId: 'req-a-000001', signedUpAt: at(1), checkInAt: null, remindedAt: null } });
      expect(await events.signUp(e.id, person('o-vol-001'), 'req-a-000002', at(2))).toEqual({ kind: 'signed', signUp: (a as { signUp: SignUp }).signUp, created: false });
      const b = await events.signUp(e.id, person('o-vol-002'), null, at(3));
      expect(b).toMatchObject({ kind: 'waitlisted', created: true });
      const bArrival = (b as { signUp: SignUp }).signUp.arrival;
      expect(bArrival).toBeGreaterThan((a as { signUp: SignUp }).signUp.arrival);
      expect(await events.waitlistPosition(e.id, bArrival)).toBe(1);
      expect(await events.getSignUp(e.id, 'o-vol-002')).toEqual((b as { signUp: SignUp }).signUp);
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: 1, waitlistCount: 1 });
      await events.signUp(noWaitlist.id, person('o-vol-001'), null, at(1));
      expect(await events.signUp(noWaitlist.id, person('o-vol-002'), null, at(1))).toEqual({ kind: 'full' });
      expect(await events.getSignUp(noWaitlist.id, 'o-vol-002')).toBeNull();
      expect(await events.signUp('ev-missing', person('o-vol-002'), null, at(1))).toEqual({ kind: 'closed' });
      expect(await events.cancelEvent(noWaitlist.id, cancellation('取消'), template('event_cancelled'))).toBe(1);
      expect(await events.signUp(noWaitlist.id, person('o-vol-003'), null, at(1))).toEqual({ kind: 'closed' });
    });

    it('cancels a place: the first waiting person moves up and is told; a cancelled place may be taken again, a stale retry may not', async () => {
      const store = current();
      const { events } = store;
      const e = volunteerEvent({ capacity: 1 });
      await events.createEvent(e);
      await events.signUp(e.id, person('o-vol-001'), 'req-first-01', at(1));
      for (const p of ['o-vol-002', 'o-vol-003']) await events.signUp(e.id, person(p), null, at(2));
      expect(await events.cancelSignUp(e.id, 'o-vol-999', at(3), template())).toEqual({ cancelled: null, promoted: null });
      const tpl = template();
      const out = await events.cancelSignUp(e.id, 'o-vol-001', at(3), tpl);
      expect(out.cancelled).toMatchObject({ openid: 'o-vol-001', status: 'cancelled' });
      expect(out.promoted).toMatchObject({ openid: 'o-vol-002', status: 'signed' });
      expect(await store.outbox.get(`${tpl.id}_o-vol-002`)).toMatchObject({ recipientOpenid: 'o-vol-002', kind: 'event_promoted', title: tpl.title });
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: 1, waitlistCount: 1 });
      expect(await events.cancelSignUp(e.id, 'o-vol-001', at(4), template())).toEqual({ cancelled: null, promoted: null });
      // A waiting person who leaves frees no place.
      expect(await events.cancelSignUp(e.id, 'o-vol-003', at(4), template())).toMatchObject({ cancelled: { status: 'cancelled' }, promoted: null });
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: 1, waitlistCount: 0 });
      expect(await events.signUp(e.id, person('o-vol-001'), 'req-first-01', at(5))).toMatchObject({ kind: 'stale', signUp: { status: 'cancelled' } });
      const back = await events.signUp(e.id, person('o-vol-001'), 'req-again-01', at(6));
      expect(back).toMatchObject({ kind: 'waitlisted', created: true, signUp: { status: 'waitlisted', requestId: 'req-again-01', signedUpAt: at(6) } });
      expect((await events.listSignUps(e.id)).map((s) => [s.openid, s.status])).toEqual([
        ['o-vol-002', 'signed'],
        ['o-vol-003', 'cancelled'],
        ['o-vol-001', 'waitlisted'],
      ]);
      expect((await events.signUpsOf('o-vol-001')).map((x) => [x.event.id, x.signUp.status])).toEqual([[e.id, 'waitlisted']]);
    });

    it('cancels an open event once, telling everyone holding a place or waiting', async () => {
      const store = current();
      const { events } = store;
      const e = volunteerEvent({ capacity: 2 });
      await events.createEvent(e);
      for (const p of ['o-vol-001', 'o-vol-002', 'o-vol-003', 'o-vol-004']) await events.signUp(e.id, person(p), null, at(1));
      await events.cancelSignUp(e.id, 'o-vol-004', at(2), template());
      const tpl = template('event_cancelled');
      const told = await Promise.all([events.cancelEvent(e.id, cancellation('台风'), tpl), events.cancelEvent(e.id, cancellation('台风'), template('event_cancelled'))]);
      expect(told.filter((t) => t !== null)).toEqual([3]);
      expect(await events.getEvent(e.id)).toMatchObject({ status: 'cancelled', cancelReason: '台风', cancelModeration: 'published', cancelledAt: at(3) });
      const winnerTpl = told[0] !== null ? tpl : null;
      if (winnerTpl) for (const p of ['o-vol-001', 'o-vol-002', 'o-vol-003']) expect(await store.outbox.get(`${tpl.id}_${p}`)).toMatchObject({ recipientOpenid: p, kind: 'event_cancelled' });
      expect(await store.outbox.get(`${tpl.id}_o-vol-004`)).toBeNull();
      expect(await events.cancelEvent(e.id, cancellation('再取消'), template('event_cancelled'))).toBeNull();
    });

    it('records check-in then check-out once each, on signed places only', async () => {
      const { events } = current();
      const e = volunteerEvent({ capacity: 1 });
      await events.createEvent(e);
      await events.signUp(e.id, person('o-vol-001'), null, at(1));
      await events.signUp(e.id, person('o-vol-002'), null, at(1));
      const id = `${e.id}_o-vol-001`;
      expect(await events.recordAttendance(id, { field: 'checkOut', at: at(10) })).toBeNull();
      expect(await events.recordAttendance(id, { field: 'checkIn', at: at(10) })).toMatchObject({ id, checkInAt: at(10), checkOutAt: null });
      const twice = await Promise.all([events.recordAttendance(id, { field: 'checkIn', at: at(11) }), events.recordAttendance(id, { field: 'checkIn', at: at(12) })]);
      expect(twice).toEqual([null, null]);
      expect(await events.recordAttendance(id, { field: 'checkOut', at: at(20) })).toMatchObject({ checkInAt: at(10), checkOutAt: at(20) });
      expect(await events.recordAttendance(id, { field: 'checkOut', at: at(21) })).toBeNull();
      expect(await events.recordAttendance(`${e.id}_o-vol-002`, { field: 'checkIn', at: at(10) })).toBeNull();
      expect(await events.recordAttendance('missing', { field: 'checkIn', at: at(10) })).toBeNull();
    });

    it('confirms hours with their audit entries in one step, and refuses a sign-up of another event without writing anything', async () => {
      const { events } = current();
      const [e, other] = [volunteerEvent(), volunteerEvent()];
      await events.createEvent(e);
      await events.createEvent(other);
      for (const p of ['o-vol-001', 'o-vol-002']) await events.signUp(e.id, person(p), null, at(1));
      await events.signUp(other.id, person('o-vol-003'), null, at(1));
      const audit = (signUpId: string, toMinutes: number, atSeconds: number, fromMinutes: number | null = null): HoursAudit => ({
        id: uid('h'),
        signUpId,
        eventId: e.id,
        actorOpenid: I.daguoLeader,
        actorName: '罗队长',
        at: at(atSeconds),
        computedMinutes: 120,
        fromMinutes,
        toMinutes,
        reason: fromMinutes === null ? null : '提前离开',
        reasonModeration: 'published',
      });
      const first = [audit(`${e.id}_o-vol-002`, 120, 100), audit(`${e.id}_o-vol-001`, 120, 100)];
      await events.confirmHours(e.id, first);
      const fix = audit(`${e.id}_o-vol-001`, 90, 200, 120);
      await events.confirmHours(e.id, [fix]);
      expect(await events.hoursAudit(e.id)).toEqual([...first, fix]);
      expect(await events.getSignUp(e.id, 'o-vol-001')).toMatchObject({ confirmedMinutes: 90, confirmedAt: at(200) });
      await expect(events.confirmHours(e.id, [audit(`${e.id}_o-vol-002`, 60, 300, 120), audit(`${other.id}_o-vol-003`, 60, 300)])).rejects.toThrow();
      expect(await events.getSignUp(e.id, 'o-vol-002')).toMatchObject({ confirmedMinutes: 120, confirmedAt: at(100) });
      expect(await events.hoursAudit(e.id)).toEqual([...first, fix]);
      expect(await events.hoursAudit(other.id)).toEqual([]);
    });

    it('finds the places due a reminder and reminds each person once, however many runs mark it at once', async () => {
      const store = current();
      const { events } = store;
      const soon = volunteerEvent({ startAt: at(3600), endAt: at(7200) });
      const laterStill = volunteerEvent({ startAt: at(3 * 86400), endAt: at(3 * 86400 + 3600) });
      const cancelled = volunteerEvent({ startAt: at(1800), endAt: at(3600) });
      for (const e of [soon, laterStill, cancelled]) await events.createEvent(e);
      for (const p of ['o-vol-001', 'o-vol-002', 'o-vol-003', 'o-vol-004']) await events.signUp(soon.id, person(p), null, at(1));
      await events.signUp(laterStill.id, person('o-vol-001'), null, at(1));
      await events.signUp(cancelled.id, person('o-vol-001'), null, at(1));
      await events.cancelEvent(cancelled.id, cancellation('取消'), template('event_cancelled'));
      const due = await events.dueReminders(at(0), at(86400), 10);
      // capacity 3: the fourth person waits and is not reminded.
      expect(due.map((d) => d.signUp.openid)).toEqual(['o-vol-001', 'o-vol-002', 'o-vol-003']);
      expect(due[0].event).toEqual(await events.getEvent(soon.id));
      expect((await events.dueReminders(at(0), at(86400), 2)).map((d) => d.signUp.openid)).toEqual(['o-vol-001', 'o-vol-002']);
      const id = due[0].signUp.id;
      const notices = [0, 1, 2].map(() => ({ ...template('event_reminder'), id: uid('n'), recipientOpenid: 'o-vol-001' }));
      const marks = await Promise.all(notices.map((n) => events.markReminded(id, at(5), n)));
      expect(marks.filter(Boolean)).toHaveLength(1);
      const queued = await Promise.all(notices.map((n) => store.outbox.get(n.id)));
      expect(queued.filter((q) => q !== null)).toHaveLength(1);
      expect((await events.dueReminders(at(0), at(86400), 10)).map((d) => d.signUp.openid)).toEqual(['o-vol-002', 'o-vol-003']);
      expect(await events.getSignUp(soon.id, 'o-vol-001')).toMatchObject({ remindedAt: at(5) });
    });

    it('gives each person one personal code, even when first asked for several times at once', async () => {
      const { events } = current();
      const codes = await Promise.all(['code-a', 'code-b', 'code-c'].map((c) => events.personalCode(I.resident, c)));
      expect(new Set(codes).size).toBe(1);
      expect(await events.personalCode(I.resident, 'code-z')).toBe(codes[0]);
      expect(await events.personByCode(codes[0])).toBe(I.resident);
      expect(await events.personByCode('code-unknown')).toBeNull();
    });
  });

  describe('200 sign-ups at once for 50 places', () => {
    const PEOPLE = 200;
    const PLACES = 50;
    const people = Array.from({ length: PEOPLE }, (_, i) => `crowd-${String(i).padStart(3, '0')}`);

    it('with a waitlist: exactly 50 signed and 150 waiting in arrival order; 10 cancellations promote exactly the first 10 waiting', async () => {
      const store = current();
      const { events } = store;
      const e = volunteerEvent({ capacity: PLACES, waitlist: true });
      await events.createEvent(e);
      const results = await Promise.all(people.map((p) => events.signUp(e.id, person(p), null, at(1))));
      expect(tally(results.map((r) => r.kind))).toEqual({ signed: PLACES, waitlisted: PEOPLE - PLACES });
      const stored = await events.listSignUps(e.id);
      expect(stored).toHaveLength(PEOPLE);
      // Arrival order is a strict order, and every signed place came before every waiting one.
      expect(new Set(stored.map((s) => s.arrival)).size).toBe(PEOPLE);
      expect(stored.map((s) => s.status)).toEqual([...Array(PLACES).fill('signed'), ...Array(PEOPLE - PLACES).fill('waitlisted')]);
      const waiting = stored.slice(PLACES);
      expect(await Promise.all(waiting.slice(0, 5).map((s) => events.waitlistPosition(e.id, s.arrival)))).toEqual([1, 2, 3, 4, 5]);
      expect(await events.waitlistPosition(e.id, waiting[PEOPLE - PLACES - 1].arrival)).toBe(PEOPLE - PLACES);
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: PLACES, waitlistCount: PEOPLE - PLACES });

      const leaving = stored.slice(0, PLACES).filter((_, i) => i % 5 === 0).map((s) => s.openid);
      const firstWaiting = waiting.slice(0, 10).map((s) => s.openid);
      const tpl = template();
      const cancels = await Promise.all(leaving.map((p) => events.cancelSignUp(e.id, p, at(2), tpl)));
      expect(cancels.every((c) => c.cancelled !== null && c.promoted !== null)).toBe(true);
      expect(cancels.map((c) => c.promoted!.openid).sort()).toEqual([...firstWaiting].sort());
      const after = await events.listSignUps(e.id);
      expect(after.filter((s) => s.status === 'signed')).toHaveLength(PLACES);
      expect(after.filter((s) => s.status === 'waitlisted').map((s) => s.openid)).toEqual(waiting.slice(10).map((s) => s.openid));
      for (const p of firstWaiting) expect(await store.outbox.get(`${tpl.id}_${p}`)).toMatchObject({ recipientOpenid: p, kind: 'event_promoted' });
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: PLACES, waitlistCount: PEOPLE - PLACES - 10 });
    }, 60_000);

    it('without a waitlist: exactly 50 signed and 150 told the event is full', async () => {
      const { events } = current();
      const e = volunteerEvent({ capacity: PLACES, waitlist: false });
      await events.createEvent(e);
      const results = await Promise.all(people.map((p) => events.signUp(e.id, person(p), null, at(1))));
      expect(tally(results.map((r) => r.kind))).toEqual({ signed: PLACES, full: PEOPLE - PLACES });
      expect((await events.listSignUps(e.id)).map((s) => s.status)).toEqual(Array(PLACES).fill('signed'));
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: PLACES, waitlistCount: 0 });
    }, 60_000);

    it('gives one person one place however many times they ask at once', async () => {
      const { events } = current();
      const e = volunteerEvent({ capacity: 5, waitlist: true });
      await events.createEvent(e);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => events.signUp(e.id, person('o-vol-001'), i % 2 ? 'req-same-00001' : `req-other-${i}`, at(1))));
      expect(new Set(results.map((r) => r.kind))).toEqual(new Set(['signed']));
      expect(results.filter((r) => 'created' in r && r.created)).toHaveLength(1);
      expect(await events.listSignUps(e.id)).toHaveLength(1);
      expect(await events.getEvent(e.id)).toMatchObject({ signedCount: 1, waitlistCount: 0 });
    }, 60_000);
  });
}
