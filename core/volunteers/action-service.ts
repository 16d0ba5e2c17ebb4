/**
 * Volunteer actions (志愿行动, issue 20): a concern's handler hands concerns of one place to a volunteer
 * team; the leader schedules an event for it (event/create with `actionId`), records the result once the
 * hours are confirmed, and the handlers resolve the concerns with it in one step. The concerns keep their
 * status and SLA clocks throughout: the committee stays accountable. Every step is a timeline event of each
 * concern, so the resident follows it; residents see the team, never a volunteer.
 */
import { isHandler } from '../concerns/access';
import type { ActionStatus, VolunteerAction } from './action-model';
import type { EventDetail, TeamDetail } from '../views';
import { actionView, type ActionView } from './action-views';
import * as concernAct from '../concerns/concern-act';
import * as concernMoves from '../concerns/concern-moves';
import { moderate } from '../trust/content';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Concern, ConcernEvent, Notification, NotificationKind } from '../model';
import { snippet, toStaff } from '../concerns/notices';
import { checkPhotos, submitPhotoChecks } from '../concerns/photos';
import { awardReport } from '../points/points-service';
import type { ParsedInputOf } from '../schemas';
import { scrubPersonal } from '../trust/scrub';
import { monthOf } from '../concerns/stats';
import * as volunteerCommon from './volunteer-common';
import * as volunteerEvents from './volunteer-events';
import * as volunteerTeams from './volunteer-teams';
import { beijingTime } from '../beijing';
import { placeName, TEAM_PAGE, type VolunteerCtx } from './volunteer-common';
import type { Team, VolunteerEvent } from './volunteer-model';
import { tidyPunctuation } from '../concerns/notice-text';

type Ctx = VolunteerCtx;

/** A concern is handed to a team once accepted (签收) and until it is resolved. */
const OPEN_FOR_ACTION: ReadonlySet<Concern['status']> = new Set(['accepted', 'in_progress']);
const DESCRIPTION_MAX = 500;
const TITLE_MAX = 40;
/** How often a timeline entry is retried when the concern changed under it. */
const TIMELINE_ATTEMPTS = 4;

/** The village or cooperative a concern belongs to (the town when it has neither). */
const placeOf = (c: Concern) => c.route.cooperativeId ?? c.route.villageId ?? c.route.townId;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

async function getTeam(ctx: Ctx, id: string): Promise<Team> {
  const team = await ctx.deps.store.teams.getTeam(id);
  if (!team) throw new AppError('TEAM.NOT_FOUND', `no team ${id}`);
  return team;
}

async function getAction(ctx: Ctx, id: string): Promise<VolunteerAction> {
  const a = await ctx.deps.store.actions.get(id);
  if (!a) throw new AppError('ACTION.NOT_FOUND', `no action ${id}`);
  return a;
}

/** The concerns of an action as stored now (a concern removed meanwhile is left out). */
async function concernsOf(ctx: Ctx, a: VolunteerAction): Promise<Concern[]> {
  const got = await Promise.all(a.concernIds.map((id) => ctx.deps.store.concerns.get(id)));
  return got.filter((c): c is Concern => c !== null);
}

/**
 * Adds one event to a concern's timeline without moving it: status, route and clocks stay as they are.
 * Retried on a concurrent change (the version moved on); a concern gone meanwhile is skipped.
 */
async function appendTimeline(ctx: Ctx, concernId: string, type: string, note: string, teamName: string): Promise<void> {
  const { store } = ctx.deps;
  // A leader is a volunteer: the timeline names the team for their steps, never the person (issue 20).
  const actorName = ctx.caller.role === 'resident' ? teamName : ctx.caller.name;
  for (let attempt = 1; attempt <= TIMELINE_ATTEMPTS; attempt++) {
    const c = await store.concerns.get(concernId);
    if (!c) return;
    const at = ctx.deps.now().toISOString();
    const ev: ConcernEvent = { id: ctx.deps.newId('e'), concernId, type, actorOpenid: ctx.caller.openid, actorName, actorRole: ctx.caller.role, at, fromStatus: c.status, toStatus: c.status, note };
    if (await store.concerns.commit(concernId, c.version, { patch: { updatedAt: at }, events: [ev], messages: [], requestId: null, notifications: [] })) return;
  }
  throw new AppError('CONCERN.CONFLICT', `concern ${concernId} is busy, try again`);
}

async function appendToAll(ctx: Ctx, a: VolunteerAction, type: string, note: string): Promise<void> {
  const teamName = (await ctx.deps.store.teams.getTeam(a.teamId))?.name ?? '志愿服务队';
  for (const id of a.concernIds) await appendTimeline(ctx, id, type, note, teamName);
}

/** Notices to the handlers of the action's concerns, each person once. */
async function toHandlers(ctx: Ctx, cs: Concern[], kind: NotificationKind, title: string, body: string): Promise<Notification[]> {
  const at = ctx.deps.now().toISOString();
  const seen = new Set<string>();
  const out: Notification[] = [];
  for (const c of cs) {
    const staff = (await concernAct.staffOn(ctx.deps, c)).filter((s) => !seen.has(s.openid) && seen.add(s.openid));
    out.push(...toStaff(ctx.deps, staff, ctx.caller.openid, kind, title, c, body, at));
  }
  return out;
}

async function isLeaderOf(ctx: Ctx, teamId: string): Promise<boolean> {
  return ctx.deps.store.teams.isLeader(teamId, ctx.caller.openid);
}

async function handlesAny(ctx: Ctx, snap: DirectorySnapshot, a: VolunteerAction): Promise<Concern[]> {
  return (await concernsOf(ctx, a)).filter((c) => isHandler(snap.grid, ctx.caller, c));
}

async function view(ctx: Ctx, a: VolunteerAction, mayReadHeld: boolean): Promise<ActionView> {
  const team = await ctx.deps.store.teams.getTeam(a.teamId);
  return actionView(a, team?.name ?? '', mayReadHeld);
}

/** The draft's description: each published report, scrubbed of its reporter's personal data. */
async function draftDescription(ctx: Ctx, cs: Concern[]): Promise<string> {
  const users = await Promise.all(cs.map((c) => ctx.deps.store.directory.findUser(c.reporterOpenid)));
  const lines = cs.map((c, i) => (c.moderation === 'published' ? `· ${scrubPersonal(c.description, users[i] ? [users[i].name] : [])}` : '· （该反映内容正在审核）'));
  return truncate(lines.join('\n'), DESCRIPTION_MAX);
}

// ---- concern/startAction ----------------------------------------------------------------------

export async function startAction(ctx: Ctx, input: ParsedInputOf<'concern/startAction'>): Promise<ActionView> {
  const snap = await ctx.directory.current();
  const ids = [...new Set(input.ids)];
  const cs: Concern[] = [];
  for (const id of ids) {
    const c = await ctx.deps.store.concerns.get(id);
    // Only the concern's handlers may hand it on; to anyone else it does not exist.
    if (!c || !isHandler(snap.grid, ctx.caller, c)) throw new AppError('CONCERN.NOT_FOUND', `no concern ${id} for this caller`);
    if (!OPEN_FOR_ACTION.has(c.status)) throw new AppError('ACTION.CONCERN_NOT_OPEN', `concern ${id} is ${c.status}`);
    cs.push(c);
  }
  const placeId = placeOf(cs[0]);
  if (cs.some((c) => placeOf(c) !== placeId)) throw new AppError('ACTION.PLACES_DIFFER', 'the concerns belong to different places');
  return startActionFor(ctx, snap, cs, await getTeam(ctx, input.teamId));
}

/**
 * Starts a draft action of `team` for concerns of one place the caller handles, already checked open for
 * an action (startAction above; a topic's decision, core/topics/topic-actions.ts). Refuses a team of another place.
 */
export async function startActionFor(ctx: Ctx, snap: DirectorySnapshot, cs: Concern[], team: Team): Promise<ActionView> {
  // An archived team (team/archive) takes nothing new: its leaders could not schedule the draft.
  if (team.archivedAt) throw new AppError('TEAM.ARCHIVED', `team ${team.id} is archived`);
  const placeId = placeOf(cs[0]);
  const ids = cs.map((c) => c.id);
  const { route } = cs[0];
  if (![route.cooperativeId, route.villageId, route.townId].includes(team.nodeId)) throw new AppError('ACTION.TEAM_ELSEWHERE', `team ${team.id} serves another place`);
  const at = ctx.deps.now().toISOString();
  const where = placeName(snap, placeId) || snap.grid.get(placeId)?.name || '';
  const action: VolunteerAction = {
    id: ctx.deps.newId('va'),
    teamId: team.id,
    townId: route.townId,
    villageId: route.villageId,
    placeId,
    concernIds: ids,
    title: truncate(`人居环境整治：${where}`, TITLE_MAX),
    description: await draftDescription(ctx, cs),
    place: where,
    // Photos of published reports only: a held report's photos stay with its handlers.
    photos: cs.filter((c) => c.moderation === 'published').flatMap((c) => c.photos).slice(0, 9),
    status: 'draft',
    eventId: null,
    result: null,
    startedByOpenid: ctx.caller.openid,
    startedByName: ctx.caller.name,
    startedAt: at,
    startedMonth: monthOf(at),
    resolvedMonth: null,
    concernsResolved: 0,
    updatedAt: at,
  };
  const leaders = await ctx.deps.store.teams.leaders(team.id);
  const body = snippet(`${ctx.caller.name}请${team.name}协助：${action.title}，共${ids.length}条反映，请安排时间`);
  const notices = leaders.map((l): Notification => ({ id: ctx.deps.newId('n'), recipientOpenid: l.openid, kind: 'action_started', title: '新的志愿行动待安排', body: tidyPunctuation(body), page: TEAM_PAGE(team.id), createdAt: at }));
  if (!(await ctx.deps.store.actions.create(action, notices))) throw new AppError('ACTION.CONCERN_TAKEN', 'a concern is already with a volunteer action');
  await appendToAll(ctx, action, 'action_started', `已交由${team.name}处理`);
  return actionView(action, team.name, true);
}

// ---- scheduling (event/create with actionId) ----------------------------------------------------

/** Refuses a schedule of an action that is not this team's draft; writes nothing. */
export async function draftToSchedule(ctx: Ctx, actionId: string, teamId: string): Promise<VolunteerAction> {
  const a = await getAction(ctx, actionId);
  if (a.teamId !== teamId) throw new AppError('ACTION.NOT_FOUND', `no action ${actionId} for team ${teamId}`);
  if (a.status !== 'draft') throw new AppError('ACTION.WRONG_STEP', `action ${actionId} is ${a.status}`);
  return a;
}

/** Links the event to the draft (draft → scheduled), then tells the residents through the timeline. */
export async function scheduleAction(ctx: Ctx, a: VolunteerAction, e: Pick<VolunteerEvent, 'id' | 'startAt'>, teamName: string): Promise<void> {
  const done = await ctx.deps.store.actions.transition(a.id, ['draft'], 'scheduled', { eventId: e.id, updatedAt: ctx.deps.now().toISOString() }, []);
  if (!done) throw new AppError('ACTION.WRONG_STEP', `action ${a.id} was scheduled meanwhile`);
  await appendToAll(ctx, done, 'action_scheduled', `${teamName}定于${beijingTime(e.startAt)}开展志愿行动`);
}

// ---- event/recordResult -----------------------------------------------------------------------

export async function recordResult(ctx: Ctx, input: ParsedInputOf<'event/recordResult'>): Promise<ActionView> {
  const { store } = ctx.deps;
  const e = await store.events.getEvent(input.eventId);
  if (!e) throw new AppError('EVENT.NOT_FOUND', `no event ${input.eventId}`);
  if (!(await isLeaderOf(ctx, e.teamId))) throw new AppError('AUTH.FORBIDDEN', 'only the team leader may do this');
  const a = await store.actions.ofEvent(e.id);
  if (!a) throw new AppError('ACTION.NOT_FOUND', `event ${e.id} serves no volunteer action`);
  if (a.status !== 'scheduled') throw new AppError('ACTION.WRONG_STEP', `action ${a.id} is ${a.status}`);
  if (e.status !== 'open') throw new AppError('EVENT.CANCELLED', 'the event is cancelled');
  if (ctx.deps.now().getTime() < Date.parse(e.endAt)) throw new AppError('EVENT.NOT_ENDED', 'the result is recorded after the event ends');
  // 谁组织谁记录: the hours are certified first (a leader's own place is a co-leader's to confirm).
  const unconfirmed = (await store.events.listSignUps(e.id)).filter((s) => s.status === 'signed' && s.openid !== ctx.caller.openid && s.confirmedMinutes === null);
  if (unconfirmed.length > 0) throw new AppError('ACTION.HOURS_UNCONFIRMED', `${unconfirmed.length} places have no confirmed hours`);
  const photos = input.photos ?? [];
  await checkPhotos(ctx.deps, ctx.caller.openid, photos);
  const moderation = await moderate(ctx.deps, ctx.caller, input.text);
  const cs = await concernsOf(ctx, a);
  if (cs.length > 0) await submitPhotoChecks(ctx.deps, ctx.caller, photos, { concernId: cs[0].id, townId: a.townId });
  const at = ctx.deps.now().toISOString();
  const team = await getTeam(ctx, a.teamId);
  const notices = await toHandlers(ctx, cs, 'action_reported', '志愿行动已完成', snippet(`${team.name}已完成「${a.title}」，请查看结果并办结`));
  const done = await store.actions.transition(a.id, ['scheduled'], 'reported', { result: { text: input.text, moderation, photos, at, byName: ctx.caller.name }, updatedAt: at }, notices);
  if (!done) throw new AppError('ACTION.WRONG_STEP', `action ${a.id} moved on meanwhile`);
  await appendToAll(ctx, done, 'action_reported', `${team.name}已完成志愿行动，等待经办人办结`);
  return actionView(done, team.name, true);
}

// ---- concern/resolveFromAction ------------------------------------------------------------------

export async function resolveFromAction(ctx: Ctx, input: ParsedInputOf<'concern/resolveFromAction'>): Promise<ActionView> {
  const snap = await ctx.directory.current();
  const a = await getAction(ctx, input.id);
  const mine = await handlesAny(ctx, snap, a);
  // Someone who handles none of its concerns is told it does not exist.
  if (mine.length === 0) throw new AppError('ACTION.NOT_FOUND', `no action ${input.id} for this caller`);
  if (a.status !== 'reported' || a.result === null) throw new AppError('ACTION.WRONG_STEP', `action ${a.id} is ${a.status}`);
  if (a.result.moderation !== 'published') throw new AppError('ACTION.RESULT_UNDER_REVIEW', 'the result waits for the content review');
  const team = await getTeam(ctx, a.teamId);
  // The resident reads the team's name with the result, never a volunteer's.
  const text = `${team.name}已开展志愿行动处理：${a.result.text}`;
  let resolved = 0;
  for (const c of mine) {
    if (!OPEN_FOR_ACTION.has(c.status)) continue; // resolved by hand meanwhile, or by an earlier, cut-off call
    await concernMoves.resolveChecked(ctx, { id: c.id, text, photos: a.result.photos });
    await awardReport(ctx, c);
    resolved++;
  }
  const at = ctx.deps.now().toISOString();
  const done = await ctx.deps.store.actions.transition(a.id, ['reported'], 'resolved', { resolved: { month: monthOf(at), concerns: resolved }, updatedAt: at }, []);
  if (!done) throw new AppError('ACTION.WRONG_STEP', `action ${a.id} moved on meanwhile`);
  return actionView(done, team.name, true);
}

// ---- cancellation (event/cancelEvent) -----------------------------------------------------------

/**
 * After the event of an action was cancelled: the action is cancelled too, its concerns go back to their
 * handlers alone, who are told; the timeline says so. Nothing when the event served no open action.
 */
export async function onEventCancelled(ctx: Ctx, e: Pick<VolunteerEvent, 'id'>): Promise<void> {
  const a = await ctx.deps.store.actions.ofEvent(e.id);
  if (!a || (a.status !== 'draft' && a.status !== 'scheduled')) return;
  const team = await getTeam(ctx, a.teamId);
  await cancelAction(ctx, a, team, `${team.name}取消了「${a.title}」，诉求请继续办理`);
}

/** Cancels a draft or scheduled action: the handlers are told why, each concern's timeline says so. */
async function cancelAction(ctx: Ctx, a: VolunteerAction, team: Team, why: string): Promise<void> {
  const notices = await toHandlers(ctx, await concernsOf(ctx, a), 'action_cancelled', '志愿行动已取消', snippet(why));
  const done = await ctx.deps.store.actions.transition(a.id, ['draft', 'scheduled'], 'cancelled', { updatedAt: ctx.deps.now().toISOString() }, notices);
  if (done) await appendToAll(ctx, done, 'action_cancelled', `${team.name}的志愿行动已取消，由经办人继续办理`);
}

/**
 * After a team was archived (team/archive): its drafts, which no leader can schedule any more, and the
 * actions whose event was called off are cancelled, and their concerns go back to the handlers alone. An
 * action whose event is under way runs to its end. Safe to repeat: a retried archive finishes what is left.
 */
export async function onTeamArchived(ctx: Ctx, teamId: string): Promise<void> {
  const team = await getTeam(ctx, teamId);
  for (const a of await ctx.deps.store.actions.listOfTeams([teamId], ['draft', 'scheduled'])) {
    const e = a.eventId === null ? null : await ctx.deps.store.events.getEvent(a.eventId);
    if (e && e.status === 'open') continue;
    await cancelAction(ctx, a, team, `${team.name}已撤销，「${a.title}」已取消，诉求请继续办理`);
  }
}

// ---- reads for the team page and the event page ---------------------------------------------------

const LEADER_SEES: readonly ActionStatus[] = ['draft', 'scheduled', 'reported'];

/** A leader's open actions of the team (drafts to schedule first); empty for anyone else. */
export async function openActionsOfTeam(ctx: Ctx, teamId: string, iLead: boolean): Promise<ActionView[]> {
  if (!iLead) return [];
  const list = await ctx.deps.store.actions.listOfTeams([teamId], LEADER_SEES);
  return Promise.all(list.map((a) => view(ctx, a, true)));
}

/** The action an event serves, for its leaders and the handlers of its concerns; null for anyone else. */
export async function actionOfEvent(ctx: Ctx, eventId: string, iLead: boolean): Promise<ActionView | null> {
  const a = await ctx.deps.store.actions.ofEvent(eventId);
  if (!a) return null;
  if (iLead) return view(ctx, a, true);
  const snap = await ctx.directory.current();
  return (await handlesAny(ctx, snap, a)).length > 0 ? view(ctx, a, true) : null;
}

// ---- the volunteer actions that carry an action along (router handlers) ----------------------------

/** event/create: with `actionId`, the leader schedules that draft of the team (draft → scheduled). */
export async function createEvent(ctx: Ctx, input: ParsedInputOf<'event/create'>): Promise<EventDetail & { action: ActionView | null }> {
  const { actionId, ...rest } = input;
  // Checked before the event is stored, so a wrong or taken draft writes nothing.
  const draft = actionId === undefined ? null : (await volunteerCommon.requireLeader(ctx, input.teamId), await draftToSchedule(ctx, actionId, input.teamId));
  const detail = await volunteerEvents.createEvent(ctx, rest);
  if (!draft) return { ...detail, action: null };
  await scheduleAction(ctx, draft, detail, detail.teamName);
  return { ...detail, action: await actionOfEvent(ctx, detail.id, true) };
}

export async function getEvent(ctx: Ctx, input: ParsedInputOf<'event/get'>): Promise<EventDetail & { action: ActionView | null }> {
  const detail = await volunteerEvents.getEventDetail(ctx, input);
  return { ...detail, action: await actionOfEvent(ctx, detail.id, detail.iLead) };
}

export async function teamDetail(ctx: Ctx, input: ParsedInputOf<'team/get'>): Promise<TeamDetail & { actions: ActionView[] }> {
  const detail = await volunteerTeams.getTeamDetail(ctx, input);
  return { ...detail, actions: await openActionsOfTeam(ctx, detail.id, detail.iLead) };
}

/**
 * event/cancelEvent: a cancelled event cancels its action too. A repeated cancellation (the event is
 * cancelled already) still finishes a step a cut-off call left undone, then answers as before.
 */
export async function cancelEvent(ctx: Ctx, input: ParsedInputOf<'event/cancelEvent'>): Promise<{ notified: number }> {
  try {
    const out = await volunteerEvents.cancelEvent(ctx, input);
    await onEventCancelled(ctx, { id: input.id });
    return out;
  } catch (e) {
    if (e instanceof AppError && e.code === 'EVENT.CANCELLED') await onEventCancelled(ctx, { id: input.id });
    throw e;
  }
}
