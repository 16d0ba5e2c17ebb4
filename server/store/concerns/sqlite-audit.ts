import type Database from 'better-sqlite3';
import type { AuditEntry } from '../../../core/model';
import type { AuditFilter, AuditRepo, PageQuery } from '../../../core/ports';
import type { Page } from '../../../core/views';
import { keysetPage } from '../../sqlite-paging';

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);

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

  async list(townIds: string[] | null, page: PageQuery, filter: AuditFilter = {}): Promise<Page<AuditEntry>> {
    const where: string[] = [];
    const params: string[] = [];
    if (townIds !== null) {
      where.push(`town_id IN (${townIds.map(() => '?').join(',')})`);
      params.push(...townIds);
    }
    // Served by audit_log_actor / audit_log_action (migration 29), or the town's (town_id, created_at, id).
    if (filter.actorOpenid !== undefined) {
      where.push('actor_openid = ?');
      params.push(filter.actorOpenid);
    }
    if (filter.action !== undefined) {
      where.push('action = ?');
      params.push(filter.action);
    }
    if (filter.from !== undefined) {
      where.push('created_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('created_at < ?');
      params.push(filter.to);
    }
    if (townIds !== null && townIds.length === 0) return { items: [], nextCursor: null };
    const res = keysetPage(this.db, 'audit_log', where.length === 0 ? '1 = 1' : where.join(' AND '), params, page, toEntry);
    return { items: res.items.map(({ createdAt: _c, ...e }) => e), nextCursor: res.nextCursor };
  }
}
