import type { Concern } from '../../../core/model';
import type { BoardRepo, SimilarQuery, TownSettings, TownWorkSettings } from '../../../core/ports';
import { OPEN_STATUSES } from '../../../core/concerns/lifecycle';
import type { CloudbaseDb, Filter } from '../../cloudbase/db';
import { SUMMARY_FIELDS, toConcern } from '../concerns/cloudbase-concerns';

const DONE = ['resolved', 'closed'];
/** Concerns stored before moderation existed carry no field and were published. */
const HELD = ['held', 'rejected'];

/** The id of one person's "+1" on one concern: a second one is a duplicate id (privacy.ts moves it when they leave). */
export const plusOneId = (concernId: string, openid: string) => `${concernId}_${openid}`;

const orNull = (v: unknown) => (typeof v === 'number' ? v : null);
function toWork(w: unknown): TownWorkSettings {
  const o = (w ?? {}) as Record<string, unknown>;
  return { dayStartMinute: orNull(o.dayStartMinute), dayEndMinute: orNull(o.dayEndMinute), checkinMarginMinutes: orNull(o.checkinMarginMinutes), reminderLeadMinutes: orNull(o.reminderLeadMinutes) };
}
/** A document's fields other than `_id`, so a whole-document `set` keeps what it does not change. */
function withoutId(d: Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (!d) return {};
  const { _id: _ignored, ...rest } = d;
  return rest;
}

/**
 * The public board and town settings on CloudBase, with the semantics of the SQLite store
 * (server/store/board/sqlite-board.ts):
 * - `town_settings` (`_id` town id): `publicBoard` and `replyTemplates`, kept as a list of
 *   `{category, templates}` (a category code is data, never a field name), and `work` (issue 19: the
 *   town's working day, check-in margin and reminder lead, each null for the deployment's default);
 * - `concern_plus_ones` (`_id` `${concernId}_${openid}`): one document per person per concern, created
 *   once, so a repeated or concurrent "+1" adds nothing; counted by one aggregation.
 * Every board query lists public concerns only (core/trust/content.ts isPublicConcern): a published description
 * and no 举报 category of the concern's town. The index `board_resolved` (town, status, updatedAt) of
 * `concerns` serves both queries: the board by all of it, 附近的同类问题 by its (town, status) prefix.
 */
export class CloudbaseBoard implements BoardRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async settings(townId: string): Promise<TownSettings> {
    const d = await this.cb.getDoc('town_settings', townId);
    const stored = (d?.replyTemplates as Array<{ category: string; templates: string[] }> | undefined) ?? [];
    return { publicBoard: d?.publicBoard === true, replyTemplates: Object.fromEntries(stored.map((t) => [t.category, t.templates])) };
  }

  /** One transaction: the templates replace the stored ones, the board setting stays as it was. */
  async saveReplyTemplates(townId: string, templates: Record<string, string[]>): Promise<void> {
    const replyTemplates = Object.entries(templates).map(([category, list]) => ({ category, templates: list }));
    await this.cb.transaction(async (tx) => {
      const prior = await tx.get('town_settings', townId);
      await tx.set('town_settings', { ...withoutId(prior), _id: townId, publicBoard: prior?.publicBoard === true, replyTemplates });
    });
  }

  /** One transaction: the board setting changes, the templates stay as they were. */
  async setPublicBoard(townId: string, on: boolean): Promise<void> {
    await this.cb.transaction(async (tx) => {
      const prior = await tx.get('town_settings', townId);
      await tx.set('town_settings', { ...withoutId(prior), _id: townId, publicBoard: on, replyTemplates: prior?.replyTemplates ?? [] });
    });
  }

  async workSettings(townId: string): Promise<TownWorkSettings> {
    return toWork((await this.cb.getDoc('town_settings', townId))?.work);
  }

  /** One transaction: `work` is replaced whole, the board setting and the templates stay as they were. */
  async saveWorkSettings(townId: string, work: TownWorkSettings): Promise<void> {
    await this.cb.transaction(async (tx) => {
      const prior = await tx.get('town_settings', townId);
      await tx.set('town_settings', { ...withoutId(prior), _id: townId, publicBoard: prior?.publicBoard === true, replyTemplates: prior?.replyTemplates ?? [], work: { ...work } });
    });
  }

  /** Every settings document (one per town that has any: a few dozen at most), those with a working time set. */
  async listWorkSettings(): Promise<Array<{ townId: string; work: TownWorkSettings }>> {
    return (await this.cb.readAll('town_settings'))
      .map((d) => ({ townId: d._id, work: toWork(d.work) }))
      .filter((t) => Object.values(t.work).some((v) => v !== null))
      .sort((a, b) => (a.townId < b.townId ? -1 : 1));
  }

  async listResolved(townIds: string[], villageId: string | null, limit: number): Promise<Concern[]> {
    if (townIds.length === 0) return [];
    const _ = this.cb._;
    const reports = await this.reportCodes(townIds);
    const perTown = townIds.map((t) => ({ 'route.townId': t, category: _.nin(reports.get(t) ?? []) }));
    const filter = this.cb.and(
      { status: _.in(DONE), moderation: _.nin(HELD) },
      villageId ? { 'route.villageId': villageId } : {},
      perTown.length === 1 ? perTown[0] : (_.or(perTown) as unknown as Filter),
    );
    const docs = await this.cb.find('concerns', filter, [['updatedAt', 'desc'], ['_id', 'desc']], limit, SUMMARY_FIELDS);
    return docs.map(toConcern);
  }

  async similarOpen(q: SimilarQuery): Promise<Concern[]> {
    const _ = this.cb._;
    const near: Filter[] = [];
    if (q.villageId) near.push({ 'route.villageId': q.villageId });
    if (q.gridId) near.push({ 'route.gridId': q.gridId });
    if (q.box) near.push({ 'location.lat': _.gte(q.box.minLat).and(_.lte(q.box.maxLat)), 'location.lng': _.gte(q.box.minLng).and(_.lte(q.box.maxLng)) });
    if (near.length === 0 || (await this.reportCodes([q.townId])).get(q.townId)?.includes(q.category)) return [];
    const filter = this.cb.and(
      { 'route.townId': q.townId, category: q.category, status: _.in([...OPEN_STATUSES]), moderation: _.nin(HELD) },
      near.length === 1 ? near[0] : (_.or(near) as unknown as Filter),
    );
    const docs = await this.cb.find('concerns', filter, [['createdAt', 'desc'], ['_id', 'desc']], q.limit, SUMMARY_FIELDS);
    return docs.map(toConcern);
  }

  async plusOne(concernId: string, openid: string, at: string): Promise<boolean> {
    return (await this.cb.createOnce('concern_plus_ones', { _id: plusOneId(concernId, openid), concernId, openid, at })).created;
  }

  /** One aggregation over the concerns' "+1"s: how many, and how many of them are this person's. */
  async plusOnes(concernIds: string[], openid: string): Promise<Map<string, { count: number; mine: boolean }>> {
    const out = new Map<string, { count: number; mine: boolean }>();
    if (concernIds.length === 0) return out;
    const rows = await this.cb.aggregate('concern_plus_ones', [
      { $match: { concernId: this.cb._.in(concernIds) } },
      { $group: { _id: '$concernId', n: { $sum: 1 }, mine: { $sum: { $cond: [{ $eq: ['$openid', openid] }, 1, 0] } } } },
    ]);
    for (const r of rows) out.set(String(r._id), { count: Number(r.n), mine: Number(r.mine) > 0 });
    return out;
  }

  /** The (town, status, updatedAt) index `board_resolved` serves it whole; the box is a filter on what it finds. */
  async openInBox(townId: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, limit: number): Promise<Concern[]> {
    const _ = this.cb._;
    const reports = (await this.reportCodes([townId])).get(townId) ?? [];
    const filter = {
      'route.townId': townId,
      status: _.in([...OPEN_STATUSES]),
      moderation: _.nin(HELD),
      category: _.nin(reports),
      'location.lat': _.gte(box.minLat).and(_.lte(box.maxLat)),
      'location.lng': _.gte(box.minLng).and(_.lte(box.maxLng)),
    };
    const docs = await this.cb.find('concerns', filter, [['updatedAt', 'desc'], ['_id', 'desc']], limit, SUMMARY_FIELDS);
    return docs.map(toConcern);
  }

  /** The 举报 category codes of each town: never on a public surface. */
  private async reportCodes(townIds: string[]): Promise<Map<string, string[]>> {
    const docs = await this.cb.readAll('categories', { townId: this.cb._.in(townIds), kind: 'report' });
    const out = new Map<string, string[]>();
    for (const d of docs) out.set(String(d.townId), [...(out.get(String(d.townId)) ?? []), String(d.code)]);
    return out;
  }
}
