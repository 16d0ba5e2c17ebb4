/**
 * Points (积分制, issue 20 item 4) through the router on both stores: the town sets the rate, 大果经济社
 * turns points on, confirmed hours and a resolved report earn points, a resident redeems a reward whose
 * code the committee types to hand it over, a redemption is reversed with a reason (audited), and the
 * public ranking is off until the village turns it on, naming residents by display name only.
 */
import type { RatesWithVolunteers } from '../core/volunteers/action-stats';
import type { MyPoints, PointsSettingsView, RedemptionView, RewardList } from '../core/points/points-service';
import type { Reward } from '../core/points/points-model';
import type { AuditEntryView, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { attend, codeOf, describeOnBothStores, report, schedule, type World } from './test-action-world';

const DAGUO = 'dz-xicheng-daguo';

describeOnBothStores((name, world) => {
  describe(`points on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });
    const v = <T,>(action: string, data: unknown, openid: string) => w.call<T>('volunteer', action, data, openid);

    it('earns points for confirmed hours and a resolved report, redeems, hands over, reverses, and ranks only when the village says so', async () => {
      // Off by default: no points, no rewards shown.
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident)).settings).toMatchObject({ enabled: false, publicRanking: false, pointsPerHour: 10, pointsPerReport: 2 });
      // The town sets the rate; the village switches points on; neither sets the other's part.
      expect(await v<PointsSettingsView>('village/savePointsSettings', { nodeId: 'danzao', pointsPerHour: 20 }, I.townAdmin)).toMatchObject({ pointsPerHour: 20 });
      expect(await codeOf(v('village/savePointsSettings', { nodeId: 'danzao', pointsPerHour: 20 }, I.daguoChair))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(v('village/savePointsSettings', { nodeId: DAGUO, pointsPerHour: 50 }, I.daguoChair))).toBe('VALIDATION.FAILED');
      expect(await codeOf(v('village/savePointsSettings', { nodeId: DAGUO, enabled: true }, I.xinanStaff))).toBe('AUTH.FORBIDDEN');
      expect(await v<PointsSettingsView>('village/savePointsSettings', { nodeId: DAGUO, enabled: true }, I.daguoChair)).toMatchObject({ enabled: true, publicRanking: false, pointsPerHour: 20 });
      const bag = await v<Reward>('reward/save', { nodeId: DAGUO, name: '环保袋', points: 30, addStock: 1, active: true }, I.daguoChair);
      expect(await codeOf(v('reward/save', { nodeId: DAGUO, name: '毛巾', points: 10, addStock: 1, active: true }, I.xinanStaff))).toBe('AUTH.FORBIDDEN');

      // Two volunteers serve nearly two hours: 118 confirmed minutes at 20 an hour is 39 points each.
      const ev = await schedule(w);
      await attend(w, ev, [I.resident, I.resident2]);
      await v('event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      await v('event/confirmHours', { eventId: ev.id }, I.daguoLeader); // confirming again earns nothing more
      const mine = await v<MyPoints>('points/mine', {}, I.resident);
      expect(mine.balances).toEqual([{ nodeId: DAGUO, placeName: expect.stringContaining('大果'), balance: 39, earned: 39 }]);
      expect(mine.history.map((h) => [h.kind, h.points])).toEqual([['hours', 39]]);
      // A report the handlers resolve earns the reporter the town's few points.
      const concern = await report(w, I.resident2, '巷口路灯下垃圾堆积');
      await w.call('concern', 'concern/resolve', { id: concern, text: '已清理' }, I.daguoChair);
      expect((await v<MyPoints>('points/mine', {}, I.resident2)).balances[0]).toMatchObject({ balance: 41, earned: 41 });

      // One bag in stock: the first redemption takes it, the second finds none; nothing is taken from the second.
      const red = await v<RedemptionView>('reward/redeem', { rewardId: bag.id }, I.resident);
      expect(red).toMatchObject({ rewardName: '环保袋', points: 30, status: 'pending', personName: null });
      expect(red.code).toMatch(/^\d{8}$/);
      expect(await codeOf(v('reward/redeem', { rewardId: bag.id }, I.resident2))).toBe('REWARD.OUT_OF_STOCK');
      expect((await v<MyPoints>('points/mine', {}, I.resident2)).balances[0].balance).toBe(41);
      expect((await v<MyPoints>('points/mine', {}, I.resident)).balances[0].balance).toBe(9);

      // The committee types the code: handed over once; staff of another place cannot.
      expect(await codeOf(v('reward/handOver', { nodeId: DAGUO, code: red.code }, I.xinanStaff))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(v('reward/handOver', { nodeId: DAGUO, code: '00000000' }, I.daguoChair))).toBe('REDEMPTION.NOT_FOUND');
      expect(await v<RedemptionView>('reward/handOver', { nodeId: DAGUO, code: red.code }, I.daguoChair)).toMatchObject({ status: 'handed', personName: expect.any(String) });
      expect(await codeOf(v('reward/handOver', { nodeId: DAGUO, code: red.code }, I.daguoChair))).toBe('REDEMPTION.WRONG_STATE');
      // 积分核销 lists the place's latest redemptions with who redeemed them, for its committee only.
      expect((await v<{ items: RedemptionView[] }>('reward/recent', { nodeId: DAGUO }, I.daguoChair)).items).toEqual([expect.objectContaining({ id: red.id, status: 'handed', personName: expect.any(String) })]);
      expect(await codeOf(v('reward/recent', { nodeId: DAGUO }, I.xinanStaff))).toBe('AUTH.FORBIDDEN');

      // Reversed with a reason: the bag back in stock, the points back, the step in the audit log.
      expect(await v<RedemptionView>('reward/reverse', { id: red.id, reason: '物品有破损，已收回' }, I.daguoChair)).toMatchObject({ status: 'reversed', reverseReason: '物品有破损，已收回' });
      expect(await codeOf(v('reward/reverse', { id: red.id, reason: '再次撤销' }, I.daguoChair))).toBe('REDEMPTION.WRONG_STATE');
      expect((await v<MyPoints>('points/mine', {}, I.resident)).balances[0]).toMatchObject({ balance: 39, earned: 39 });
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident)).items.map((r) => [r.name, r.stock])).toEqual([['环保袋', 1]]);
      const audit = await w.call<Page<AuditEntryView>>('concern', 'audit/list', { limit: 50 }, I.townAdmin);
      expect(audit.items.filter((e) => e.action.startsWith('reward/')).map((e) => [e.action, e.outcome])).toEqual(
        expect.arrayContaining([['reward/reverse', 'ok'], ['reward/handOver', 'ok'], ['reward/save', 'ok']]),
      );

      // 办理统计: the points earned and, after the reversal, none redeemed, in the village's row of the month.
      const stats = await w.call<RatesWithVolunteers>('concern', 'stats/rates', {}, I.townAdmin);
      expect(stats.volunteer.find((r) => r.villageId === 'dz-xicheng')).toMatchObject({ pointsEarned: 80, pointsRedeemed: 0, volunteerMinutes: 236 });
      // The ranking: off by default; on, it names residents by display name, most earned first.
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident)).ranking).toBeNull();
      await v('village/savePointsSettings', { nodeId: DAGUO, publicRanking: true }, I.daguoChair);
      const ranking = (await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident)).ranking;
      expect(ranking?.map((r) => r.earned)).toEqual([41, 39]);
      expect(JSON.stringify(ranking)).not.toMatch(/demo-|openid/);
    });

    it('earns nothing where points are off, and refuses a redemption there', async () => {
      const bag = await v<Reward>('reward/save', { nodeId: DAGUO, name: '环保袋', points: 1, addStock: 5, active: true }, I.daguoChair);
      const ev = await schedule(w);
      await attend(w, ev, [I.resident]);
      await v('event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      expect((await v<MyPoints>('points/mine', {}, I.resident)).balances).toEqual([]);
      expect(await codeOf(v('reward/redeem', { rewardId: bag.id }, I.resident))).toBe('POINTS.OFF');
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident)).items).toEqual([]);
    });
  });
});
