/**
 * The named gaps of 积分制 (issue 20, h20c), through the router on both stores: a correction of confirmed
 * hours changes the points by a ledger entry, never silently, and a negative one is recorded even when the
 * points were spent (the balance may go below zero).
 */
import type { RatesWithVolunteers } from '../core/volunteers/action-stats';
import type { MyPoints, PointsSettingsView, RedemptionView, RewardList } from '../core/points/points-service';
import type { Reward } from '../core/points/points-model';
import type { AttendanceView, MyDataExport } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { attend, codeOf, describeOnBothStores, schedule, type World } from './test-action-world';

const DAGUO = 'dz-xicheng-daguo';

describeOnBothStores((name, world) => {
  describe(`points gaps on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });
    const v = <T,>(action: string, data: unknown, openid: string) => w.call<T>('volunteer', action, data, openid);

    it('adjusts the points of corrected hours by a ledger entry, up and down, once, even below zero', async () => {
      await v('village/savePointsSettings', { nodeId: DAGUO, enabled: true }, I.daguoChair);
      const bag = await v<Reward>('reward/save', { nodeId: DAGUO, name: '环保袋', points: 15, addStock: 1, active: true }, I.daguoChair);
      const ev = await schedule(w);
      await attend(w, ev, [I.resident]);
      // 118 minutes at the default 10 an hour: 19 points.
      const view = await v<AttendanceView>('event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      const ref = view.rows[0].signUpId;
      expect((await v<MyPoints>('points/mine', {}, I.resident)).balances[0]).toMatchObject({ balance: 19, earned: 19 });

      // Corrected up to two hours: +1, one entry, written once however often it is sent.
      const up = { eventId: ev.id, entries: [{ signUpId: ref, minutes: 120, reason: '签退时手机没电' }] };
      await v('event/confirmHours', up, I.daguoLeader);
      await v('event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      let mine = await v<MyPoints>('points/mine', {}, I.resident);
      expect(mine.balances[0]).toMatchObject({ balance: 20, earned: 20 });
      expect(mine.history.map((h) => [h.kind, h.points, h.note])).toEqual([['hours', 1, '志愿时长更正：巷道清洁'], ['hours', 19, '巷道清洁']]);

      // She spends 15; the leader then corrects down to 30 minutes (5 points): −15 is recorded, the balance is −10,
      // and her redemption stands.
      const red = await v<RedemptionView>('reward/redeem', { rewardId: bag.id }, I.resident);
      await v('event/confirmHours', { eventId: ev.id, entries: [{ signUpId: ref, minutes: 30, reason: '实际只参加了半小时' }] }, I.daguoLeader);
      mine = await v<MyPoints>('points/mine', {}, I.resident);
      expect(mine.balances[0]).toMatchObject({ balance: -10, earned: 5 });
      expect(mine.history.filter((h) => h.kind === 'hours').map((h) => h.points)).toEqual([-15, 1, 19]);
      expect(mine.redemptions.map((r) => [r.id, r.status])).toEqual([[red.id, 'pending']]);
    });

    it('exports a person\'s points, and on me/delete reverses her pending redemption, keeps the totals and leaves no balance or ranking row', async () => {
      await v('village/savePointsSettings', { nodeId: DAGUO, enabled: true, publicRanking: true }, I.daguoChair);
      const bag = await v<Reward>('reward/save', { nodeId: DAGUO, name: '环保袋', points: 5, addStock: 2, active: true }, I.daguoChair);
      const ev = await schedule(w);
      await attend(w, ev, [I.resident, I.resident2]);
      await v('event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      const handed = await v<RedemptionView>('reward/redeem', { rewardId: bag.id }, I.resident);
      await v('reward/handOver', { nodeId: DAGUO, code: handed.code }, I.daguoChair);
      w.clock.set(new Date(w.clock.now().getTime() + 60_000).toISOString());
      const pending = await v<RedemptionView>('reward/redeem', { rewardId: bag.id }, I.resident);
      w.clock.set(new Date(w.clock.now().getTime() + 60_000).toISOString());

      const data = await w.call<MyDataExport>('concern', 'me/export', {}, I.resident);
      expect(data.points.balances).toEqual([expect.objectContaining({ nodeId: DAGUO, balance: 9, earned: 19 })]);
      expect(data.points.history.map((h) => [h.kind, h.points])).toEqual([['redeem', -5], ['redeem', -5], ['hours', 19]]);
      expect(data.points.redemptions.map((r) => [r.id, r.status])).toEqual([[pending.id, 'pending'], [handed.id, 'handed']]);
      const totals = async () => (await w.call<RatesWithVolunteers>('concern', 'stats/rates', {}, I.townAdmin)).volunteer.find((r) => r.villageId === 'dz-xicheng');
      expect(await totals()).toMatchObject({ pointsEarned: 38, pointsRedeemed: 10 });

      await w.call('concern', 'me/delete', { confirm: true }, I.resident);
      // The pending unit is back in stock (nobody can show its code now); the handed one stays handed, the month's totals
      // count the reversal; the ranking names only who is still here.
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident2)).items.map((r) => r.stock)).toEqual([1]);
      const recent = (await v<{ items: RedemptionView[] }>('reward/recent', { nodeId: DAGUO }, I.daguoChair)).items;
      expect(recent.map((r) => [r.id, r.status, r.personName])).toEqual([[pending.id, 'reversed', ''], [handed.id, 'handed', '']]);
      expect(await totals()).toMatchObject({ pointsEarned: 38, pointsRedeemed: 5 });
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident2)).ranking).toEqual([{ name: expect.any(String), earned: 19 }]);
      expect((await v<RewardList>('reward/list', { nodeId: DAGUO }, I.resident2)).ranking?.[0].name).not.toBe('');
    });

    it("reads a town's rates for its admin only: the defaults until saved, then what was saved", async () => {
      expect(await v<PointsSettingsView>('town/pointsSettings', { nodeId: 'danzao' }, I.townAdmin)).toMatchObject({ nodeId: 'danzao', pointsPerHour: 10, pointsPerReport: 2 });
      await v('village/savePointsSettings', { nodeId: 'danzao', pointsPerHour: 12, pointsPerReport: 3 }, I.townAdmin);
      expect(await v<PointsSettingsView>('town/pointsSettings', { nodeId: 'danzao' }, I.townAdmin)).toMatchObject({ pointsPerHour: 12, pointsPerReport: 3 });
      expect(await codeOf(v('town/pointsSettings', { nodeId: 'danzao' }, I.jiujiangAdmin))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(v('town/pointsSettings', { nodeId: 'danzao' }, I.daguoChair))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(v('town/pointsSettings', { nodeId: DAGUO }, I.townAdmin))).toBe('GRID.PLACE_NOT_FOUND');
    });
  });
});
