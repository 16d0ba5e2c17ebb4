/**
 * Teams propose (issue 20, item 3): a team's leader flags a place as 需要整治 from one of the team's events.
 * The flag becomes a concern of the team's village or cooperative, filed by the leader's own account as a
 * resident report with `source: 'team'`, so work found in the field enters the same cycle: it is routed,
 * clocked, checked and notified exactly as concern/submit, and its timeline says 志愿服务队发现.
 */
import { submitFiled } from '../concerns/concern-intake';
import type { ConcernCtx } from '../concerns/concern-ctx';
import { AppError } from '../errors';
import type { ParsedInputOf } from '../schemas';
import type { ConcernDetail } from '../views';

/** The category a flag is filed under unless the leader names another of the town's. */
export const FLAG_CATEGORY = 'environment';

export async function flagPlace(ctx: ConcernCtx, input: ParsedInputOf<'event/flagPlace'>): Promise<ConcernDetail> {
  const { store } = ctx.deps;
  const e = await store.events.getEvent(input.eventId);
  if (!e) throw new AppError('EVENT.NOT_FOUND', `no event ${input.eventId}`);
  // Only a leader of the event's team: anyone else, member or staff, is refused and nothing is written.
  if (!(await store.teams.isLeader(e.teamId, ctx.caller.openid))) throw new AppError('AUTH.FORBIDDEN', 'only the team leader may do this');
  const team = await store.teams.getTeam(e.teamId);
  if (!team) throw new AppError('EVENT.NOT_FOUND', `event ${e.id} has no team`);
  if (team.archivedAt) throw new AppError('TEAM.ARCHIVED', `team ${team.id} is archived`);
  if (e.status !== 'open') throw new AppError('EVENT.CANCELLED', 'the event is cancelled');
  const { eventId: _eventId, category, ...report } = input;
  return submitFiled(
    ctx,
    // The team's village or cooperative (the town, for a town-wide team) is the place; a location narrows it.
    { ...report, category: category ?? FLAG_CATEGORY, placeId: team.nodeId },
    { source: 'team', note: `志愿服务队发现：${team.name}` },
  );
}
