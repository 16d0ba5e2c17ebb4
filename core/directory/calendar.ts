/**
 * The working-day calendar as data. China's public holidays and the weekend days worked instead (调休)
 * are set each year by a State Council notice (国务院办公厅关于某年部分节假日安排的通知, usually published
 * in November), so they cannot live in code: each year's lists are stored with the deployment, seeded
 * from the lists below, and entered by a district admin when a new notice appears (`calendar/save`).
 *
 * A year without a list is not guessed: its days are worked Monday to Friday, every clock that runs
 * through it records the gap (`ConcernSla.calendarGaps`), and admins are told until the list is entered.
 */
import { beijingMonth, beijingYear } from '../beijing';

export interface WorkCalendar {
  /** Dates (YYYY-MM-DD, Beijing time) that are not worked although they fall on a weekday. */
  holidays: readonly string[];
  /** Weekend dates (YYYY-MM-DD) that are worked (调休上班). */
  makeupWorkdays: readonly string[];
  /**
   * Years whose holiday lists are known. A date in any other year is a working day on weekdays only,
   * and a clock that runs through it records the year as a gap. Absent: every year is taken as known
   * (a calendar written out by hand).
   */
  knownYears?: readonly number[];
  /** Working window of a working day, in minutes after midnight Beijing time. */
  dayStartMinute: number;
  dayEndMinute: number;
}

/** One year's lists as stored. Every save is a new version; earlier versions are kept. */
export interface CalendarYear {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
  /** Where the lists come from, e.g. the notice's title and date. */
  basis: string;
  /** 1 for the first list of the year; each save adds one. */
  version: number;
  source: 'builtin' | 'admin';
  savedAt: string;
  /** The admin who saved it; null for the built-in lists. */
  savedBy: string | null;
}

/** What an admin enters for a year. */
export interface CalendarYearInput {
  year: number;
  holidays: string[];
  makeupWorkdays: string[];
  basis: string;
}

export const CALENDAR_LIMITS = { minYear: 2000, maxYear: 2099, maxHolidays: 40, maxMakeupWorkdays: 15, basisMax: 200 } as const;

const DAY_MS = 86_400_000;

function dates(first: string, n: number): string[] {
  const t = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(t + i * DAY_MS).toISOString().slice(0, 10));
}

/**
 * The lists this release knows, from the State Council notices. Later years are entered by a district
 * admin: a list is added here only when its notice is known for certain.
 */
export const BUILTIN_CALENDAR: ReadonlyArray<CalendarYearInput & { publishedAt: string }> = [
  {
    year: 2025,
    publishedAt: '2024-11-12T00:00:00+08:00',
    basis: '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）',
    holidays: [...dates('2025-01-01', 1), ...dates('2025-01-28', 8), ...dates('2025-04-04', 3), ...dates('2025-05-01', 5), ...dates('2025-05-31', 3), ...dates('2025-10-01', 8)],
    makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    publishedAt: '2025-11-04T00:00:00+08:00',
    basis: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    holidays: [
      ...dates('2026-01-01', 3), ...dates('2026-02-15', 9), ...dates('2026-04-04', 3), ...dates('2026-05-01', 5),
      ...dates('2026-06-19', 3), ...dates('2026-09-25', 3), ...dates('2026-10-01', 7),
    ],
    makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

/** The built-in lists as stored records (version 1, saved when their notice was published), for seeding a store. */
export function builtinCalendarYears(): CalendarYear[] {
  return BUILTIN_CALENDAR.map(({ publishedAt, ...y }) => ({
    ...y,
    holidays: [...y.holidays],
    makeupWorkdays: [...y.makeupWorkdays],
    version: 1,
    source: 'builtin',
    savedAt: new Date(publishedAt).toISOString(),
    savedBy: null,
  }));
}

/** True when the Beijing-time date (YYYY-MM-DD) is a working day of the calendar. */
export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  if (cal.makeupWorkdays.includes(date)) return true;
  if (cal.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The calendar of the stored years (their latest versions), with the working window given. */
export function workCalendarOf(years: readonly CalendarYear[], window: Pick<WorkCalendar, 'dayStartMinute' | 'dayEndMinute'>): WorkCalendar {
  return {
    holidays: years.flatMap((y) => y.holidays),
    makeupWorkdays: years.flatMap((y) => y.makeupWorkdays),
    knownYears: years.map((y) => y.year).sort((a, b) => a - b),
    dayStartMinute: window.dayStartMinute,
    dayEndMinute: window.dayEndMinute,
  };
}

/** The years from `fromIso` to `toIso` (Beijing time, both included) whose lists the calendar lacks. */
export function calendarGaps(cal: WorkCalendar, fromIso: string, toIso: string): number[] {
  if (!cal.knownYears) return [];
  const gaps: number[] = [];
  for (let y = beijingYear(fromIso); y <= beijingYear(toIso); y++) if (!cal.knownYears.includes(y)) gaps.push(y);
  return gaps;
}

/**
 * The years that need a list now and have none: the current year, and from December 1 on (Beijing time)
 * the next one too, since the next year's notice is usually out by then and clocks start to run into it.
 */
export function missingCalendarYears(known: readonly number[], now: Date): number[] {
  const year = beijingYear(now);
  const wanted = beijingMonth(now) === 12 ? [year, year + 1] : [year];
  return wanted.filter((y) => !known.includes(y));
}

export interface CalendarProblem {
  field: 'year' | 'holidays' | 'makeupWorkdays' | 'basis';
  message: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function realDate(d: string): boolean {
  return DATE_RE.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
}

/**
 * Checks a year's lists as an admin entered them. A notice may reach a few days into the neighbouring
 * years (New Year's Day 2019 was arranged in the 2018 notice, with 2018-12-29 worked), so dates from
 * December of the year before to January of the year after are accepted; nothing further.
 */
export function checkCalendarYear(input: CalendarYearInput): CalendarProblem[] {
  const problems: CalendarProblem[] = [];
  const { year } = input;
  if (!Number.isInteger(year) || year < CALENDAR_LIMITS.minYear || year > CALENDAR_LIMITS.maxYear) {
    return [{ field: 'year', message: `年份须在 ${CALENDAR_LIMITS.minYear}–${CALENDAR_LIMITS.maxYear} 之间` }];
  }
  const first = `${year - 1}-12-01`;
  const last = `${year + 1}-01-31`;
  const check = (field: 'holidays' | 'makeupWorkdays', list: string[], max: number) => {
    if (list.length > max) problems.push({ field, message: `最多 ${max} 天` });
    const seen = new Set<string>();
    for (const d of list) {
      if (!realDate(d)) problems.push({ field, message: `${d} 不是有效日期（格式 YYYY-MM-DD）` });
      else if (d < first || d > last) problems.push({ field, message: `${d} 不在 ${year} 年的安排范围内` });
      else if (seen.has(d)) problems.push({ field, message: `${d} 重复` });
      seen.add(d);
    }
  };
  check('holidays', input.holidays, CALENDAR_LIMITS.maxHolidays);
  check('makeupWorkdays', input.makeupWorkdays, CALENDAR_LIMITS.maxMakeupWorkdays);
  if (input.holidays.length === 0) problems.push({ field: 'holidays', message: '每年都有法定节假日，请录入放假日期' });
  for (const d of input.makeupWorkdays) {
    if (!realDate(d)) continue;
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) problems.push({ field: 'makeupWorkdays', message: `${d} 不是周末，调休上班日应为周六或周日` });
    if (input.holidays.includes(d)) problems.push({ field: 'makeupWorkdays', message: `${d} 不能既放假又上班` });
  }
  const basis = input.basis.trim();
  if (basis.length === 0) problems.push({ field: 'basis', message: '请注明依据（通知名称与日期）' });
  else if ([...basis].length > CALENDAR_LIMITS.basisMax) problems.push({ field: 'basis', message: `依据最多 ${CALENDAR_LIMITS.basisMax} 字` });
  return problems;
}

/** The lists in a stable order (sorted, each date once), as they are stored. */
export function normalizeCalendarYear(input: CalendarYearInput): CalendarYearInput {
  const sorted = (l: string[]) => [...new Set(l)].sort();
  return { year: input.year, holidays: sorted(input.holidays), makeupWorkdays: sorted(input.makeupWorkdays), basis: input.basis.trim() };
}

