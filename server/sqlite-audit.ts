import type Database from 'better-sqlite3';
import type { AuditEntry } from '../core/model';
import type { AuditRepo, PageQuery } from '../core/ports';
import type { Page } from '../core/views';
import { keysetPage } from './sqlite-paging';

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toEntry(r: Row): AuditEntry & { createdAt: string } {
  return {
    id: r.id as string,
    at: r.created_at as string,
    createdAt: r.created_at as string,
    actorOpenid: r.actor_openid as string,
    actorName: r.actor_name as string,
    actorRole: r.actor_role as AuditEntry['actorRole'],
    nodeId: s(r.node_id),
    townId: s(r.town_id),
    action: r.action as string,
    targetId: s(r.target_id),
    outcome: r.outcome as string,
  };
}

/** The audit log on SQLite; triggers refuse any UPDATE or DELETE of a row. */
export class SqliteAudit implements AuditRepo {
  private readonly insert;
  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO audit_log (id, created_at, actor_openid, actor_name, actor_role, node_id, town_id, action, target_id, outcome)
      VALUES (@id, @at, @actorOpenid, @actorName, @actorRole, @nodeId, @townId, @action, @targetId, @outcome)`);
  }

  async append(entry: AuditEntry): Promise<void> {
    this.insert.run(entry);
  }

  async list(townIds: string[] | null, page: PageQuery): Promise<Page<AuditEntry>> {
    const table = 'audit_log';
    const res =
      townIds === null
        ? keysetPage(this.db, table, '1 = 1', [], page, toEntry)
        : keysetPage(this.db, table, `town_id IN (${townIds.map(() => '?').join(',')})`, townIds, page, toEntry);
    return { items: res.items.map(({ createdAt: _c, ...e }) => e), nextCursor: res.nextCursor };
  }
}
