/**
 * The CloudBase adapter of points (core/ports.ts: PointsRepo). A balance (`points_balances`, `_id`
 * `${nodeId}_${openid}`) changes only in a transaction that also creates its ledger entry (`points_ledger`,
 * `_id` the entry's id, so an award is made once). A redemption first takes one unit of stock by ONE
 * conditional update of the reward (`stock > 0`), as a sign-up takes a place (events.ts): two hundred
 * at once serialise on that document without a transaction retrying two hundred times. Then one
 * transaction takes the points and writes the redemption with its ledger entry; when the points fall
 * short the unit is given back. A crash between the two steps leaves one unit out of stock, no points
 * taken and nothing to hand over, until the `sla` timer's reconciler gives it back: each reward counts the
 * units it gave out (`taken`) beside its stock (reward-reconcile.ts).
 */
import { beijingMonthSpan } from '../../../core/beijing';
import { sumByMonth, type PointsBalance, type PointsEntry, type PointsMonthTotal, type PointsSettings, type RedeemOutcome, type Redemption, type Reward } from '../../../core/points/points-model';
import type { PointsRepo } from '../../../core/ports';
import type { CloudbaseDb, StoredDoc, TxView } from '../../cloudbase/db';
import { reconcileRewardStock } from './cloudbase-reward-reconcile';

const str = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);
const balanceId = (nodeId: string, openid: string) => `${nodeId}_${openid}`;

const toEntry = ({ _id, ...d }: StoredDoc): PointsEntry => ({
  id: _id, openid: String(d.openid), name: String(d.name), nodeId: String(d.nodeId), townId: String(d.townId), kind: d.kind as PointsEntry['kind'],
  points: Number(d.points), refId: String(d.refId), note: String(d.note), at: String(d.at),
});
const toBalance = (d: StoredDoc): PointsBalance => ({ openid: String(d.openid), name: String(d.name), nodeId: String(d.nodeId), balance: Number(d.balance), earned: Number(d.earned) });
const toReward = ({ _id, ...d }: StoredDoc): Reward => ({
  id: _id, nodeId: String(d.nodeId), townId: String(d.townId), name: String(d.name), points: Number(d.points), stock: Number(d.stock), active: d.active === true, updatedAt: String(d.updatedAt),
});
const toRedemption = ({ _id, ...d }: StoredDoc): Redemption => ({
  id: _id, code: String(d.code), rewardId: String(d.rewardId), rewardName: String(d.rewardName), nodeId: String(d.nodeId), townId: String(d.townId),
  openid: String(d.openid), name: String(d.name), points: Number(d.points), status: d.status as Redemption['status'], at: String(d.at),
  handedAt: str(d.handedAt), handedBy: str(d.handedBy), reversedAt: str(d.reversedAt), reverseReason: str(d.reverseReason),
});
const entryDoc = ({ id, ...e }: PointsEntry): StoredDoc => ({ _id: id, ...e });

/** In a transaction: the entry, once, with its balance (`earned` grows by `earned`). False when it was stored already. */
async function applyEntry(tx: TxView, e: PointsEntry, earned: number): Promise<boolean> {
  if (await tx.get('points_ledger', e.id)) return false;
  await tx.create('points_ledger', entryDoc(e));
  const id = balanceId(e.nodeId, e.openid);
  const b = await tx.get('points_balances', id);
  await tx.set('points_balances', { _id: id, nodeId: e.nodeId, openid: e.openid, name: e.name, balance: Number(b?.balance ?? 0) + e.points, earned: Number(b?.earned ?? 0) + earned });
  return true;
}

class Short extends Error {}

export class CloudbasePoints implements PointsRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async settings(nodeId: string): Promise<PointsSettings | null> {
    const d = await this.cb.getDoc('points_settings', nodeId);
    return d
      ? { nodeId, enabled: d.enabled === true, publicRanking: d.publicRanking === true, pointsPerHour: Number(d.pointsPerHour), pointsPerReport: Number(d.pointsPerReport), updatedAt: String(d.updatedAt) }
      : null;
  }
  async saveSettings(s: PointsSettings): Promise<void> {
    const { nodeId, ...fields } = s;
    await this.cb.transaction((tx) => tx.set('points_settings', { _id: nodeId, ...fields }));
  }
  async award(entries: PointsEntry[]): Promise<number> {
    let added = 0;
    for (const e of entries) if (await this.cb.transaction((tx) => applyEntry(tx, e, e.points))) added++;
    return added;
  }
  async balances(openid: string): Promise<PointsBalance[]> {
    return (await this.cb.readAll('points_balances', { openid })).map(toBalance).sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1));
  }
  async history(openid: string, limit: number): Promise<PointsEntry[]> {
    return (await this.cb.find('points_ledger', { openid }, [['at', 'desc'], ['_id', 'desc']], limit)).map(toEntry);
  }
  async ranking(nodeId: string, limit: number): Promise<PointsBalance[]> {
    return (await this.cb.find('points_balances', { nodeId, earned: this.cb._.gt(0) }, [['earned', 'desc'], ['openid', 'asc']], limit)).map(toBalance);
  }
  async listRewards(nodeId: string): Promise<Reward[]> {
    return (await this.cb.readAll('rewards', { nodeId })).map(toReward);
  }
  async getReward(id: string): Promise<Reward | null> {
    const d = await this.cb.getDoc('rewards', id);
    return d ? toReward(d) : null;
  }
  async saveReward(r: Omit<Reward, 'stock'>, addStock: number): Promise<Reward> {
    const { id, ...fields } = r;
    const add = Math.max(0, addStock);
    const { created } = await this.cb.createOnce('rewards', { _id: id, ...fields, stock: add, taken: 0 });
    // Stock only ever grows here, by an increment: a concurrent redemption's take is never overwritten.
    if (!created) await this.cb.updateWhere('rewards', { _id: id }, { ...fields, stock: this.cb._.inc(add) });
    return (await this.getReward(id))!;
  }
  async redeem(r: Redemption): Promise<RedeemOutcome> {
    const { _ } = this.cb;
    const taken = await this.cb.updateAndReturn('rewards', { _id: r.rewardId, active: true, stock: _.gt(0) }, { stock: _.inc(-1), taken: _.inc(1) });
    if (!taken) {
      const reward = await this.cb.getDoc('rewards', r.rewardId, { active: true });
      return reward && reward.active === true ? 'out_of_stock' : 'inactive';
    }
    try {
      await this.cb.transaction(async (tx) => {
        const id = balanceId(r.nodeId, r.openid);
        const b = await tx.get('points_balances', id);
        if (!b || Number(b.balance) < r.points) throw new Short();
        await tx.update('points_balances', id, { balance: Number(b.balance) - r.points });
        const { id: rid, ...fields } = r;
        await tx.create('redemptions', { _id: rid, ...fields });
        await tx.create('points_ledger', entryDoc({ id: `pr_${r.id}`, openid: r.openid, name: r.name, nodeId: r.nodeId, townId: r.townId, kind: 'redeem', points: -r.points, refId: r.id, note: r.rewardName, at: r.at }));
      });
      return 'ok';
    } catch (e) {
      await this.cb.updateWhere('rewards', { _id: r.rewardId }, { stock: _.inc(1), taken: _.inc(-1) });
      if (e instanceof Short) return 'short';
      throw e;
    }
  }
  async getRedemption(id: string): Promise<Redemption | null> {
    const d = await this.cb.getDoc('redemptions', id);
    return d ? toRedemption(d) : null;
  }
  async redemptionByCode(nodeId: string, code: string): Promise<Redemption | null> {
    const [d] = await this.cb.find('redemptions', { nodeId, code }, [['at', 'desc']], 1);
    return d ? toRedemption(d) : null;
  }
  async redemptionsAt(nodeId: string, limit: number): Promise<Redemption[]> {
    // Same instant: the larger id first, as on SQLite (the index orders by time; ties are few and fetched whole).
    const docs = await this.cb.find('redemptions', { nodeId }, [['at', 'desc'], ['_id', 'desc']], limit);
    return docs.map(toRedemption);
  }
  async redemptionsOf(openid: string): Promise<Redemption[]> {
    return (await this.cb.readAll('redemptions', { openid })).map(toRedemption).sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
  }
  async handOver(id: string, at: string, by: string): Promise<Redemption | null> {
    if (!(await this.cb.conditionalUpdate('redemptions', { _id: id, status: 'pending' }, { status: 'handed', handedAt: at, handedBy: by }))) return null;
    return this.getRedemption(id);
  }
  async reverse(id: string, reason: string, at: string, entry: PointsEntry): Promise<Redemption | null> {
    return this.cb.transaction(async (tx) => {
      const d = await tx.get('redemptions', id);
      if (!d || (d.status !== 'pending' && d.status !== 'handed')) return null;
      await tx.update('redemptions', id, { status: 'reversed', reversedAt: at, reverseReason: reason });
      const reward = await tx.get('rewards', String(d.rewardId));
      if (reward) await tx.update('rewards', reward._id, { stock: Number(reward.stock) + 1, ...(typeof reward.taken === 'number' ? { taken: reward.taken - 1 } : {}) });
      await applyEntry(tx, entry, 0);
      return toRedemption({ ...d, _id: id, status: 'reversed', reversedAt: at, reverseReason: reason });
    });
  }
  async monthlyTotals(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<PointsMonthTotal[]> {
    const { townIds } = query;
    if (townIds !== null && townIds.length === 0) return [];
    const { _ } = this.cb;
    const { from, until } = beijingMonthSpan(query.fromMonth, query.toMonth);
    const filter = { at: _.gte(from).and(_.lt(until)), ...(townIds === null ? {} : { townId: _.in(townIds) }) };
    const docs = await this.cb.readAll('points_ledger', filter, { nodeId: true, kind: true, points: true, at: true });
    return sumByMonth(docs.map((d) => ({ nodeId: String(d.nodeId), kind: d.kind as PointsEntry['kind'], points: Number(d.points), at: String(d.at) })));
  }
  async reconcileStock(now: string): Promise<number> {
    return reconcileRewardStock(this.cb, now);
  }
  async forget(openid: string, tombstone: string): Promise<void> {
    // Each step is a filtered update that a repeat finds nothing left for: an interrupted run is simply run again.
    await this.cb.updateWhere('points_ledger', { openid }, { openid: tombstone, name: '' });
    await this.cb.updateWhere('redemptions', { openid }, { openid: tombstone, name: '' });
    await this.cb.removeWhere('points_balances', { openid });
  }
}
