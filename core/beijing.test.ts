import {
  beijingClock,
  beijingDate,
  beijingDayStart,
  beijingInstant,
  beijingMonthKey,
  beijingMonthSpan,
  beijingMonthStart,
  beijingTime,
  beijingW3c,
  nextMonthKey,
} from './beijing';

describe('beijing', () => {
  // 2026-02-28T16:30:00Z is 2026-03-01 00:30 in Beijing: the day and month both roll over.
  const lateUtc = '2026-02-28T16:30:00.000Z';

  it('reads dates, months and wall-clock text in Beijing time', () => {
    expect(beijingDate(lateUtc)).toBe('2026-03-01');
    expect(beijingMonthKey(lateUtc)).toBe('2026-03');
    expect(beijingMonthKey('2026-02-28T15:59:59.999Z')).toBe('2026-02');
    expect(beijingTime(lateUtc, true)).toBe('2026-03-01 00:30');
    expect(nextMonthKey('2026-12')).toBe('2027-01');
    expect(nextMonthKey('2026-02')).toBe('2026-03');
    expect(beijingW3c(lateUtc)).toBe('2026-03-01T00:30:00+08:00');
    expect(beijingClock(new Date(lateUtc)).getUTCHours()).toBe(0);
  });

  it('turns Beijing days, months and times into UTC instants', () => {
    expect(beijingDayStart('2026-03-01')).toBe('2026-02-28T16:00:00.000Z');
    expect(beijingMonthStart('2026-01')).toBe('2025-12-31T16:00:00.000Z');
    expect(beijingMonthSpan('2026-11', '2026-12')).toEqual({ from: '2026-10-31T16:00:00.000Z', until: '2026-12-31T16:00:00.000Z' });
    expect(beijingInstant('2026-03-01', '09:30')).toBe('2026-03-01T01:30:00.000Z');
    expect(beijingInstant('2026-03-01', '09:30')).toBe(new Date('2026-03-01T09:30:00+08:00').toISOString());
  });
});
