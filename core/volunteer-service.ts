/**
 * Party-mass volunteer teams: membership, events, sign-ups with honest capacity, check-in and hours.
 * Every rule about who may do what lives here; the stores only promise atomic steps (core/ports.ts).
 */
import { moderate, releasedText, shownText } from './content';
import type { DirectoryCache, DirectorySnapshot } from './directory';
import { AppError } from './errors';
import { oversees } from './scope';
import { checkinMarginAt, deploymentWork, townOfNode } from './town-settings';
import { computeHours, hoursText } from './hours';
import { eventTitle, shownEventTexts } from './event-reports';
import { EVENT_QR_PREFIX, eventQr, memberRef, parseQr, personCodeOf, personQr, signUpRef, verifyEventQr } from './volunteer-codes';
import type { Caller, Moderation, Notification, NotificationKind } from './model';
import type { Deps, NoticeTemplate } from './ports';
import type { ParsedInputOf } from './schemas';
import type {
  AttendanceRow,
  AttendanceView,
  CodeView,
  EventDetail,
  EventSummary,
  MemberView,
  MyVolunteer,
  ScanResult,
  SignUpResult,
  TeamDetail,
  TeamSummary,
} from './views';
import {
  NEW_EVENT_STATE,
  type HoursAudit,
  type Membership,
  type SignUp,
  type Team,
  type VolunteerEvent,
} from './volunteer-model';
import { clause, tidyPunctuation } from './notice-text';

export interface VolunteerCtx {
  deps: Deps;
  directory: DirectoryCache;
  caller: Caller;
}

type Ctx = VolunteerCtx;


/** A second scan this soon after checking in is taken as a double scan, not a check-out. */
const DOUBLE_SCAN_MS = 2 * 60_000;
/** How far back events are listed on a team page, so a leader can still confirm hours. */
const RECENT_DAYS = 30;

export const TEAM_PAGE = (id: string) => `/volunteer/pages/team/index?id=${id}`;
export const EVENT_PAGE = (id: string) => `/volunteer/pages/event/index?id=${id}`;

const nowIso = (ctx: Ctx) => ctx.deps.now().toISOString();
const ms = (iso: string) => Date.parse(iso);
const membershipId = (teamId: string, openid: string) => `${teamId}_${openid}`;

function notice(deps: Deps, to: string, kind: NotificationKind, title: string, body: string, page: string, at: string): Notification {
  return { id: deps.newId('n'), recipientOpenid: to, kind, title: tidyPunctuation(title), body: tidyPunctuation(body), page, createdAt: at };
}

function template(deps: Deps, kind: NotificationKind, title: string, body: string, page: string, at: string): NoticeTemplate {
  return { id: deps.newId('n'), kind, title: tidyPunctuation(title), body: tidyPunctuation(body), page, createdAt: at };
}

/** `03-18 09:00` in Beijing time (UTC+8 all year), without a date library in core. */
export function beijingTime(iso: string, withYear = false): string {
  const d = new Date(ms(iso) + 8 * 3600_000).toISOString();
  return withYear ? `${d.slice(0, 10)} ${d.slice(11, 16)}` : `${d.slice(5, 10)} ${d.slice(11, 16)}`;
}

// ---- teams ------------------------------------------------------------------------------------

export function placeName(snap: DirectorySnapshot, nodeId: string): string {
  return snap.grid
    .lineage(nodeId)
    .filter((n) => n.kind === 'village' || n.kind === 'cooperative')
    .reverse()
    .map((n) => n.name)
    .join(' · ');
}

async function getTeam(ctx: Ctx, id: string): Promise<Team> {
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
async function adminOverTeam(ctx: Ctx, team: Team | null): Promise<boolean> {
  return ctx.caller.role === 'admin' && team !== null && oversees(await ctx.directory.current(), ctx.caller, team.nodeId);
}

async function requireRecordKeeper(ctx: Ctx, teamId: string): Promise<Team> {
  const team = await getTeam(ctx, teamId);
  const { caller } = ctx;
  if (await adminOverTeam(ctx, team)) return team;
  if (!(await ctx.deps.store.teams.isLeader(teamId, caller.openid))) throw new AppError('AUTH.FORBIDDEN', "only the team's leaders and its town's admin may do this");
  return team;
}

function teamSummary(snap: DirectorySnapshot, team: Team, memberCount: number, mine: Membership | null, iLead: boolean): TeamSummary {
  return {
    id: team.id,
    name: team.name,
    kind: team.kind,
    nodeId: team.nodeId,
    placeName: placeName(snap, team.nodeId),
    description: team.description,
    memberCount,
    myStatus: mine?.status ?? null,
    iLead,
    archivedAt: team.archivedAt ?? null,
  };
}

/**
 * A member as the caller sees them: the application's note is for the team's leaders (and moderators);
 * so is party membership (党员), which is personal. Only a leader, who reviews and marks members, gets the
 * membership id; anyone else gets a position in the list, never an id that carries the person's openid.
 */
function memberView(ctx: Ctx, m: Membership, iLead: boolean, position: number, adminOver = false): MemberView {
  const note = m.note !== null && (iLead || adminOver) ? shownText(ctx.caller, m.openid === ctx.caller.openid, m.note, m.noteModeration) : null;
  return { id: iLead ? memberRef(ctx.deps, m.id) : `member-${position + 1}`, name: m.name, status: m.status, partyMember: iLead ? m.partyMember : null, appliedAt: m.appliedAt, note };
}

async function summaries(ctx: Ctx, teams: Team[]): Promise<TeamSummary[]> {
  const { teams: repo } = ctx.deps.store;
  const [snap, counts, mine, led] = await Promise.all([ctx.directory.current(), repo.memberCounts(), repo.membershipsOf(ctx.caller.openid), repo.ledBy(ctx.caller.openid)]);
  const byTeam = new Map(mine.map((m) => [m.teamId, m]));
  return teams.map((t) => teamSummary(snap, t, counts.get(t.id) ?? 0, byTeam.get(t.id) ?? null, led.includes(t.id)));
}

export async function listTeams(ctx: Ctx, input: ParsedInputOf<'team/list'>): Promise<{ items: TeamSummary[] }> {
  const snap = await ctx.directory.current();
  // An archived team is no longer joined (issue 19): listed only when asked for (the admin's page, history).
  let teams = (await ctx.deps.store.teams.listTeams()).filter((t) => input.archived === true || t.archivedAt === undefined);
  const near = input.nodeId;
  if (near !== undefined) {
    if (!snap.grid.get(near)) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${near}`);
    // Near a place: teams inside it, and teams of the village or cooperative it belongs to.
    teams = teams.filter((t) => snap.grid.isWithin(t.nodeId, near) || snap.grid.isWithin(near, t.nodeId));
  }
  return { items: await summaries(ctx, teams) };
}

async function isMember(ctx: Ctx, teamId: string): Promise<boolean> {
  return (await ctx.deps.store.teams.getMembership(teamId, ctx.caller.openid))?.status === 'member';
}

export async function getTeamDetail(ctx: Ctx, input: ParsedInputOf<'team/get'>): Promise<TeamDetail> {
  const team = await getTeam(ctx, input.id);
  const { teams, events } = ctx.deps.store;
  const [[summary], leaders, members, list] = await Promise.all([
    summaries(ctx, [team]),
    teams.leaders(team.id),
    teams.listMembers(team.id),
    events.listEvents([team.id], new Date(ctx.deps.now().getTime() - RECENT_DAYS * 86_400_000).toISOString()),
  ]);
  // The leader sees applications of every status; others see current members only.
  const shown = summary.iLead ? members : members.filter((m) => m.status === 'member');
  // The admin of the team's own town (or district) moderates its notes and events; no other town's admin.
  const adminOver = await adminOverTeam(ctx, team);
  return {
    ...summary,
    leaderNames: leaders.map((l) => l.name),
    members: shown.map((m, i) => memberView(ctx, m, summary.iLead, i, adminOver)),
    events: await eventSummaries(
      ctx,
      list.filter((e) => canSeeEvent(e, summary.iLead, adminOver)),
      new Map([[team.id, team]]),
    ),
  };
}

export async function apply(ctx: Ctx, input: ParsedInputOf<'team/apply'>): Promise<TeamSummary> {
  const team = await getTeam(ctx, input.teamId);
  if (team.archivedAt !== undefined) throw new AppError('TEAM.ARCHIVED', `team ${team.id} is archived`);
  const { caller } = ctx;
  const at = nowIso(ctx);
  const leaders = await ctx.deps.store.teams.leaders(team.id);
  const note = input.note ? input.note : null;
  const noteModeration = note === null ? 'published' : await moderate(ctx.deps, caller, note);
  // A held note stays out of the leader's notice; the leader reads it on the team page once published.
  const said = note === null ? '' : noteModeration === 'published' ? `：${clause(note)}` : '（留言正在审核）';
  const body = `${caller.name}申请加入${team.name}${said}，请审核。`;
  const notices = leaders.map((l) => notice(ctx.deps, l.openid, 'team_applied', '新的入队申请', body, TEAM_PAGE(team.id), at));
  await ctx.deps.store.teams.apply(
    {
      id: membershipId(team.id, caller.openid),
      teamId: team.id,
      openid: caller.openid,
      name: caller.name,
      status: 'pending',
      partyMember: false,
      appliedAt: at,
      decidedAt: null,
      note,
      noteModeration,
    },
    notices,
  );
  return (await summaries(ctx, [team]))[0];
}

export async function review(ctx: Ctx, input: ParsedInputOf<'team/review'>): Promise<MemberView> {
  const team = await requireLeader(ctx, input.teamId);
  const { teams } = ctx.deps.store;
  const m = (await teams.listMembers(team.id)).find((x) => memberRef(ctx.deps, x.id) === input.memberId);
  if (!m) throw new AppError('TEAM.MEMBER_NOT_FOUND', `no application ${input.memberId}`);
  const at = nowIso(ctx);
  const approve = input.decision === 'approve';
  const to = approve ? 'member' : 'declined';
  if (m.status === to) return memberView(ctx, m, true, 0); // a repeated tap
  const body = approve ? `您已加入${team.name}，可以报名队里的活动了。` : `${team.name}暂未通过您的入队申请，可联系队长了解情况。`;
  const done = await teams.transition(m.id, ['pending'], to, at, [notice(ctx.deps, m.openid, 'team_reviewed', approve ? '入队申请已通过' : '入队申请未通过', body, TEAM_PAGE(team.id), at)]);
  if (!done) throw new AppError('TEAM.MEMBER_NOT_FOUND', `application ${input.memberId} is no longer pending`);
  return memberView(ctx, done, true, 0);
}

export async function leave(ctx: Ctx, input: ParsedInputOf<'team/leave'>): Promise<TeamSummary> {
  const team = await getTeam(ctx, input.teamId);
  const done = await ctx.deps.store.teams.transition(membershipId(team.id, ctx.caller.openid), ['pending', 'member'], 'left', nowIso(ctx), []);
  if (!done) throw new AppError('TEAM.NOT_MEMBER', 'not a member of this team');
  return (await summaries(ctx, [team]))[0];
}

export async function setPartyMember(ctx: Ctx, input: ParsedInputOf<'team/setPartyMember'>): Promise<MemberView> {
  const team = await requireLeader(ctx, input.teamId);
  const m = (await ctx.deps.store.teams.listMembers(team.id)).find((x) => memberRef(ctx.deps, x.id) === input.memberId);
  if (!m) throw new AppError('TEAM.MEMBER_NOT_FOUND', 'not a member of this team');
  const done = await ctx.deps.store.teams.setPartyMember(m.id, input.partyMember);
  if (!done) throw new AppError('TEAM.MEMBER_NOT_FOUND', `no member ${input.memberId}`);
  return memberView(ctx, done, true, 0);
}

// ---- events -----------------------------------------------------------------------------------

export async function getEvent(ctx: Ctx, id: string): Promise<VolunteerEvent> {
  const e = await ctx.deps.store.events.getEvent(id);
  if (!e) throw new AppError('EVENT.NOT_FOUND', `no event ${id}`);
  return e;
}

/**
 * An event whose texts are held (or were rejected) is seen only by its team's leaders and the
 * moderators; to anyone else it does not exist, with the same code as a missing event.
 */
function canSeeEvent(e: VolunteerEvent, iLead: boolean, adminOver: boolean): boolean {
  return e.moderation === 'published' || iLead || adminOver;
}

async function getVisibleEvent(ctx: Ctx, id: string): Promise<VolunteerEvent> {
  const e = await getEvent(ctx, id);
  if (e.moderation !== 'published' && !canSeeEvent(e, await ctx.deps.store.teams.isLeader(e.teamId, ctx.caller.openid), await adminOverTeam(ctx, await ctx.deps.store.teams.getTeam(e.teamId)))) {
    throw new AppError('EVENT.NOT_FOUND', `no event ${id}`);
  }
  return e;
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

function eventSummary(e: VolunteerEvent, teamName: string, mine: SignUp | null): EventSummary {
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

/** Why the caller cannot take a place now, as an error code; null when they can. */
async function signupBlock(ctx: Ctx, e: VolunteerEvent, at: string): Promise<string | null> {
  if (e.status === 'cancelled') return 'EVENT.CANCELLED';
  if (e.moderation !== 'published') return 'EVENT.UNDER_REVIEW';
  if (ms(at) > ms(e.signupDeadline)) return 'EVENT.SIGNUP_CLOSED';
  if (e.openTo === 'members' && !(await isMember(ctx, e.teamId)) && !(await ctx.deps.store.teams.isLeader(e.teamId, ctx.caller.openid))) return 'EVENT.MEMBERS_ONLY';
  return null;
}

async function eventDetail(ctx: Ctx, e: VolunteerEvent): Promise<EventDetail> {
  const { store } = ctx.deps;
  const [team, mine, iLead, membership] = await Promise.all([
    store.teams.getTeam(e.teamId),
    store.events.getSignUp(e.id, ctx.caller.openid),
    store.teams.isLeader(e.teamId, ctx.caller.openid),
    store.teams.getMembership(e.teamId, ctx.caller.openid),
  ]);
  const at = nowIso(ctx);
  const held = mine !== null && mine.status !== 'cancelled';
  // A held reason: its team's leaders and the admin of the team's town only (shownText alone would show it to any admin).
  const privileged = iLead || (await adminOverTeam(ctx, team));
  const margin = await marginOf(ctx, team);
  return {
    ...eventSummary(e, team?.name ?? '', mine),
    ...shownEventTexts(e, privileged),
    cancelReason: e.cancelReason === null ? null : privileged ? e.cancelReason : releasedText(e.cancelReason, e.cancelModeration),
    cancelModeration: e.cancelModeration,
    iLead,
    myPosition: mine?.status === 'waitlisted' ? await store.events.waitlistPosition(e.id, mine.arrival) : null,
    myCheckInAt: mine?.checkInAt ?? null,
    myCheckOutAt: mine?.checkOutAt ?? null,
    signupBlocked: held ? null : await signupBlock(ctx, e, at),
    myMembership: membership?.status ?? null,
    ...(iLead ? (({ qr, expiresAt }) => ({ checkinQr: qr, checkinQrExpiresAt: expiresAt }))(eventQr(ctx.deps, e)) : { checkinQr: null, checkinQrExpiresAt: null }),
    checkinOpensAt: new Date(attendanceWindow(e, margin).opensAt).toISOString(),
    checkinOpen: checkinOpen(ctx, e, margin),
  };
}

/** The check-in margin (minutes) of the team's events: its town's (town/saveSettings), else the deployment's. */
async function marginOf(ctx: Ctx, team: Team | null): Promise<number> {
  return checkinMarginAt(ctx.deps, await ctx.directory.current(), team?.nodeId ?? null);
}

/** When attendance is taken (ms): check-in from the margin before the start until the end; check-out until the margin after it. */
function attendanceWindow(e: VolunteerEvent, marginMinutes: number): { opensAt: number; checkInClosesAt: number; checkOutClosesAt: number } {
  const margin = marginMinutes * 60_000;
  return { opensAt: ms(e.startAt) - margin, checkInClosesAt: ms(e.endAt), checkOutClosesAt: ms(e.endAt) + margin };
}

/** Check-in (or check-out) is accepted now: inside the window `attend` enforces. */
function checkinOpen(ctx: Ctx, e: VolunteerEvent, marginMinutes: number): boolean {
  const now = ctx.deps.now().getTime();
  const w = attendanceWindow(e, marginMinutes);
  return e.status === 'open' && now >= w.opensAt && now <= w.checkOutClosesAt;
}

export async function createEvent(ctx: Ctx, input: Omit<ParsedInputOf<'event/create'>, 'actionId'>): Promise<EventDetail> {
  const team = await requireLeader(ctx, input.teamId);
  if (team.archivedAt !== undefined) throw new AppError('TEAM.ARCHIVED', `team ${team.id} is archived`);
  const now = ctx.deps.now().getTime();
  const start = ms(input.startAt);
  const end = ms(input.endAt);
  const deadline = input.signupDeadline ?? input.startAt;
  const problems: string[] = [];
  if (start <= now) problems.push('startAt must be in the future');
  if (end <= start) problems.push('endAt must be after startAt');
  if (end - start > 24 * 3600_000) problems.push('an event lasts at most 24 hours');
  if (ms(deadline) > start) problems.push('signupDeadline must not be after startAt');
  if (ms(deadline) <= now) problems.push('signupDeadline must be in the future');
  if (problems.length > 0) throw new AppError('EVENT.INVALID_TIME', problems.join('; '), problems);
  // Title, place and description are checked together, as residents read them together.
  const moderation = await moderate(ctx.deps, ctx.caller, eventText(input));
  const event: VolunteerEvent = {
    id: ctx.deps.newId('v'),
    teamId: team.id,
    title: input.title,
    description: input.description,
    place: input.place,
    startAt: input.startAt,
    endAt: input.endAt,
    signupDeadline: deadline,
    capacity: input.capacity,
    waitlist: input.waitlist,
    openTo: input.openTo,
    ...NEW_EVENT_STATE,
    moderation,
    checkinCode: ctx.deps.newId('c').slice(-10),
    createdBy: ctx.caller.openid,
    createdAt: new Date(now).toISOString(),
  };
  await ctx.deps.store.events.createEvent(event);
  return eventDetail(ctx, event);
}

/** An event's user texts in one piece, as the content check and the moderator read them. */
export function eventText(e: Pick<VolunteerEvent, 'title' | 'place' | 'description'>): string {
  return [e.title, e.place, e.description].filter((t) => t.length > 0).join('\n');
}

export async function getEventDetail(ctx: Ctx, input: ParsedInputOf<'event/get'>): Promise<EventDetail> {
  return eventDetail(ctx, await getVisibleEvent(ctx, input.id));
}

export async function signUp(ctx: Ctx, input: ParsedInputOf<'event/signup'>): Promise<SignUpResult> {
  const { events } = ctx.deps.store;
  // The person's sign-up is read with the event (neither needs the other), and handed to the store.
  const heldRead = events.getSignUp(input.eventId, ctx.caller.openid);
  heldRead.catch(() => undefined);
  const e = await getVisibleEvent(ctx, input.eventId);
  const at = nowIso(ctx);
  const held = await heldRead;
  // A person who already holds a place (or retries a request) is answered by the store without a check
  // that could now fail, e.g. a retry arriving after the deadline.
  if (!held || (held.status === 'cancelled' && held.requestId !== (input.requestId ?? null))) {
    const block = await signupBlock(ctx, e, at);
    if (block) throw new AppError(block as 'EVENT.CANCELLED', `cannot sign up: ${block}`);
  }
  const out = await events.signUp(e.id, { openid: ctx.caller.openid, name: ctx.caller.name }, input.requestId ?? null, at, { held, event: e });
  switch (out.kind) {
    case 'full':
      throw new AppError('EVENT.FULL', 'no place left and no waitlist');
    case 'closed':
      throw new AppError('EVENT.CANCELLED', 'the event is not open');
    case 'stale':
      return { status: out.signUp.status, position: null };
    default:
      return {
        status: out.kind,
        position: out.kind === 'waitlisted' ? out.position ?? (await events.waitlistPosition(e.id, out.signUp.arrival)) : null,
      };
  }
}

export async function cancelSignUp(ctx: Ctx, input: ParsedInputOf<'event/cancel'>): Promise<{ status: SignUp['status'] | null; promoted: boolean }> {
  const e = await getEvent(ctx, input.eventId);
  const at = nowIso(ctx);
  if (e.status === 'open' && ms(at) >= ms(e.startAt)) throw new AppError('EVENT.SIGNUP_CLOSED', 'the event has started');
  const promotion = template(ctx.deps, 'event_promoted', '候补转为正式报名', `「${eventTitle(e)}」有人取消，您已从候补转为正式报名，${beijingTime(e.startAt)}开始，请准时参加。`, EVENT_PAGE(e.id), at);
  const out = await ctx.deps.store.events.cancelSignUp(e.id, ctx.caller.openid, at, promotion);
  if (!out.cancelled) {
    const mine = await ctx.deps.store.events.getSignUp(e.id, ctx.caller.openid);
    if (mine?.status === 'cancelled') return { status: 'cancelled', promoted: false }; // a repeated tap
    throw new AppError('EVENT.NOT_SIGNED_UP', 'no place to cancel');
  }
  return { status: 'cancelled', promoted: out.promoted !== null };
}

export async function cancelEvent(ctx: Ctx, input: ParsedInputOf<'event/cancelEvent'>): Promise<{ notified: number }> {
  const e = await getEvent(ctx, input.id);
  await requireLeader(ctx, e.teamId);
  const at = nowIso(ctx);
  const moderation = await moderate(ctx.deps, ctx.caller, input.reason);
  // A held reason stays out of the notice: people learn that the event is off, and read why once published.
  const body = `「${eventTitle(e)}」（${beijingTime(e.startAt)}）已取消${moderation === 'published' ? `：${clause(input.reason)}。` : '。'}`;
  const notified = await ctx.deps.store.events.cancelEvent(
    e.id,
    { reason: input.reason, moderation, at },
    template(ctx.deps, 'event_cancelled', '活动已取消', body, EVENT_PAGE(e.id), at),
  );
  if (notified === null) throw new AppError('EVENT.CANCELLED', 'the event is already cancelled');
  return { notified };
}

// ---- check-in, check-out, hours ---------------------------------------------------------------

export async function attend(ctx: Ctx, e: VolunteerEvent, su: SignUp | null): Promise<ScanResult> {
  if (e.status !== 'open') throw new AppError('EVENT.CANCELLED', 'the event is cancelled');
  if (!su || su.status !== 'signed') throw new AppError('EVENT.NOT_SIGNED_UP', 'no signed place at this event');
  const now = ctx.deps.now().getTime();
  const w = attendanceWindow(e, await marginOf(ctx, await ctx.deps.store.teams.getTeam(e.teamId)));
  const base = { eventId: e.id, eventTitle: eventTitle(e), personName: su.name };
  const at = new Date(now).toISOString();
  if (su.checkInAt === null) {
    if (now < w.opensAt || now > w.checkInClosesAt) throw new AppError('EVENT.OUTSIDE_WINDOW', 'check-in is open from the margin before start until the end');
    const done = await ctx.deps.store.events.recordAttendance(su.id, { field: 'checkIn', at });
    if (done) return { ...base, action: 'checked_in', checkInAt: done.checkInAt, checkOutAt: done.checkOutAt };
  } else if (su.checkOutAt === null && now - ms(su.checkInAt) >= DOUBLE_SCAN_MS) {
    if (now > w.checkOutClosesAt) throw new AppError('EVENT.OUTSIDE_WINDOW', 'check-out closes a margin after the end');
    const done = await ctx.deps.store.events.recordAttendance(su.id, { field: 'checkOut', at });
    if (done) return { ...base, action: 'checked_out', checkInAt: done.checkInAt, checkOutAt: done.checkOutAt };
  }
  // Checked in and out already, a double scan, or a concurrent scan that recorded it first.
  const cur = (await ctx.deps.store.events.getSignUp(e.id, su.openid)) ?? su;
  return { ...base, action: 'already_done', checkInAt: cur.checkInAt, checkOutAt: cur.checkOutAt };
}

export async function scanEvent(ctx: Ctx, input: ParsedInputOf<'event/scan'>): Promise<ScanResult> {
  const parsed = parseQr(input.code, EVENT_QR_PREFIX);
  if (!parsed) throw new AppError('EVENT.CODE_INVALID', 'not an event check-in code');
  const e = await ctx.deps.store.events.getEvent(parsed.handle);
  if (!e) throw new AppError('EVENT.CODE_INVALID', 'unknown event check-in code');
  verifyEventQr(ctx.deps, e, parsed);
  return attend(ctx, e, await ctx.deps.store.events.getSignUp(e.id, ctx.caller.openid));
}

export async function scanPerson(ctx: Ctx, input: ParsedInputOf<'event/scanPerson'>): Promise<ScanResult> {
  const e = await getEvent(ctx, input.eventId);
  await requireLeader(ctx, e.teamId);
  const openid = await ctx.deps.store.events.personByCode(personCodeOf(ctx.deps, input.code));
  if (!openid) throw new AppError('EVENT.CODE_INVALID', 'not a personal volunteer code');
  return attend(ctx, e, await ctx.deps.store.events.getSignUp(e.id, openid));
}

/** The event's check-in code for this minute, for the leader's screen to refresh. */
export async function checkinCode(ctx: Ctx, input: ParsedInputOf<'event/checkinCode'>): Promise<CodeView> {
  const e = await getEvent(ctx, input.id);
  await requireLeader(ctx, e.teamId);
  return eventQr(ctx.deps, e);
}

/** The caller's personal volunteer code for this minute (我的志愿码 refreshes it). */
export async function volunteerCode(ctx: Ctx): Promise<CodeView> {
  return personQr(ctx.deps, await ctx.deps.store.events.personalCode(ctx.caller.openid, ctx.deps.newId('p').slice(-12)));
}

async function attendance(ctx: Ctx, e: VolunteerEvent): Promise<AttendanceView> {
  const { store } = ctx.deps;
  const [team, signUps, members, audit] = await Promise.all([store.teams.getTeam(e.teamId), store.events.listSignUps(e.id), store.teams.listMembers(e.teamId), store.events.hoursAudit(e.id)]);
  const party = new Set(members.filter((m) => m.partyMember).map((m) => m.openid));
  const names = new Map(signUps.map((s) => [s.id, s.name]));
  const rows: AttendanceRow[] = signUps
    .filter((s) => s.status !== 'cancelled')
    .map((s) => {
      const h = computeHours(e, s.checkInAt, s.checkOutAt);
      return {
        signUpId: signUpRef(ctx.deps, s.id),
        name: s.name,
        partyMember: party.has(s.openid),
        status: s.status,
        checkInAt: s.checkInAt,
        checkOutAt: s.checkOutAt,
        computedMinutes: h.minutes,
        note: h.note,
        confirmedMinutes: s.confirmedMinutes,
      };
    });
  return {
    event: eventSummary(e, team?.name ?? '', null),
    ended: ctx.deps.now().getTime() >= ms(e.endAt),
    checkinOpen: checkinOpen(ctx, e, await marginOf(ctx, team)),
    rows,
    audit: audit.map((a) => ({
      id: a.id,
      signUpId: signUpRef(ctx.deps, a.signUpId),
      personName: names.get(a.signUpId) ?? '',
      actorName: a.actorName,
      at: a.at,
      computedMinutes: a.computedMinutes,
      fromMinutes: a.fromMinutes,
      toMinutes: a.toMinutes,
      reason: a.reason === null ? null : shownText(ctx.caller, a.actorOpenid === ctx.caller.openid, a.reason, a.reasonModeration),
      reasonModeration: a.reasonModeration,
    })),
  };
}

export async function getAttendance(ctx: Ctx, input: ParsedInputOf<'event/attendance'>): Promise<AttendanceView> {
  const e = await getEvent(ctx, input.id);
  await requireRecordKeeper(ctx, e.teamId);
  return attendance(ctx, e);
}

export async function confirmHours(ctx: Ctx, input: ParsedInputOf<'event/confirmHours'>): Promise<AttendanceView> {
  const e = await getEvent(ctx, input.eventId);
  await requireRecordKeeper(ctx, e.teamId);
  if (ctx.deps.now().getTime() < ms(e.endAt)) throw new AppError('EVENT.NOT_ENDED', 'hours are confirmed after the event ends');
  const at = nowIso(ctx);
  // Keyed by the ids the attendance view carries (signUpRef), the only ones a caller can name.
  const signed = new Map((await ctx.deps.store.events.listSignUps(e.id)).filter((s) => s.status === 'signed').map((s) => [signUpRef(ctx.deps, s.id), s]));
  // Nobody certifies their own hours: a leader's own place is left to a co-leader or the town's admin.
  const own = (s: { openid: string }) => s.openid === ctx.caller.openid;
  // Without entries: confirm what is not confirmed yet, as computed; a leader's earlier correction stands.
  const wanted =
    input.entries ??
    [...signed].filter(([, s]) => s.confirmedMinutes === null && !own(s)).map(([ref, s]) => ({ signUpId: ref, minutes: computeHours(e, s.checkInAt, s.checkOutAt).minutes, reason: undefined }));
  // Time present is capped to the event's window plus the check-in margin before it: no figure goes beyond.
  const maxMinutes = Math.floor((ms(e.endAt) - ms(e.startAt)) / 60_000) + (await marginOf(ctx, await ctx.deps.store.teams.getTeam(e.teamId)));
  const entries: HoursAudit[] = [];
  // One check per distinct reason: a leader often gives the same reason for several people.
  const verdicts = new Map<string, Promise<Moderation>>();
  const verdictOf = (reason: string) => verdicts.get(reason) ?? verdicts.set(reason, moderate(ctx.deps, ctx.caller, reason)).get(reason)!;
  for (const w of wanted) {
    const s = signed.get(w.signUpId);
    if (!s) throw new AppError('EVENT.NOT_SIGNED_UP', `no signed place ${w.signUpId} at this event`);
    if (own(s)) throw new AppError('HOURS.OWN', "a leader's own hours are confirmed by a co-leader or the town's admin");
    if (w.minutes > maxMinutes) throw new AppError('HOURS.TOO_MANY', `${w.minutes} minutes is more than the event's ${maxMinutes}`);
    const computed = computeHours(e, s.checkInAt, s.checkOutAt).minutes;
    const reason = w.reason && w.reason.length > 0 ? w.reason : null;
    if (w.minutes !== computed && reason === null) throw new AppError('HOURS.REASON_REQUIRED', `a correction of ${w.signUpId} needs a reason`);
    if (s.confirmedMinutes === w.minutes && reason === null) continue; // nothing to change, nothing to audit
    entries.push({
      id: ctx.deps.newId('h'),
      signUpId: s.id,
      eventId: e.id,
      actorOpenid: ctx.caller.openid,
      actorName: ctx.caller.name,
      at,
      computedMinutes: computed,
      fromMinutes: s.confirmedMinutes,
      toMinutes: w.minutes,
      reason,
      // A held reason is kept with the entry; the hours stand either way.
      reasonModeration: reason === null ? 'published' : await verdictOf(reason),
    });
  }
  await ctx.deps.store.events.confirmHours(e.id, entries);
  return attendance(ctx, e);
}

const HOURS_NOTE_TEXT: Record<AttendanceRow['note'], string> = {
  ok: '',
  no_checkin: '未签到',
  no_checkout: '未签退',
  below_threshold: '在场不足60%',
};

/** One CSV field, quoted when needed; a leading formula character is neutralised for spreadsheets. */
function csvField(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export async function exportCsv(ctx: Ctx, input: ParsedInputOf<'event/exportCsv'>): Promise<{ filename: string; csv: string }> {
  const e = await getEvent(ctx, input.id);
  await requireRecordKeeper(ctx, e.teamId);
  const view = await attendance(ctx, e);
  const header = ['姓名', '党员', '报名状态', '签到时间', '签退时间', '系统计算工时（小时）', '说明', '确认工时（小时）'];
  const status = { signed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
  const lines = view.rows.map((r) =>
    [
      r.name,
      r.partyMember ? '是' : '否',
      status[r.status],
      r.checkInAt ? beijingTime(r.checkInAt, true) : '',
      r.checkOutAt ? beijingTime(r.checkOutAt, true) : '',
      hoursText(r.computedMinutes),
      HOURS_NOTE_TEXT[r.note],
      r.confirmedMinutes === null ? '未确认' : hoursText(r.confirmedMinutes),
    ]
      .map(csvField)
      .join(','),
  );
  // A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
  const csv = '\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n';
  return { filename: `${e.title}-${beijingTime(e.startAt, true).slice(0, 10)}-签到工时.csv`, csv };
}

// ---- 我的志愿 -----------------------------------------------------------------------------------

export async function mine(ctx: Ctx): Promise<MyVolunteer> {
  const { store } = ctx.deps;
  const openid = ctx.caller.openid;
  const [memberships, led, signUps, allTeams] = await Promise.all([store.teams.membershipsOf(openid), store.teams.ledBy(openid), store.events.signUpsOf(openid), store.teams.listTeams()]);
  const mineIds = new Set([...memberships.filter((m) => m.status === 'member' || m.status === 'pending').map((m) => m.teamId), ...led]);
  const teamById = new Map(allTeams.map((t) => [t.id, t]));
  const code = await store.events.personalCode(openid, ctx.deps.newId('p').slice(-12));
  const now = ctx.deps.now().getTime();
  const upcoming: EventSummary[] = [];
  const history: EventSummary[] = [];
  let total = 0;
  for (const { signUp, event } of signUps) {
    const s = eventSummary(event, teamById.get(event.teamId)?.name ?? '', signUp);
    total += signUp.confirmedMinutes ?? 0;
    if (ms(event.endAt) > now && event.status === 'open' && signUp.status !== 'cancelled') upcoming.push(s);
    else history.push(s);
  }
  upcoming.sort((a, b) => ms(a.startAt) - ms(b.startAt));
  const personal = personQr(ctx.deps, code);
  return {
    personalQr: personal.qr,
    personalQrExpiresAt: personal.expiresAt,
    teams: await summaries(ctx, allTeams.filter((t) => mineIds.has(t.id))),
    upcoming,
    history,
    totalConfirmedMinutes: total,
  };
}

// ---- reminders (timer job) --------------------------------------------------------------------

/**
 * Queues a reminder for every signed place of an event starting within its town's lead time (the
 * deployment's where the town set none). Idempotent: a place is marked reminded in the same atomic step
 * as its notice is queued, so running this from several timers, or again after a crash, reminds each
 * person once per event. Places are asked for up to the longest lead of any town; one whose town's lead
 * has not come yet is left for a later run.
 */
export async function sendReminders(deps: Deps, directory: DirectoryCache, limit = 200): Promise<number> {
  const now = deps.now();
  const fallback = deploymentWork(deps).reminderLeadMinutes;
  const leads = new Map((await deps.store.board.listWorkSettings()).map((t) => [t.townId, t.work.reminderLeadMinutes ?? fallback]));
  const until = (lead: number) => new Date(now.getTime() + lead * 60_000).toISOString();
  const due = await deps.store.events.dueReminders(now.toISOString(), until(Math.max(fallback, ...leads.values())), limit);
  const snap = due.length > 0 ? await directory.current() : null;
  const teams = new Map<string, Team | null>();
  const teamOf = async (id: string) => (teams.has(id) ? teams.get(id)! : teams.set(id, await deps.store.teams.getTeam(id)).get(id)!);
  let sent = 0;
  for (const { signUp, event } of due) {
    const team = await teamOf(event.teamId);
    const town = team && snap ? townOfNode(snap, team.nodeId) : null;
    if (event.startAt > until((town === null ? undefined : leads.get(town)) ?? fallback)) continue;
    const n = notice(deps, signUp.openid, 'event_reminder', '志愿活动提醒', `「${eventTitle(event)}」将于${beijingTime(event.startAt)}在${event.place}开始，请准时参加并扫码签到。`, EVENT_PAGE(event.id), now.toISOString());
    if (await deps.store.events.markReminded(signUp.id, now.toISOString(), n)) sent++;
  }
  return sent;
}
