import type { AuditEntry } from '../../../core/model';
import type { AuditFilter, AuditRepo, PageQuery } from '../../../core/ports';
import type { Page } from '../../../core/views';
import type { CloudbaseDb, Filter, StoredDoc } from '../../cloudbase/db';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : `${v as string | number}`);

function toEntry(d: StoredDoc): AuditEntry {
  return {
    id: d._id,
    at: String(d.createdAt),
    actorOpenid: String(d.actorOpenid),
    actorName: String(d.actorName),
    actorRole: d.actorRole as AuditEntry['actorRole'],
    nodeId: str(d.nodeId),
    townId: str(d.townId),
    action: String(d.action),
    targetId: str(d.targetId),
    outcome: String(d.outcome),
  };
}

/**
 * The audit log on CloudBase: append-only. This class adds documents and reads them; it has no code
 * path that updates or removes one, and the collection's security rule (cloudbase/collections/
 * audit_log.json) refuses every client read and write, so only the functions' server SDK reaches it.
 * `at` is stored as `createdAt`, so the log pages like every other newest-first list.
 */
export class CloudbaseAudit implements AuditRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async append(entry: AuditEntry): Promise<void> {
    const { id, at, ...rest } = entry;
    await this.cb.add('audit_log', { _id: id, createdAt: at, ...rest });
  }

  async list(townIds: string[] | null, page: PageQuery, filter: AuditFilter = {}): Promise<Page<AuditEntry>> {
    if (townIds !== null && townIds.length === 0) return { items: [], nextCursor: null };
    const _ = this.cb._;
    const where: Filter = townIds === null ? {} : { townId: townIds.length === 1 ? townIds[0] : _.in(townIds) };
    // Indexes: actor_page (actorOpenid, createdAt, _id), action_page (action, createdAt, _id), or the town's page.
    if (filter.actorOpenid !== undefined) where.actorOpenid = filter.actorOpenid;
    if (filter.action !== undefined) where.action = filter.action;
    if (filter.from !== undefined && filter.to !== undefined) where.createdAt = _.gte(filter.from).and(_.lt(filter.to));
    else if (filter.from !== undefined) where.createdAt = _.gte(filter.from);
    else if (filter.to !== undefined) where.createdAt = _.lt(filter.to);
    return this.cb.page('audit_log', where, page, toEntry);
  }
}
