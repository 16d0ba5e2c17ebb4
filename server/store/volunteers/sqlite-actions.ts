/**
 * The SQLite adapter of volunteer actions (core/ports.ts: ActionRepo). An open action holds each of its
 * concerns with a `vol_action_concerns` row whose `open = 1`; a partial unique index keeps a concern in at
 * most one open action, so two handlers racing to hand the same concern to a team cannot both win.
 */
import type Database from 'better-sqlite3';
import { OPEN_ACTION_STATUSES, type ActionChange, type ActionResult, type ActionStatus, type VolunteerAction } from '../../../core/volunteers/action-model';
import type { Notification } from '../../../core/model';
import type { ActionMonthCount, ActionRepo } from '../../../core/ports';
import { mergeMonthCounts } from '../../../core/volunteers/action-model';
import { outboxEnqueuer } from '../concerns/sqlite-outbox';

type Row = Record<string, unknown>;

function toAction(r: Row): VolunteerAction {
  return {
    id: r.id as string,
    teamId: r.team_id as string,
    townId: r.town_id as string,
    villageId: (r.village_id as string | null) ?? null,
    placeId: r.place_id as string,
    concernIds: JSON.parse(r.concern_ids as string) as string[],
    title: r.title as string,
    description: r.description as string,
    place: r.place as string,
    photos: JSON.parse(r.photos as string) as string[],
    status: r.status as ActionStatus,
    eventId: (r.event_id as string | null) ?? null,
    result: r.result === null ? null : (JSON.parse(r.result as string) as ActionResult),
    startedByOpenid: r.started_by_openid as string,
    startedByName: r.started_by_name as string,
    startedAt: r.started_at as string,
    startedMonth: r.started_month as string,
    resolvedMonth: (r.resolved_month as string | null) ?? null,
    concernsResolved: r.concerns_resolved as number,
    updatedAt: r.updated_at as string,
  };
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

export class SqliteActions implements ActionRepo {
  private readonly createTx;
  private readonly transitionTx;
  private readonly byId;
  constructor(private readonly db: Database.Database) {
    const enqueue = outboxEnqueuer(db);
    this.byId = db.prepare(`SELECT * FROM vol_actions WHERE id = ?`);
    const insert = db.prepare(`INSERT INTO vol_actions (id, team_id, town_id, village_id, place_id, concern_ids, title, description, place, photos, status, event_id, result,
      started_by_openid, started_by_name, started_at, started_month, resolved_month, concerns_resolved, updated_at)
      VALUES (@id, @teamId, @townId, @villageId, @placeId, @concernIds, @title, @description, @place, @photos, @status, @eventId, @result,
      @startedByOpenid, @startedByName, @startedAt, @startedMonth, @resolvedMonth, @concernsResolved, @updatedAt)`);
    const hold = db.prepare(`INSERT INTO vol_action_concerns (action_id, concern_id, started_at, open) VALUES (?, ?, ?, 1) ON CONFLICT DO NOTHING`);
    const held = db.prepare(`SELECT 1 FROM vol_action_concerns WHERE concern_id = ? AND open = 1`);
    this.createTx = db.transaction((a: VolunteerAction, notices: Notification[]): boolean => {
      if (a.concernIds.some((id) => held.get(id) !== undefined)) return false;
      insert.run({ ...a, concernIds: JSON.stringify(a.concernIds), photos: JSON.stringify(a.photos), result: a.result === null ? null : JSON.stringify(a.result) });
      for (const id of a.concernIds) hold.run(a.id, id, a.startedAt);
      enqueue(notices);
      return true;
    });
    const release = db.prepare(`UPDATE vol_action_concerns SET open = 0 WHERE action_id = ?`);
    this.transitionTx = db.transaction((id: string, from: readonly ActionStatus[], to: ActionStatus, change: ActionChange, notices: Notification[]): VolunteerAction | null => {
      const sets = ['status = ?', 'updated_at = ?'];
      const args: unknown[] = [to, change.updatedAt];
      if (change.eventId !== undefined) {
        sets.push('event_id = ?');
        args.push(change.eventId);
      }
      if (change.result !== undefined) {
        sets.push('result = ?');
        args.push(JSON.stringify(change.result));
      }
      if (change.resolved !== undefined) {
        sets.push('resolved_month = ?', 'concerns_resolved = ?');
        args.push(change.resolved.month, change.resolved.concerns);
      }
      const moved = db.prepare(`UPDATE vol_actions SET ${sets.join(', ')} WHERE id = ? AND status IN (${marks(from.length)})`).run(...args, id, ...from).changes === 1;
      if (!moved) return null;
      if (!OPEN_ACTION_STATUSES.includes(to)) release.run(id);
      enqueue(notices);
      return toAction(this.byId.get(id) as Row);
    });
  }

  async create(a: VolunteerAction, notices: Notification[]): Promise<boolean> {
    try {
      return this.createTx.immediate(a, notices);
    } catch (e) {
      // The unique index on open holds: a concurrent writer took one of the concerns first.
      if (e instanceof Error && /UNIQUE constraint failed: vol_action_concerns/.test(e.message)) return false;
      throw e;
    }
  }
  async get(id: string): Promise<VolunteerAction | null> {
    const r = this.byId.get(id) as Row | undefined;
    return r ? toAction(r) : null;
  }
  async latestOf(concernId: string): Promise<VolunteerAction | null> {
    const r = this.db
      .prepare(`SELECT a.* FROM vol_action_concerns l JOIN vol_actions a ON a.id = l.action_id WHERE l.concern_id = ? ORDER BY l.started_at DESC, a.id DESC LIMIT 1`)
      .get(concernId) as Row | undefined;
    return r ? toAction(r) : null;
  }
  async ofEvent(eventId: string): Promise<VolunteerAction | null> {
    const r = this.db.prepare(`SELECT * FROM vol_actions WHERE event_id = ?`).get(eventId) as Row | undefined;
    return r ? toAction(r) : null;
  }
  async listOfTeams(teamIds: string[], statuses: readonly ActionStatus[]): Promise<VolunteerAction[]> {
    if (teamIds.length === 0 || statuses.length === 0) return [];
    const sql = `SELECT * FROM vol_actions WHERE team_id IN (${marks(teamIds.length)}) AND status IN (${marks(statuses.length)}) ORDER BY started_at, id`;
    return (this.db.prepare(sql).all(...teamIds, ...statuses) as Row[]).map(toAction);
  }
  async transition(id: string, from: readonly ActionStatus[], to: ActionStatus, change: ActionChange, notices: Notification[]): Promise<VolunteerAction | null> {
    if (from.length === 0) return null;
    return this.transitionTx.immediate(id, from, to, change, notices);
  }
  async monthlyCounts(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<ActionMonthCount[]> {
    const { fromMonth, toMonth, townIds } = query;
    if (townIds !== null && townIds.length === 0) return [];
    const towns = townIds === null ? '' : ` AND town_id IN (${marks(townIds.length)})`;
    const args = [fromMonth, toMonth, ...(townIds ?? [])];
    const started = this.db.prepare(`SELECT village_id AS v, started_month AS m, COUNT(*) AS n FROM vol_actions WHERE started_month BETWEEN ? AND ?${towns} GROUP BY village_id, started_month`).all(...args) as Row[];
    const resolved = this.db
      .prepare(`SELECT village_id AS v, resolved_month AS m, SUM(concerns_resolved) AS n FROM vol_actions WHERE resolved_month BETWEEN ? AND ?${towns} GROUP BY village_id, resolved_month`)
      .all(...args) as Row[];
    return mergeMonthCounts(
      started.map((r) => ({ villageId: (r.v as string | null) ?? null, month: r.m as string, n: Number(r.n) })),
      resolved.map((r) => ({ villageId: (r.v as string | null) ?? null, month: r.m as string, n: Number(r.n) })),
    );
  }
}
