/** Rate limits and the audit log, through the router on SQLite. */
import type { AuditEntryView, ConcernDetail, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';

let rt: LocalRuntime;
let clock: number;
beforeEach(() => {
  clock = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date(clock), rateLimits: { writesPerMinute: 5, submitsPerHour: 3 } });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = (openid: string = I.resident) => call(openid, 'concern/submit', { category: 'road', description: '路面塌陷', placeId: 'dz-xinan-1' });
const count = (table: string) => rt.store.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

describe('rate limits', () => {
  it('refuse a caller past their hourly report budget with RATE_LIMITED, writing nothing', async () => {
    for (let i = 0; i < 3; i++) await report();
    await expect(report()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(count('concerns')).toBe(3);
    // Another resident is not affected, and the first one may report again an hour later.
    await expect(report(I.resident2)).resolves.toMatchObject({ status: 'assigned' });
    clock += 3600_000 + 1;
    await expect(report()).resolves.toMatchObject({ status: 'assigned' });
  });

  it('count every write against a per-minute budget, but never reads', async () => {
    const c = await report();
    for (let i = 0; i < 4; i++) await call(I.resident, 'concern/reply', { id: c.id, text: `补充${i}` });
    await expect(call(I.resident, 'concern/reply', { id: c.id, text: '再补充' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    for (let i = 0; i < 20; i++) await call(I.resident, 'concern/get', { id: c.id });
    clock += 61_000;
    await expect(call(I.resident, 'concern/reply', { id: c.id, text: '一分钟后' })).resolves.toMatchObject({ id: c.id });
  });

  it("refuse a staff member's move past their budget, though it is spent beside the move's first reads: nothing moves", async () => {
    const [c1, c2] = [await report(), await report(I.resident2)];
    await call(I.xinanStaff, 'concern/accept', { id: c1.id });
    for (let i = 0; i < 4; i++) await call(I.xinanStaff, 'concern/reply', { id: c1.id, text: `处理进展${i}` });
    await expect(call(I.xinanStaff, 'concern/accept', { id: c2.id })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    // Refused before the unknown concern is even looked at: the budget answers first.
    await expect(call(I.xinanStaff, 'concern/accept', { id: 'c_missing' })).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(await call(I.resident2, 'concern/get', { id: c2.id })).toMatchObject({ status: 'assigned' });
    const log = await call<Page<AuditEntryView>>(I.townAdmin, 'audit/list');
    // Every entry shares the clock's instant: the refusals are compared without their order.
    expect(log.items.filter((e) => e.outcome !== 'ok').map((e) => [e.action, e.targetId, e.outcome]).sort()).toEqual([
      ['concern/accept', c2.id, 'RATE_LIMITED'],
      ['concern/accept', 'c_missing', 'RATE_LIMITED'],
    ].sort());
    clock += 61_000;
    await expect(call(I.xinanStaff, 'concern/accept', { id: c2.id })).resolves.toMatchObject({ status: 'accepted' });
  });
});

describe('the audit log', () => {
  it('records each staff action and refused attempt with who, what, when and from which node', async () => {
    const c = await report();
    await call(I.daguoChair, 'concern/accept', { id: c.id }).catch(() => undefined); // another cooperative's concern: refused
    clock += 1000;
    await call(I.xinanStaff, 'concern/accept', { id: c.id });
    const log = await call<Page<AuditEntryView>>(I.townAdmin, 'audit/list');
    expect(log.items.map((e) => [e.actorOpenid, e.action, e.targetId, e.outcome, e.nodeId, e.townId])).toEqual([
      [I.xinanStaff, 'concern/accept', c.id, 'ok', 'dz-xinan-1', 'danzao'],
      [I.daguoChair, 'concern/accept', c.id, 'CONCERN.NOT_FOUND', 'dz-xicheng-daguo', 'danzao'],
    ]);
    expect(log.items.map((e) => e.at)).toEqual([new Date(clock).toISOString(), new Date(clock - 1000).toISOString()]);
    // The admin reads where each actor serves by name.
    expect(log.items.map((e) => e.nodeName)).toEqual(['新安第一经济社', '大果经济社']);
    // Residents' own writes are theirs, not staff actions.
    expect(log.items.some((e) => e.actorOpenid === I.resident)).toBe(false);
  });

  it('is readable by admins only', async () => {
    await expect(call(I.daguoChair, 'audit/list')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await expect(call(I.resident, 'audit/list')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('cannot be changed or deleted, even by a direct statement', async () => {
    const c = await report();
    await call(I.xinanStaff, 'concern/accept', { id: c.id });
    expect(() => rt.store.db.prepare(`UPDATE audit_log SET outcome = 'x'`).run()).toThrow(/append-only/);
    expect(() => rt.store.db.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only/);
    expect(count('audit_log')).toBe(1);
  });
});
