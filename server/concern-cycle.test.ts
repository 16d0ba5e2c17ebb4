/** The whole 接诉即办 cycle on SQLite: rating and 重办, route changes, the SLA job, rates. */
import { GENEROUS_LIMITS } from './test-limits';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ConcernDetail, ConcernSummary, Page, RatesView } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { codeOf } from './test-outcome';

/** Beijing wall-clock time → Date. */
const bj = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => bj(local).toISOString();

let rt: LocalRuntime;
let clock: Date;
beforeEach(() => {
  clock = bj('2026-11-27T19:30:00'); // a Friday evening
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => clock, rateLimits: GENEROUS_LIMITS, uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-uploads-')) });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const inboxIds = async (openid: string, scope: 'open' | 'all' = 'open') => (await call<Page<ConcernSummary>>(openid, 'concern/inbox', { scope })).items.map((i) => i.id);
const row = (id: string) => rt.store.db.prepare('SELECT status, town_id, village_id, cooperative_id, grid_id, co_office_id, due_at, watch_at FROM concerns WHERE id = ?').get(id);
const outboxTo = (openid: string) => rt.store.db.prepare('SELECT kind, title FROM outbox WHERE recipient_openid = ? ORDER BY created_at, id').all(openid) as Array<{ kind: string; title: string }>;

const report = (extra: Record<string, unknown> = {}) =>
  call(I.resident, 'concern/submit', { category: 'environment', description: '大果经济社村口垃圾三天没人清', placeId: 'dz-xicheng-daguo', ...extra });

let afterPhoto = '';
async function resolved(): Promise<ConcernDetail> {
  const c = await report();
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  afterPhoto = rt.photos!.put(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'jpg', I.daguoChair);
  return call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已清理', photos: [afterPhoto] });
}

describe('due times', () => {
  it('shows the clocks of a Friday-evening report, counted from Monday morning', async () => {
    const c = await report();
    expect(c.sla).toMatchObject({ round: 1, ackDueAt: iso('2026-11-30T13:00:00'), resolveDueAt: iso('2026-12-18T18:00:00'), overdue: false });
    expect(c.sla.dueAt).toBe(c.sla.ackDueAt);
  });

  it('sorts the open inbox most urgent first and flags what is overdue', async () => {
    const consult = await report({ category: 'other' }); // 咨询: due in 2 working days
    clock = bj('2026-11-30T09:30:00');
    const later = await report(); // acknowledge clock from Monday 09:30 → 13:30
    clock = bj('2026-11-30T09:31:00');
    const first = await report({ category: 'road' });
    clock = bj('2026-11-30T13:10:00');
    await call(I.daguoChair, 'concern/accept', { id: first.id });
    const items = (await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox')).items;
    expect(items.map((i) => i.id)).toEqual([consult.id, later.id, first.id]);
    expect(items.map((i) => i.sla.overdue)).toEqual([true, false, false]);
    // Newest first in 全部.
    expect(await inboxIds(I.daguoChair, 'all')).toEqual([first.id, later.id, consult.id]);
  });

  it('pages the open inbox by cursor without repeats or gaps', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      clock = new Date(bj('2026-11-30T09:00:00').getTime() + i * 60_000);
      ids.push((await report()).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<ConcernSummary> = await call(I.daguoChair, 'concern/inbox', { limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
  });
});

describe('rating', () => {
  it('closes the concern on 满意, once; only the reporter may rate', async () => {
    const c = await resolved();
    expect(c.thread.at(-1)).toMatchObject({ text: '已清理', photos: [afterPhoto], photoUrls: [afterPhoto.replace('local://uploads/', '/uploads/')] });
    expect(await codeOf(call(I.daguoChair, 'concern/rate', { id: c.id, rating: 'satisfied' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.resident2, 'concern/rate', { id: c.id, rating: 'satisfied' }))).toBe('CONCERN.NOT_FOUND');
    expect(await codeOf(call(I.resident, 'concern/rate', { id: c.id, rating: 'great' }))).toBe('VALIDATION.FAILED');
    const closed = await call(I.resident, 'concern/rate', { id: c.id, rating: 'basically_satisfied', comment: '还行' });
    expect(closed).toMatchObject({ status: 'closed', rating: { value: 'basically_satisfied', comment: '还行', round: 1 }, moves: [] });
    expect(closed.timeline.at(-1)).toMatchObject({ type: 'rated', note: '基本满意：还行', toStatus: 'closed' });
    expect(await codeOf(call(I.resident, 'concern/rate', { id: c.id, rating: 'unsatisfied' }))).toBe('CONCERN.ILLEGAL_TRANSITION');
    expect(outboxTo(I.daguoChair).map((n) => n.kind)).toContain('concern_rated');
  });

  it('reopens on 不满意 (重办) with fresh clocks; the inbox shows it again; the next round can be rated', async () => {
    const c = await resolved();
    expect(await inboxIds(I.daguoChair)).toEqual([]);
    clock = bj('2026-12-04T19:00:00'); // Friday evening again
    const reopened = await call(I.resident, 'concern/rate', { id: c.id, rating: 'unsatisfied', comment: '路边还有一堆' });
    expect(reopened).toMatchObject({ status: 'assigned', rating: { value: 'unsatisfied', round: 1 } });
    expect(reopened.sla).toMatchObject({ round: 2, ackDueAt: iso('2026-12-07T13:00:00'), resolveDueAt: iso('2026-12-25T18:00:00'), ackedAt: null });
    expect(reopened.timeline.at(-1)).toMatchObject({ type: 'reopened', note: '不满意：路边还有一堆', fromStatus: 'resolved', toStatus: 'assigned' });
    expect(await inboxIds(I.daguoChair)).toEqual([c.id]);
    expect(outboxTo(I.daguoChair).at(-1)).toEqual({ kind: 'concern_reopened', title: '诉求被评为不满意，需重办' });
    // Round 1 was rated once; round 2 is worked and rated again.
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '两处都清理了' });
    const closed = await call(I.resident, 'concern/rate', { id: c.id, rating: 'satisfied' });
    expect(closed).toMatchObject({ status: 'closed', rating: { value: 'satisfied', round: 2 } });
  });
});

describe('rating one\'s own handling', () => {
  const staffReport = (openid: string, placeId: string) => call(openid, 'concern/submit', { category: 'other', description: '自己村口的路灯坏了', placeId });

  it('is refused to staff who report at a node they serve, and never offered; the concern is not counted as rated', async () => {
    // 吴委员 serves 西城社区, above 大果经济社: the report comes to his own desk.
    const c = await staffReport(I.xichengStaff, 'dz-xicheng-daguo');
    await call(I.xichengStaff, 'concern/accept', { id: c.id });
    const done = await call(I.xichengStaff, 'concern/resolve', { id: c.id, text: '已报修' });
    expect(done.moves).not.toContain('rate');
    expect(await codeOf(call(I.xichengStaff, 'concern/rate', { id: c.id, rating: 'satisfied' }))).toBe('CONCERN.OWN_HANDLING');
    expect(await codeOf(call(I.xichengStaff, 'concern/rate', { id: c.id, rating: 'unsatisfied' }))).toBe('CONCERN.OWN_HANDLING');
    expect(await call(I.xichengStaff, 'concern/get', { id: c.id })).toMatchObject({ status: 'resolved', rating: null });
    const rates = await call<RatesView>(I.xichengStaff, 'stats/rates', { month: '2026-11' });
    expect(rates.rows[0]).toMatchObject({ nodeId: 'dz-xicheng', total: 1, resolved: 1, rated: 0, satisfactionRate: null });
  });

  it('is refused to one who handled the concern before passing it on', async () => {
    // 黄社长 reports at his own cooperative, accepts, then transfers it to 新安第一经济社, which resolves it.
    const c = await staffReport(I.daguoChair, 'dz-xicheng-daguo');
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1', reason: '路灯属于新安第一经济社的路段' });
    await call(I.xinanStaff, 'concern/accept', { id: c.id });
    await call(I.xinanStaff, 'concern/resolve', { id: c.id, text: '已修好' });
    const mine = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(mine.moves).not.toContain('rate');
    expect(await codeOf(call(I.daguoChair, 'concern/rate', { id: c.id, rating: 'satisfied' }))).toBe('CONCERN.OWN_HANDLING');
  });

  it('is allowed to staff reporting elsewhere, as any resident', async () => {
    const c = await staffReport(I.xinanStaff, 'dz-xicheng-daguo');
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已报修' });
    expect((await call(I.xinanStaff, 'concern/get', { id: c.id })).moves).toContain('rate');
    expect(await call(I.xinanStaff, 'concern/rate', { id: c.id, rating: 'satisfied' })).toMatchObject({ status: 'closed' });
  });
});

describe('route changes', () => {
  it('transfers to another cooperative with a reason; inboxes follow the route', async () => {
    const c = await report();
    expect(await codeOf(call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'jj-dungen-1', reason: '跨镇' }))).toBe('CONCERN.TARGET_INVALID');
    expect(await codeOf(call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xicheng-daguo', reason: '原地' }))).toBe('CONCERN.TARGET_INVALID');
    expect(await codeOf(call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'nowhere', reason: '无' }))).toBe('CONCERN.TARGET_INVALID');
    const moved = await call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1', reason: '地点属新安第一经济社' });
    expect(moved.route).toMatchObject({ step: 'manual', reasonCode: 'TRANSFER', villageId: 'dz-xinan', cooperativeId: 'dz-xinan-1', gridId: 'dz-xinan-1-g', coOfficeId: 'danzao-environment' });
    expect(moved.route.reason).toContain('地点属新安第一经济社');
    expect(row(c.id)).toMatchObject({ status: 'assigned', village_id: 'dz-xinan', cooperative_id: 'dz-xinan-1', grid_id: 'dz-xinan-1-g' });
    expect(await inboxIds(I.xinanStaff)).toEqual([c.id]);
    // The mover keeps it in 全部, read-only, with where it went and how it stands; it leaves 待办.
    expect(moved).toMatchObject({ passedOn: true, moves: [] });
    expect(await inboxIds(I.daguoChair)).toEqual([]);
    expect(await inboxIds(I.daguoChair, 'all')).toEqual([c.id]);
    const kept = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(kept).toMatchObject({ passedOn: true, moves: [], status: 'assigned', route: { cooperativeName: '新安第一经济社' } });
    expect((await call(I.xinanStaff, 'concern/get', { id: c.id })).passedOn).toBe(false);
    expect(await codeOf(call(I.daguoChair, 'concern/accept', { id: c.id }))).toBe('AUTH.FORBIDDEN');
    // No longer the handler: the reporter's phone is masked for the mover.
    expect(kept.reporterPhone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await call(I.xinanStaff, 'concern/get', { id: c.id })).reporterPhone).toMatch(/^\d{11}$/);
    expect(outboxTo(I.xinanStaff).map((n) => n.kind)).toEqual(['concern_assigned']);
    expect(outboxTo(I.resident).at(-1)?.kind).toBe('concern_rerouted');
    // The clocks run on: a transfer does not restart the resident's wait.
    expect(moved.sla.ackDueAt).toBe(c.sla.ackDueAt);
  });

  it('returns to the town queue, where the dispatcher dispatches it (派单)', async () => {
    const c = await report();
    const back = await call(I.daguoChair, 'concern/return', { id: c.id, reason: '不属于本社' });
    expect(back).toMatchObject({ status: 'dispatching', route: { step: 'dispatch', reasonCode: 'RETURNED', villageId: null, cooperativeId: null, gridId: null } });
    expect(row(c.id)).toMatchObject({ town_id: 'danzao', village_id: null, cooperative_id: null, grid_id: null });
    expect(await inboxIds(I.danzaoDispatcher)).toEqual([c.id]);
    const seen = await call(I.danzaoDispatcher, 'concern/get', { id: c.id });
    expect(seen.moves).toEqual(['dispatch']);
    expect(await codeOf(call(I.danzaoDispatcher, 'concern/dispatch', { id: c.id, nodeId: 'xq-ruxi-1' }))).toBe('CONCERN.TARGET_INVALID');
    const sent = await call(I.danzaoDispatcher, 'concern/dispatch', { id: c.id, nodeId: 'dz-xicheng-daguo', reason: '核实后仍属大果' });
    expect(sent).toMatchObject({ status: 'assigned', route: { step: 'manual', reasonCode: 'MANUAL_DISPATCH', cooperativeId: 'dz-xicheng-daguo' } });
    expect(sent.timeline.map((e) => e.type).slice(-2)).toEqual(['returned', 'dispatched']);
    expect(await inboxIds(I.daguoChair)).toEqual([c.id]);
  });

  it('dispatches a report that named only the town', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '不知道属于哪个村的路坑', placeId: 'danzao' });
    expect(await codeOf(call(I.daguoChair, 'concern/dispatch', { id: c.id, nodeId: 'dz-xicheng' }))).toBe('CONCERN.NOT_FOUND');
    const sent = await call(I.danzaoDispatcher, 'concern/dispatch', { id: c.id, nodeId: 'dz-xicheng' });
    expect(sent.route).toMatchObject({ villageId: 'dz-xicheng', cooperativeId: null, gridId: null, reasonCode: 'MANUAL_DISPATCH' });
    expect(await inboxIds(I.xichengStaff)).toEqual([c.id]);
  });

  it('escalates one level at a time: cooperative → village → town, and no further', async () => {
    const c = await report();
    const village = await call(I.daguoChair, 'concern/escalate', { id: c.id, reason: '涉及多个经济社' });
    expect(village.route).toMatchObject({ step: 'escalation', reasonCode: 'ESCALATE', villageId: 'dz-xicheng', cooperativeId: null, gridId: null });
    expect(await inboxIds(I.daguoChair)).toEqual([]);
    expect(await inboxIds(I.xichengStaff)).toEqual([c.id]);
    // The cooperative and its grid passed it on; the village, which now holds it, did not.
    expect(village.passedOn).toBe(true);
    expect((await call(I.xichengStaff, 'concern/get', { id: c.id })).passedOn).toBe(false);
    expect(rt.store.db.prepare('SELECT past_nodes FROM concerns WHERE id = ?').pluck().get(c.id)).toBe('["dz-xicheng-daguo","dz-xicheng-daguo-g"]');
    const town = await call(I.xichengStaff, 'concern/escalate', { id: c.id, reason: '需镇执法办协调' });
    expect(town.route).toMatchObject({ townId: 'danzao', villageId: null, cooperativeId: null, gridId: null });
    expect(town.passedOn).toBe(true);
    expect(await inboxIds(I.xichengStaff, 'all')).toEqual([c.id]);
    expect(await inboxIds(I.daguoGridWorker, 'all')).toEqual([c.id]);
    const top = await call(I.danzaoDispatcher, 'concern/get', { id: c.id });
    expect(top.moves).not.toContain('escalate');
    expect(await codeOf(call(I.danzaoDispatcher, 'concern/escalate', { id: c.id, reason: '再上报' }))).toBe('CONCERN.NO_HIGHER_LEVEL');
    expect(top.timeline.filter((e) => e.type === 'escalated')).toHaveLength(2);
  });

  it('lets one of a transfer and an accept at once win; the other gets CONCERN.CONFLICT and changes nothing', async () => {
    const c = await report();
    const results = await Promise.all([
      codeOf(call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1', reason: '属新安' })),
      codeOf(call(I.daguoGridWorker, 'concern/accept', { id: c.id })),
    ]);
    expect(results.sort()).toEqual(['CONCERN.CONFLICT', 'ok']);
    const events = (await rt.store.concerns.timeline(c.id)).map((e) => e.type);
    expect(events.filter((t) => t === 'transferred' || t === 'accepted')).toHaveLength(1);
  });
});

describe('the SLA job', () => {
  it('escalates an overdue concern one level once, flags it, and tells the new handlers', async () => {
    const c = await report();
    clock = bj('2026-11-30T12:59:00');
    expect(await rt.runSla()).toMatchObject({ due: 0, escalated: 0 });
    clock = bj('2026-11-30T13:00:00');
    expect(await rt.runSla()).toMatchObject({ due: 1, escalated: 1 });
    expect(await rt.runSla()).toMatchObject({ due: 0, escalated: 0 });
    const view = await call(I.xichengStaff, 'concern/get', { id: c.id });
    expect(view).toMatchObject({ status: 'assigned', route: { reasonCode: 'SLA_ESCALATE', villageId: 'dz-xicheng', cooperativeId: null }, sla: { overdue: true, firstResponse: 'late' } });
    expect(view.timeline.at(-1)).toMatchObject({ type: 'sla_escalated', actorRole: 'system', actorOpenid: null });
    expect(view.route.reason).toContain('超过签收时限未签收');
    expect(outboxTo(I.xichengStaff).map((n) => n.title)).toEqual(['超期诉求已上报，待签收']);
    // The resolve clock is still watched; missing it too moves the case to the town.
    expect(row(c.id)).toMatchObject({ watch_at: c.sla.resolveDueAt });
    clock = new Date(Date.parse(c.sla.resolveDueAt!) + 1000);
    expect(await rt.runSla()).toMatchObject({ escalated: 1 });
    expect(row(c.id)).toMatchObject({ village_id: null, watch_at: null });
    expect(await rt.runSla()).toMatchObject({ due: 0 });
  });

  it('escalates each concern once when two runs go at the same time', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => report().then((c) => c.id)));
    clock = bj('2026-11-30T14:00:00');
    const [a, b] = await Promise.all([rt.runSla(), rt.runSla()]);
    expect(a.escalated + b.escalated).toBe(6);
    for (const id of ids) expect((await rt.store.concerns.timeline(id)).filter((e) => e.type === 'sla_escalated')).toHaveLength(1);
  });

  it('escalates each concern once when two processes share one database file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-sla-'));
    const file = path.join(dir, 'two.db');
    const one = createLocalRuntime({ dbPath: file, seed: 'demo', now: () => clock, rateLimits: GENEROUS_LIMITS });
    const two = createLocalRuntime({ dbPath: file, seed: 'none', now: () => clock, rateLimits: GENEROUS_LIMITS });
    try {
      for (let i = 0; i < 5; i++) await one.router.call('concern', 'concern/submit', { category: 'environment', description: `垃圾堆积${i}`, placeId: 'dz-xicheng-daguo' }, I.resident);
      clock = bj('2026-11-30T14:00:00');
      const [a, b] = await Promise.all([one.runSla(), two.runSla()]);
      expect(a.escalated + b.escalated).toBe(5);
      expect(one.store.db.prepare(`SELECT COUNT(*) FROM concern_events WHERE type = 'sla_escalated'`).pluck().get()).toBe(5);
    } finally {
      await one.close();
      await two.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('flags, without moving, an overdue concern in the dispatcher queue', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路面有坑', placeId: 'danzao' });
    clock = bj('2026-11-30T14:00:00');
    expect(await rt.runSla()).toMatchObject({ flagged: 1, escalated: 0 });
    const view = await call(I.danzaoDispatcher, 'concern/get', { id: c.id });
    expect(view).toMatchObject({ status: 'dispatching', sla: { overdue: true } });
    expect(view.timeline.at(-1)).toMatchObject({ type: 'sla_overdue', actorRole: 'system' });
    expect(outboxTo(I.danzaoDispatcher).at(-1)?.kind).toBe('concern_overdue');
  });

  it('leaves alone a concern accepted in time', async () => {
    const c = await report();
    clock = bj('2026-11-30T10:00:00');
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    clock = bj('2026-11-30T14:00:00');
    expect(await rt.runSla()).toMatchObject({ due: 0 });
    expect((await call(I.resident, 'concern/get', { id: c.id })).sla).toMatchObject({ overdue: false, firstResponse: 'in_time' });
  });
});

describe('rates', () => {
  it('counts 响应率, 解决率, 满意率 and overdue per month for the node and its children', async () => {
    const a = await report();
    await report(); // stays unaccepted in 大果
    const c = await report({ placeId: 'dz-xinan-1' });
    clock = bj('2026-11-30T10:00:00');
    await call(I.daguoChair, 'concern/accept', { id: a.id });
    await call(I.daguoChair, 'concern/resolve', { id: a.id, text: '已清理' });
    await call(I.resident, 'concern/rate', { id: a.id, rating: 'satisfied' });
    clock = bj('2026-11-30T14:00:00');
    await rt.runSla(); // b and c miss their acknowledge clocks
    await call(I.xinanStaff, 'concern/accept', { id: c.id }).catch(() => undefined);

    const town = await call<RatesView>(I.townAdmin, 'stats/rates', { month: '2026-11', months: 2 });
    expect(town.node).toEqual({ id: 'danzao', name: '丹灶镇', kind: 'town' });
    expect(town.months).toEqual(['2026-11', '2026-10']);
    const nov = town.rows.filter((r) => r.month === '2026-11');
    expect(nov.map((r) => [r.name, r.total, r.respondedInTime, r.responseDecided, r.resolved, r.satisfied, r.rated, r.overdue])).toEqual([
      ['丹灶镇', 3, 1, 3, 1, 1, 1, 2],
      ['西城社区', 2, 1, 2, 1, 1, 1, 1],
      ['新安社区', 1, 0, 1, 0, 0, 0, 1],
    ]);
    expect(nov[0]).toMatchObject({ responseRate: 1 / 3, resolveRate: 1 / 3, satisfactionRate: 1 });
    expect(town.rows.filter((r) => r.month === '2026-10')).toEqual([expect.objectContaining({ total: 0, responseRate: null })]);

    const village = await call<RatesView>(I.xichengStaff, 'stats/rates', { month: '2026-11', months: 1 });
    expect(village.rows.map((r) => [r.name, r.kind, r.total])).toEqual([
      ['西城社区', 'village', 2],
      ['大果经济社', 'cooperative', 1],
      ['西城社区（直接办理）', 'direct', 1],
    ]);
    const office = await call<RatesView>(I.envOffice, 'stats/rates', { month: '2026-11', months: 1 });
    expect(office.rows).toEqual([expect.objectContaining({ kind: 'office', total: 3 })]);
    expect(await codeOf(call(I.resident, 'stats/rates', {}))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.townAdmin, 'stats/rates', { month: '2026-13' }))).toBe('VALIDATION.FAILED');
  });

  it('keeps the work of a node that passed a concern on: 转出 on its row, the concern counted where it is now', async () => {
    const c = await report();
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1', reason: '路段属新安第一经济社' });
    const town = await call<RatesView>(I.townAdmin, 'stats/rates', { month: '2026-11', months: 1 });
    expect(town.rows.map((r) => [r.name, r.total, r.passedOn])).toEqual([
      ['丹灶镇', 1, 0],
      ['西城社区', 0, 1],
      ['新安社区', 1, 0],
    ]);
    const village = await call<RatesView>(I.xichengStaff, 'stats/rates', { month: '2026-11', months: 1 });
    expect(village.rows.map((r) => [r.name, r.total, r.passedOn])).toEqual([
      ['西城社区', 0, 1],
      ['大果经济社', 0, 1],
    ]);
    const cooperative = await call<RatesView>(I.daguoChair, 'stats/rates', { month: '2026-11', months: 1 });
    expect(cooperative.rows[0]).toMatchObject({ name: '大果经济社', total: 0, passedOn: 1 });
  });
});
