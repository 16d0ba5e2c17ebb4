/** 操作记录 (issue 16, item 8): names and links instead of raw ids, filters by person, action and Beijing day; through the router on SQLite. */
import type { AuditEntryView, AuditPersonView, ConcernDetail, Page } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock, type TestClock } from './test-clock';

type AuditPage = Page<AuditEntryView> & { people: AuditPersonView[] };

let rt: LocalRuntime;
let clock: TestClock;
beforeEach(() => {
  // Monday 2026-11-30, 15:30 in Beijing.
  clock = testClock('2026-11-30T07:30:00.000Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = (placeId = 'dz-xinan-1') => call(I.resident, 'concern/submit', { category: 'road', description: '路面塌陷', placeId });
const audit = (openid: string, data: Record<string, unknown> = {}) => call<AuditPage>(openid, 'audit/list', data);

it('names the person, the unit and the concern (its category and case number), never a bare id', async () => {
  const c = await report();
  await call(I.xinanStaff, 'concern/accept', { id: c.id });
  const log = await audit(I.townAdmin);
  expect(log.items.map((e) => [e.actorName, e.nodeName, e.target])).toEqual([['何社委', '新安第一经济社', { kind: 'concern', id: c.id, categoryName: '道路设施' }]]);
  // The people to filter by: the town's staff and admins, by name; none of another town.
  expect(log.people).toContainEqual({ openid: I.xinanStaff, name: '何社委' });
  expect(log.people).toContainEqual({ openid: I.townAdmin, name: '丹灶镇管理员' });
  expect(log.people.some((p) => p.openid === I.jiujiangAdmin)).toBe(false);
  expect((await audit(I.districtAdmin)).people).toContainEqual({ openid: I.jiujiangAdmin, name: '九江镇管理员' });
  // Team leaders act too (events, attendance, hours): the town's leaders are there, another town's are not.
  const [leader] = await rt.store.teams.leaders(DEMO_TEAMS.daguo);
  expect(leader?.openid).toBe(I.daguoLeader);
  expect(log.people).toContainEqual({ openid: I.daguoLeader, name: leader?.name });
  expect((await audit(I.jiujiangAdmin)).people.some((p) => p.openid === I.daguoLeader)).toBe(false);
});

it('filters by person, by action and by Beijing day, alone or together', async () => {
  const a = await report();
  const b = await report('dz-xicheng-daguo');
  await call(I.xinanStaff, 'concern/accept', { id: a.id });
  await call(I.daguoChair, 'concern/accept', { id: b.id });
  // 23:59 in Beijing, still Monday; then Tuesday 00:01.
  clock.set('2026-11-30T15:59:00.000Z');
  await call(I.xinanStaff, 'concern/reply', { id: a.id, text: '已安排人员查看' });
  clock.set('2026-11-30T16:01:00.000Z');
  await call(I.daguoChair, 'concern/reply', { id: b.id, text: '明天修' });

  const who = (p: AuditPage) => p.items.map((e) => `${e.actorName}:${e.action}`);
  expect(who(await audit(I.townAdmin, { actor: I.xinanStaff }))).toEqual(['何社委:concern/reply', '何社委:concern/accept']);
  expect(who(await audit(I.townAdmin, { action: 'concern/accept' }))).toEqual(['黄社长:concern/accept', '何社委:concern/accept']);
  expect(who(await audit(I.townAdmin, { day: '2026-11-30' }))).toEqual(['何社委:concern/reply', '黄社长:concern/accept', '何社委:concern/accept']);
  expect(who(await audit(I.townAdmin, { day: '2026-12-01' }))).toEqual(['黄社长:concern/reply']);
  expect(who(await audit(I.townAdmin, { actor: I.daguoChair, action: 'concern/reply', day: '2026-12-01' }))).toEqual(['黄社长:concern/reply']);
  expect(who(await audit(I.townAdmin, { actor: I.daguoChair, day: '2026-11-29' }))).toEqual([]);
  // Another town's admin finds none of 丹灶镇's entries, whatever the filter.
  expect((await audit(I.jiujiangAdmin, { actor: I.xinanStaff })).items).toEqual([]);
});

it('refuses a filter that is not a day, an action or a person with VALIDATION.FAILED', async () => {
  for (const bad of [{ day: '2026-02-30' }, { day: '30/11/2026' }, { action: 'accept' }, { actor: '' }, { actor: 'x'.repeat(65) }, { who: I.xinanStaff }]) {
    await expect(audit(I.townAdmin, bad)).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  }
});
