/**
 * Every town is isolated from every other (issue 14, item 3): one rule (core/scope.ts) decides where an
 * admin's oversight reaches — their own town, or every town for a district admin — for held content,
 * the audit log, team application notes, held events and cancellation reasons, attendance, and feedback about
 * the app (on SQLite, and through the `concern` function on the CloudBase wire fake).
 */
import type { ModerationItem, TeamDetail } from '../core/views';
import { HELD_TEXT } from '../core/trust/content';
import { memberRef } from '../core/volunteers/volunteer-codes';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';
import { GENEROUS_LIMITS } from './test-limits';
import { useCloudFunctions, useWechatPassing } from './test-cloud-function';
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { codeOf } from './test-outcome';

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: testClock().now, rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T>(openid: string, action: string, data: unknown = {}) => rt.router.call(action.startsWith('team/') || action.startsWith('event/') ? 'volunteer' : 'concern', action, data, openid) as Promise<T>;
const start = Date.parse('2026-12-02T01:00:00Z');
const event = (extra: Record<string, unknown> = {}) => ({ teamId: DEMO_TEAMS.daguo, title: '河涌清洁', description: '', place: '大果祠堂', startAt: new Date(start).toISOString(), endAt: new Date(start + 7_200_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all', ...extra });

/** 丹灶镇 has a held report, a held team note, a held event, a published event with a held cancellation reason, and audit entries. */
async function danzaoWithHeldThings() {
  await call(I.resident, 'concern/submit', { category: 'environment', description: '村口垃圾，加我微信详谈', placeId: 'dz-xicheng-daguo' });
  await call(I.resident2, 'team/apply', { teamId: DEMO_TEAMS.daguo, note: '周末有空，私聊' }).catch(() => undefined);
  const held = await call<{ id: string }>(I.daguoLeader, 'event/create', event({ description: '报名加微信' }));
  const open = await call<{ id: string }>(I.daguoLeader, 'event/create', event({ title: '村道清扫' }));
  await call(I.daguoLeader, 'event/cancelEvent', { id: open.id, reason: '改期，详情私聊' });
  return { held: held.id, cancelled: open.id };
}

it("keeps one town's held content, audit log and teams' records from another town's admin; the district admin sees all", async () => {
  const { held, cancelled } = await danzaoWithHeldThings();
  const moderation = async (openid: string) => (await call<{ items: ModerationItem[] }>(openid, 'moderation/list')).items.map((i) => i.kind).sort();
  expect(await moderation(I.townAdmin)).toEqual(['cancelReason', 'concern', 'event']);
  expect(await moderation(I.jiujiangAdmin)).toEqual([]);
  expect(await moderation(I.districtAdmin)).toEqual(['cancelReason', 'concern', 'event']);

  // Another town's admin cannot decide 丹灶's held items either.
  expect(await codeOf(call(I.jiujiangAdmin, 'moderation/decide', { kind: 'event', id: held, decision: 'publish' }))).toBe('MODERATION.NOT_HELD');

  const audit = async (openid: string) => (await call<{ items: Array<{ actorOpenid: string }> }>(openid, 'audit/list', { limit: 50 })).items.map((e) => e.actorOpenid);
  expect(await audit(I.townAdmin)).toContain(I.daguoLeader);
  expect(await audit(I.jiujiangAdmin)).not.toContain(I.daguoLeader);
  expect(await audit(I.districtAdmin)).toContain(I.daguoLeader);

  // A held event does not exist for another town's admin; a held cancellation reason is a placeholder.
  expect(await codeOf(call(I.jiujiangAdmin, 'event/get', { id: held }))).toBe('EVENT.NOT_FOUND');
  expect(await codeOf(call(I.townAdmin, 'event/get', { id: held }))).toBe('ok');
  expect((await call<{ cancelReason: string }>(I.jiujiangAdmin, 'event/get', { id: cancelled })).cancelReason).toBe(HELD_TEXT);
  expect((await call<{ cancelReason: string }>(I.districtAdmin, 'event/get', { id: cancelled })).cancelReason).toBe('改期，详情私聊');
  const eventsSeen = async (openid: string) => (await call<TeamDetail>(openid, 'team/get', { id: DEMO_TEAMS.daguo })).events.map((e) => e.id);
  expect(await eventsSeen(I.jiujiangAdmin)).not.toContain(held);
  expect(await eventsSeen(I.townAdmin)).toContain(held);

  // Attendance is the team's leaders' and its own town's admin's.
  expect(await codeOf(call(I.jiujiangAdmin, 'event/attendance', { id: cancelled }))).toBe('AUTH.FORBIDDEN');
  expect(await codeOf(call(I.districtAdmin, 'event/attendance', { id: cancelled }))).toBe('ok');
});

it("shows a team's application notes to its own town's admin, not to another town's", async () => {
  await call(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo, note: '会开车，可以接送长者' });
  await call(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId: memberRef(rt.deps, `${DEMO_TEAMS.daguo}_${I.resident}`), decision: 'approve' });
  const notes = async (openid: string) => (await call<TeamDetail>(openid, 'team/get', { id: DEMO_TEAMS.daguo })).members.map((m) => m.note).filter((n) => n !== null);
  expect(await notes(I.daguoLeader)).toEqual(['会开车，可以接送长者']);
  expect(await notes(I.townAdmin)).toEqual(['会开车，可以接送长者']);
  expect(await notes(I.districtAdmin)).toEqual(['会开车，可以接送长者']);
  expect(await notes(I.jiujiangAdmin)).toEqual([]);
  expect(await notes(I.resident2)).toEqual([]);
});

it("files feedback about the app under its author's town and shows it to that town's admin only; the district admin reads all", async () => {
  await call(I.daguoChair, 'feedback/submit', { text: '工作台希望能按村筛选', contact: '13800000001' });
  await call(I.resident, 'concern/submit', { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' });
  await call(I.resident, 'feedback/submit', { text: '字太小了', contact: '13900000001' });
  await call(I.dungenLeader, 'feedback/submit', { text: '活动报名希望能导出名单' });
  await call(I.resident2, 'feedback/submit', { text: '希望增加语音输入' });
  const seen = async (openid: string) => (await call<{ items: Array<{ text: string }> }>(openid, 'feedback/list')).items.map((f) => f.text);
  expect(await seen(I.townAdmin)).toEqual(['字太小了', '工作台希望能按村筛选']);
  expect(await seen(I.jiujiangAdmin)).toEqual(['活动报名希望能导出名单']);
  expect(await seen(I.districtAdmin)).toEqual(['希望增加语音输入', '活动报名希望能导出名单', '字太小了', '工作台希望能按村筛选']);
  expect(rt.store.db.prepare('SELECT town_id FROM feedback ORDER BY created_at').pluck().all()).toEqual(['danzao', 'danzao', 'jiujiang', null]);
});

describe('feedback about the app on CloudBase', () => {
  const cloud = useCloudFunctions();
  useWechatPassing();

  it("is filed under its author's town and read by that town's admin and the district admin only", async () => {
    await cloud.call(concernFunction, I.daguoChair, 'feedback/submit', { text: '工作台希望能按村筛选' });
    const seen = async (openid: string) => (await cloud.call<{ items: Array<{ text: string }> }>(concernFunction, openid, 'feedback/list', {})).items.map((f) => f.text);
    expect(await seen(I.townAdmin)).toEqual(['工作台希望能按村筛选']);
    expect(await seen(I.jiujiangAdmin)).toEqual([]);
    expect(await seen(I.districtAdmin)).toEqual(['工作台希望能按村筛选']);
    expect(cloud.wire().documents('feedback')).toEqual([expect.objectContaining({ townId: 'danzao' })]);
  });
});
