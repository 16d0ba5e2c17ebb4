import type Database from 'better-sqlite3';
import type { PageQuery } from '../core/ports';
import type { Page } from '../core/views';
import { decodeCursor, encodeCursor } from './cursor';

type Row = Record<string, unknown>;

/**
 * Keyset paging, newest first, over a table with `created_at` and `id` columns: the rows strictly below
 * the cursor's (created_at, id), never an OFFSET scan. `where` must not be empty.
 */
export function keysetPage<T extends { createdAt: string; id: string }>(
  db: Database.Database,
  table: string,
  where: string,
  params: readonly unknown[],
  page: PageQuery,
  map: (r: Row) => T,
): Page<T> {
  const after = page.cursor === null ? null : decodeCursor(page.cursor);
  const sql = `SELECT * FROM ${table} WHERE (${where})${after ? ' AND (created_at < ? OR (created_at = ? AND id < ?))' : ''}
    ORDER BY created_at DESC, id DESC LIMIT ?`;
  const args = after ? [...params, after.at, after.at, after.id, page.limit + 1] : [...params, page.limit + 1];
  const rows = (db.prepare(sql).all(...args) as Row[]).map(map);
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null };
}
