import type Database from 'better-sqlite3';
import type { Moderation } from '../../../core/model';
import type { PhotoCheck, PhotoCheckRepo } from '../../../core/ports';

type Row = Record<string, unknown>;

function toCheck(r: Row): PhotoCheck {
  return {
    id: r.id as string,
    fileId: r.file_id as string,
    openid: r.openid as string,
    concernId: r.concern_id as string,
    townId: r.town_id as string,
    traceId: (r.trace_id as string | null) ?? null,
    status: r.status as PhotoCheck['status'],
    submittedAt: r.submitted_at as string,
    decidedAt: (r.decided_at as string | null) ?? null,
    ...(r.subject === 'topic' ? { subject: 'topic' as const } : {}),
  };
}

/** Photo checks (`photo_checks`): one row per file; verdicts move a row only from `pending` or `held`. */
export class SqlitePhotoChecks implements PhotoCheckRepo {
  private readonly q;
  private readonly addTx;

  constructor(private readonly db: Database.Database) {
    this.q = {
      insert: db.prepare(`INSERT INTO photo_checks (id, file_id, openid, concern_id, town_id, trace_id, status, submitted_at, decided_at, subject)
        VALUES (@id, @fileId, @openid, @concernId, @townId, @traceId, @status, @submittedAt, @decidedAt, @subject) ON CONFLICT(file_id) DO NOTHING`),
      settle: db.prepare(`UPDATE photo_checks SET status = ?, decided_at = ? WHERE trace_id = ? AND status = 'pending' RETURNING *`),
      heldAll: db.prepare(`SELECT * FROM photo_checks WHERE status = 'held' ORDER BY submitted_at, id LIMIT ?`),
    };
    this.addTx = db.transaction((checks: PhotoCheck[]) => {
      for (const c of checks) this.q.insert.run({ ...c, subject: c.subject ?? null });
    });
  }

  async add(checks: PhotoCheck[]): Promise<void> {
    this.addTx.immediate(checks);
  }
  async ofFiles(fileIds: string[]): Promise<PhotoCheck[]> {
    if (fileIds.length === 0) return [];
    return (this.db.prepare(`SELECT * FROM photo_checks WHERE file_id IN (${fileIds.map(() => '?').join(',')})`).all(...fileIds) as Row[]).map(toCheck);
  }
  async ofUploader(openid: string): Promise<PhotoCheck[]> {
    return (this.db.prepare(`SELECT * FROM photo_checks WHERE openid = ? ORDER BY submitted_at, id`).all(openid) as Row[]).map(toCheck);
  }
  async settle(traceId: string, status: Moderation, at: string): Promise<PhotoCheck | null> {
    const r = this.q.settle.get(status, at, traceId) as Row | undefined;
    return r ? toCheck(r) : null;
  }
  async held(townIds: string[] | null, limit: number): Promise<PhotoCheck[]> {
    if (townIds === null) return (this.q.heldAll.all(limit) as Row[]).map(toCheck);
    if (townIds.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT * FROM photo_checks WHERE status = 'held' AND town_id IN (${townIds.map(() => '?').join(',')}) ORDER BY submitted_at, id LIMIT ?`)
      .all(...townIds, limit) as Row[];
    return rows.map(toCheck);
  }
  async decide(id: string, to: 'published' | 'rejected', at: string, townIds: string[] | null): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    const inTowns = townIds === null ? '' : ` AND town_id IN (${townIds.map(() => '?').join(',')})`;
    return this.db.prepare(`UPDATE photo_checks SET status = ?, decided_at = ? WHERE id = ? AND status = 'held'${inTowns}`).run(to, at, id, ...(townIds ?? [])).changes === 1;
  }
}
