/**
 * The working-day calendar in use: admins read it and see which years lack a list; district admins enter
 * a year's State Council list; the SLA job reminds every admin daily while a year that clocks run into has
 * no list.
 */
import { beijingDate } from '../beijing';
import { checkCalendarYear, missingCalendarYears, normalizeCalendarYear, type CalendarYear } from './calendar';
import type { ConcernCtx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from './directory';
import { AppError } from '../errors';
import { adminTowns } from '../scope';
import type { Caller, Notification } from '../model';
import type { Deps } from '../ports';
import type { ParsedInputOf } from '../schemas';
import type { CalendarView } from '../views';
import { tidyPunctuation } from '../concerns/notice-text';

/** Home, where admins see the calendar warning. */
const HOME_PAGE = '/pages/index/index';

/** The calendar serves every town of the deployment, so only an admin over every town (the district's) edits it. */
function isDistrictAdmin(snap: DirectorySnapshot, caller: Caller): boolean {
  return adminTowns(snap, caller) === null;
}

async function view(ctx: ConcernCtx, snap: DirectorySnapshot): Promise<CalendarView> {
  const savers = [...new Set(snap.calendar.map((y) => y.savedBy).filter((o): o is string => o !== null))];
  const names = new Map((await Promise.all(savers.map((o) => ctx.deps.store.directory.findStaff(o)))).flatMap((s) => (s ? [[s.openid, s.name] as const] : [])));
  return {
    years: snap.calendar.map(({ savedBy, ...y }) => ({ ...y, savedByName: savedBy === null ? null : names.get(savedBy) ?? '已离任的管理员' })),
    missing: missingCalendarYears(snap.calendar.map((y) => y.year), ctx.deps.now()),
    canEdit: isDistrictAdmin(snap, ctx.caller),
  };
}

export async function list(ctx: ConcernCtx): Promise<CalendarView> {
  return view(ctx, await ctx.directory.current());
}

export async function save(ctx: ConcernCtx, input: ParsedInputOf<'calendar/save'>): Promise<CalendarView> {
  const snap = await ctx.directory.current();
  if (!isDistrictAdmin(snap, ctx.caller)) throw new AppError('AUTH.FORBIDDEN', 'the calendar serves every town: only a district admin enters it');
  const problems = checkCalendarYear(input);
  if (problems.length > 0) throw new AppError('CALENDAR.INVALID', problems.map((p) => p.message).join('; '), problems);
  const current = snap.calendar.find((y) => y.year === input.year)?.version ?? 0;
  if (current !== input.expectedVersion) throw new AppError('CALENDAR.CONFLICT', `${input.year} is at version ${current}, not ${input.expectedVersion}`);
  const entry: CalendarYear = {
    ...normalizeCalendarYear(input),
    version: current + 1,
    source: 'admin',
    savedAt: ctx.deps.now().toISOString(),
    savedBy: ctx.caller.openid,
  };
  if (!(await ctx.deps.store.directory.saveCalendarYear(entry))) throw new AppError('CALENDAR.CONFLICT', `${input.year} was saved by someone else meanwhile`);
  return view(ctx, await ctx.directory.current());
}

/**
 * The daily reminder while a year that clocks run into has no list: one notice per admin, year and
 * Beijing day (the id says which), so overlapping runs of the job queue it once. Returns the years
 * missing and how many notices were queued now.
 */
export async function remindMissingCalendar(deps: Deps, snap: DirectorySnapshot, now: Date): Promise<{ missing: number[]; queued: number }> {
  const missing = missingCalendarYears(snap.calendar.map((y) => y.year), now);
  if (missing.length === 0) return { missing, queued: 0 };
  const admins = (await deps.store.directory.listStaff()).filter((s) => s.role === 'admin');
  const day = beijingDate(now);
  const at = now.toISOString();
  const notices: Notification[] = missing.flatMap((year) =>
    admins.map((a) => ({
      id: `cal${year}${day.replace(/-/g, '')}_${a.openid}`,
      recipientOpenid: a.openid,
      kind: 'calendar_missing' as const,
      title: `${year}年节假日安排待录入`,
      body: tidyPunctuation(`${year}年的法定节假日和调休安排尚未录入，办理时限暂按只排除周末计算。请区管理员录入国务院办公厅公布的安排。`),
      page: HOME_PAGE,
      createdAt: at,
    })),
  );
  return { missing, queued: await deps.store.outbox.enqueue(notices) };
}
