/**
 * SLA clocks on a working-day calendar (Asia/Shanghai, UTC+8 all year, so a fixed offset is exact).
 *
 * A clock counts working time only: the working window of each working day (weekdays, minus public
 * holidays, plus the weekend days that are worked instead, 调休). A concern reported on a Friday evening
 * starts counting on Monday morning. "N working days" is N whole working windows, so a case received on
 * Wednesday at 10:00 with 2 working days is due Friday at 10:00.
 *
 * Defaults follow Guangdong's 12345 rules: 咨询 2 working days, 求助/建议 10, 投诉/举报 15; acknowledgement
 * (签收) within a few working hours.
 */
import { BEIJING_OFFSET_MS } from '../beijing';
import { BUILTIN_CALENDAR, calendarGaps, isWorkingDay, type WorkCalendar } from '../directory/calendar';
import { isOpen } from './lifecycle';
import type { Category, CategoryKind, ConcernSla, ConcernStatus, RouteCredit } from '../model';

export { isWorkingDay, type WorkCalendar } from '../directory/calendar';

export interface SlaPolicy {
  /** Working hours to accept (签收). */
  acknowledgeHours: number;
  /** Working days to resolve (办结). */
  resolveDays: number;
}

export interface SlaConfig {
  calendar: WorkCalendar;
  byKind: Readonly<Record<CategoryKind, SlaPolicy>>;
  /** Per-category overrides, keyed `townId/categoryCode`. */
  byCategory?: Readonly<Record<string, Partial<SlaPolicy>>>;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The built-in lists as one calendar (the years this release knows). A runtime clocks concerns with the
 * lists stored in its deployment instead (core/directory/calendar.ts); this is the calendar of pure computations
 * and of a store that has just been seeded.
 */
export const DEFAULT_CALENDAR: WorkCalendar = {
  holidays: BUILTIN_CALENDAR.flatMap((y) => y.holidays),
  makeupWorkdays: BUILTIN_CALENDAR.flatMap((y) => y.makeupWorkdays),
  knownYears: BUILTIN_CALENDAR.map((y) => y.year),
  dayStartMinute: 9 * 60,
  dayEndMinute: 18 * 60,
};

export const DEFAULT_SLA: SlaConfig = {
  calendar: DEFAULT_CALENDAR,
  byKind: {
    consult: { acknowledgeHours: 4, resolveDays: 2 },
    help: { acknowledgeHours: 4, resolveDays: 10 },
    suggest: { acknowledgeHours: 4, resolveDays: 10 },
    complaint: { acknowledgeHours: 4, resolveDays: 15 },
    report: { acknowledgeHours: 4, resolveDays: 15 },
  },
};

/** Adds `minutes` of working time to an instant; returns the instant (ISO, UTC) the time runs out. */
export function addWorkingMinutes(cal: WorkCalendar, startIso: string, minutes: number): string {
  if (!(cal.dayEndMinute > cal.dayStartMinute)) throw new Error('the working window must not be empty');
  // Work in "Beijing wall-clock ms" (UTC fields of a shifted Date read as Beijing time).
  let t = Date.parse(startIso) + BEIJING_OFFSET_MS;
  let left = minutes * MINUTE_MS;
  // A calendar with no working day would loop forever: give up after ten years of days.
  // Stryker disable next-line EqualityOperator: 3,660 days or 3,661, a calendar without a working day throws either way.
  for (let guard = 0; guard < 3660; guard++) {
    const dayStart = Math.floor(t / DAY_MS) * DAY_MS;
    const open = dayStart + cal.dayStartMinute * MINUTE_MS;
    const close = dayStart + cal.dayEndMinute * MINUTE_MS;
    const date = new Date(dayStart).toISOString().slice(0, 10);
    // Stryker disable next-line EqualityOperator: at closing time no minute is left that day; every clock adds at least an hour (LIMITS), so both move on to the next opening.
    if (isWorkingDay(cal, date) && t < close) {
      // Stryker disable next-line EqualityOperator: at opening time, moving to the opening changes nothing.
      if (t < open) t = open;
      const available = close - t;
      if (left <= available) return new Date(t + left - BEIJING_OFFSET_MS).toISOString();
      left -= available;
    }
    t = dayStart + DAY_MS;
  }
  throw new Error('the calendar has no working day within ten years');
}

export function addWorkingDays(cal: WorkCalendar, startIso: string, days: number): string {
  return addWorkingMinutes(cal, startIso, days * (cal.dayEndMinute - cal.dayStartMinute));
}

export function policyFor(config: SlaConfig, category: Pick<Category, 'townId' | 'code' | 'kind'>): SlaPolicy {
  return { ...config.byKind[category.kind], ...(config.byCategory?.[`${category.townId}/${category.code}`] ?? {}) };
}

/** Recomputes the stored, indexable fields from the clocks and the concern's status. */
export function derive(sla: ConcernSla, status: ConcernStatus): ConcernSla {
  const open = isOpen(status);
  // A concern without an acknowledge clock is watched on its resolve clock; one without a resolve clock
  // (watchAt = resolveDueAt = null) on nothing.
  const ackPending = sla.ackedAt === null && !sla.ackMissed && sla.ackDueAt !== null;
  const resolvePending = sla.resolvedAt === null && !sla.resolveMissed;
  return {
    ...sla,
    dueAt: open ? (sla.ackedAt === null ? sla.ackDueAt : sla.resolveDueAt) : null,
    watchAt: !open ? null : ackPending ? sla.ackDueAt : resolvePending ? sla.resolveDueAt : null,
  };
}

/** Fresh clocks for a round that starts at `at`: at submit (round 1) and at every reopen. */
export function startRound(config: SlaConfig, category: Pick<Category, 'townId' | 'code' | 'kind'>, at: string, prev: ConcernSla | null, status: ConcernStatus): ConcernSla {
  const p = policyFor(config, category);
  const ackDueAt = addWorkingMinutes(config.calendar, at, p.acknowledgeHours * 60);
  const resolveDueAt = addWorkingDays(config.calendar, at, p.resolveDays);
  // A year without a holiday list was clocked on weekends only: the clock says so.
  // Stryker disable next-line EqualityOperator: equal deadlines are one instant.
  const gaps = calendarGaps(config.calendar, at, resolveDueAt > ackDueAt ? resolveDueAt : ackDueAt);
  return derive(
    {
      round: prev ? prev.round + 1 : 1,
      ackDueAt,
      resolveDueAt,
      ackedAt: null,
      resolvedAt: null,
      ackMissed: false,
      resolveMissed: false,
      overdue: prev?.overdue ?? false,
      firstResponse: prev?.firstResponse ?? 'pending',
      dueAt: null,
      watchAt: null,
      ...(gaps.length > 0 ? { calendarGaps: gaps } : {}),
      // A reopened concern keeps its credits until a new 办结 replaces resolvedBy.
      ...(prev?.acceptedBy ? { acceptedBy: prev.acceptedBy } : {}),
      ...(prev?.resolvedBy ? { resolvedBy: prev.resolvedBy } : {}),
    },
    status,
  );
}

/** Clocks of a concern stored before clocks existed: nothing to watch. */
export function noClocks(): ConcernSla {
  return { round: 1, ackDueAt: null, resolveDueAt: null, ackedAt: null, resolvedAt: null, ackMissed: false, resolveMissed: false, overdue: false, firstResponse: 'pending', dueAt: null, watchAt: null };
}

/** The first acceptance of a round stops the acknowledge clock (and decides 响应率 in round 1). */
export function onAccepted(sla: ConcernSla, at: string, by: RouteCredit): ConcernSla {
  if (sla.ackedAt !== null) return sla;
  const deciding = sla.round === 1 && sla.firstResponse === 'pending';
  const firstResponse = deciding ? (sla.ackDueAt === null || at <= sla.ackDueAt ? 'in_time' : 'late') : sla.firstResponse;
  return { ...sla, ackedAt: at, firstResponse, ...(deciding ? { acceptedBy: creditOf(by) } : {}) };
}

/** A resolution is credited to the node that resolved it (the latest one when reopened and resolved again). */
export function onResolved(sla: ConcernSla, at: string, by: RouteCredit): ConcernSla {
  return { ...sla, resolvedAt: at, resolvedBy: creditOf(by) };
}

/** Only the four levels: a RouteDecision passed in keeps its reason and step out of the stored credit. */
export function creditOf(r: RouteCredit): RouteCredit {
  return { townId: r.townId, villageId: r.villageId, cooperativeId: r.cooperativeId, gridId: r.gridId };
}

/** Which of the round's clocks have run out unmet at `now` and not yet been acted on. */
export function missedAt(sla: ConcernSla, now: string): { ack: boolean; resolve: boolean } {
  return {
    ack: sla.ackedAt === null && !sla.ackMissed && sla.ackDueAt !== null && sla.ackDueAt <= now,
    resolve: sla.resolvedAt === null && !sla.resolveMissed && sla.resolveDueAt !== null && sla.resolveDueAt <= now,
  };
}

/** Marks the clocks that ran out, so the SLA job acts on each missed clock once. */
export function markMissed(sla: ConcernSla, missed: { ack: boolean; resolve: boolean }, holder: RouteCredit): ConcernSla {
  const decidesLate = missed.ack && sla.round === 1 && sla.firstResponse === 'pending';
  return {
    ...(decidesLate ? { acceptedBy: creditOf(holder) } : {}),
    ...sla,
    ackMissed: sla.ackMissed || missed.ack,
    resolveMissed: sla.resolveMissed || missed.resolve,
    overdue: sla.overdue || missed.ack || missed.resolve,
    firstResponse: decidesLate ? 'late' : sla.firstResponse,
  };
}
