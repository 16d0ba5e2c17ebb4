import type Database from 'better-sqlite3';
import type { ContentReportRepo } from '../../../core/ports';
import type { ContentReport, ReportedKind } from '../../../core/trust/report-model';

type Row = Record<string, unknown>;

function toReport(r: Row): ContentReport {
  return {
    id: r.id as string,
    kind: r.kind as ReportedKind,
    itemId: r.item_id as string,
    concernId: r.concern_id as string,
    townId: r.town_id as string,
    reporterOpenid: r.reporter_openid as string,
    reason: r.reason as ContentReport['reason'],
    at: r.at as string,
    status: r.status as ContentReport['status'],
    decidedAt: (r.decided_at as string | null) ?? null,
  };
}

const inTowns = (townIds: string[] | null) => (townIds === null ? '' : ` AND town_id IN (${townIds.map(() => '?').join(',')})`);

/** 举报 (`content_reports`): one row per person and item (a unique key), closed together per item. */
export class SqliteContentReports implements ContentReportRepo {
  private readonly insert;
  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO content_reports (id, kind, item_id, concern_id, town_id, reporter_openid, reason, at, status, decided_at)
      VALUES (@id, @kind, @itemId, @concernId, @townId, @reporterOpenid, @reason, @at, @status, @decidedAt)
      ON CONFLICT (kind, item_id, reporter_openid) DO NOTHING`);
  }
  async add(r: ContentReport): Promise<boolean> {
    return this.insert.run(r).changes === 1;
  }
  async open(townIds: string[] | null, limit: number): Promise<ContentReport[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const sql = `SELECT * FROM content_reports WHERE status = 'open'${inTowns(townIds)} ORDER BY at, id LIMIT ?`;
    return (this.db.prepare(sql).all(...(townIds ?? []), limit) as Row[]).map(toReport);
  }
  async isOpen(kind: ReportedKind, itemId: string, townIds: string[] | null): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    const sql = `SELECT 1 FROM content_reports WHERE kind = ? AND item_id = ? AND status = 'open'${inTowns(townIds)} LIMIT 1`;
    return this.db.prepare(sql).get(kind, itemId, ...(townIds ?? [])) !== undefined;
  }
  async close(kind: ReportedKind, itemId: string, to: 'kept' | 'removed', at: string, townIds: string[] | null): Promise<number> {
    if (townIds !== null && townIds.length === 0) return 0;
    const sql = `UPDATE content_reports SET status = ?, decided_at = ? WHERE kind = ? AND item_id = ? AND status = 'open'${inTowns(townIds)}`;
    return this.db.prepare(sql).run(to, at, kind, itemId, ...(townIds ?? [])).changes;
  }
}
