import { BUILTIN_CALENDAR, builtinCalendarYears, calendarGaps, checkCalendarYear, isWorkingDay, missingCalendarYears, normalizeCalendarYear, workCalendarOf, type CalendarYear, type CalendarYearInput } from './calendar';
import { DEFAULT_CALENDAR, DEFAULT_SLA, startRound } from '../concerns/sla';

/** A Beijing wall-clock time as an ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
const WINDOW = { dayStartMinute: 9 * 60, dayEndMinute: 18 * 60 };

/** An invented list for 2027, for the tests only: it is not the State Council's. */
const INVENTED_2027: CalendarYearInput = {
  year: 2027,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
  makeupWorkdays: ['2027-02-20'],
  basis: '测试用的安排（并非国务院通知）',
};
const stored = (input: CalendarYearInput, version = 1): CalendarYear => ({ ...input, version, source: 'admin', savedAt: bj('2026-12-02T10:00:00'), savedBy: 'demo-admin-nanhai' });

describe('the built-in lists', () => {
  it('are stored as version 1 of each year, saved when the notice was published', () => {
    const years = builtinCalendarYears();
    expect(years.map((y) => [y.year, y.version, y.source, y.savedBy])).toEqual([[2025, 1, 'builtin', null], [2026, 1, 'builtin', null]]);
    expect(years[1].savedAt).toBe('2025-11-03T16:00:00.000Z');
  });

  it('pass the checks an admin entry passes', () => {
    for (const y of BUILTIN_CALENDAR) expect([y.year, checkCalendarYear(y)]).toEqual([y.year, []]);
  });
});

describe('a year without a list', () => {
  const known2026 = workCalendarOf(builtinCalendarYears(), WINDOW);

  it('works Monday to Friday: Spring Festival 2027 is not guessed', () => {
    expect(isWorkingDay(known2026, '2027-02-08')).toBe(true); // a Monday
    expect(isWorkingDay(known2026, '2027-02-06')).toBe(false); // a Saturday
  });

  it('is a gap of every clock that runs into it, and of none that stays inside known years', () => {
    expect(calendarGaps(known2026, bj('2026-12-28T10:00:00'), bj('2027-01-18T10:00:00'))).toEqual([2027]);
    expect(calendarGaps(known2026, bj('2026-12-01T10:00:00'), bj('2026-12-31T23:59:59'))).toEqual([]);
    expect(calendarGaps(known2026, bj('2027-12-20T10:00:00'), bj('2028-01-10T10:00:00'))).toEqual([2027, 2028]);
  });

  it('is no gap for a calendar written out by hand (no known years given)', () => {
    const { knownYears: _known, ...byHand } = known2026;
    expect(calendarGaps(byHand, bj('2030-01-01T10:00:00'), bj('2031-01-01T10:00:00'))).toEqual([]);
  });
});

describe('clocks at the turn of the year', () => {
  const cat = { townId: 'danzao', code: 'env', kind: 'complaint' as const };
  const on = (years: CalendarYear[]) => ({ ...DEFAULT_SLA, calendar: workCalendarOf(years, WINDOW) });

  it('record the missing year on a concern clocked into it, counting weekends only', () => {
    const s = startRound(on(builtinCalendarYears()), cat, bj('2026-12-28T10:00:00'), null, 'assigned');
    expect(s.calendarGaps).toEqual([2027]);
    // 15 working days from Mon 28 Dec: New Year's Day 2027 (a Friday) counts as a working day.
    expect(s.resolveDueAt).toBe(bj('2027-01-18T10:00:00'));
  });

  it('follow the year once it is entered: its holidays are skipped and no gap is recorded', () => {
    const s = startRound(on([...builtinCalendarYears(), stored(INVENTED_2027)]), cat, bj('2026-12-28T10:00:00'), null, 'assigned');
    expect(s.calendarGaps).toBeUndefined();
    expect(s.resolveDueAt).toBe(bj('2027-01-19T10:00:00'));
  });

  it('follow an edited year: the latest list counts', () => {
    const edited = stored({ ...INVENTED_2027, holidays: [...INVENTED_2027.holidays, '2027-01-04'] }, 2);
    const s = startRound(on([...builtinCalendarYears(), edited]), cat, bj('2026-12-28T10:00:00'), null, 'assigned');
    expect(s.resolveDueAt).toBe(bj('2027-01-20T10:00:00'));
  });

  it('skip the edited year\'s Spring Festival and work its make-up Saturday', () => {
    const cal = workCalendarOf([...builtinCalendarYears(), stored(INVENTED_2027)], WINDOW);
    expect(isWorkingDay(cal, '2027-02-08')).toBe(false);
    expect(isWorkingDay(cal, '2027-02-20')).toBe(true);
  });

  it('need no list for a clock that ends on 31 December of a known year', () => {
    const s = startRound(DEFAULT_SLA, { ...cat, kind: 'consult' }, bj('2026-12-29T10:00:00'), null, 'assigned');
    expect(s.resolveDueAt).toBe(bj('2026-12-31T10:00:00'));
    expect(s.calendarGaps).toBeUndefined();
  });

  it('keep the default calendar exactly the built-in lists', () => {
    expect(DEFAULT_CALENDAR).toEqual(workCalendarOf(builtinCalendarYears(), WINDOW));
  });
});

describe('which years need a list', () => {
  it.each([
    ['in November, this year only', bj('2026-11-30T23:59:59'), [2026], []],
    ['from 1 December (Beijing time), next year too', bj('2026-12-01T00:00:00'), [2026], [2027]],
    ['on New Year\'s Eve a second before midnight', bj('2026-12-31T23:59:59'), [2026, 2027], []],
    ['on New Year\'s Day with no list for the new year', bj('2027-01-01T00:00:00'), [2026], [2027]],
    ['in 2031 with nothing entered since 2026', bj('2031-06-01T12:00:00'), [2025, 2026], [2031]],
  ])('%s', (_what, now, known, missing) => {
    expect(missingCalendarYears(known, new Date(now))).toEqual(missing);
  });

  it('go by Beijing time: 16:00 UTC on 30 November is already December in Beijing', () => {
    expect(missingCalendarYears([2026], new Date('2026-11-30T16:00:00Z'))).toEqual([2027]);
    expect(missingCalendarYears([2026], new Date('2026-11-30T15:59:59Z'))).toEqual([]);
  });
});

describe('an admin entry', () => {
  const check = (patch: Partial<CalendarYearInput>) => checkCalendarYear({ ...INVENTED_2027, ...patch });

  it('passes when every date is real, in reach of the year, and each list is consistent', () => {
    expect(check({})).toEqual([]);
    // A notice may reach into the neighbouring years (New Year's Day arranged the year before).
    expect(check({ makeupWorkdays: ['2026-12-26'] })).toEqual([]);
  });

  it.each([
    ['a year out of range', { year: 1999 }, 'year', '年份须在'],
    ['an impossible date', { holidays: ['2027-02-30'] }, 'holidays', '2027-02-30 不是有效日期'],
    ['a date of another year', { holidays: ['2027-01-01', '2028-03-01'] }, 'holidays', '2028-03-01 不在 2027 年的安排范围内'],
    ['a repeated date', { holidays: ['2027-01-01', '2027-01-01'] }, 'holidays', '2027-01-01 重复'],
    ['no holiday at all', { holidays: [] }, 'holidays', '每年都有法定节假日'],
    ['a make-up workday on a weekday', { makeupWorkdays: ['2027-02-17'] }, 'makeupWorkdays', '2027-02-17 不是周末'],
    ['a day both off and worked', { holidays: ['2027-02-20'], makeupWorkdays: ['2027-02-20'] }, 'makeupWorkdays', '2027-02-20 不能既放假又上班'],
    ['no basis', { basis: '   ' }, 'basis', '请注明依据'],
  ])('is refused for %s, naming the field and what is wrong', (_what, patch, field, message) => {
    expect(check(patch)).toEqual(expect.arrayContaining([{ field, message: expect.stringContaining(message) }]));
  });

  it('is stored sorted, each date once, the basis trimmed', () => {
    expect(normalizeCalendarYear({ ...INVENTED_2027, holidays: ['2027-02-05', '2027-01-01'], basis: ' 通知 ' })).toEqual({ ...INVENTED_2027, holidays: ['2027-01-01', '2027-02-05'], basis: '通知' });
  });
});
