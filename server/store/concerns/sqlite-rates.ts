/**
 * SQLite `rateCounts`: one statement. Candidates are the concerns created in the months asked that sit
 * under the node now (its level index) or that the node passed on (concern_past_nodes' (node, created_at)
 * index) — a node that accepted or resolved a concern and passed it on is in its past nodes. Each candidate
 * is then counted in three parts, each under the route it is credited to (see rate-credit.ts), and only
 * the parts credited under the node are summed. An office's counts are its co-handled concerns, credited
 * the same way but all kept.
 */
import { beijingMonthSpan } from '../../../core/beijing';
import type Database from 'better-sqlite3';
import type { RateCounts, RateQuery, RouteLevel } from '../../../core/ports';
import { mergeRateRows } from '../../rate-credit';

type Row = Record<string, unknown>;

const COLUMN: Readonly<Record<RouteLevel, 'town_id' | 'village_id' | 'cooperative_id' | 'grid_id'>> = { town: 'town_id', village: 'village_id', cooperative: 'cooperative_id', grid: 'grid_id' };
const KEYS = [
  ['town_id', 'townId'],
  ['village_id', 'villageId'],
  ['cooperative_id', 'cooperativeId'],
  ['grid_id', 'gridId'],
] as const;

/** The route columns of a part: the credit stored in the sla JSON when it is there, else the current route. */
function credited(path: '$.acceptedBy' | '$.resolvedBy'): string {
  return KEYS.map(([col, key]) => `CASE WHEN json_type(sla, '${path}') = 'object' THEN json_extract(sla, '${path}.${key}') ELSE ${col} END AS ${col}`).join(', ');
}

const TALLIES = `status, first_response, rating_value, overdue, strftime('%Y-%m', created_at, '+8 hours') AS month`;

export function sqliteRateCounts(db: Database.Database, query: RateQuery): RateCounts[] {
  const { from, until: to } = beijingMonthSpan(query.fromMonth, query.toMonth);
  const office = 'officeId' in query;
  const candidates = office
    ? { where: 'co_office_id = ? AND created_at >= ? AND created_at < ?', params: [query.officeId, from, to] }
    : {
        where: `(${COLUMN[query.node.level]} = ? OR id IN (SELECT concern_id FROM concern_past_nodes WHERE node_id = ? AND created_at >= ? AND created_at < ?)) AND created_at >= ? AND created_at < ?`,
        params: [query.node.id, query.node.id, from, to, from, to],
      };
  const keep = office ? '1 = 1' : `${COLUMN[query.node.level]} = ?`;
  const rows = db
    .prepare(
      `WITH c AS (SELECT * FROM concerns WHERE ${candidates.where}),
      parts AS (
        SELECT 'held' AS part, ${TALLIES}, town_id, village_id, cooperative_id, grid_id FROM c
        UNION ALL SELECT 'accepted', ${TALLIES}, ${credited('$.acceptedBy')} FROM c
        UNION ALL SELECT 'resolved', ${TALLIES}, ${credited('$.resolvedBy')} FROM c
      )
      SELECT month, town_id, village_id, cooperative_id, grid_id,
        SUM(part = 'held' AND status != 'withdrawn') AS total,
        SUM(part = 'accepted' AND first_response != 'pending') AS response_decided,
        SUM(part = 'accepted' AND first_response = 'in_time') AS responded_in_time,
        SUM(part = 'resolved' AND status IN ('resolved', 'closed')) AS resolved,
        SUM(part = 'held' AND rating_value IS NOT NULL) AS rated,
        SUM(part = 'held' AND COALESCE(rating_value IN ('satisfied', 'basically_satisfied'), 0)) AS satisfied,
        SUM(part = 'held' AND overdue) AS overdue
      FROM parts WHERE ${keep}
      GROUP BY month, town_id, village_id, cooperative_id, grid_id`,
    )
    .all(...candidates.params, ...(office ? [] : [query.node.id])) as Row[];
  const str = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);
  const counts = rows.map((r) => ({
    month: String(r.month),
    townId: String(r.town_id),
    villageId: str(r.village_id),
    cooperativeId: str(r.cooperative_id),
    gridId: str(r.grid_id),
    total: Number(r.total),
    responseDecided: Number(r.response_decided),
    respondedInTime: Number(r.responded_in_time),
    resolved: Number(r.resolved),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
    overdue: Number(r.overdue),
  }));
  // A (month, route) whose every part is zero was only a candidate (e.g. passed on before any work).
  return mergeRateRows(counts).filter((r) => r.total + r.responseDecided + r.resolved > 0);
}
