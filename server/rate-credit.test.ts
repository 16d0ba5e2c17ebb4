/**
 * 办理统计 credits each node with what it did (issue 16): a concern accepted by one grid, transferred and
 * resolved by another counts as 按时签收 at the first and 已办结 at the second — on the dashboard
 * (`stats/rates`) and in its export (`export/rates`). The contract runs the counting on both stores.
 */
import type { ConcernDetail, ExportFile, RatesView } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';

const bj = (local: string) => new Date(`${local}+08:00`);

let rt: LocalRuntime;
let clock: Date;
beforeEach(() => {
  clock = bj('2026-11-30T09:00:00'); // a Monday morning
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => clock, rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const counts = (v: RatesView) => v.rows.map((r) => [r.name, r.total, r.respondedInTime, r.responseDecided, r.resolved, r.passedOn]);

async function acceptedHereResolvedThere(): Promise<string> {
  const c = await call(I.resident, 'concern/submit', { category: 'environment', description: '大果经济社村口垃圾三天没人清', placeId: 'dz-xicheng-daguo' });
  clock = bj('2026-11-30T10:00:00');
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  await call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1', reason: '路段属新安第一经济社' });
  clock = bj('2026-12-01T15:00:00'); // the new grid accepts a day later, after the first clock would have run out
  await call(I.xinanStaff, 'concern/accept', { id: c.id });
  await call(I.xinanStaff, 'concern/resolve', { id: c.id, text: '已清运' });
  return c.id;
}

describe('rates credited to the node that did the work', () => {
  it('counts the in-time 签收 at the grid that accepted and the 办结 at the grid that resolved', async () => {
    await acceptedHereResolvedThere();
    const span = { month: '2026-11', months: 1 };
    // 名称, 诉求数, 按时签收, 已判定签收, 已办结, 转出
    expect(counts(await call<RatesView>(I.daguoChair, 'stats/rates', span))).toEqual([
      ['大果经济社', 0, 1, 1, 0, 1],
      ['大果网格', 0, 1, 1, 0, 1],
    ]);
    expect(counts(await call<RatesView>(I.xinanStaff, 'stats/rates', span))).toEqual([
      ['新安第一经济社', 1, 0, 0, 1, 0],
      ['新安第一网格', 1, 0, 0, 1, 0],
    ]);
    const town = await call<RatesView>(I.townAdmin, 'stats/rates', span);
    expect(counts(town)).toEqual([
      ['丹灶镇', 1, 1, 1, 1, 0],
      ['西城社区', 0, 1, 1, 0, 1],
      ['新安社区', 1, 0, 0, 1, 0],
    ]);
    expect(town.rows[1]).toMatchObject({ responseRate: 1, resolveRate: null });
    expect(town.rows[2]).toMatchObject({ responseRate: null, resolveRate: 1 });
  });

  it('exports the same credits in 办理统计', async () => {
    await acceptedHereResolvedThere();
    const f = await call<ExportFile>(I.townAdmin, 'export/rates', { format: 'csv', month: '2026-11', months: 1 });
    const lines = Buffer.from(f.base64, 'base64').toString('utf8').split('\r\n').filter((l) => l !== '');
    expect(lines.slice(1)).toEqual([
      '2026-11,丹灶镇,镇,1,1,1,100.0%,1,100.0%,0,0,,0,0',
      '2026-11,西城社区,村（社区）,0,1,1,100.0%,0,,0,0,,0,1',
      '2026-11,新安社区,村（社区）,1,0,0,,1,100.0%,0,0,,0,0',
    ]);
  });

  it('counts a concern stored before credits were recorded where it is now', async () => {
    const id = await acceptedHereResolvedThere();
    const sla = JSON.parse((rt.store.db.prepare('SELECT sla FROM concerns WHERE id = ?').get(id) as { sla: string }).sla) as Record<string, unknown>;
    delete sla.acceptedBy;
    delete sla.resolvedBy;
    rt.store.db.prepare('UPDATE concerns SET sla = ? WHERE id = ?').run(JSON.stringify(sla), id);
    const town = await call<RatesView>(I.townAdmin, 'stats/rates', { month: '2026-11', months: 1 });
    expect(counts(town)).toEqual([
      ['丹灶镇', 1, 1, 1, 1, 0],
      ['西城社区', 0, 0, 0, 0, 1],
      ['新安社区', 1, 1, 1, 1, 0],
    ]);
  });
});
