import type Database from 'better-sqlite3';
import type { Concern } from '../../../core/model';
import type { BoardRepo, SimilarQuery, TownSettings, TownWorkSettings } from '../../../core/ports';

type Row = Record<string, unknown>;

const OPEN = `('submitted','dispatching','assigned','accepted','in_progress')`;
/**
 * What a public surface may list (core/trust/content.ts isPublicConcern): a published description, and never
 * a 举报 category. One clause for every board query.
 */
const PUBLIC = `moderation = 'published' AND NOT EXISTS (SELECT 1 FROM categories k WHERE k.town_id = concerns.town_id AND k.code = concerns.category AND k.kind = 'report')`;

const WORK_COLUMNS = 'day_start_minute, day_end_minute, checkin_margin_minutes, reminder_lead_minutes';
const orNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const toWork = (r: Row | undefined): TownWorkSettings => ({
  dayStartMinute: orNull(r?.day_start_minute),
  dayEndMinute: orNull(r?.day_end_minute),
  checkinMarginMinutes: orNull(r?.checkin_margin_minutes),
  reminderLeadMinutes: orNull(r?.reminder_lead_minutes),
});

/** The public board and town settings on SQLite. */
export class SqliteBoard implements BoardRepo {
  private readonly q;
  constructor(
    private readonly db: Database.Database,
    private readonly toConcern: (r: Row) => Concern,
  ) {
    this.q = {
      settings: db.prepare(`SELECT public_board, reply_templates FROM town_settings WHERE town_id = ?`),
      saveTemplates: db.prepare(`INSERT INTO town_settings (town_id, reply_templates) VALUES (?, ?)
        ON CONFLICT(town_id) DO UPDATE SET reply_templates = excluded.reply_templates`),
      setBoard: db.prepare(`INSERT INTO town_settings (town_id, public_board) VALUES (?, ?)
        ON CONFLICT(town_id) DO UPDATE SET public_board = excluded.public_board`),
      plusOne: db.prepare(`INSERT OR IGNORE INTO concern_plus_ones (concern_id, openid, at) VALUES (?, ?, ?)`),
      work: db.prepare(`SELECT ${WORK_COLUMNS} FROM town_settings WHERE town_id = ?`),
      allWork: db.prepare(`SELECT town_id, ${WORK_COLUMNS} FROM town_settings
        WHERE day_start_minute IS NOT NULL OR day_end_minute IS NOT NULL OR checkin_margin_minutes IS NOT NULL OR reminder_lead_minutes IS NOT NULL ORDER BY town_id`),
      saveWork: db.prepare(`INSERT INTO town_settings (town_id, day_start_minute, day_end_minute, checkin_margin_minutes, reminder_lead_minutes)
        VALUES (@townId, @dayStartMinute, @dayEndMinute, @checkinMarginMinutes, @reminderLeadMinutes)
        ON CONFLICT(town_id) DO UPDATE SET day_start_minute = excluded.day_start_minute, day_end_minute = excluded.day_end_minute,
          checkin_margin_minutes = excluded.checkin_margin_minutes, reminder_lead_minutes = excluded.reminder_lead_minutes`),
    };
  }

  async settings(townId: string): Promise<TownSettings> {
    const r = this.q.settings.get(townId) as Row | undefined;
    return { publicBoard: r ? r.public_board === 1 : false, replyTemplates: r ? (JSON.parse(r.reply_templates as string) as Record<string, string[]>) : {} };
  }

  async saveReplyTemplates(townId: string, templates: Record<string, string[]>): Promise<void> {
    this.q.saveTemplates.run(townId, JSON.stringify(templates));
  }

  async setPublicBoard(townId: string, on: boolean): Promise<void> {
    this.q.setBoard.run(townId, on ? 1 : 0);
  }

  async workSettings(townId: string): Promise<TownWorkSettings> {
    const r = this.q.work.get(townId) as Row | undefined;
    return toWork(r);
  }

  async saveWorkSettings(townId: string, work: TownWorkSettings): Promise<void> {
    this.q.saveWork.run({ townId, ...work });
  }

  async listWorkSettings(): Promise<Array<{ townId: string; work: TownWorkSettings }>> {
    return (this.q.allWork.all() as Row[]).map((r) => ({ townId: r.town_id as string, work: toWork(r) }));
  }

  async listResolved(townIds: string[], villageId: string | null, limit: number): Promise<Concern[]> {
    if (townIds.length === 0) return [];
    const marks = townIds.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT * FROM concerns WHERE town_id IN (${marks}) AND status IN ('resolved','closed') AND ${PUBLIC} ${villageId ? 'AND village_id = ?' : ''}
        ORDER BY updated_at DESC, id DESC LIMIT ?`)
      .all(...townIds, ...(villageId ? [villageId] : []), limit) as Row[];
    return rows.map(this.toConcern);
  }

  async similarOpen(q: SimilarQuery): Promise<Concern[]> {
    const near: string[] = [];
    const args: unknown[] = [q.townId, q.category];
    if (q.villageId) {
      near.push('village_id = ?');
      args.push(q.villageId);
    }
    if (q.gridId) {
      near.push('grid_id = ?');
      args.push(q.gridId);
    }
    if (q.box) {
      near.push('(lat BETWEEN ? AND ? AND lng BETWEEN ? AND ?)');
      args.push(q.box.minLat, q.box.maxLat, q.box.minLng, q.box.maxLng);
    }
    if (near.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM concerns WHERE town_id = ? AND category = ? AND status IN ${OPEN} AND ${PUBLIC} AND (${near.join(' OR ')}) ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...args, q.limit) as Row[];
    return rows.map(this.toConcern);
  }

  async plusOne(concernId: string, openid: string, at: string): Promise<boolean> {
    return this.q.plusOne.run(concernId, openid, at).changes === 1;
  }

  async plusOnes(concernIds: string[], openid: string): Promise<Map<string, { count: number; mine: boolean }>> {
    const out = new Map<string, { count: number; mine: boolean }>();
    if (concernIds.length === 0) return out;
    const marks = concernIds.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT concern_id, COUNT(*) AS n, MAX(openid = ?) AS mine FROM concern_plus_ones WHERE concern_id IN (${marks}) GROUP BY concern_id`)
      .all(openid, ...concernIds) as Row[];
    for (const r of rows) out.set(r.concern_id as string, { count: Number(r.n), mine: Number(r.mine) === 1 });
    return out;
  }

  async openInBox(townId: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, limit: number): Promise<Concern[]> {
    const rows = this.db
      .prepare(`SELECT * FROM concerns WHERE town_id = ? AND status IN ${OPEN} AND ${PUBLIC} AND lat BETWEEN ? AND ? AND lng BETWEEN ? AND ?
        ORDER BY updated_at DESC, id DESC LIMIT ?`)
      .all(townId, box.minLat, box.maxLat, box.minLng, box.maxLng, limit) as Row[];
    return rows.map(this.toConcern);
  }
}

/** Demo data: the public board is on in every demo town. */
export function seedBoardSettings(db: Database.Database, townIds: string[]): void {
  const put = db.prepare(`INSERT INTO town_settings (town_id, public_board) VALUES (?, 1) ON CONFLICT(town_id) DO NOTHING`);
  db.transaction(() => townIds.forEach((t) => put.run(t)))();
}
