/**
 * Issue 16, item 7: a leader checks in and out by hand a person who signed up but has no phone with them —
 * picked from the attendance list by its opaque sign-up id — inside the check-in window only, never
 * themselves, and every attempt is in the audit log. The same journey on the local runtime (SQLite) and
 * through the `volunteer` cloud function on the CloudBase wire fake, both with the test's clock.
 */
import type { AttendanceView, EventDetail, ScanResult } from '../core/views';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { DEMO_IDENTITIES as I, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock, type TestClock } from './test-clock';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;
interface Runtime {
  call: Call;
  clock: TestClock;
  /** The audit log's volunteer entries for this action: who, on what, with which outcome. */
  audited(): Promise<Array<{ actorOpenid: string; targetId: string | null; outcome: string }>>;
}

/** 2026-12-05 09:00–11:00 Beijing; the demo's check-in margin lets people in from 08:30. */
const EVENT = { teamId: DEMO_TEAMS.daguo, title: '河涌清洁', description: '', place: '大果祠堂', startAt: '2026-12-05T01:00:00.000Z', endAt: '2026-12-05T03:00:00.000Z', capacity: 10, waitlist: false, openTo: 'all' };

function journey(rt: () => Runtime) {
  it('checks a signed-up person in and then out by hand, inside the window only, and audits every attempt', async () => {
    const { call, clock } = rt();
    const e = await call<EventDetail>(I.daguoLeader, 'event/create', EVENT);
    for (const who of [I.resident, I.resident2, I.daguoLeader]) await call(who, 'event/signup', { eventId: e.id });
    const rows = (await call<AttendanceView>(I.daguoLeader, 'event/attendance', { id: e.id })).rows;
    const chen = rows.find((r) => r.name === '陈阿姨')!;
    const own = rows.find((r) => r.name === '罗队长')!;

    // Before the window opens: refused, nothing recorded.
    clock.set('2026-12-05T00:00:00.000Z');
    expect(await codeOf(call(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: chen.signUpId }))).toBe('EVENT.OUTSIDE_WINDOW');
    clock.set('2026-12-05T01:05:00.000Z');
    expect(await call<ScanResult>(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: chen.signUpId })).toMatchObject({
      action: 'checked_in', personName: '陈阿姨', checkInAt: expect.stringMatching(/^2026-12-05T01:05:00/), checkOutAt: null,
    });
    // Others may not; the leader's own place is for their own scan; an unknown id names nobody.
    expect(await codeOf(call(I.resident2, 'event/markAttendance', { id: e.id, signUpId: chen.signUpId }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.daguoChair, 'event/markAttendance', { id: e.id, signUpId: chen.signUpId }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: own.signUpId }))).toBe('HOURS.OWN');
    expect(await codeOf(call(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: 'snobody' }))).toBe('EVENT.NOT_SIGNED_UP');
    expect(await codeOf(call(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: 'bad id!' }))).toBe('VALIDATION.FAILED');

    clock.set('2026-12-05T02:55:00.000Z');
    expect(await call<ScanResult>(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: chen.signUpId })).toMatchObject({ action: 'checked_out', checkOutAt: expect.stringMatching(/^2026-12-05T02:55:00/) });
    expect(await call<ScanResult>(I.daguoLeader, 'event/markAttendance', { id: e.id, signUpId: chen.signUpId })).toMatchObject({ action: 'already_done' });
    const after = (await call<AttendanceView>(I.daguoLeader, 'event/attendance', { id: e.id })).rows.find((r) => r.name === '陈阿姨')!;
    expect(after).toMatchObject({ checkInAt: expect.stringMatching(/^2026-12-05T01:05:00/), checkOutAt: expect.stringMatching(/^2026-12-05T02:55:00/), computedMinutes: 110 });
    expect(rows.find((r) => r.name === '李叔')).toMatchObject({ checkInAt: null });

    expect((await rt().audited()).map((a) => [a.actorOpenid, a.targetId, a.outcome])).toEqual([
      [I.daguoLeader, e.id, 'EVENT.OUTSIDE_WINDOW'],
      [I.daguoLeader, e.id, 'ok'],
      // Staff writes are audited too, refused ones included.
      [I.daguoChair, e.id, 'AUTH.FORBIDDEN'],
      [I.daguoLeader, e.id, 'HOURS.OWN'],
      [I.daguoLeader, e.id, 'EVENT.NOT_SIGNED_UP'],
      [I.daguoLeader, e.id, 'ok'],
      [I.daguoLeader, e.id, 'ok'],
    ]);
  });
}

describe('manual check-in on the local runtime (SQLite)', () => {
  let local: LocalRuntime;
  let clock: TestClock;
  beforeEach(() => {
    clock = testClock('2026-12-01T00:00:00.000Z');
    local = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS, volunteer: { checkinMarginMinutes: 30, reminderLeadMinutes: 60 } });
  });
  afterEach(() => local.close());
  journey(() => ({
    clock,
    call: (openid, action, data) => local.router.call('volunteer', action, data, openid) as never,
    audited: async () =>
      local.store.db.prepare(`SELECT actor_openid AS actorOpenid, target_id AS targetId, outcome FROM audit_log WHERE action = 'event/markAttendance' ORDER BY created_at, rowid`).all() as never,
  }));
});

describe('manual check-in through the volunteer cloud function (CloudBase wire fake)', () => {
  const cloud = useCloudFunctions();
  useWechatPassing();
  let runtime: Runtime;
  beforeEach(async () => {
    const clock = testClock('2026-12-01T00:00:00.000Z');
    await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(clock.now(), (id) => `secret-${id}`));
    const container = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
    container.deps.rateLimits = GENEROUS_LIMITS;
    const fn = createCloudHandler('volunteer', async () => container.router, cloudbaseIdentity);
    runtime = {
      clock,
      call: async <T>(openid: string, action: string, data: unknown): Promise<T> => {
        const res = (await fn({ action, data }, wechatContext(openid))) as { ok: boolean; data?: T; code?: string };
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the function's refusal as the plain { code } object that the tests match whole
        if (!res.ok) throw { code: res.code };
        return res.data as T;
      },
      audited: async () =>
        cloud
          .wire()
          .documents('audit_log')
          .filter((d) => (d as { action?: string }).action === 'event/markAttendance')
          .map((d) => d as unknown as { actorOpenid: string; targetId: string | null; outcome: string; at: string })
          .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
    };
  });
  journey(() => runtime);
});
