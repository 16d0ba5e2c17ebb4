/** Open311 clients as the admin manages them (issue 19) on SQLite: listed, and revoked (never deleted). SqliteDirectory delegates here. */
import type Database from 'better-sqlite3';
import type { ApiClientRecord } from '../../../core/admin/api-client-model';
import type { ApiClient } from '../../../core/model';

type Row = Record<string, unknown>;

export const toApiClientRecord = (r: Row): ApiClientRecord => ({
  id: r.id as string,
  name: r.name as string,
  source: r.source as ApiClient['source'],
  townIds: JSON.parse(r.town_ids as string) as string[],
  reads: r.reads as ApiClient['reads'],
  requestsPerMinute: r.requests_per_minute as number,
  postsPerHour: r.posts_per_hour as number,
  createdAt: r.created_at as string,
  revokedAt: (r.revoked_at as string | null) ?? null,
});

export class SqliteApiClients {
  private readonly q;

  constructor(db: Database.Database) {
    this.q = {
      list: db.prepare(`SELECT * FROM api_clients ORDER BY created_at, id`),
      // One conditional statement: of two revocations at once, one writes.
      revoke: db.prepare(`UPDATE api_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING *`),
    };
  }

  list(): ApiClientRecord[] {
    return (this.q.list.all() as Row[]).map(toApiClientRecord);
  }
  revoke(id: string, revokedAt: string): ApiClientRecord | null {
    const r = this.q.revoke.get(revokedAt, id) as Row | undefined;
    return r ? toApiClientRecord(r) : null;
  }
}
