/** Volunteer teams and events through the real router on the real SQLite store, with a clock the test moves. */
import type { NotificationKind } from '../core/model';
import type { AttendanceView, CodeView, EventDetail, MemberView, MyVolunteer, Profile, ScanResult, SignUpResult, TeamDetail, TeamSummary } from '../core/views';
import { memberRef } from '../core/volunteers/volunteer-codes';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { codeOf } from './test-outcome';

let rt: LocalRuntime;
let clock: Date;
const T0 = new Date('2025-05-01T02:00:00.000Z'); // 10:00 Beijing
beforeEach(() => {
  clock = new Date(T0);
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => clock, volunteer: { checkinMarginMinutes: 30, reminderLeadMinutes: 60 } });
});
afterEach(() => rt.close());

const call = <T>(openid: string, action: string, data: unknown = {}) => rt.router.call(action.startsWith('concern/') || action === 'me/profile' ? 'concern' : 'volunteer', action, data, openid) as Promise<T>;
const count = (sql: string, ...args: unknown[]) => rt.store.db.prepare(`SELECT COUNT(*) FROM ${sql}`).pluck().get(...args) as number;
const outbox = (kind: NotificationKind) =>
  rt.store.db.prepare(`SELECT recipient_openid FROM outbox WHERE kind = ? ORDER BY rowid`).pluck().all(kind) as string[];
const at = (iso: string) => {
  clock = new Date(iso);
};

/** A leader's event: 2025-05-03 09:00–11:00 Beijing (01:00–03:00 UTC). */
const EVENT = {
  teamId: DEMO_TEAMS.daguo,
  title: '河涌清洁',
  description: '清理河涌边垃圾',
  place: '大果祠堂',
  startAt: '2025-05-03T09:00:00+08:00',
  endAt: '2025-05-03T11:00:00+08:00',
  capacity: 2,
  waitlist: true,
  openTo: 'all',
};
const create = (extra: Record<string, unknown> = {}) => call<EventDetail>(I.daguoLeader, 'event/create', { ...EVENT, ...extra });
const join = async (openid: string, teamId: string = DEMO_TEAMS.daguo) => {
  await call(openid, 'team/apply', { teamId });
  return call<MemberView>(I.daguoLeader, 'team/review', { teamId, memberId: memberRef(rt.deps, `${teamId}_${openid}`), decision: 'approve' });
};

describe('team leaders', () => {
  it('are residents reported as leader, with the team and its place, and get no concern inbox', async () => {
    const p = await call<Profile>(I.daguoLeader, 'me/profile');
    expect(p).toEqual({ openid: I.daguoLeader, name: '罗队长', role: 'leader', nodeId: 'dz-xicheng-daguo', nodeName: '大果经济社', teamId: DEMO_TEAMS.daguo, photoFolder: expect.stringMatching(/^concern-photos\/u[0-9a-f]{32}\/$/) });
    expect((await call<Profile>(I.dungenLeader, 'me/profile')).nodeId).toBe('jj-dungen');
    expect(await codeOf(call(I.daguoLeader, 'concern/inbox'))).toBe('AUTH.FORBIDDEN');
    expect((await call<Profile>(I.resident, 'me/profile')).teamId).toBeUndefined();
  });
});

describe('membership', () => {
  it('lists teams near a place: the village shows its cooperatives’ teams, not another town’s', async () => {
    const near = await call<{ items: TeamSummary[] }>(I.resident, 'team/list', { nodeId: 'dz-xicheng' });
    expect(near.items.map((t) => [t.name, t.placeName])).toEqual([['大果党群清洁志愿服务队', '西城社区 · 大果经济社']]);
    const all = await call<{ items: TeamSummary[] }>(I.resident, 'team/list');
    expect(all.items).toHaveLength(2);
    expect(await codeOf(call(I.resident, 'team/list', { nodeId: 'nowhere' }))).toBe('GRID.PLACE_NOT_FOUND');
  });

  it('takes an application, lets only the leader decide, and tells each side', async () => {
    const applied = await call<TeamSummary>(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo, note: '周末有空' });
    expect(applied.myStatus).toBe('pending');
    expect(outbox('team_applied')).toEqual([I.daguoLeader]);
    // A second tap changes nothing and tells nobody again.
    await call(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo });
    expect(outbox('team_applied')).toHaveLength(1);

    const stored = `${DEMO_TEAMS.daguo}_${I.resident}`;
    const memberId = memberRef(rt.deps, stored);
    // The stored id (which carries the openid) is not a member id any action takes.
    expect(await codeOf(call(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId: stored, decision: 'approve' }))).toBe('TEAM.MEMBER_NOT_FOUND');
    expect(await codeOf(call(I.dungenLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId, decision: 'approve' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.resident2, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId, decision: 'approve' }))).toBe('AUTH.FORBIDDEN');
    const leaderView = await call<TeamDetail>(I.daguoLeader, 'team/get', { id: DEMO_TEAMS.daguo });
    expect(leaderView.members.map((m) => [m.name, m.status])).toEqual([['李叔', 'member'], ['陈阿姨', 'pending']]);
    // The leader's view names members by opaque ids, the ones review takes; no openid anywhere in it.
    expect(leaderView.members[1].id).toBe(memberId);
    expect(JSON.stringify(leaderView)).not.toMatch(/demo-resident|demo-leader/);
    // Others see current members only.
    expect((await call<TeamDetail>(I.resident2, 'team/get', { id: DEMO_TEAMS.daguo })).members.map((m) => m.name)).toEqual(['李叔']);

    const approved = await call<MemberView>(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId, decision: 'approve' });
    expect(approved.status).toBe('member');
    expect(outbox('team_reviewed')).toEqual([I.resident]);
    expect((await call<TeamSummary>(I.resident, 'team/leave', { teamId: DEMO_TEAMS.daguo })).myStatus).toBe('left');
    expect(await codeOf(call(I.resident, 'team/leave', { teamId: DEMO_TEAMS.daguo }))).toBe('TEAM.NOT_MEMBER');
    expect((await call<TeamSummary>(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo })).myStatus).toBe('pending');
  });

  it('lets the leader decline, and mark a member as 党员', async () => {
    await call(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo });
    const memberId = memberRef(rt.deps, `${DEMO_TEAMS.daguo}_${I.resident}`);
    expect(await codeOf(call(I.daguoLeader, 'team/setPartyMember', { teamId: DEMO_TEAMS.daguo, memberId: `${DEMO_TEAMS.daguo}_${I.resident}`, partyMember: true }))).toBe('TEAM.MEMBER_NOT_FOUND');
    expect(await codeOf(call(I.daguoLeader, 'team/setPartyMember', { teamId: DEMO_TEAMS.daguo, memberId, partyMember: true }))).toBe('TEAM.MEMBER_NOT_FOUND');
    expect((await call<MemberView>(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId, decision: 'decline' })).status).toBe('declined');
    await join(I.resident);
    expect((await call<MemberView>(I.daguoLeader, 'team/setPartyMember', { teamId: DEMO_TEAMS.daguo, memberId, partyMember: true })).partyMember).toBe(true);
    // 党员 is personal: the leader sees it; another member does not, nor anyone's openid.
    const leaders = await call<TeamDetail>(I.daguoLeader, 'team/get', { id: DEMO_TEAMS.daguo });
    expect(leaders.members.filter((m) => m.status === 'member').map((m) => [m.name, m.partyMember])).toEqual([['李叔', true], ['陈阿姨', true]]);
    const view = await call<TeamDetail>(I.resident, 'team/get', { id: DEMO_TEAMS.daguo });
    expect(view.members.map((m) => [m.name, m.partyMember])).toEqual([['李叔', null], ['陈阿姨', null]]);
    expect(JSON.stringify(view)).not.toContain(I.resident2);
  });
});

describe('events', () => {
  it('are created by the team leader only, with times that make sense, and nothing stored otherwise', async () => {
    const before = count('vol_events');
    expect(await codeOf(call(I.resident, 'event/create', EVENT))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.dungenLeader, 'event/create', EVENT))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(create({ endAt: EVENT.startAt }))).toBe('EVENT.INVALID_TIME');
    expect(await codeOf(create({ startAt: '2025-04-30T09:00:00+08:00' }))).toBe('EVENT.INVALID_TIME');
    expect(await codeOf(create({ signupDeadline: '2025-05-03T10:00:00+08:00' }))).toBe('EVENT.INVALID_TIME');
    expect(await codeOf(create({ startAt: '明天上午' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(create({ capacity: 0 }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(create({ signedCount: 5 }))).toBe('VALIDATION.FAILED');
    expect(count('vol_events')).toBe(before);
    const e = await create();
    expect(e).toMatchObject({ startAt: '2025-05-03T01:00:00.000Z', endAt: '2025-05-03T03:00:00.000Z', signupDeadline: '2025-05-03T01:00:00.000Z', signedCount: 0, waitlistCount: 0, iLead: true });
    expect(e.checkinQr).toMatch(/^JFEV:/);
    expect((await call<EventDetail>(I.resident, 'event/get', { id: e.id })).checkinQr).toBeNull();
  });

  it('open to members refuse other residents until they are approved', async () => {
    const id = DEMO_EVENTS.daguoCleanup;
    const e = await call<EventDetail>(I.resident, 'event/get', { id });
    expect(e.signupBlocked).toBe('EVENT.MEMBERS_ONLY');
    expect(await codeOf(call(I.resident, 'event/signup', { eventId: id }))).toBe('EVENT.MEMBERS_ONLY');
    expect(e.myMembership).toBeNull();
    // Applied, not yet approved: still refused, and the page can say the application is waiting (issue 17).
    await call(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo });
    expect(await call<EventDetail>(I.resident, 'event/get', { id })).toMatchObject({ signupBlocked: 'EVENT.MEMBERS_ONLY', myMembership: 'pending' });
    await join(I.resident);
    expect((await call<EventDetail>(I.resident, 'event/get', { id })).myMembership).toBe('member');
    expect(await call<SignUpResult>(I.resident, 'event/signup', { eventId: id })).toEqual({ status: 'signed', position: null });
    expect(await call<EventDetail>(I.resident, 'event/get', { id })).toMatchObject({ signedCount: 1, waitlistCount: 0, myStatus: 'signed' });
  });

  it('fill, then waitlist in order, and promote the first waiting person on a cancellation, telling them', async () => {
    const e = await create();
    const people = ['p-1', 'p-2', 'p-3', 'p-4'];
    const results = [];
    for (const p of people) results.push(await call<SignUpResult>(p, 'event/signup', { eventId: e.id }));
    expect(results).toEqual([
      { status: 'signed', position: null },
      { status: 'signed', position: null },
      { status: 'waitlisted', position: 1 },
      { status: 'waitlisted', position: 2 },
    ]);
    // One place per person: signing up again changes nothing.
    expect(await call<SignUpResult>('p-1', 'event/signup', { eventId: e.id })).toEqual({ status: 'signed', position: null });
    expect(await call<EventDetail>('p-4', 'event/get', { id: e.id })).toMatchObject({ signedCount: 2, waitlistCount: 2, myPosition: 2 });

    expect(await call('p-2', 'event/cancel', { eventId: e.id })).toEqual({ status: 'cancelled', promoted: true });
    expect(outbox('event_promoted')).toEqual(['p-3']);
    expect(await call<EventDetail>('p-4', 'event/get', { id: e.id })).toMatchObject({ signedCount: 2, waitlistCount: 1, myPosition: 1 });
    expect((await call<EventDetail>('p-3', 'event/get', { id: e.id })).myStatus).toBe('signed');
    // A waiting person who cancels frees no place and promotes nobody.
    expect(await call('p-4', 'event/cancel', { eventId: e.id })).toEqual({ status: 'cancelled', promoted: false });
    expect(await call('p-4', 'event/cancel', { eventId: e.id })).toEqual({ status: 'cancelled', promoted: false });
    expect(await codeOf(call('p-9', 'event/cancel', { eventId: e.id }))).toBe('EVENT.NOT_SIGNED_UP');
    expect(await call<EventDetail>('p-1', 'event/get', { id: e.id })).toMatchObject({ signedCount: 2, waitlistCount: 0 });
    // Someone who cancelled may sign up again, at the back of the queue.
    expect(await call<SignUpResult>('p-2', 'event/signup', { eventId: e.id })).toEqual({ status: 'waitlisted', position: 1 });
  });

  it('answer a retried sign-up (same requestId) with the same place, even after the deadline', async () => {
    const e = await create({ capacity: 1, waitlist: false });
    const first = await call<SignUpResult>(I.resident, 'event/signup', { eventId: e.id, requestId: 'req-signup-0001' });
    expect(first.status).toBe('signed');
    expect(await codeOf(call(I.resident2, 'event/signup', { eventId: e.id }))).toBe('EVENT.FULL');
    at('2025-05-03T00:59:00.000Z');
    expect(await call<SignUpResult>(I.resident, 'event/signup', { eventId: e.id, requestId: 'req-signup-0001' })).toEqual(first);
    expect(count('vol_signups WHERE event_id = ?', e.id)).toBe(1);
    at('2025-05-03T01:00:01.000Z');
    expect(await codeOf(call('late-resident', 'event/signup', { eventId: e.id }))).toBe('EVENT.SIGNUP_CLOSED');
    expect(await codeOf(call(I.resident, 'event/cancel', { eventId: e.id }))).toBe('EVENT.SIGNUP_CLOSED');
  });

  it('when cancelled by the leader, tell everyone signed up or waiting, with the reason', async () => {
    const e = await create({ capacity: 1 });
    await call(I.resident, 'event/signup', { eventId: e.id });
    await call(I.resident2, 'event/signup', { eventId: e.id });
    expect(await codeOf(call(I.resident, 'event/cancelEvent', { id: e.id, reason: '下雨' }))).toBe('AUTH.FORBIDDEN');
    expect(await call(I.daguoLeader, 'event/cancelEvent', { id: e.id, reason: '台风预警，改期另行通知' })).toEqual({ notified: 2 });
    expect(outbox('event_cancelled').sort()).toEqual([I.resident, I.resident2].sort());
    const body = rt.store.db.prepare(`SELECT body FROM outbox WHERE kind = 'event_cancelled'`).pluck().get() as string;
    expect(body).toContain('台风预警');
    expect(await codeOf(call('p-5', 'event/signup', { eventId: e.id }))).toBe('EVENT.CANCELLED');
    expect(await codeOf(call(I.daguoLeader, 'event/cancelEvent', { id: e.id, reason: '再取消一次' }))).toBe('EVENT.CANCELLED');
    expect((await call<EventDetail>(I.resident, 'event/get', { id: e.id })).cancelReason).toBe('台风预警，改期另行通知');
  });

  it('remind each signed person once, a configured time before the start', async () => {
    const e = await create({ capacity: 1 });
    await call(I.resident, 'event/signup', { eventId: e.id });
    await call(I.resident2, 'event/signup', { eventId: e.id }); // waiting: not reminded
    at('2025-05-02T23:59:00.000Z'); // 61 minutes before the start: not yet
    expect(await rt.sendReminders()).toBe(0);
    at('2025-05-03T00:10:00.000Z');
    expect(await rt.sendReminders()).toBe(1);
    expect(await rt.sendReminders()).toBe(0);
    expect(outbox('event_reminder')).toEqual([I.resident]);
    await rt.deliverNotifications();
    const msg = rt.store.db.prepare(`SELECT title, page FROM inbox_messages WHERE kind = 'event_reminder'`).get() as { title: string; page: string };
    expect(msg).toEqual({ title: '志愿活动提醒', page: `/volunteer/pages/event/index?id=${e.id}` });
  });
});

/** The event's check-in code on its leader's screen now, and a resident's personal code now. */
const qr = async (eventId: string) => (await call<CodeView>(I.daguoLeader, 'event/checkinCode', { id: eventId })).qr;
const personal = async (openid: string) => (await call<CodeView>(openid, 'volunteer/code')).qr;

describe('check-in, check-out and hours', () => {
  async function signedEvent() {
    const e = await create();
    await call(I.resident, 'event/signup', { eventId: e.id });
    await call(I.resident2, 'event/signup', { eventId: e.id });
    return e;
  }

  it('check in by scanning the event code inside the window, and out on the next scan', async () => {
    const e = await signedEvent();
    at('2025-05-03T00:29:00.000Z'); // 31 minutes before the start
    let code = await qr(e.id);
    expect(await codeOf(call(I.resident, 'event/scan', { code }))).toBe('EVENT.OUTSIDE_WINDOW');
    at('2025-05-03T00:31:00.000Z');
    code = await qr(e.id);
    expect(await codeOf(call(I.resident, 'event/scan', { code: `${code}x` }))).toBe('EVENT.CODE_INVALID');
    expect(await codeOf(call(I.resident, 'event/scan', { code: 'hello' }))).toBe('EVENT.CODE_INVALID');
    expect(await codeOf(call('not-signed', 'event/scan', { code }))).toBe('EVENT.NOT_SIGNED_UP');
    expect((await call<ScanResult>(I.resident, 'event/scan', { code })).action).toBe('checked_in');
    expect((await call<ScanResult>(I.resident, 'event/scan', { code })).action).toBe('already_done'); // a double scan
    at('2025-05-03T03:20:00.000Z');
    code = await qr(e.id);
    const out = await call<ScanResult>(I.resident, 'event/scan', { code });
    expect(out).toMatchObject({ action: 'checked_out', checkInAt: '2025-05-03T00:31:00.000Z', checkOutAt: '2025-05-03T03:20:00.000Z' });
    at('2025-05-03T03:31:00.000Z');
    expect(await codeOf(call(I.resident2, 'event/scan', { code: await qr(e.id) }))).toBe('EVENT.OUTSIDE_WINDOW');
  });

  it("let the leader check a resident in by scanning the resident's personal code", async () => {
    const e = await signedEvent();
    at('2025-05-03T01:05:00.000Z');
    const { personalQr } = await call<MyVolunteer>(I.resident, 'volunteer/mine');
    expect(await personal(I.resident)).toBe(personalQr);
    expect(await codeOf(call(I.resident2, 'event/scanPerson', { eventId: e.id, code: personalQr }))).toBe('AUTH.FORBIDDEN');
    expect(await call<ScanResult>(I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: personalQr })).toMatchObject({ action: 'checked_in', personName: '陈阿姨' });
    expect(await codeOf(call(I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: 'JFP:unknown' }))).toBe('EVENT.CODE_INVALID');
  });

  it('are confirmed by the leader after the end; each correction needs a reason and is audited', async () => {
    const e = await signedEvent();
    at('2025-05-03T00:40:00.000Z');
    await call(I.resident, 'event/scan', { code: await qr(e.id) });
    await call(I.resident2, 'event/scan', { code: await qr(e.id) });
    at('2025-05-03T03:10:00.000Z');
    await call(I.resident, 'event/scan', { code: await qr(e.id) }); // 李叔 forgets to check out
    const leaderBefore = await call<AttendanceView>(I.daguoLeader, 'event/attendance', { id: e.id });
    expect(leaderBefore.rows.map((r) => [r.name, r.computedMinutes, r.note])).toEqual([
      ['陈阿姨', 120, 'ok'],
      ['李叔', 0, 'no_checkout'],
    ]);
    expect(await codeOf(call(I.resident, 'event/attendance', { id: e.id }))).toBe('AUTH.FORBIDDEN');

    at('2025-05-03T02:30:00.000Z');
    expect(await codeOf(call(I.daguoLeader, 'event/confirmHours', { eventId: e.id }))).toBe('EVENT.NOT_ENDED');
    at('2025-05-03T04:00:00.000Z');
    const li = leaderBefore.rows[1].signUpId;
    // The view's sign-up ids are opaque; the stored id (which carries the openid) is not taken.
    expect(JSON.stringify(leaderBefore)).not.toMatch(/demo-resident/);
    expect(await codeOf(call(I.daguoLeader, 'event/confirmHours', { eventId: e.id, entries: [{ signUpId: `${e.id}_${I.resident2}`, minutes: 120, reason: '全程参加' }] }))).toBe('EVENT.NOT_SIGNED_UP');
    expect(await codeOf(call(I.daguoLeader, 'event/confirmHours', { eventId: e.id, entries: [{ signUpId: li, minutes: 120 }] }))).toBe('HOURS.REASON_REQUIRED');
    const confirmed = await call<AttendanceView>(I.daguoLeader, 'event/confirmHours', { eventId: e.id });
    expect(confirmed.rows.map((r) => r.confirmedMinutes)).toEqual([120, 0]);
    const corrected = await call<AttendanceView>(I.daguoLeader, 'event/confirmHours', { eventId: e.id, entries: [{ signUpId: li, minutes: 110, reason: '忘记签退，现场全程参加' }] });
    expect(corrected.rows.map((r) => r.confirmedMinutes)).toEqual([120, 110]);
    expect(corrected.audit.map((a) => [a.personName, a.fromMinutes, a.toMinutes, a.reason, a.actorName])).toEqual([
      ['陈阿姨', null, 120, null, '罗队长'],
      ['李叔', null, 0, null, '罗队长'],
      ['李叔', 0, 110, '忘记签退，现场全程参加', '罗队长'],
    ]);
    // Confirming all again keeps the correction and adds no audit entry.
    expect((await call<AttendanceView>(I.daguoLeader, 'event/confirmHours', { eventId: e.id })).rows.map((r) => r.confirmedMinutes)).toEqual([120, 110]);
    expect(count('vol_hours_audit')).toBe(3);
    const mine = await call<MyVolunteer>(I.resident, 'volunteer/mine');
    expect(mine.totalConfirmedMinutes).toBe(120);
    expect(mine.history.map((h) => [h.title, h.myConfirmedMinutes])).toEqual([['河涌清洁', 120]]);
  });

  it("are never certified by the person themselves nor beyond the event's length; the town admin confirms a leader's own", async () => {
    const e = await create({ capacity: 3 });
    await call(I.resident, 'event/signup', { eventId: e.id });
    await call(I.daguoLeader, 'event/signup', { eventId: e.id });
    at('2025-05-03T00:50:00.000Z');
    await call(I.resident, 'event/scan', { code: await qr(e.id) });
    await call(I.daguoLeader, 'event/scan', { code: await qr(e.id) });
    at('2025-05-03T03:00:00.000Z');
    await call(I.resident, 'event/scan', { code: await qr(e.id) });
    await call(I.daguoLeader, 'event/scan', { code: await qr(e.id) });
    at('2025-05-03T04:00:00.000Z');
    const rows = (await call<AttendanceView>(I.daguoLeader, 'event/attendance', { id: e.id })).rows;
    const [chen, luo] = ['陈阿姨', '罗队长'].map((n) => rows.find((r) => r.name === n)!.signUpId);
    // 2 hours plus the 30-minute check-in margin at most.
    expect(await codeOf(call(I.daguoLeader, 'event/confirmHours', { eventId: e.id, entries: [{ signUpId: chen, minutes: 151, reason: '帮忙收尾' }] }))).toBe('HOURS.TOO_MANY');
    expect(await codeOf(call(I.daguoLeader, 'event/confirmHours', { eventId: e.id, entries: [{ signUpId: luo, minutes: 120 }] }))).toBe('HOURS.OWN');
    // Confirming all leaves the leader's own place for someone else.
    const after = await call<AttendanceView>(I.daguoLeader, 'event/confirmHours', { eventId: e.id });
    expect(after.rows.map((r) => [r.name, r.confirmedMinutes])).toEqual([['陈阿姨', 120], ['罗队长', null]]);
    // The town's admin reads any team's attendance in the town and confirms the leader's hours; staff of the town may not.
    expect(await codeOf(call(I.townAdmin, 'event/attendance', { id: e.id }))).toBe('ok');
    expect(await codeOf(call(I.daguoChair, 'event/attendance', { id: e.id }))).toBe('AUTH.FORBIDDEN');
    const byAdmin = await call<AttendanceView>(I.townAdmin, 'event/confirmHours', { eventId: e.id, entries: [{ signUpId: luo, minutes: 150, reason: '提前到场布置' }] });
    expect(byAdmin.rows.map((r) => [r.name, r.confirmedMinutes])).toEqual([['陈阿姨', 120], ['罗队长', 150]]);
    expect(byAdmin.audit.at(-1)).toMatchObject({ personName: '罗队长', toMinutes: 150, actorName: '丹灶镇管理员' });
    // Every leader write is in the audit log, under the team's town.
    const audit = rt.store.db.prepare(`SELECT action, outcome, town_id FROM audit_log WHERE actor_openid = ? ORDER BY rowid`).all(I.daguoLeader);
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'event/create', outcome: 'ok', town_id: 'danzao' },
        { action: 'event/confirmHours', outcome: 'HOURS.TOO_MANY', town_id: 'danzao' },
        { action: 'event/confirmHours', outcome: 'HOURS.OWN', town_id: 'danzao' },
        { action: 'event/confirmHours', outcome: 'ok', town_id: 'danzao' },
      ]),
    );
  });

  it('export as CSV for the leader, in Beijing time, safe for spreadsheets', async () => {
    const e = await signedEvent();
    at('2025-05-03T01:00:00.000Z');
    await call(I.resident, 'event/scan', { code: await qr(e.id) });
    at('2025-05-03T02:30:00.000Z');
    await call(I.resident, 'event/scan', { code: await qr(e.id) });
    const { filename, csv } = await call<{ filename: string; csv: string }>(I.daguoLeader, 'event/exportCsv', { id: e.id });
    expect(filename).toBe('河涌清洁-2025-05-03-签到工时.csv');
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF姓名,党员,报名状态,签到时间,签退时间,系统计算工时（小时）,说明,确认工时（小时）',
      '陈阿姨,否,已报名,2025-05-03 09:00,2025-05-03 10:30,1.5,,未确认',
      '李叔,是,已报名,,,0.0,未签到,未确认',
      '',
    ]);
    expect(await codeOf(call(I.resident, 'event/exportCsv', { id: e.id }))).toBe('AUTH.FORBIDDEN');
  });
});

describe('rotating check-in codes', () => {
  it("refuse a photo of an earlier minute's event code, accept the current and the previous minute's, and never a forged one", async () => {
    const e = await create();
    await call(I.resident, 'event/signup', { eventId: e.id });
    await call(I.resident2, 'event/signup', { eventId: e.id });
    const other = await create({ title: '村道清扫' });
    at('2025-05-03T01:00:10.000Z');
    const photo = await qr(e.id);
    const detail = await call<EventDetail>(I.daguoLeader, 'event/get', { id: e.id });
    expect([detail.checkinQr, detail.checkinQrExpiresAt]).toEqual([photo, '2025-05-03T01:01:00.000Z']);
    at('2025-05-03T01:01:30.000Z');
    const now = await qr(e.id);
    expect(now).not.toBe(photo);
    // Scanned just after the screen changed: the previous minute's code still counts.
    expect((await call<ScanResult>(I.resident, 'event/scan', { code: photo })).action).toBe('checked_in');
    at('2025-05-03T01:02:00.000Z');
    expect(await codeOf(call(I.resident2, 'event/scan', { code: photo }))).toBe('EVENT.CODE_EXPIRED');
    // The signature binds the window: the old code moved to the current minute is not one the server made.
    const [prefix, id, , mac] = photo.split(':');
    const window = String(Math.floor(Date.parse('2025-05-03T01:02:00.000Z') / 60_000));
    expect(await codeOf(call(I.resident2, 'event/scan', { code: [prefix, id, window, mac].join(':') }))).toBe('EVENT.CODE_INVALID');
    // The stored secret alone (the old static code) checks nobody in either.
    const secret = rt.store.db.prepare('SELECT checkin_code FROM vol_events WHERE id = ?').pluck().get(e.id) as string;
    expect(await codeOf(call(I.resident2, 'event/scan', { code: `JFEV:${e.id}:${secret}` }))).toBe('EVENT.CODE_INVALID');
    // Nor does another event's code.
    expect(await codeOf(call(I.resident2, 'event/scan', { code: (await qr(other.id)).replace(other.id, e.id) }))).toBe('EVENT.CODE_INVALID');
    expect(await codeOf(call(I.resident2, 'event/checkinCode', { id: e.id }))).toBe('AUTH.FORBIDDEN');
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM vol_signups WHERE event_id = ? AND check_in_at IS NOT NULL').pluck().get(e.id)).toBe(1);
    expect((await call<ScanResult>(I.resident2, 'event/scan', { code: await qr(e.id) })).action).toBe('checked_in');
  });

  it("refuse yesterday's personal code", async () => {
    const e = await create();
    await call(I.resident, 'event/signup', { eventId: e.id });
    at('2025-05-02T01:00:00.000Z');
    const yesterday = (await call<MyVolunteer>(I.resident, 'volunteer/mine')).personalQr;
    at('2025-05-03T01:00:00.000Z');
    expect(await codeOf(call(I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: yesterday }))).toBe('EVENT.CODE_EXPIRED');
    const [prefix, handle] = yesterday.split(':');
    expect(await codeOf(call(I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: `${prefix}:${handle}` }))).toBe('EVENT.CODE_INVALID');
    expect((await call<ScanResult>(I.daguoLeader, 'event/scanPerson', { eventId: e.id, code: await personal(I.resident) })).action).toBe('checked_in');
  });
});

describe('我的志愿', () => {
  it("shows the resident's teams, upcoming sign-ups and history", async () => {
    await join(I.resident);
    await call(I.resident, 'event/signup', { eventId: DEMO_EVENTS.dungenVisit });
    const mine = await call<MyVolunteer>(I.resident, 'volunteer/mine');
    expect(mine.teams.map((t) => [t.name, t.myStatus])).toEqual([['大果党群清洁志愿服务队', 'member']]);
    expect(mine.upcoming.map((e) => [e.title, e.myStatus])).toEqual([['独居长者上门探访', 'signed']]);
    expect(mine.history).toEqual([]);
    expect(mine.totalConfirmedMinutes).toBe(0);
    expect(mine.personalQr).toMatch(/^JFP:/);
  });
});
