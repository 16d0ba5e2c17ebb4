/** The workbench's filters (今天到期, 已超期, 待签收, 待派单) and their counts, through the router on SQLite. */
import type { InboxNarrowing } from '../core/ports';
import type { ConcernDetail, ConcernSummary, InboxCounts, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { countInboxQuery } from './store/concerns/sqlite-inbox';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';

/** Beijing wall-clock time → Date. */
const bj = (local: string) => new Date(`${local}+08:00`);

let rt: LocalRuntime;
let clock: Date;
beforeEach(() => {
  clock = bj('2026-11-27T19:30:00'); // a Friday evening
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => clock, rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const counts = (openid: string) => call<InboxCounts>(openid, 'concern/inboxCounts');
const filtered = async (openid: string, filter: string) => (await call<Page<ConcernSummary>>(openid, 'concern/inbox', { filter })).items.map((i) => i.id);
const report = (category: string, placeId = 'dz-xicheng-daguo') =>
  call(I.resident, 'concern/submit', { category, description: '村口的路灯坏了好几天', placeId });

/**
 * At Monday 13:10: a 咨询 reported on Friday evening missed its 13:00 签收 clock (overdue, waiting);
 * one reported at 09:30 must be accepted by 13:30 (due today, waiting); one accepted at 13:10 is due in
 * weeks; one reported at 17:00 is due on Tuesday; one of another cooperative is not 黄社长's.
 */
async function monday() {
  const overdue = await report('other');
  clock = bj('2026-11-30T09:30:00');
  const dueToday = await report('environment');
  clock = bj('2026-11-30T09:31:00');
  const accepted = await report('road');
  const elsewhere = await report('environment', 'dz-xinan-1');
  clock = bj('2026-11-30T13:10:00');
  await call(I.daguoChair, 'concern/accept', { id: accepted.id });
  return { overdue, dueToday, accepted, elsewhere };
}

describe('concern/inboxCounts', () => {
  it('counts what is due later today, what is overdue and what waits for 签收, in the caller’s own inbox', async () => {
    const c = await monday();
    expect(await counts(I.daguoChair)).toEqual({ dueToday: 1, overdue: 1, toAccept: 2, toDispatch: null });
    // The village above sees the same cooperative's concerns; the other cooperative only its own.
    expect(await counts(I.xichengStaff)).toEqual({ dueToday: 1, overdue: 1, toAccept: 2, toDispatch: null });
    expect(await counts(I.xinanStaff)).toEqual({ dueToday: 1, overdue: 0, toAccept: 1, toDispatch: null });
    // The town admin sees both cooperatives.
    expect(await counts(I.townAdmin)).toEqual({ dueToday: 2, overdue: 1, toAccept: 3, toDispatch: null });
    expect(c.elsewhere.route.cooperativeId).toBe('dz-xinan-1');
  });

  it('never counts a deadline of tomorrow as due today, and moves it once the day turns', async () => {
    await monday();
    clock = bj('2026-11-30T17:00:00');
    const tomorrow = await report('environment'); // 1 working hour today, 3 on Tuesday → due Tuesday 12:00
    expect(tomorrow.sla.ackDueAt).toBe(bj('2026-12-01T12:00:00').toISOString());
    expect(await counts(I.daguoChair)).toEqual({ dueToday: 0, overdue: 2, toAccept: 3, toDispatch: null });
    clock = bj('2026-12-01T08:00:00');
    expect(await counts(I.daguoChair)).toEqual({ dueToday: 1, overdue: 2, toAccept: 3, toDispatch: null });
  });

  it('drops a concern from 待签收 once accepted and from every count once resolved', async () => {
    const c = await monday();
    await call(I.daguoChair, 'concern/accept', { id: c.dueToday.id });
    expect(await counts(I.daguoChair)).toEqual({ dueToday: 0, overdue: 1, toAccept: 1, toDispatch: null });
    await call(I.daguoChair, 'concern/accept', { id: c.overdue.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.overdue.id, text: '已答复' });
    expect(await counts(I.daguoChair)).toEqual({ dueToday: 0, overdue: 0, toAccept: 0, toDispatch: null });
  });

  it('is for staff only', async () => {
    expect(await codeOf(counts(I.resident))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.daguoChair, 'concern/inboxCounts', { nodeId: 'dz' }))).toBe('VALIDATION.FAILED');
  });
});

describe('concern/inbox filters', () => {
  it('lists exactly what each count counts, most urgent first', async () => {
    const c = await monday();
    expect(await filtered(I.daguoChair, 'dueToday')).toEqual([c.dueToday.id]);
    expect(await filtered(I.daguoChair, 'overdue')).toEqual([c.overdue.id]);
    expect(await filtered(I.daguoChair, 'toAccept')).toEqual([c.overdue.id, c.dueToday.id]);
    expect(await filtered(I.townAdmin, 'toAccept')).toEqual([c.overdue.id, c.dueToday.id, c.elsewhere.id]);
  });

  it('gives the town dispatcher a 待派单 count and filter; after 派单 it leaves the queue and is not offered 签收', async () => {
    const queued = await call(I.resident, 'concern/submit', { category: 'road', description: '不知道属于哪个村的路坑', placeId: 'danzao' });
    const routed = await report('environment');
    expect(await counts(I.danzaoDispatcher)).toMatchObject({ toDispatch: 1, toAccept: 1 });
    expect(await filtered(I.danzaoDispatcher, 'toDispatch')).toEqual([queued.id]);
    expect((await counts(I.daguoChair)).toDispatch).toBeNull();
    expect((await call(I.danzaoDispatcher, 'concern/get', { id: routed.id })).moves).not.toContain('accept');
    const sent = await call(I.danzaoDispatcher, 'concern/dispatch', { id: queued.id, nodeId: 'dz-xinan-1' });
    expect(sent.moves).not.toContain('accept');
    expect(await filtered(I.danzaoDispatcher, 'toDispatch')).toEqual([]);
    expect(await counts(I.danzaoDispatcher)).toMatchObject({ toDispatch: 0, toAccept: 2 });
    expect((await call(I.xinanStaff, 'concern/get', { id: queued.id })).moves).toContain('accept');
    // What is escalated to the town itself is the town's to accept.
    await call(I.daguoChair, 'concern/escalate', { id: routed.id, reason: '涉及多个经济社' });
    await call(I.xichengStaff, 'concern/escalate', { id: routed.id, reason: '需镇里协调' });
    expect((await call(I.danzaoDispatcher, 'concern/get', { id: routed.id })).moves).toContain('accept');
  });

  it('pages a filtered inbox by cursor without repeats or gaps', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      clock = new Date(bj('2026-11-30T09:00:00').getTime() + i * 60_000);
      ids.push((await report('environment')).id);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page: Page<ConcernSummary> = await call(I.daguoChair, 'concern/inbox', { filter: 'toAccept', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('refuses a filter on the whole inbox or an unknown filter', async () => {
    expect(await codeOf(call(I.daguoChair, 'concern/inbox', { scope: 'all', filter: 'overdue' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(call(I.daguoChair, 'concern/inbox', { filter: 'urgent' }))).toBe('VALIDATION.FAILED');
  });

  it.each<[string, InboxNarrowing]>([
    ['due today', { kind: 'due', from: '2026-11-30T05:10:00.000Z', before: '2026-11-30T16:00:00.000Z' }],
    ['overdue', { kind: 'overdue', at: '2026-11-30T05:10:00.000Z' }],
    ['waiting for 签收', { kind: 'statuses', statuses: ['assigned'] }],
  ])('counts %s from the open-inbox due indexes alone (covering), never reading the rows', (_, filter) => {
    const scope = { nodes: [{ level: 'cooperative' as const, id: 'dz-xicheng-daguo' }, { level: 'village' as const, id: 'dz-xicheng' }], officeId: 'dz-env', openOnly: true, filter };
    const q = countInboxQuery(scope)!;
    const plan = rt.store.db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.params) as Array<{ detail: string }>;
    const details = plan.map((p) => p.detail).join('\n');
    for (const index of ['concerns_cooperative_due', 'concerns_village_due', 'concerns_office_due']) expect(details).toContain(`USING COVERING INDEX ${index}`);
    expect(details).not.toMatch(/SCAN concerns(?! USING)/);
  });
});
