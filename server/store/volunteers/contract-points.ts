/**
 * Contract cases for points (PointsRepo, 积分制, issue 20): awards made once, balances beside an append-only
 * ledger, rewards whose stock only a redemption takes, redemptions that take stock and points together or
 * nothing (200 at once for 10 in stock give exactly 10), hand-over once, reversal that gives both back.
 * Called by describeStoreContract.
 */
import type { PointsEntry, Redemption } from '../../../core/points/points-model';
import type { Store } from '../../../core/ports';
import { at, uid } from '../contract-fixtures';

const NODE = 'dz-xicheng-daguo';
const entry = (openid: string, points: number, over: Partial<PointsEntry> = {}): PointsEntry => ({
  id: uid('pe'), openid, name: `街坊${openid.slice(-2)}`, nodeId: NODE, townId: 'danzao', kind: 'hours', points, refId: uid('su'), note: '河涌清洁', at: at(0), ...over,
});
const redemption = (openid: string, rewardId: string, points: number, over: Partial<Redemption> = {}): Redemption => ({
  id: uid('rd'), code: uid('').slice(-6), rewardId, rewardName: '环保袋', nodeId: NODE, townId: 'danzao', openid, name: `街坊${openid.slice(-2)}`, points,
  status: 'pending', at: at(10), handedAt: null, handedBy: null, reversedAt: null, reverseReason: null, ...over,
});

export function describePointsContract(current: () => Store): void {
  describe('points', () => {
    const reward = (stock: number, points = 30) => current().points.saveReward({ id: uid('rw'), nodeId: NODE, townId: 'danzao', name: '环保袋', points, active: true, updatedAt: at(0) }, stock);

    it('stores the settings of a node and answers null where none were saved', async () => {
      const { points } = current();
      expect(await points.settings(NODE)).toBeNull();
      const s = { nodeId: NODE, enabled: true, publicRanking: false, pointsPerHour: 10, pointsPerReport: 2, updatedAt: at(0) };
      await points.saveSettings(s);
      expect(await points.settings(NODE)).toEqual(s);
      await points.saveSettings({ ...s, publicRanking: true, updatedAt: at(5) });
      expect(await points.settings(NODE)).toEqual({ ...s, publicRanking: true, updatedAt: at(5) });
    });

    it('awards each entry once, keeps balances beside the ledger, and ranks by points earned', async () => {
      const { points } = current();
      const a = entry('p-aa', 20, { at: at(1) });
      expect(await points.award([a, entry('p-aa', 5, { kind: 'report', at: at(2) }), entry('p-bb', 40, { at: at(3) })])).toBe(3);
      expect(await points.award([a])).toBe(0);
      expect(await points.balances('p-aa')).toEqual([{ openid: 'p-aa', name: '街坊aa', nodeId: NODE, balance: 25, earned: 25 }]);
      expect((await points.history('p-aa', 10)).map((e) => e.points)).toEqual([5, 20]);
      expect(await points.history('p-aa', 1)).toHaveLength(1);
      expect((await points.ranking(NODE, 10)).map((b) => [b.openid, b.earned])).toEqual([['p-bb', 40], ['p-aa', 25]]);
      expect(await points.ranking(NODE, 1)).toHaveLength(1);
      expect(await points.ranking('dz-xinan', 10)).toEqual([]);
      expect(await points.balances('p-none')).toEqual([]);
    });

    it('saves rewards, adding stock without overwriting what redemptions took', async () => {
      const { points } = current();
      const r = await reward(2);
      expect(r).toMatchObject({ stock: 2, active: true, points: 30 });
      await points.award([entry('p-cc', 100)]);
      expect(await points.redeem(redemption('p-cc', r.id, 30))).toBe('ok');
      const again = await points.saveReward({ id: r.id, nodeId: NODE, townId: 'danzao', name: '环保购物袋', points: 25, active: true, updatedAt: at(20) }, 3);
      expect(again).toEqual({ ...r, name: '环保购物袋', points: 25, stock: 4, updatedAt: at(20) });
      expect(await points.getReward(r.id)).toEqual(again);
      expect(await points.getReward('rw-none')).toBeNull();
      expect((await points.listRewards(NODE)).map((x) => x.id)).toContain(r.id);
      expect(await points.listRewards('dz-xinan')).toEqual([]);
    });

    it('redeems stock and points together, or nothing: out of stock, too few points, an item no longer offered', async () => {
      const { points } = current();
      const r = await reward(1, 30);
      await points.award([entry('p-dd', 20), entry('p-ee', 50)]);
      expect(await points.redeem(redemption('p-dd', r.id, 30))).toBe('short');
      expect((await points.getReward(r.id))?.stock).toBe(1);
      expect((await points.balances('p-dd'))[0].balance).toBe(20);
      expect(await points.redeem(redemption('p-none', r.id, 30))).toBe('short');
      const ok = redemption('p-ee', r.id, 30);
      expect(await points.redeem(ok)).toBe('ok');
      expect(await points.getRedemption(ok.id)).toEqual(ok);
      expect((await points.balances('p-ee'))[0]).toMatchObject({ balance: 20, earned: 50 });
      expect((await points.history('p-ee', 1))[0]).toMatchObject({ kind: 'redeem', points: -30, refId: ok.id });
      expect(await points.redeem(redemption('p-ee', r.id, 10))).toBe('out_of_stock');
      await points.saveReward({ id: r.id, nodeId: NODE, townId: 'danzao', name: '环保袋', points: 30, active: false, updatedAt: at(30) }, 5);
      expect(await points.redeem(redemption('p-ee', r.id, 10))).toBe('inactive');
      expect(await points.redeem(redemption('p-ee', 'rw-none', 10))).toBe('inactive');
      expect(await points.getRedemption('rd-none')).toBeNull();
    });

    it('gives exactly 10 of 200 redemptions at once for an item with 10 in stock, each taking its points once', async () => {
      const { points } = current();
      const r = await reward(10, 30);
      const people = Array.from({ length: 200 }, (_, i) => `p-race-${String(i).padStart(3, '0')}`);
      await points.award(people.map((p) => entry(p, 30)));
      const outcomes = await Promise.all(people.map((p) => points.redeem(redemption(p, r.id, 30))));
      expect(outcomes.filter((o) => o === 'ok')).toHaveLength(10);
      expect(outcomes.filter((o) => o !== 'ok').every((o) => o === 'out_of_stock')).toBe(true);
      expect((await points.getReward(r.id))?.stock).toBe(0);
      const spent = (await Promise.all(people.map((p) => points.balances(p)))).filter(([b]) => b.balance === 0);
      expect(spent).toHaveLength(10);
    }, 60_000);

    it('hands a redemption over once, finds it by code, and reverses it with stock and points given back', async () => {
      const { points } = current();
      const r = await reward(1, 30);
      await points.award([entry('p-ff', 30)]);
      const red = redemption('p-ff', r.id, 30, { code: '483920' });
      await points.redeem(red);
      expect(await points.redemptionByCode(NODE, '483920')).toEqual(red);
      expect(await points.redemptionByCode('dz-xinan', '483920')).toBeNull();
      expect(await points.redemptionsOf('p-ff')).toEqual([red]);
      const handed = await points.handOver(red.id, at(20), '黄社长');
      expect(handed).toEqual({ ...red, status: 'handed', handedAt: at(20), handedBy: '黄社长' });
      expect(await points.handOver(red.id, at(21), '黄社长')).toBeNull();
      const back = entry('p-ff', 30, { id: `pv_${red.id}`, kind: 'reverse', refId: red.id, at: at(30) });
      const reversed = await points.reverse(red.id, '物品有破损', at(30), back);
      expect(reversed).toEqual({ ...handed, status: 'reversed', reversedAt: at(30), reverseReason: '物品有破损' });
      expect(await points.reverse(red.id, '再次', at(31), entry('p-ff', 30, { id: `pv2_${red.id}` }))).toBeNull();
      expect((await points.getReward(r.id))?.stock).toBe(1);
      // The points come back; what was earned is not counted twice.
      expect((await points.balances('p-ff'))[0]).toMatchObject({ balance: 30, earned: 30 });
      expect(await points.reverse('rd-none', '无', at(32), entry('p-ff', 1))).toBeNull();
    });

    it('lists a place’s latest redemptions, newest first, at most as many as asked, and none of another place', async () => {
      const { points } = current();
      const place = uid('recent-place');
      const r = await points.saveReward({ id: uid('rw'), nodeId: place, townId: 'danzao', name: '毛巾', points: 5, active: true, updatedAt: at(0) }, 5);
      await points.award([entry('p-gg', 50, { nodeId: place }), entry('p-hh', 50)]);
      const reds = [at(40), at(42), at(41)].map((when) => redemption('p-gg', r.id, 5, { nodeId: place, rewardName: '毛巾', at: when }));
      for (const red of reds) expect(await points.redeem(red)).toBe('ok');
      expect(await points.redemptionsAt(place, 10)).toEqual([reds[1], reds[2], reds[0]]);
      expect(await points.redemptionsAt(place, 2)).toEqual([reds[1], reds[2]]);
      await points.handOver(reds[0].id, at(50), '黄社长');
      expect((await points.redemptionsAt(place, 10)).map((x) => x.status)).toEqual(['pending', 'pending', 'handed']);
      expect(await points.redemptionsAt(uid('nowhere'), 10)).toEqual([]);
    });

    it('totals points earned and redeemed per place and Beijing month, within the months and towns asked for', async () => {
      const { points } = current();
      // 2026-11-30T16:30Z is already December in Beijing.
      await points.award([
        entry('p-gg', 30, { at: '2026-11-30T15:00:00.000Z' }),
        entry('p-gg', 2, { kind: 'report', at: '2026-11-30T16:30:00.000Z' }),
        entry('p-hh', 10, { nodeId: 'dz-xinan', at: '2026-12-03T02:00:00.000Z' }),
        entry('p-ii', 50, { townId: 'jiujiang', nodeId: 'jj-dungen', at: '2026-12-03T02:00:00.000Z' }),
        entry('p-gg', 99, { at: '2026-10-10T02:00:00.000Z' }),
      ]);
      const r = await reward(2, 20);
      await points.redeem(redemption('p-gg', r.id, 20, { id: 'rd-month-1', at: '2026-12-04T02:00:00.000Z' }));
      await points.redeem(redemption('p-gg', r.id, 20, { id: 'rd-month-2', at: '2026-12-04T03:00:00.000Z' }));
      await points.reverse('rd-month-2', '误兑', '2026-12-05T02:00:00.000Z', entry('p-gg', 20, { id: 'pv_rd-month-2', kind: 'reverse', at: '2026-12-05T02:00:00.000Z' }));
      expect(await points.monthlyTotals({ fromMonth: '2026-11', toMonth: '2026-12', townIds: ['danzao'] })).toEqual([
        { nodeId: NODE, month: '2026-11', earned: 30, redeemed: 0 },
        { nodeId: NODE, month: '2026-12', earned: 2, redeemed: 20 },
        { nodeId: 'dz-xinan', month: '2026-12', earned: 10, redeemed: 0 },
      ]);
      expect((await points.monthlyTotals({ fromMonth: '2026-12', toMonth: '2026-12', townIds: null })).map((t) => t.nodeId)).toEqual([NODE, 'dz-xinan', 'jj-dungen']);
      expect(await points.monthlyTotals({ fromMonth: '2026-11', toMonth: '2026-12', townIds: [] })).toEqual([]);
    });

    it('forgets a person: ledger and redemptions tombstoned with the name blanked, balances removed, the totals kept; again is a no-op', async () => {
      const { points } = current();
      await points.award([entry('p-kk', 40, { at: '2026-12-03T02:00:00.000Z' }), entry('p-ll', 10, { at: '2026-12-03T02:00:00.000Z' })]);
      const r = await reward(3, 15);
      const red = redemption('p-kk', r.id, 15, { at: '2026-12-03T03:00:00.000Z' });
      await points.redeem(red);
      const before = await points.monthlyTotals({ fromMonth: '2026-12', toMonth: '2026-12', townIds: ['danzao'] });
      for (let i = 0; i < 2; i++) await points.forget('p-kk', 'gone-points-1');
      expect(await points.balances('p-kk')).toEqual([]);
      expect(await points.history('p-kk', 10)).toEqual([]);
      expect(await points.redemptionsOf('p-kk')).toEqual([]);
      expect((await points.history('gone-points-1', 10)).map((e) => [e.points, e.name])).toEqual([[-15, ''], [40, '']]);
      expect(await points.getRedemption(red.id)).toMatchObject({ openid: 'gone-points-1', name: '', status: 'pending' });
      expect((await points.ranking(NODE, 50)).map((b) => b.openid)).not.toContain('p-kk');
      expect(await points.balances('p-ll')).toEqual([expect.objectContaining({ balance: 10, name: '街坊ll' })]);
      expect(await points.monthlyTotals({ fromMonth: '2026-12', toMonth: '2026-12', townIds: ['danzao'] })).toEqual(before);
    });

    it('reconciles no stock where every unit taken is held by a redemption, before and after a reversal', async () => {
      const { points } = current();
      await points.award([entry('p-mm', 100)]);
      const r = await reward(3, 20);
      const red = redemption('p-mm', r.id, 20);
      expect(await points.redeem(red)).toBe('ok');
      for (const t of [600, 1200]) expect(await points.reconcileStock(at(t))).toBe(0);
      expect((await points.getReward(r.id))!.stock).toBe(2);
      await points.reverse(red.id, '误兑', at(20), entry('p-mm', 20, { id: `pv_${red.id}`, kind: 'reverse', at: at(20) }));
      for (const t of [1800, 2400]) expect(await points.reconcileStock(at(t))).toBe(0);
      expect((await points.getReward(r.id))!.stock).toBe(3);
    });
  });
}
