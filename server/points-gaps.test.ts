/**
 * The named gaps of 积分制 (issue 20, h20c), through the router on both stores: a correction of confirmed
 * hours changes the points by a ledger entry, never silently, and a negative one is recorded even when the
 * points were spent (the balance may go below zero).
 */
import type { MyPoints, RedemptionView } from '../core/points-service';
import type { Reward } from '../core/points-model';
import type { AttendanceView } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { attend, describeOnBothStores, schedule, type World } from './test-action-world';

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
  });
});
