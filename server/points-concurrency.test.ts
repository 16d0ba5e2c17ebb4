/**
 * Redemptions under concurrency through the router (issue 20: "200 parallel redemptions of an item with 10
 * in stock give exactly 10"), on SQLite and through the `volunteer` cloud function on the CloudBase wire
 * fake: 200 residents who each hold enough points redeem the same reward at once. Exactly 10 get a code;
 * every other one is told it is out of stock and keeps their points; the stock ends at 0. The store-level
 * race is in server/store/volunteers/contract-points.ts; this one runs the whole action, caller resolution included.
 */
import type { MyPoints, RedemptionView } from '../core/points/points-service';
import type { Reward } from '../core/points/points-model';
import { DEMO_IDENTITIES as I } from './demo-data';
import { describeOnBothStores, type World } from './test-action-world';

const DAGUO = 'dz-xicheng-daguo';
const PEOPLE = 200;
const STOCK = 10;

describeOnBothStores((name, world) => {
  describe(`reward/redeem on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });

    it(`gives exactly ${STOCK} of ${PEOPLE} redemptions at once, and the rest keep their points`, async () => {
      await w.call('volunteer', 'village/savePointsSettings', { nodeId: DAGUO, enabled: true }, I.daguoChair);
      const bag = await w.call<Reward>('volunteer', 'reward/save', { nodeId: DAGUO, name: '环保袋', points: 30, addStock: STOCK, active: true }, I.daguoChair);
      const people = Array.from({ length: PEOPLE }, (_, i) => `o-race-${String(i).padStart(3, '0')}`);
      const at = w.clock.now().toISOString();
      await w.store().points.award(people.map((openid, i) => ({ id: `pe-race-${i}`, openid, name: `街坊${i}`, nodeId: DAGUO, townId: 'danzao', kind: 'hours' as const, points: 40, refId: `su-race-${i}`, note: '巷道清洁', at })));

      const outcomes = await Promise.all(
        people.map((who) => w.call<RedemptionView>('volunteer', 'reward/redeem', { rewardId: bag.id }, who).then((r) => r.status, (e: { code?: string }) => e.code)),
      );
      expect(outcomes.filter((o) => o === 'pending')).toHaveLength(STOCK);
      expect(outcomes.filter((o) => o !== 'pending')).toEqual(Array(PEOPLE - STOCK).fill('REWARD.OUT_OF_STOCK'));
      expect((await w.store().points.getReward(bag.id))?.stock).toBe(0);
      const balances = await Promise.all(people.map(async (who) => (await w.call<MyPoints>('volunteer', 'points/mine', {}, who)).balances[0]?.balance));
      expect(balances.filter((b) => b === 10)).toHaveLength(STOCK);
      expect(balances.filter((b) => b === 40)).toHaveLength(PEOPLE - STOCK);
    }, 120_000);
  });
});
