/**
 * A redemption cut off at any request on CloudBase (the wire fake) never keeps a unit of stock for good
 * (h20c, issue 20): the reconciler of the SLA timer gives back what no redemption holds on its second
 * look, points are taken only with a redemption, and a redemption still on its way when the reconciler
 * first looks keeps its unit.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import type { Redemption } from '../../core/points/points-model';
import { at } from '../store/contract-fixtures';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb | null = null;
afterEach(() => {
  wire?.uninstall();
  wire = null;
});

const NODE = 'dz-xicheng-daguo';
const REWARD = 'rw-crash';
const STOCK = 2;
const PRICE = 30;
const PERSON = 'o-red-001';
const redemption = (id: string, openid = PERSON): Redemption => ({
  id, code: id.slice(-8).padStart(8, '0'), rewardId: REWARD, rewardName: '环保袋', nodeId: NODE, townId: 'danzao', openid, name: '街坊', points: PRICE,
  status: 'pending', at: at(10), handedAt: null, handedBy: null, reversedAt: null, reverseReason: null,
});

async function storeWithReward() {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  await store.points.saveReward({ id: REWARD, nodeId: NODE, townId: 'danzao', name: '环保袋', points: PRICE, active: true, updatedAt: at(0) }, STOCK);
  for (const openid of [PERSON, 'o-red-002']) {
    await store.points.award([{ id: `pe-${openid}`, openid, name: '街坊', nodeId: NODE, townId: 'danzao', kind: 'hours', points: 100, refId: 'su-1', note: '河涌清洁', at: at(1) }]);
  }
  return { store, wire: fake.wire };
}

/** The invariants: every unit is in stock or held by a redemption, and the person's balance is what the ledger says. */
async function state(store: CloudbaseStore) {
  const reward = (await store.points.getReward(REWARD))!;
  const held = (await store.points.redemptionsOf(PERSON)).filter((r) => r.status !== 'reversed').length;
  const balance = (await store.points.balances(PERSON))[0].balance;
  const ledger = (await store.points.history(PERSON, 100)).reduce((s, e) => s + e.points, 0);
  return { units: reward.stock + held, balance, ledger, paid: 100 - PRICE * held };
}

describe('reward stock after a crash on CloudBase', () => {
  it('a redemption cut at any request leaks no unit once the reconciler has looked twice', async () => {
    const whole = await storeWithReward();
    const from = whole.wire.requests.length;
    expect(await whole.store.points.redeem(redemption('rd-whole-1'))).toBe('ok');
    const total = whole.wire.requests.length - from;
    expect(total).toBeGreaterThan(2);
    whole.wire.uninstall();

    for (let cut = 1; cut <= total; cut++) {
      const { store, wire: fake } = await storeWithReward();
      const handle = fake.handle.bind(fake);
      let sent = 0;
      fake.handle = async (action, params) => {
        if (++sent >= cut) throw new Error(`function died at request ${cut}`);
        return handle(action, params);
      };
      await expect(store.points.redeem(redemption(`rd-cut-${cut}`))).rejects.toThrow(`function died at request ${cut}`);
      fake.handle = handle;
      await store.points.reconcileStock(at(600));
      await store.points.reconcileStock(at(1200));
      const s = await state(store);
      expect({ cut, ...s }).toEqual({ cut, units: STOCK, balance: s.paid, ledger: s.paid, paid: s.paid });
      // The stock is whole again: two more redemptions take it to nothing, a third finds none.
      expect(await store.points.redeem(redemption(`rd-again-${cut}`, 'o-red-002'))).toBe('ok');
      expect(await store.points.redeem(redemption(`rd-more-${cut}`, 'o-red-002'))).toBe('ok');
      expect(await store.points.redeem(redemption(`rd-none-${cut}`, 'o-red-002'))).toBe('out_of_stock');
      expect((await store.points.getReward(REWARD))!.stock).toBe(0);
      fake.uninstall();
    }
  }, 60_000);

  it('a redemption on its way when the reconciler first looks keeps its unit, and a reversal keeps the count', async () => {
    const { store, wire: fake } = await storeWithReward();
    const handle = fake.handle.bind(fake);
    let release: () => void = () => undefined;
    let sent = 0;
    const paused = new Promise<void>((resolve) => {
      fake.handle = async (action, params) => {
        // Hold the redemption back right after its unit was taken (the first request).
        if (++sent === 2) {
          resolve();
          await new Promise<void>((r) => (release = r));
        }
        return handle(action, params);
      };
    });
    const redeeming = store.points.redeem(redemption('rd-slow-1'));
    await paused;
    fake.handle = handle;
    expect(await store.points.reconcileStock(at(600))).toBe(0);
    release();
    expect(await redeeming).toBe('ok');
    expect(await store.points.reconcileStock(at(1200))).toBe(0);
    expect(await store.points.reconcileStock(at(1800))).toBe(0);
    expect((await store.points.getReward(REWARD))!.stock).toBe(STOCK - 1);
    const back = { id: 'pv_rd-slow-1', openid: PERSON, name: '街坊', nodeId: NODE, townId: 'danzao', kind: 'reverse' as const, points: PRICE, refId: 'rd-slow-1', note: '撤销兑换：环保袋', at: at(20) };
    await store.points.reverse('rd-slow-1', '误兑', at(20), back);
    expect(await store.points.reconcileStock(at(2400))).toBe(0);
    expect(await store.points.reconcileStock(at(3000))).toBe(0);
    expect(await state(store)).toEqual({ units: STOCK, balance: 100, ledger: 100, paid: 100 });
  });
});
