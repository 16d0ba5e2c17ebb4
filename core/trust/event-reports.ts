/**
 * 举报 of a volunteer event's texts (issue 15): anyone who sees a published event reports its title and
 * description for the moderators of the team's town. 保留 closes the reports; 下架 sets the event's
 * `textRemovedAt` (the texts are kept): the event itself stays — sign-ups, check-ins and hours go on — but
 * its title and description read 内容已下架 to everyone but its leaders and the town's moderators, and
 * notices name it the same way. Its author (the leader who created it) is told in 消息.
 */
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { ReportOutcome, ReportReason } from './report-model';
import { fileReport, reasonsClause } from '../concerns/report-filing';
import { oversees } from '../scope';
import { takedownNoticeId } from './takedown-notice';
import type { VolunteerCtx as Ctx } from '../volunteers/volunteer-common';
import type { VolunteerEvent } from '../volunteers/volunteer-model';
import { tidyPunctuation } from '../concerns/notice-text';

export const REMOVED_TEXT = '内容已下架';

/** The title as a notice, a list or anyone but its leaders and moderators may see it. */
export const eventTitle = (e: Pick<VolunteerEvent, 'title' | 'textRemovedAt'>): string => (e.textRemovedAt === null ? e.title : REMOVED_TEXT);

/** The event's title and description as this caller sees them (`privileged`: its leaders and moderators). */
export function shownEventTexts(e: Pick<VolunteerEvent, 'title' | 'description' | 'textRemovedAt'>, privileged: boolean): { title: string; description: string } {
  return e.textRemovedAt === null || privileged ? { title: e.title, description: e.description } : { title: REMOVED_TEXT, description: REMOVED_TEXT };
}

const townOf = (snap: DirectorySnapshot, nodeId: string): string => snap.grid.placement(nodeId).town?.id ?? nodeId;

export async function reportEvent(ctx: Ctx, eventId: string, reason: ReportReason): Promise<{ status: ReportOutcome }> {
  const { store } = ctx.deps;
  const e = await store.events.getEvent(eventId);
  const team = e ? await store.teams.getTeam(e.teamId) : null;
  if (!e || !team) throw new AppError('EVENT.NOT_FOUND', `no event ${eventId}`);
  const snap = await ctx.directory.current();
  if (e.moderation !== 'published') {
    // A held or rejected event is seen only by its leaders and moderators: to anyone else it does not exist.
    const sees = (await store.teams.isLeader(e.teamId, ctx.caller.openid)) || (ctx.caller.role === 'admin' && oversees(snap, ctx.caller, team.nodeId));
    if (!sees) throw new AppError('EVENT.NOT_FOUND', `no event ${eventId}`);
    return { status: 'under_review' };
  }
  if (e.textRemovedAt !== null) return { status: 'already' };
  return fileReport(ctx.deps, ctx.caller.openid, { kind: 'event', itemId: e.id, concernId: e.id, townId: townOf(snap, team.nodeId), reason });
}

/** The text of a reported event for 内容审核: title and description as written. */
export async function reportedEventText(ctx: Ctx, eventId: string): Promise<string | undefined> {
  const e = await ctx.deps.store.events.getEvent(eventId);
  return e ? [e.title, e.description].filter((t) => t.length > 0).join('\n') : undefined;
}

/**
 * 下架 of a reported event: the texts are taken down (once: a second run changes nothing), then its author
 * is told — with an id derived from the event, so deciding again after an interrupted run tells them once.
 */
export async function takeDownEvent(ctx: Ctx, eventId: string, reasons: readonly ReportReason[], page: string): Promise<void> {
  const { store } = ctx.deps;
  const at = ctx.deps.now().toISOString();
  await store.events.takeDownText(eventId, at);
  const e = await store.events.getEvent(eventId);
  if (!e || e.textRemovedAt === null) return;
  const why = reasonsClause(reasons);
  await store.messages.deliver({
    id: takedownNoticeId('event', eventId),
    recipientOpenid: e.createdBy,
    kind: 'content_removed',
    title: '内容已被下架',
    body: tidyPunctuation(`您发布的志愿活动标题和说明经管理员核实后已下架${why}。活动的报名、签到和工时不受影响；这段内容不再向其他人展示，您、队长和管理员仍能看到。如需补充，请另行发布不含上述问题的活动说明。`),
    page,
    createdAt: at,
    readAt: null,
  });
}
