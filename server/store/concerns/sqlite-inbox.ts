/** The inbox queries on SQLite: one index range per route node, merged; shared helpers of the concern queries. */
import type Database from 'better-sqlite3';
import type { Concern } from '../../../core/model';
import type { InboxScope, PageQuery, RouteLevel } from '../../../core/ports';
import type { Page } from '../../../core/views';
import { decodeCursor, encodeCursor } from '../../cursor';
import { toConcern } from './sqlite-concern-rows';

type Row = Record<string, unknown>;

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Inbox SQL varies only with the number of branches and the cursor: prepare each shape once. */
export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st;
}

export const LEVEL_COLUMN: Readonly<Record<RouteLevel, string>> = { town: 'town_id', village: 'village_id', cooperative: 'cooperative_id', grid: 'grid_id' };

/**
 * One WHERE per route node (and the office) of an inbox scope: each is a range of one index —
 * (level id, due_at, id) WHERE due_at IS NOT NULL for open inboxes, (level id, created_at, id) otherwise —
 * with the narrowing of an open inbox as a range on due_at or a filter on the rows of that range.
 */
function inboxBranches(scope: InboxScope): Array<{ where: string; params: unknown[] }> {
  const cols: Array<[col: string, id: string]> = scope.nodes.map((n) => [LEVEL_COLUMN[n.level], n.id]);
  if (scope.officeId !== null) cols.push(['co_office_id', scope.officeId]);
  let extra = '';
  const extraParams: unknown[] = [];
  const f = scope.openOnly ? scope.filter : undefined;
  if (f?.kind === 'due') {
    extra = ' AND due_at >= ? AND due_at < ?';
    extraParams.push(f.from, f.before);
  } else if (f?.kind === 'overdue') {
    extra = ' AND (due_at < ? OR overdue = 1)';
    extraParams.push(f.at);
  } else if (f?.kind === 'statuses') {
    extra = ` AND status IN (${f.statuses.map(() => '?').join(', ') || 'NULL'})`;
    extraParams.push(...f.statuses);
  }
  const routed = cols.map(([col, id]) => ({
    where: `${col} = ?${scope.openOnly ? ' AND due_at IS NOT NULL' : ''}${extra}`,
    params: [id, ...extraParams] as unknown[],
  }));
  if (scope.openOnly) return routed;
  // The whole inbox keeps what each node passed on, through the (node_id, created_at, concern_id) index.
  const passed = scope.nodes.map((n) => ({ where: 'id IN (SELECT concern_id FROM concern_past_nodes WHERE node_id = ?)', params: [n.id] as unknown[] }));
  return [...routed, ...passed];
}

/** The COUNT behind `countInbox`: each concern once, over the UNION of the scope's index ranges; null for an empty scope. */
export function countInboxQuery(scope: InboxScope): { sql: string; params: unknown[] } | null {
  const branches = inboxBranches(scope);
  if (branches.length === 0) return null;
  const sql = `SELECT COUNT(*) FROM (${branches.map((b) => `SELECT id FROM concerns WHERE ${b.where}`).join(' UNION ')})`;
  return { sql, params: branches.flatMap((b) => b.params) };
}

export function countInbox(db: Database.Database, scope: InboxScope): number {
  const q = countInboxQuery(scope);
  if (!q) return 0;
  const row = prepared(db, q.sql).raw().get(...q.params) as [number];
  return row[0];
}

/**
 * An inbox page: one index range per route node (and the office), each already in page order and
 * limited, merged by an outer ORDER BY … LIMIT. Open concerns come most urgent first by (due_at, id);
 * all concerns newest first by (created_at, id). Keyset cursors, never an OFFSET.
 */
export function inboxPage(db: Database.Database, scope: InboxScope, page: PageQuery): Page<Concern> {
  const branches = inboxBranches(scope);
  if (branches.length === 0) return { items: [], nextCursor: null };
  const after = page.cursor === null ? null : decodeCursor(page.cursor);
  const [key, order, cmp] = scope.openOnly ? ['due_at', 'due_at ASC, id ASC', '>'] : ['created_at', 'created_at DESC, id DESC', '<'];
  const params: unknown[] = [];
  const selects = branches.map((b) => {
    let where = b.where;
    params.push(...b.params);
    if (after) {
      where += ` AND (${key} ${cmp} ? OR (${key} = ? AND id ${cmp} ?))`;
      params.push(after.at, after.at, after.id);
    }
    params.push(page.limit + 1);
    return `SELECT * FROM (SELECT * FROM concerns WHERE ${where} ORDER BY ${order} LIMIT ?)`;
  });
  // UNION (not UNION ALL): a concern reached through two branches (its grid and its village, or a node and
  // the co-handling office) is one row before the outer LIMIT, so a page is never cut short.
  const sql = selects.length === 1 ? selects[0] : `${selects.join(' UNION ')} ORDER BY ${order} LIMIT ?`;
  if (selects.length > 1) params.push(page.limit + 1);
  const rows = (prepared(db, sql).all(...params) as Row[]).map(toConcern);
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  const last = items[items.length - 1];
  const lastKey = last ? (scope.openOnly ? last.sla.dueAt : last.createdAt) : null;
  return { items, nextCursor: more && last && lastKey !== null ? encodeCursor({ at: lastKey, id: last.id }) : null };
}
