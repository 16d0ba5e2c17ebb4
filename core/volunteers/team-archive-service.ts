/**
 * `team/archive` (issue 19): the town's admin archives a volunteer team that has stopped. Its events that
 * have not started are called off, with a notice to everyone holding a place or waiting; events under way
 * run to their end. The team, its members, events, sign-ups and hours stay: it leaves the 加入 lists
 * (team/list) and takes no application or new event, and its members still find it in 我的志愿.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { eventTitle } from '../trust/event-reports';
import { AppError } from '../errors';
import type { ParsedInputOf } from '../schemas';
import { oversees } from '../scope';
import type { TeamArchiveResult } from '../directory/roster-views';
import { beijingTime } from '../beijing';
import { EVENT_PAGE } from './volunteer-common';
import { onTeamArchived } from './action-service';

/** The reason every called-off event carries: fixed text of the town, so nothing to hold for review. */
export const ARCHIVE_REASON = '志愿队已撤销';

export async function archive(ctx: Ctx, input: ParsedInputOf<'team/archive'>): Promise<TeamArchiveResult> {
  const snap = await ctx.directory.current();
  const { teams, events } = ctx.deps.store;
  const team = await teams.getTeam(input.teamId);
  if (!team || !oversees(snap, ctx.caller, team.nodeId)) throw new AppError('TEAM.NOT_FOUND', `no team ${input.teamId} in your town`);
  const at = ctx.deps.now().toISOString();
  // Archived first: from here on no leader creates an event nor anyone applies, so the sweep below is complete.
  // A repeated call (a retry after a crash in the sweep) finds it archived and sweeps what is left.
  await teams.archiveTeam(team.id, at);
  const archivedAt = (await teams.getTeam(team.id))?.archivedAt ?? at;
  const cancelled: TeamArchiveResult['cancelledEvents'] = [];
  for (const e of await events.listEvents([team.id], at)) {
    if (e.status !== 'open' || e.startAt <= at) continue;
    const notice = { id: ctx.deps.newId('n'), kind: 'event_cancelled' as const, title: '活动已取消', body: `「${eventTitle(e)}」（${beijingTime(e.startAt)}）已取消：${ARCHIVE_REASON}。`, page: EVENT_PAGE(e.id), createdAt: at };
    const notified = await events.cancelEvent(e.id, { reason: ARCHIVE_REASON, moderation: 'published', at }, notice);
    if (notified !== null) cancelled.push({ id: e.id, title: eventTitle(e), startAt: e.startAt, notified });
  }
  // Issue 20: its volunteer actions that cannot go on any more give their concerns back to the handlers.
  await onTeamArchived(ctx, team.id);
  return { teamId: team.id, archivedAt, cancelledEvents: cancelled };
}
