/**
 * The SQLite adapter of points (core/ports.ts: PointsRepo). Each balance change and its ledger entry are one
 * IMMEDIATE transaction; a redemption takes stock and points by conditional UPDATEs (`stock > 0`,
 * `balance >= points`) inside it, so concurrent redemptions never oversell nor overdraw.
 */
import { beijingMonthSpan } from '../../../core/beijing';
import type Database from 'better-sqlite3';
import { sumByMonth, type PointsBalance, type PointsEntry, type PointsMonthTotal, type PointsSettings, type RedeemOutcome, type Redemption, type Reward } from '../../../core/points/points-model';
import type { PointsRepo } from '../../../core/ports';

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);

const toEntry = (r: Row): PointsEntry => ({
  id: r.id as string, openid: r.openid as string, name: r.name as string, nodeId: r.node_id as string, townId: r.town_id as string,
  kind: r.kind as PointsEntry['kind'], points: r.points as number, refId: r.ref_id as string, note: r.note as string, at: r.at as string,
});
const toBalance = (r: Row): PointsBalance => ({ openid: r.openid as string, name: r.name as string, nodeId: r.node_id as string, balance: r.balance as number, earned: r.earned as number });
const toReward = (r: Row): Reward => ({
  id: r.id as string, nodeId: r.node_id as string, townId: r.town_id as string, name: r.name as string, points: r.points as number, stock: r.stock as number, active: r.active === 1, updatedAt: r.updated_at as string,
});
const toRedemption = (r: Row): Redemption => ({
  id: r.id as string, code: r.code as string, rewardId: r.reward_id as string, rewardName: r.reward_name as string, nodeId: r.node_id as string, townId: r.town_id as string,
  openid: r.openid as string, name: r.name as string, points: r.points as number, status: r.status as Redemption['status'], at: r.at as string,
  handedAt: str(r.handed_at), handedBy: str(r.handed_by), reversedAt: str(r.reversed_at), reverseReason: str(r.reverse_reason),
});

export class SqlitePoints implements PointsRepo {
  private readonly awardTx;
  private readonly redeemTx;
  private readonly reverseTx;
  private readonly saveRewardTx;
  constructor(private readonly db: Database.Database) {
    const insertEntry = db.prepare(`INSERT INTO points_ledger (id, openid, name, node_id, town_id, kind, points, ref_id, note, at)
      VALUES (@id, @openid, @name, @nodeId, @townId, @kind, @points, @refId, @note, @at) ON CONFLICT (id) DO NOTHING`);
    const addBalance = db.prepare(`INSERT INTO points_balances (node_id, openid, name, balance, earned) VALUES (@nodeId, @openid, @name, @points, @earned)
      ON CONFLICT (node_id, openid) DO UPDATE SET balance = balance + @points, earned = earned + @earned, name = @name`);
    const apply = (e: PointsEntry, earned: number) => {
      if (insertEntry.run(e).changes !== 1) return false;
      addBalance.run({ ...e, earned });
      return true;
    };
    this.awardTx = db.transaction((entries: PointsEntry[]) => entries.filter((e) => apply(e, e.points)).length);
    const takeStock = db.prepare(`UPDATE rewards SET stock = stock - 1 WHERE id = ? AND stock > 0 AND active = 1`);
    const takePoints = db.prepare(`UPDATE points_balances SET balance = balance - ? WHERE node_id = ? AND openid = ? AND balance >= ?`);
    const insertRedemption = db.prepare(`INSERT INTO redemptions (id, code, reward_id, reward_name, node_id, town_id, openid, name, points, status, at, handed_at, handed_by, reversed_at, reverse_reason)
      VALUES (@id, @code, @rewardId, @rewardName, @nodeId, @townId, @openid, @name, @points, @status, @at, @handedAt, @handedBy, @reversedAt, @reverseReason)`);
    const rewardRow = db.prepare(`SELECT * FROM rewards WHERE id = ?`);
    this.redeemTx = db.transaction((r: Redemption): RedeemOutcome => {
      const reward = rewardRow.get(r.rewardId) as Row | undefined;
      if (!reward || reward.active !== 1) return 'inactive';
      if (takeStock.run(r.rewardId).changes !== 1) return 'out_of_stock';
      if (takePoints.run(r.points, r.nodeId, r.openid, r.points).changes !== 1) throw new Short();
      insertRedemption.run(r);
      insertEntry.run({ id: `pr_${r.id}`, openid: r.openid, name: r.name, nodeId: r.nodeId, townId: r.townId, kind: 'redeem', points: -r.points, refId: r.id, note: r.rewardName, at: r.at });
      return 'ok';
    });
    const reverseRow = db.prepare(`UPDATE redemptions SET status = 'reversed', reversed_at = ?, reverse_reason = ? WHERE id = ? AND status IN ('pending','handed')`);
    const giveStock = db.prepare(`UPDATE rewards SET stock = stock + 1 WHERE id = ?`);
    const byId = db.prepare(`SELECT * FROM redemptions WHERE id = ?`);
    this.reverseTx = db.transaction((id: string, reason: string, at: string, entry: PointsEntry): Redemption | null => {
      if (reverseRow.run(at, reason, id).changes !== 1) return null;
      const r = toRedemption(byId.get(id) as Row);
      giveStock.run(r.rewardId);
      apply(entry, 0);
      return r;
    });
    const upsertReward = db.prepare(`INSERT INTO rewards (id, node_id, town_id, name, points, stock, active, updated_at) VALUES (@id, @nodeId, @townId, @name, @points, MAX(0, @addStock), @active, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET name = @name, points = @points, active = @active, updated_at = @updatedAt, stock = MAX(0, stock + @addStock)`);
    this.saveRewardTx = db.transaction((r: Omit<Reward, 'stock'>, addStock: number): Reward => {
      upsertReward.run({ ...r, active: r.active ? 1 : 0, addStock });
      return toReward(rewardRow.get(r.id) as Row);
    });
  }

  async settings(nodeId: string): Promise<PointsSettings | null> {
    const r = this.db.prepare(`SELECT * FROM points_settings WHERE node_id = ?`).get(nodeId) as Row | undefined;
    return r
      ? { nodeId, enabled: r.enabled === 1, publicRanking: r.public_ranking === 1, pointsPerHour: r.points_per_hour as number, pointsPerReport: r.points_per_report as number, updatedAt: r.updated_at as string }
      : null;
  }
  async saveSettings(s: PointsSettings): Promise<void> {
    this.db
      .prepare(`INSERT INTO points_settings (node_id, enabled, public_ranking, points_per_hour, points_per_report, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (node_id) DO UPDATE SET enabled = excluded.enabled, public_ranking = excluded.public_ranking, points_per_hour = excluded.points_per_hour, points_per_report = excluded.points_per_report, updated_at = excluded.updated_at`)
      .run(s.nodeId, s.enabled ? 1 : 0, s.publicRanking ? 1 : 0, s.pointsPerHour, s.pointsPerReport, s.updatedAt);
  }
  async award(entries: PointsEntry[]): Promise<number> {
    return this.awardTx.immediate(entries);
  }
  async balances(openid: string): Promise<PointsBalance[]> {
    return (this.db.prepare(`SELECT * FROM points_balances WHERE openid = ? ORDER BY node_id`).all(openid) as Row[]).map(toBalance);
  }
  async history(openid: string, limit: number): Promise<PointsEntry[]> {
    return (this.db.prepare(`SELECT * FROM points_ledger WHERE openid = ? ORDER BY at DESC, id DESC LIMIT ?`).all(openid, limit) as Row[]).map(toEntry);
  }
  async ranking(nodeId: string, limit: number): Promise<PointsBalance[]> {
    return (this.db.prepare(`SELECT * FROM points_balances WHERE node_id = ? AND earned > 0 ORDER BY earned DESC, openid LIMIT ?`).all(nodeId, limit) as Row[]).map(toBalance);
  }
  async listRewards(nodeId: string): Promise<Reward[]> {
    return (this.db.prepare(`SELECT * FROM rewards WHERE node_id = ? ORDER BY id`).all(nodeId) as Row[]).map(toReward);
  }
  async getReward(id: string): Promise<Reward | null> {
    const r = this.db.prepare(`SELECT * FROM rewards WHERE id = ?`).get(id) as Row | undefined;
    return r ? toReward(r) : null;
  }
  async saveReward(r: Omit<Reward, 'stock'>, addStock: number): Promise<Reward> {
    return this.saveRewardTx.immediate(r, addStock);
  }
  async redeem(r: Redemption): Promise<RedeemOutcome> {
    try {
      return this.redeemTx.immediate(r);
    } catch (e) {
      // Too few points: the transaction rolled back the unit of stock it took.
      if (e instanceof Short) return 'short';
      throw e;
    }
  }
  async getRedemption(id: string): Promise<Redemption | null> {
    const r = this.db.prepare(`SELECT * FROM redemptions WHERE id = ?`).get(id) as Row | undefined;
    return r ? toRedemption(r) : null;
  }
  async redemptionByCode(nodeId: string, code: string): Promise<Redemption | null> {
    const r = this.db.prepare(`SELECT * FROM redemptions WHERE node_id = ? AND code = ? ORDER BY at DESC LIMIT 1`).get(nodeId, code) as Row | undefined;
    return r ? toRedemption(r) : null;
  }
  async redemptionsAt(nodeId: string, limit: number): Promise<Redemption[]> {
    return (this.db.prepare(`SELECT * FROM redemptions WHERE node_id = ? ORDER BY at DESC, id DESC LIMIT ?`).all(nodeId, limit) as Row[]).map(toRedemption);
  }
  async redemptionsOf(openid: string): Promise<Redemption[]> {
    return (this.db.prepare(`SELECT * FROM redemptions WHERE openid = ? ORDER BY at DESC, id DESC`).all(openid) as Row[]).map(toRedemption);
  }
  async handOver(id: string, at: string, by: string): Promise<Redemption | null> {
    if (this.db.prepare(`UPDATE redemptions SET status = 'handed', handed_at = ?, handed_by = ? WHERE id = ? AND status = 'pending'`).run(at, by, id).changes !== 1) return null;
    return this.getRedemption(id);
  }
  async reverse(id: string, reason: string, at: string, entry: PointsEntry): Promise<Redemption | null> {
    return this.reverseTx.immediate(id, reason, at, entry);
  }
  async monthlyTotals(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<PointsMonthTotal[]> {
    const { townIds } = query;
    if (townIds !== null && townIds.length === 0) return [];
    const { from, until } = beijingMonthSpan(query.fromMonth, query.toMonth);
    const towns = townIds === null ? '' : ` AND town_id IN (${townIds.map(() => '?').join(',')})`;
    const rows = this.db.prepare(`SELECT node_id, kind, points, at FROM points_ledger WHERE at >= ? AND at < ?${towns}`).all(from, until, ...(townIds ?? [])) as Row[];
    return sumByMonth(rows.map((r) => ({ nodeId: r.node_id as string, kind: r.kind as PointsEntry['kind'], points: r.points as number, at: r.at as string })));
  }
  async reconcileStock(_now: string): Promise<number> {
    // Stock and redemption change in one transaction here: nothing can leak.
    return 0;
  }
  async forget(openid: string, tombstone: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE points_ledger SET openid = ?, name = '' WHERE openid = ?`).run(tombstone, openid);
      this.db.prepare(`UPDATE redemptions SET openid = ?, name = '' WHERE openid = ?`).run(tombstone, openid);
      this.db.prepare(`DELETE FROM points_balances WHERE openid = ?`).run(openid);
    }).immediate();
  }
}

/** Thrown inside the redemption transaction to roll back the stock it took when the points fall short. */
class Short extends Error {}
