/** Volunteer events: creating, the detail, sign-up (with the waitlist), cancelling a place or the event. */
import { moderate, releasedText } from '../trust/content';
import { AppError } from '../errors';
import { eventTitle, shownEventTexts } from '../trust/event-reports';
import { eventQr } from './volunteer-codes';
import type { ParsedInputOf } from '../schemas';
import type { EventDetail, SignUpResult } from '../views';
import { NEW_EVENT_STATE, type SignUp, type VolunteerEvent } from './volunteer-model';
import { clause } from '../concerns/notice-text';
import { adminOverTeam, attendanceWindow, canSeeEvent, checkinOpen, EVENT_PAGE, eventSummary, getEvent, isMember, marginOf, ms, nowIso, requireLeader, template, type Ctx } from './volunteer-common';
import { beijingTime } from '../beijing';
async function getVisibleEvent(ctx: Ctx, id: string): Promise<VolunteerEvent> {
  const e = await getEvent(ctx, id);
  if (e.moderation !== 'published' && !canSeeEvent(e, await ctx.deps.store.teams.isLeader(e.teamId, ctx.caller.openid), await adminOverTeam(ctx, await ctx.deps.store.teams.getTeam(e.teamId)))) {
    throw new AppError('EVENT.NOT_FOUND', `no event ${id}`);
  }
  return e;
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
