/**
 * What the volunteer modules share (issue 23 split core/volunteer-service.ts): the context, notices, pages,
 * who leads or oversees a team, and the event summary and attendance window.
 */
import type { DirectoryCache, DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { oversees } from '../scope';
import { checkinMarginAt } from '../directory/town-settings';
import { eventTitle } from '../trust/event-reports';
import type { Caller, Notification, NotificationKind } from '../model';
import type { Deps, NoticeTemplate } from '../ports';
import type { EventSummary } from '../views';
import { type SignUp, type Team, type VolunteerEvent } from './volunteer-model';
import { tidyPunctuation } from '../concerns/notice-text';

export interface VolunteerCtx {
  deps: Deps;
  directory: DirectoryCache;
  caller: Caller;
}

export type Ctx = VolunteerCtx;

export const TEAM_PAGE = (id: string) => `/volunteer/pages/team/index?id=${id}`;
export const EVENT_PAGE = (id: string) => `/volunteer/pages/event/index?id=${id}`;

export const nowIso = (ctx: Ctx) => ctx.deps.now().toISOString();
export const ms = (iso: string) => Date.parse(iso);
export const membershipId = (teamId: string, openid: string) => `${teamId}_${openid}`;

export function notice(deps: Deps, to: string, kind: NotificationKind, title: string, body: string, page: string, at: string): Notification {
  return { id: deps.newId('n'), recipientOpenid: to, kind, title: tidyPunctuation(title), body: tidyPunctuation(body), page, createdAt: at };
}

export function template(deps: Deps, kind: NotificationKind, title: string, body: string, page: string, at: string): NoticeTemplate {
  return { id: deps.newId('n'), kind, title: tidyPunctuation(title), body: tidyPunctuation(body), page, createdAt: at };
}

export function placeName(snap: DirectorySnapshot, nodeId: string): string {
  return snap.grid
    .lineage(nodeId)
    .filter((n) => n.kind === 'village' || n.kind === 'cooperative')
    .reverse()
    .map((n) => n.name)
    .join(' · ');
}

export async function getTeam(ctx: Ctx, id: string): Promise<Team> {
  const team = await ctx.deps.store.teams.getTeam(id);
  if (!team) throw new AppError('TEAM.NOT_FOUND', `no team ${id}`);
  return team;
}

export async function requireLeader(ctx: Ctx, teamId: string): Promise<Team> {
  const team = await getTeam(ctx, teamId);
  if (!(await ctx.deps.store.teams.isLeader(teamId, ctx.caller.openid))) throw new AppError('AUTH.FORBIDDEN', 'only the team leader may do this');
  return team;
}

/**
 * The team's leaders, and the admin of the town (or district) the team belongs to: who keeps and checks
 * the record of an event's attendance and hours (谁组织谁记录, and the town oversees it).
 */
/** Whether the caller is an admin overseeing the team's town; no read at all for anyone who is not an admin. */
export async function adminOverTeam(ctx: Ctx, team: Team | null): Promise<boolean> {
  return ctx.caller.role === 'admin' && team !== null && oversees(await ctx.directory.current(), ctx.caller, team.nodeId);
}

export async function requireRecordKeeper(ctx: Ctx, teamId: string): Promise<Team> {
  const team = await getTeam(ctx, teamId);
  const { caller } = ctx;
  if (await adminOverTeam(ctx, team)) return team;
  if (!(await ctx.deps.store.teams.isLeader(teamId, caller.openid))) throw new AppError('AUTH.FORBIDDEN', "only the team's leaders and its town's admin may do this");
  return team;
}

export async function isMember(ctx: Ctx, teamId: string): Promise<boolean> {
  return (await ctx.deps.store.teams.getMembership(teamId, ctx.caller.openid))?.status === 'member';
}

export async function getEvent(ctx: Ctx, id: string): Promise<VolunteerEvent> {
  const e = await ctx.deps.store.events.getEvent(id);
  if (!e) throw new AppError('EVENT.NOT_FOUND', `no event ${id}`);
  return e;
}

/**
 * An event whose texts are held (or were rejected) is seen only by its team's leaders and the
 * moderators; to anyone else it does not exist, with the same code as a missing event.
 */
export function canSeeEvent(e: VolunteerEvent, iLead: boolean, adminOver: boolean): boolean {
  return e.moderation === 'published' || iLead || adminOver;
}

export async function eventSummaries(ctx: Ctx, list: VolunteerEvent[], teams?: Map<string, Team>): Promise<EventSummary[]> {
  const byTeam = teams ?? new Map((await ctx.deps.store.teams.listTeams()).map((t) => [t.id, t]));
  return Promise.all(
    list.map(async (e) => {
      const mine = await ctx.deps.store.events.getSignUp(e.id, ctx.caller.openid);
      return eventSummary(e, byTeam.get(e.teamId)?.name ?? '', mine);
    }),
  );
}

export function eventSummary(e: VolunteerEvent, teamName: string, mine: SignUp | null): EventSummary {
  return {
    id: e.id,
    teamId: e.teamId,
    teamName,
    title: eventTitle(e),
    place: e.place,
    startAt: e.startAt,
    endAt: e.endAt,
    signupDeadline: e.signupDeadline,
    capacity: e.capacity,
    waitlist: e.waitlist,
    openTo: e.openTo,
    status: e.status,
    moderation: e.moderation,
    signedCount: e.signedCount,
    waitlistCount: e.waitlistCount,
    myStatus: mine?.status ?? null,
    myConfirmedMinutes: mine?.confirmedMinutes ?? null,
  };
}

/** The check-in margin (minutes) of the team's events: its town's (town/saveSettings), else the deployment's. */
export async function marginOf(ctx: Ctx, team: Team | null): Promise<number> {
  return checkinMarginAt(ctx.deps, await ctx.directory.current(), team?.nodeId ?? null);
}

/** When attendance is taken (ms): check-in from the margin before the start until the end; check-out until the margin after it. */
export function attendanceWindow(e: VolunteerEvent, marginMinutes: number): { opensAt: number; checkInClosesAt: number; checkOutClosesAt: number } {
  const margin = marginMinutes * 60_000;
  return { opensAt: ms(e.startAt) - margin, checkInClosesAt: ms(e.endAt), checkOutClosesAt: ms(e.endAt) + margin };
}

/** Check-in (or check-out) is accepted now: inside the window `attend` enforces. */
export function checkinOpen(ctx: Ctx, e: VolunteerEvent, marginMinutes: number): boolean {
  const now = ctx.deps.now().getTime();
  const w = attendanceWindow(e, marginMinutes);
  return e.status === 'open' && now >= w.opensAt && now <= w.checkOutClosesAt;
}
