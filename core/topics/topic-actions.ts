/**
 * 街坊议事 follow-through with volunteer actions (issue 21 with issue 20's actions): a decision may name a
 * volunteer team of the topic's place for a concern it files. The committee member, who handles the filed
 * concern, accepts it (签收) and starts the team's draft action for it, as `concern/startAction` would; the
 * topic then shows each concern's status and how far its action got (Decidim's accountability).
 * Everything a decision names is checked before anything is written; a retried decision accepts and starts
 * nothing twice (the request ids derive from the topic, and a concern that has an action keeps it).
 */
import { isHandler } from '../concerns/access';
import { concernActionView, type ConcernActionView } from '../volunteers/action-views';
import { startActionFor } from '../volunteers/action-service';
import { accept } from '../concerns/concern-moves';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Topic } from './topic-model';
import type { Team } from '../volunteers/volunteer-model';

/** The team nodes a topic's place may call on: the place, the village above a cooperative, the town. */
function teamNodes(snap: DirectorySnapshot, placeId: string): string[] {
  return snap.grid.lineage(placeId).filter((n) => n.kind === 'cooperative' || n.kind === 'village' || n.kind === 'town').map((n) => n.id);
}

/** The active volunteer teams a topic's committee may name in its decision. */
export async function placeTeams(deps: Deps, snap: DirectorySnapshot, placeId: string): Promise<Array<{ id: string; name: string }>> {
  const nodes = new Set(teamNodes(snap, placeId));
  return (await deps.store.teams.listTeams()).filter((team) => nodes.has(team.nodeId) && !team.archivedAt).map((team) => ({ id: team.id, name: team.name }));
}

/**
 * The teams a decision names, by the index of its concern; refuses (writing nothing) a team that does not
 * exist, is archived or serves another place, and a caller who would not handle the concern (only the
 * place's staff accept a concern and start an action).
 */
export async function decisionTeams(ctx: Ctx, snap: DirectorySnapshot, t: Topic, entries: ReadonlyArray<{ teamId?: string }>): Promise<Map<number, Team>> {
  const out = new Map<number, Team>();
  const nodes = teamNodes(snap, t.placeId);
  for (const [i, e] of entries.entries()) {
    if (e.teamId === undefined) continue;
    if (ctx.caller.role !== 'staff') throw new AppError('TOPIC.ACTION_NOT_HANDLER', 'a volunteer action is started by the staff who handle the concern');
    const team = await ctx.deps.store.teams.getTeam(e.teamId);
    if (!team) throw new AppError('TEAM.NOT_FOUND', `no team ${e.teamId}`);
    if (team.archivedAt) throw new AppError('TEAM.ARCHIVED', `team ${team.id} is archived`);
    if (!nodes.includes(team.nodeId)) throw new AppError('ACTION.TEAM_ELSEWHERE', `team ${team.id} serves another place`);
    out.set(i, team);
  }
  return out;
}

/**
 * Hands a concern the decision filed to its team: accepts it (the committee member handles it) and starts
 * the draft action. A concern that has an action already (a retried decision) is left as it is; one that
 * routing sent elsewhere (the caller does not handle it) stays with its handlers, who may start one.
 */
export async function startDecisionAction(ctx: Ctx, snap: DirectorySnapshot, t: Topic, concernId: string, index: number, team: Team): Promise<void> {
  if (await ctx.deps.store.actions.latestOf(concernId)) return;
  let c = await ctx.deps.store.concerns.get(concernId);
  if (!c || !isHandler(snap.grid, ctx.caller, c)) return;
  if (c.status === 'assigned') {
    await accept(ctx, { id: concernId, requestId: `${t.id}-a${index + 1}` });
    c = await ctx.deps.store.concerns.get(concernId);
  }
  if (!c || (c.status !== 'accepted' && c.status !== 'in_progress')) return;
  await startActionFor(ctx, snap, [c], team);
}

/** How far each linked concern's volunteer action got (null: none), one read per concern. */
export async function linkedActions(deps: Deps, concernIds: readonly string[]): Promise<Array<ConcernActionView | null>> {
  return Promise.all(concernIds.map((id) => concernActionView(deps, id)));
}
