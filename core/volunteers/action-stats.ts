/**
 * The volunteer numbers of 办理统计 (issue 20 item 6), per village and month: volunteer actions started from
 * concerns, concerns resolved with an action's result, confirmed volunteer hours, and points earned and
 * redeemed. Shown beside the rates to staff and admins of a grid node (an office has no villages), for the
 * villages under their node (or their own village, for a cooperative's or grid's staff).
 */
import type { DirectorySnapshot } from '../directory/directory';
import type { Caller } from '../model';
import type { ParsedInputOf } from '../schemas';
import { monthOf, rates } from '../concerns/stats';
import type { ConcernCtx } from '../concerns/concern-ctx';
import type { RatesView } from '../views';
import { beijingMonthStart } from '../beijing';

export interface VolunteerMonthRow {
  month: string;
  villageId: string;
  villageName: string;
  actionsStarted: number;
  concernsResolvedByAction: number;
  /** Confirmed minutes of events that started in the month. */
  volunteerMinutes: number;
  pointsEarned: number;
  pointsRedeemed: number;
}

export type RatesWithVolunteers = RatesView & { volunteer: VolunteerMonthRow[] };

/** The villages a caller's numbers cover: those under their node, or the one their node lies in. */
function villagesOf(snap: DirectorySnapshot, caller: Caller): string[] {
  if (caller.nodeId === null || !snap.grid.get(caller.nodeId)) return [];
  const own = snap.grid.lineage(caller.nodeId).find((n) => n.kind === 'village');
  if (own) return [own.id];
  const out: string[] = [];
  const walk = (id: string) => {
    for (const c of snap.grid.children(id)) {
      if (c.kind === 'village') out.push(c.id);
      else if (c.kind === 'town' || c.kind === 'district') walk(c.id);
    }
  };
  walk(caller.nodeId);
  return out;
}

const villageOf = (snap: DirectorySnapshot, nodeId: string | null) => (nodeId === null ? null : snap.grid.lineage(nodeId).find((n) => n.kind === 'village')?.id ?? null);

/** The rates of stats/rates with the volunteer numbers of the same months. */
export async function ratesWithVolunteers(ctx: ConcernCtx, input: ParsedInputOf<'stats/rates'>): Promise<RatesWithVolunteers> {
  const view = await rates(ctx, input);
  if (view.node.kind === 'office') return { ...view, volunteer: [] };
  const snap = await ctx.directory.current();
  const villages = new Set(villagesOf(snap, ctx.caller));
  if (villages.size === 0) return { ...view, volunteer: [] };
  const months = view.months;
  const span = { fromMonth: months[months.length - 1], toMonth: months[0] };
  const towns = [...new Set([...villages].map((v) => snap.grid.placement(v).town?.id).filter((t): t is string => t !== undefined))];
  const { store } = ctx.deps;
  const teams = (await store.teams.listTeams()).filter((t) => villages.has(villageOf(snap, t.nodeId) ?? ''));
  const [actions, points, events] = await Promise.all([
    store.actions.monthlyCounts({ ...span, townIds: towns }),
    store.points.monthlyTotals({ ...span, townIds: towns }),
    store.events.listEvents(teams.map((t) => t.id), beijingMonthStart(span.fromMonth)),
  ]);
  const teamVillage = new Map(teams.map((t) => [t.id, villageOf(snap, t.nodeId)!]));
  const rows = new Map<string, VolunteerMonthRow>();
  const rowOf = (month: string, villageId: string | null) => {
    if (villageId === null || !villages.has(villageId) || !months.includes(month)) return null;
    const key = `${month}\n${villageId}`;
    return rows.get(key) ?? rows.set(key, { month, villageId, villageName: snap.grid.get(villageId)?.name ?? villageId, actionsStarted: 0, concernsResolvedByAction: 0, volunteerMinutes: 0, pointsEarned: 0, pointsRedeemed: 0 }).get(key)!;
  };
  for (const a of actions) {
    const r = rowOf(a.month, a.villageId);
    if (r) {
      r.actionsStarted += a.started;
      r.concernsResolvedByAction += a.concernsResolved;
    }
  }
  for (const p of points) {
    const r = rowOf(p.month, villageOf(snap, p.nodeId));
    if (r) {
      r.pointsEarned += p.earned;
      r.pointsRedeemed += p.redeemed;
    }
  }
  const ended = events.filter((e) => e.status === 'open' && Date.parse(e.endAt) <= ctx.deps.now().getTime());
  const signUps = await Promise.all(ended.map((e) => store.events.listSignUps(e.id)));
  ended.forEach((e, i) => {
    const r = rowOf(monthOf(e.startAt), teamVillage.get(e.teamId) ?? null);
    if (r) r.volunteerMinutes += signUps[i].reduce((sum, s) => sum + (s.status === 'signed' ? s.confirmedMinutes ?? 0 : 0), 0);
  });
  const order = (x: VolunteerMonthRow, y: VolunteerMonthRow) => (x.month === y.month ? x.villageName.localeCompare(y.villageName, 'zh') : x.month < y.month ? 1 : -1);
  return { ...view, volunteer: [...rows.values()].sort(order) };
}
