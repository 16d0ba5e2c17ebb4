import { mayChase, workingDayOf } from './chase';
import type { WorkCalendar } from '../directory/calendar';

/** A Beijing wall-clock time as an ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
/** An invented calendar, for the tests only: 2027-10-01..07 off, Saturday 2027-10-09 worked. */
const CAL: WorkCalendar = {
  holidays: ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'],
  makeupWorkdays: ['2027-10-09'],
  dayStartMinute: 9 * 60,
  dayEndMinute: 18 * 60,
};

describe('the working day a chase counts for', () => {
  it('is its own Beijing date on a working day, even late in the evening (UTC is still the day before)', () => {
    expect(workingDayOf(CAL, bj('2027-09-28T23:30:00'))).toBe('2027-09-28');
    expect(workingDayOf(CAL, bj('2027-09-29T00:10:00'))).toBe('2027-09-29');
  });

  it('is the next working day for a weekend or holiday, counting a 调休 Saturday as worked', () => {
    expect(workingDayOf(CAL, bj('2027-09-25T10:00:00'))).toBe('2027-09-27');
    expect(workingDayOf(CAL, bj('2027-10-01T10:00:00'))).toBe('2027-10-08');
    expect(workingDayOf(CAL, bj('2027-10-09T10:00:00'))).toBe('2027-10-09');
  });
});

describe('whether a resident may chase up', () => {
  const ackDue = bj('2027-09-28T13:00:00');

  it('refuses before the acknowledge deadline and says when it opens', () => {
    expect(mayChase(CAL, ackDue, null, bj('2027-09-28T12:59:59'))).toEqual({ ok: false, code: 'CONCERN.CHASE_TOO_EARLY', from: ackDue });
  });

  it('allows the first chase at the deadline and after, and when the concern has no clocks', () => {
    expect(mayChase(CAL, ackDue, null, ackDue)).toEqual({ ok: true });
    expect(mayChase(CAL, ackDue, null, bj('2027-09-30T09:00:00'))).toEqual({ ok: true });
    expect(mayChase(CAL, null, null, bj('2027-09-30T09:00:00'))).toEqual({ ok: true });
  });

  it('allows one chase per working day: the next opens at 00:00 of the following working day', () => {
    const last = bj('2027-09-28T14:00:00');
    expect(mayChase(CAL, ackDue, last, bj('2027-09-28T23:59:59'))).toEqual({ ok: false, code: 'CONCERN.CHASE_TOO_SOON', from: bj('2027-09-29T00:00:00') });
    expect(mayChase(CAL, ackDue, last, bj('2027-09-29T00:00:00'))).toEqual({ ok: true });
  });

  it('counts a chase over the weekend or a holiday for the working day after, skipping the days off', () => {
    const ackDue = bj('2027-09-20T13:00:00');
    // Friday's chase: the next one opens on Monday, not on Saturday.
    expect(mayChase(CAL, ackDue, bj('2027-09-24T16:00:00'), bj('2027-09-26T10:00:00'))).toMatchObject({ ok: false, from: bj('2027-09-27T00:00:00') });
    // A chase on Saturday counts for Monday: Monday itself is refused, Tuesday opens.
    expect(mayChase(CAL, ackDue, bj('2027-09-25T10:00:00'), bj('2027-09-27T10:00:00'))).toMatchObject({ ok: false, from: bj('2027-09-28T00:00:00') });
    // During the National Day holiday one chase counts for 2027-10-08; the next opens on the worked Saturday.
    expect(mayChase(CAL, ackDue, bj('2027-10-02T10:00:00'), bj('2027-10-08T18:00:00'))).toMatchObject({ ok: false, from: bj('2027-10-09T00:00:00') });
    expect(mayChase(CAL, ackDue, bj('2027-10-02T10:00:00'), bj('2027-10-09T08:00:00'))).toEqual({ ok: true });
  });
});
