/** The first concern loop through the real router on the real SQLite store (in memory). */
import { GENEROUS_LIMITS } from './test-limits';
import type { ConcernDetail, Page, ConcernSummary } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { codeOf } from './test-outcome';
import { testClock } from './test-clock';

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const count = (table: string) => rt.store.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

const report = (openid: string = I.resident, extra: Record<string, unknown> = {}) =>
  call(openid, 'concern/submit', { category: 'environment', description: '大果经济社村口垃圾三天没人清', placeId: 'dz-xicheng-daguo', ...extra });

describe('a resident reports a concern', () => {
  it('routes it to the picked cooperative, its grid, village and town, and says why', async () => {
    const c = await report();
    expect(c.status).toBe('assigned');
    expect(c.route).toMatchObject({
      step: 'place',
      gridId: 'dz-xicheng-daguo-g',
      cooperativeId: 'dz-xicheng-daguo',
      villageId: 'dz-xicheng',
      townId: 'danzao',
      coOfficeId: 'danzao-environment',
      cooperativeName: '大果经济社',
      gridName: '大果网格',
      reasonCode: 'PLACE_COOPERATIVE',
    });
    expect(c.route.reason).toContain('大果经济社');
    expect(c.timeline.map((e) => e.type)).toEqual(['submitted', 'assigned']);
    expect(c.timeline[1].note).toBe(c.route.reason);
    expect(c.mine).toBe(true);
    // Before anyone accepted it the reporter may add to it or withdraw it; 催办 opens at the acknowledge deadline.
    expect(c.moves).toEqual(['reply', 'withdraw']);
    expect(c.chaseFrom).toBe(c.sla.ackDueAt);
  });

  it('shows it in 我的诉求 with status and route', async () => {
    const c = await report();
    const mine = await call<Page<ConcernSummary>>(I.resident, 'concern/listMine');
    expect(mine.items.map((i) => [i.id, i.status, i.route.cooperativeName])).toEqual([[c.id, 'assigned', '大果经济社']]);
    const other = await call<Page<ConcernSummary>>(I.resident2, 'concern/listMine');
    expect(other.items).toEqual([]);
  });

  it('sends a report that names only the town to the dispatcher queue', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '不知道属于哪个村的路坑', placeId: 'danzao' });
    expect(c.status).toBe('dispatching');
    expect(c.route).toMatchObject({ step: 'dispatch', gridId: null, reasonCode: 'DISPATCH_NO_PLACE' });
  });

  it('refuses an unknown place or category and writes nothing', async () => {
    const before = [count('concerns'), count('concern_events')];
    expect(await codeOf(report(I.resident, { placeId: 'nowhere' }))).toBe('GRID.PLACE_NOT_FOUND');
    expect(await codeOf(report(I.resident, { category: 'ufo' }))).toBe('CATEGORY.UNKNOWN');
    expect(await codeOf(report(I.resident, { description: '' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(report(I.resident, { openid: I.daguoChair }))).toBe('VALIDATION.FAILED');
    expect([count('concerns'), count('concern_events')]).toEqual(before);
  });

  it('stores one concern for a retried submit with the same requestId', async () => {
    const a = await report(I.resident, { requestId: 'req-0000000001' });
    const b = await report(I.resident, { requestId: 'req-0000000001' });
    expect(b.id).toBe(a.id);
    expect(count('concerns')).toBe(1);
    expect(count('concern_events')).toBe(2);
    // The same requestId from another resident is their own, separate request.
    const c = await report(I.resident2, { requestId: 'req-0000000001' });
    expect(c.id).not.toBe(a.id);
  });
});

describe("the cooperative committee handles it", () => {
  it('accepts, replies and resolves; the resident sees every reply and the timeline', async () => {
    const c = await report();
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox');
    expect(inbox.items.map((i) => i.id)).toEqual([c.id]);

    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen.moves).toEqual(['accept', 'transfer', 'return', 'escalate']);
    expect(await codeOf(call(I.daguoChair, 'concern/reply', { id: c.id, text: '先回复' }))).toBe('CONCERN.ILLEGAL_TRANSITION');
    expect(await codeOf(call(I.daguoChair, 'concern/resolve', { id: c.id, text: '直接办结' }))).toBe('CONCERN.ILLEGAL_TRANSITION');

    const accepted = await call(I.daguoChair, 'concern/accept', { id: c.id });
    expect(accepted.status).toBe('accepted');
    expect(accepted.moves).toEqual(['reply', 'resolve', 'transfer', 'return', 'escalate']);
    const replied = await call(I.daguoChair, 'concern/reply', { id: c.id, text: '已安排保洁员下午清理' });
    expect(replied.status).toBe('in_progress');
    await call(I.resident, 'concern/reply', { id: c.id, text: '谢谢，另外路边还有一堆' });
    const resolved = await call(I.daguoGridWorker, 'concern/resolve', { id: c.id, text: '两处垃圾均已清理完毕' });
    expect(resolved.status).toBe('resolved');

    const view = await call(I.resident, 'concern/get', { id: c.id });
    expect(view.status).toBe('resolved');
    expect(view.thread.map((m) => [m.authorName, m.authorRole, m.text])).toEqual([
      ['黄社长', 'staff', '已安排保洁员下午清理'],
      ['陈阿姨', 'resident', '谢谢，另外路边还有一堆'],
      ['梁网格员', 'staff', '两处垃圾均已清理完毕'],
    ]);
    expect(view.timeline.map((e) => [e.type, e.toStatus])).toEqual([
      ['submitted', 'submitted'],
      ['assigned', 'assigned'],
      ['accepted', 'accepted'],
      ['replied', 'in_progress'],
      ['resident_replied', 'in_progress'],
      ['resolved', 'resolved'],
    ]);
    expect(view.timeline.every((e) => e.at && e.actorRole)).toBe(true);
    // Openids of other people are not handed out in a view.
    expect(view.timeline.filter((e) => e.actorRole === 'staff').every((e) => e.actorOpenid === null)).toBe(true);
    expect(view.moves).toEqual(['reply', 'rate']);
  });

  it("is invisible to another cooperative's staff, who get CONCERN.NOT_FOUND by id", async () => {
    const c = await report();
    const inbox = await call<Page<ConcernSummary>>(I.xinanStaff, 'concern/inbox');
    expect(inbox.items).toEqual([]);
    expect(await codeOf(call(I.xinanStaff, 'concern/get', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
    expect(await codeOf(call(I.xinanStaff, 'concern/accept', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
    expect(await codeOf(call(I.resident2, 'concern/get', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
    // The same code as for an id that does not exist at all: a refusal reveals nothing.
    expect(await codeOf(call(I.xinanStaff, 'concern/get', { id: 'cdoesnotexist' }))).toBe('CONCERN.NOT_FOUND');
  });

  it('is handled by the village committee above the cooperative and by the lead office', async () => {
    const c = await report();
    expect((await call<Page<ConcernSummary>>(I.xichengStaff, 'concern/inbox')).items.map((i) => i.id)).toEqual([c.id]);
    expect((await call<Page<ConcernSummary>>(I.envOffice, 'concern/inbox')).items.map((i) => i.id)).toEqual([c.id]);
    expect((await call(I.envOffice, 'concern/accept', { id: c.id })).status).toBe('accepted');
  });

  it('lets the town admin oversee it but not act on it', async () => {
    const c = await report();
    expect((await call<Page<ConcernSummary>>(I.townAdmin, 'concern/inbox')).items.map((i) => i.id)).toEqual([c.id]);
    expect((await call(I.townAdmin, 'concern/get', { id: c.id })).moves).toEqual([]);
    expect(await codeOf(call(I.townAdmin, 'concern/accept', { id: c.id }))).toBe('AUTH.FORBIDDEN');
  });

  it('refuses the reporter a staff move and a resident the inbox', async () => {
    const c = await report();
    expect(await codeOf(call(I.resident, 'concern/accept', { id: c.id }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.resident, 'concern/inbox'))).toBe('AUTH.FORBIDDEN');
  });

  it('lets only one of two staff accepting at once win; the other gets CONCERN.CONFLICT', async () => {
    const c = await report();
    const results = await Promise.all([codeOf(call(I.daguoChair, 'concern/accept', { id: c.id })), codeOf(call(I.daguoGridWorker, 'concern/accept', { id: c.id }))]);
    expect(results.sort()).toEqual(['CONCERN.CONFLICT', 'ok']);
    const view = await call(I.resident, 'concern/get', { id: c.id });
    expect(view.timeline.filter((e) => e.type === 'accepted')).toHaveLength(1);
  });

  it('treats a retried accept with the same requestId as the first, writing nothing new', async () => {
    const c = await report();
    await call(I.daguoChair, 'concern/accept', { id: c.id, requestId: 'tap-000000001' });
    const again = await call(I.daguoChair, 'concern/accept', { id: c.id, requestId: 'tap-000000001' });
    expect(again.status).toBe('accepted');
    expect(again.timeline.filter((e) => e.type === 'accepted')).toHaveLength(1);
  });

  it("moves a resident's message past a staff move without losing either", async () => {
    const c = await report();
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await Promise.all([call(I.resident, 'concern/reply', { id: c.id, text: '补充：在祠堂旁' }), call(I.daguoChair, 'concern/reply', { id: c.id, text: '收到，马上处理' })]);
    const view = await call(I.resident, 'concern/get', { id: c.id });
    expect(view.thread.map((m) => m.text).sort()).toEqual(['收到，马上处理', '补充：在祠堂旁'].sort());
    expect(view.status).toBe('in_progress');
  });
});

describe('lists page by cursor', () => {
  it('returns every concern once, newest first, across pages', async () => {
    let t = Date.parse('2026-11-01T00:00:00Z');
    rt.deps.now = () => new Date((t += 1000));
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push((await report()).id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<ConcernSummary> = await call(I.resident, 'concern/listMine', { limit: 10, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('refuses a forged cursor with VALIDATION.FAILED', async () => {
    expect(await codeOf(call(I.resident, 'concern/listMine', { cursor: 'not-a-cursor' }))).toBe('VALIDATION.FAILED');
  });
});

describe('the router', () => {
  it('refuses an unknown action, or an action of another function', async () => {
    expect(await codeOf(call(I.resident, 'concern/fly'))).toBe('ACTION.UNKNOWN');
    await expect(rt.router.call('volunteer', 'concern/get', { id: 'x' }, I.resident)).rejects.toMatchObject({ code: 'ACTION.UNKNOWN' });
  });

  it('makes an unknown openid a new resident with a default name', async () => {
    const p = await call<{ role: string; name: string }>('wx-new-person-1234', 'me/profile');
    expect(p).toMatchObject({ role: 'resident', name: '街坊1234' });
  });
});
