/** Check-in and check-out (scans), the attendance sheet, and the confirmation of hours. */
import { moderate, shownText } from '../trust/content';
import { AppError } from '../errors';
import { computeHours } from './hours';
import { eventTitle } from '../trust/event-reports';
import { EVENT_QR_PREFIX, eventQr, parseQr, personCodeOf, personQr, signUpRef, verifyEventQr } from './volunteer-codes';
import type { Moderation } from '../model';
import type { ParsedInputOf } from '../schemas';
import type { AttendanceRow, AttendanceView, CodeView, ScanResult } from '../views';
import { type HoursAudit, type SignUp, type VolunteerEvent } from './volunteer-model';
import { attendanceWindow, checkinOpen, eventSummary, getEvent, marginOf, ms, nowIso, requireLeader, requireRecordKeeper, type Ctx } from './volunteer-common';
/** A second scan this soon after checking in is taken as a double scan, not a check-out. */
const DOUBLE_SCAN_MS = 2 * 60_000;

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

export async function attendance(ctx: Ctx, e: VolunteerEvent): Promise<AttendanceView> {
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
