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
import { isOpen } from './lifecycle';
import type { Category, CategoryKind, ConcernSla, ConcernStatus } from './model';

export interface WorkCalendar {
  /** Dates (YYYY-MM-DD, Beijing time) that are not worked although they fall on a weekday. */
  holidays: readonly string[];
  /** Weekend dates (YYYY-MM-DD) that are worked (调休上班). */
  makeupWorkdays: readonly string[];
  /** Working window of a working day, in minutes after midnight Beijing time. */
  dayStartMinute: number;
  dayEndMinute: number;
}

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

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function dates(first: string, n: number): string[] {
  const t = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t + i * DAY_MS).toISOString().slice(0, 10));
}

/** Public holidays (国务院办公厅 notices of 2024-11-12 and 2025-11-04). Update yearly, or set JIEFANG_HOLIDAYS. */
export const CN_HOLIDAYS: readonly string[] = [
  ...dates('2025-01-01', 1), ...dates('2025-01-28', 8), ...dates('2025-04-04', 3), ...dates('2025-05-01', 5),
  ...dates('2025-05-31', 3), ...dates('2025-10-01', 8),
  ...dates('2026-01-01', 3), ...dates('2026-02-15', 9), ...dates('2026-04-04', 3), ...dates('2026-05-01', 5),
  ...dates('2026-06-19', 3), ...dates('2026-09-25', 3), ...dates('2026-10-01', 7),
];
/** Weekend days worked instead (调休上班) in the same notices. */
export const CN_MAKEUP_WORKDAYS: readonly string[] = [
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
];

export const DEFAULT_CALENDAR: WorkCalendar = {
  holidays: CN_HOLIDAYS,
  makeupWorkdays: CN_MAKEUP_WORKDAYS,
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

/** True when the Beijing-time date (YYYY-MM-DD) is a working day of the calendar. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  if (cal.makeupWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Adds `minutes` of working time to an instant; returns the instant (ISO, UTC) the time runs out. */
export function addWorkingMinutes(cal: WorkCalendar, startIso: string, minutes: number): string {
  if (!(cal.dayEndMinute > cal.dayStartMinute)) throw new Error('the working window must not be empty');
  // Work in "Beijing wall-clock ms" (UTC fields of a shifted Date read as Beijing time).
  let t = Date.parse(startIso) + OFFSET_MS;
  let left = minutes * MINUTE_MS;
  // A calendar with no working day would loop forever: give up after ten years of days.
  for (let guard = 0; guard < 3660; guard++) {
    const dayStart = Math.floor(t / DAY_MS) * DAY_MS;
    const open = dayStart + cal.dayStartMinute * MINUTE_MS;
    const close = dayStart + cal.dayEndMinute * MINUTE_MS;
    const date = new Date(dayStart).toISOString().slice(0, 10);
    if (isWorkingDay(cal, date) && t < close) {
      if (t < open) t = open;
      const available = close - t;
      if (left <= available) return new Date(t + left - OFFSET_MS).toISOString();
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
  const ackPending = sla.ackedAt === null && !sla.ackMissed && sla.ackDueAt !== null;
  const resolvePending = sla.resolvedAt === null && !sla.resolveMissed && sla.resolveDueAt !== null;
  return {
    ...sla,
    dueAt: open ? (sla.ackedAt === null ? sla.ackDueAt : sla.resolveDueAt) : null,
    watchAt: !open ? null : ackPending ? sla.ackDueAt : resolvePending ? sla.resolveDueAt : null,
  };
}

/** Fresh clocks for a round that starts at `at`: at submit (round 1) and at every reopen. */
export function startRound(config: SlaConfig, category: Pick<Category, 'townId' | 'code' | 'kind'>, at: string, prev: ConcernSla | null, status: ConcernStatus): ConcernSla {
  const p = policyFor(config, category);
  return derive(
    {
      round: prev ? prev.round + 1 : 1,
      ackDueAt: addWorkingMinutes(config.calendar, at, p.acknowledgeHours * 60),
      resolveDueAt: addWorkingDays(config.calendar, at, p.resolveDays),
      ackedAt: null,
      resolvedAt: null,
      ackMissed: false,
      resolveMissed: false,
      overdue: prev?.overdue ?? false,
      firstResponse: prev?.firstResponse ?? 'pending',
      dueAt: null,
      watchAt: null,
    },
    status,
  );
}

/** Clocks of a concern stored before clocks existed: nothing to watch. */
export function noClocks(): ConcernSla {
  return { round: 1, ackDueAt: null, resolveDueAt: null, ackedAt: null, resolvedAt: null, ackMissed: false, resolveMissed: false, overdue: false, firstResponse: 'pending', dueAt: null, watchAt: null };
}

/** The first acceptance of a round stops the acknowledge clock (and decides 响应率 in round 1). */
export function onAccepted(sla: ConcernSla, at: string): ConcernSla {
  if (sla.ackedAt !== null) return sla;
  const firstResponse = sla.round === 1 && sla.firstResponse === 'pending' ? (sla.ackDueAt === null || at <= sla.ackDueAt ? 'in_time' : 'late') : sla.firstResponse;
  return { ...sla, ackedAt: at, firstResponse };
}

export function onResolved(sla: ConcernSla, at: string): ConcernSla {
  return { ...sla, resolvedAt: at };
}

/** Which of the round's clocks have run out unmet at `now` and not yet been acted on. */
export function missedAt(sla: ConcernSla, now: string): { ack: boolean; resolve: boolean } {
  return {
    ack: sla.ackedAt === null && !sla.ackMissed && sla.ackDueAt !== null && sla.ackDueAt <= now,
    resolve: sla.resolvedAt === null && !sla.resolveMissed && sla.resolveDueAt !== null && sla.resolveDueAt <= now,
  };
}

/** Marks the clocks that ran out, so the SLA job acts on each missed clock once. */
export function markMissed(sla: ConcernSla, missed: { ack: boolean; resolve: boolean }): ConcernSla {
  return {
    ...sla,
    ackMissed: sla.ackMissed || missed.ack,
    resolveMissed: sla.resolveMissed || missed.resolve,
    overdue: sla.overdue || missed.ack || missed.resolve,
    firstResponse: missed.ack && sla.round === 1 && sla.firstResponse === 'pending' ? 'late' : sla.firstResponse,
  };
}
