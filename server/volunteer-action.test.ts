/**
 * Volunteer actions (issue 20, items 1 and 2), end to end through the router: a handler hands two reports of
 * one lane to the 大果 team, the leader schedules the action, volunteers sign up and check in, the leader
 * records the result once the hours are confirmed, and the handler resolves both concerns with it in one
 * step; a cancelled action gives the concern back. The same flow on SQLite (the local runtime) and on
 * CloudBase (the `concern` and `volunteer` cloud functions over the wire fake).
 */
import type { ActionView } from '../core/action-views';
import type { AttendanceView, CodeView, ConcernDetail, EventDetail, TeamDetail } from '../core/views';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { DEMO_IDENTITIES as I, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock, type TestClock } from './test-clock';

type Call = <T>(fn: 'concern' | 'volunteer', action: string, data: unknown, openid: string) => Promise<T>;
interface World {
  call: Call;
  clock: TestClock;
  /** Titles of the notices queued for a person, oldest first. */
  notices(openid: string): Promise<string[]>;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
const DAY = 86_400_000;
const TEAM_NAME = '大果党群清洁志愿服务队';

async function report(w: World, who: string, description: string): Promise<string> {
  const c = await w.call<ConcernDetail>('concern', 'concern/submit', { category: 'environment', description, placeId: 'dz-xicheng-daguo' }, who);
  await w.call('concern', 'concern/accept', { id: c.id }, I.daguoChair);
  return c.id;
}

/** Schedules the draft for tomorrow 09:00–11:00 Beijing time. */
async function schedule(w: World, actionId: string): Promise<EventDetail & { action: ActionView | null }> {
  const start = new Date(w.clock.now().getTime() + DAY);
  return w.call('volunteer', 'event/create', {
    teamId: DEMO_TEAMS.daguo, title: '巷道清洁', description: '清理巷口垃圾', place: '大果巷口',
    startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all', actionId,
  }, I.daguoLeader);
}

function describeFlow(name: string, setUp: () => World) {
  describe(`volunteer actions on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = setUp();
    });

    it('hands two reports of one lane to the team, schedules, records and resolves both from the result', async () => {
      const { call, clock } = w;
      const first = await report(w, I.resident, '巷子里垃圾堆积很久了，我是陈阿姨，电话13900000001');
      const second = await report(w, I.resident2, '巷口垃圾发臭');
      const before = await call<ConcernDetail>('concern', 'concern/get', { id: first }, I.resident);

      // Only the concerns' handlers, with a team of the place, and not twice.
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [first], teamId: DEMO_TEAMS.daguo }, I.xinanStaff))).toBe('CONCERN.NOT_FOUND');
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [first], teamId: DEMO_TEAMS.dungen }, I.daguoChair))).toBe('ACTION.TEAM_ELSEWHERE');
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [first, second], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      expect(draft).toMatchObject({ status: 'draft', teamName: TEAM_NAME, concernIds: [first, second], eventId: null });
      // The reporter's name and phone stay with the handlers: the team reads a scrubbed description.
      expect(draft.description).toContain('垃圾');
      expect(draft.description).not.toMatch(/13900000001|陈阿姨/);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [second], teamId: DEMO_TEAMS.daguo }, I.daguoChair))).toBe('ACTION.CONCERN_TAKEN');
      expect(await w.notices(I.daguoLeader)).toContain('新的志愿行动待安排');

      // The resident sees who took it on; status and clocks are as they were (the committee stays accountable).
      const handed = await call<ConcernDetail>('concern', 'concern/get', { id: first }, I.resident);
      expect(handed.timeline.map((e) => e.note)).toContain(`已交由${TEAM_NAME}处理`);
      expect(handed.volunteerAction).toMatchObject({ id: draft.id, status: 'draft', teamName: TEAM_NAME });
      expect({ status: handed.status, sla: handed.sla }).toEqual({ status: before.status, sla: before.sla });

      // The leader finds the draft on the team page and schedules it, once.
      const team = await call<TeamDetail & { actions: ActionView[] }>('volunteer', 'team/get', { id: DEMO_TEAMS.daguo }, I.daguoLeader);
      expect(team.actions.map((a) => a.id)).toEqual([draft.id]);
      expect((await call<TeamDetail & { actions: ActionView[] }>('volunteer', 'team/get', { id: DEMO_TEAMS.daguo }, I.resident)).actions).toEqual([]);
      const ev = await schedule(w, draft.id);
      expect(ev.action).toMatchObject({ id: draft.id, status: 'scheduled', eventId: ev.id });
      expect(await codeOf(schedule(w, draft.id))).toBe('ACTION.WRONG_STEP');

      // Residents sign up and check in and out.
      for (const who of [I.resident, I.resident2]) await call('volunteer', 'event/signup', { eventId: ev.id }, who);
      clock.set(new Date(Date.parse(ev.startAt) + 60_000).toISOString());
      for (const who of [I.resident, I.resident2]) {
        const { qr } = await call<CodeView>('volunteer', 'event/checkinCode', { id: ev.id }, I.daguoLeader);
        await call('volunteer', 'event/scan', { code: qr }, who);
      }
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('EVENT.NOT_ENDED');
      clock.set(new Date(Date.parse(ev.endAt) - 60_000).toISOString());
      for (const who of [I.resident, I.resident2]) {
        const { qr } = await call<CodeView>('volunteer', 'event/checkinCode', { id: ev.id }, I.daguoLeader);
        await call('volunteer', 'event/scan', { code: qr }, who);
      }
      clock.set(new Date(Date.parse(ev.endAt) + 60_000).toISOString());
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('ACTION.HOURS_UNCONFIRMED');
      const hours = await call<AttendanceView>('volunteer', 'event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      expect(hours.rows.every((r) => r.confirmedMinutes !== null && r.confirmedMinutes > 0)).toBe(true);
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.resident))).toBe('AUTH.FORBIDDEN');
      const reported = await call<ActionView>('volunteer', 'event/recordResult', { eventId: ev.id, text: '巷道垃圾已全部清运，地面已冲洗' }, I.daguoLeader);
      expect(reported).toMatchObject({ status: 'reported', result: { text: '巷道垃圾已全部清运，地面已冲洗', underReview: false } });
      expect(await w.notices(I.daguoChair)).toContain('志愿行动已完成');

      // The handler resolves both concerns in one step; someone who handles none is told it does not exist.
      expect(await codeOf(call('concern', 'concern/resolveFromAction', { id: draft.id }, I.xinanStaff))).toBe('ACTION.NOT_FOUND');
      const resolved = await call<ActionView>('concern', 'concern/resolveFromAction', { id: draft.id }, I.daguoChair);
      expect(resolved.status).toBe('resolved');
      expect(await codeOf(call('concern', 'concern/resolveFromAction', { id: draft.id }, I.daguoChair))).toBe('ACTION.WRONG_STEP');
      for (const [id, who] of [[first, I.resident], [second, I.resident2]] as const) {
        const c = await call<ConcernDetail>('concern', 'concern/get', { id }, who);
        expect(c.status).toBe('resolved');
        const last = c.thread[c.thread.length - 1];
        expect(last.text).toBe(`${TEAM_NAME}已开展志愿行动处理：巷道垃圾已全部清运，地面已冲洗`);
        // The team, never a volunteer: neither 李叔 nor 陈阿姨 (who volunteered) nor the leader is named.
        expect(JSON.stringify(c.thread)).not.toMatch(/李叔|罗队长/);
        expect(c.volunteerAction).toMatchObject({ status: 'resolved', teamName: TEAM_NAME });
      }
      // The resident rates as usual.
      const rated = await call<ConcernDetail>('concern', 'concern/rate', { id: first, rating: 'satisfied' }, I.resident);
      expect(rated.rating?.value).toBe('satisfied');
    });

    it('gives the concern back to its handlers when the event is cancelled, and lets them hand it on again', async () => {
      const { call } = w;
      const id = await report(w, I.resident, '巷尾堆放建筑垃圾');
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      const ev = await schedule(w, draft.id);
      await call('volunteer', 'event/cancelEvent', { id: ev.id, reason: '台风预警' }, I.daguoLeader);
      const c = await call<ConcernDetail>('concern', 'concern/get', { id }, I.daguoChair);
      expect(c.volunteerAction?.status).toBe('cancelled');
      expect(c.status).toBe('accepted');
      expect(c.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['action_started', 'action_scheduled', 'action_cancelled']));
      expect(await w.notices(I.daguoChair)).toContain('志愿行动已取消');
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('ACTION.WRONG_STEP');
      const again = await call<ActionView>('concern', 'concern/startAction', { ids: [id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      expect(again.status).toBe('draft');
    });

    it('refuses concerns not yet accepted, of two places, or resolved', async () => {
      const { call } = w;
      const fresh = await call<ConcernDetail>('concern', 'concern/submit', { category: 'environment', description: '垃圾桶满了', placeId: 'dz-xicheng-daguo' }, I.resident);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [fresh.id], teamId: DEMO_TEAMS.daguo }, I.envOffice))).toBe('ACTION.CONCERN_NOT_OPEN');
      const here = await report(w, I.resident, '巷口垃圾');
      const elsewhere = await call<ConcernDetail>('concern', 'concern/submit', { category: 'environment', description: '河边垃圾', placeId: 'dz-xinan-1' }, I.resident);
      await call('concern', 'concern/accept', { id: elsewhere.id }, I.envOffice);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [here, elsewhere.id], teamId: DEMO_TEAMS.daguo }, I.envOffice))).toBe('ACTION.PLACES_DIFFER');
      await call('concern', 'concern/resolve', { id: here, text: '已清理' }, I.daguoChair);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [here], teamId: DEMO_TEAMS.daguo }, I.daguoChair))).toBe('ACTION.CONCERN_NOT_OPEN');
    });
  });
}

let rt: LocalRuntime | null = null;
afterEach(() => {
  rt?.close();
  rt = null;
});

describeFlow('SQLite', () => {
  const clock = testClock();
  const local = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS });
  rt = local;
  return {
    clock,
    call: (fn, action, data, openid) => local.router.call(fn, action, data, openid) as never,
    notices: async (openid) => local.store.db.prepare(`SELECT title FROM outbox WHERE recipient_openid = ? ORDER BY created_at, id`).pluck().all(openid) as string[],
  };
});

describe('on CloudBase', () => {
  const cloud = useCloudFunctions();
  useWechatPassing();
  let world: World;
  beforeEach(async () => {
    const clock = testClock();
    await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(clock.now(), (id) => `secret-${id}`));
    const runtime = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
    const handlers = { concern: createCloudHandler('concern', async () => runtime.router, cloudbaseIdentity), volunteer: createCloudHandler('volunteer', async () => runtime.router, cloudbaseIdentity) };
    world = {
      clock,
      call: async <T,>(fn: 'concern' | 'volunteer', action: string, data: unknown, openid: string) => {
        const res = (await handlers[fn]({ action, data }, wechatContext(openid))) as { ok: boolean; data?: T; code?: string };
        if (!res.ok) throw { code: res.code };
        return res.data as T;
      },
      notices: async (openid) =>
        cloud
          .wire()
          .documents('outbox')
          .filter((d) => d.recipientOpenid === openid)
          .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
          .map((d) => String(d.title)),
    };
  });
  describeFlow('CloudBase (wire fake)', () => world);
});
