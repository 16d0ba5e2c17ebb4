import { computeHours, hoursText } from './hours';

// A two-hour event, 09:00–11:00 Beijing time (01:00–03:00 UTC).
const W = { startAt: '2025-05-10T01:00:00.000Z', endAt: '2025-05-10T03:00:00.000Z' };
const at = (hhmm: string) => `2025-05-10T${hhmm}:00.000Z`;

describe('volunteer hours', () => {
  it.each([
    ['counts the whole event for someone present from start to end', at('01:00'), at('03:00'), 120, 'ok'],
    ['caps a check-in before the window to the start', at('00:20'), at('03:00'), 120, 'ok'],
    ['caps a check-out after the window to the end', at('01:00'), at('04:30'), 120, 'ok'],
    ['caps both ends at once', at('00:00'), at('05:00'), 120, 'ok'],
    ['credits exactly 60% of the event (72 of 120 minutes)', at('01:00'), at('02:12'), 72, 'ok'],
    ['credits nothing for 59% of the event (70.8 of 120 minutes)', at('01:00'), '2025-05-10T02:10:48.000Z', 0, 'below_threshold'],
    ['credits nothing a second under 60%', at('01:00'), '2025-05-10T02:11:59.000Z', 0, 'below_threshold'],
    ['measures presence inside the window only: early arrival does not make up for leaving early', at('00:00'), at('02:00'), 0, 'below_threshold'],
    ['credits nothing for a check-out before the check-in window', at('00:00'), at('00:50'), 0, 'below_threshold'],
    ['rounds partial minutes down', '2025-05-10T01:00:30.000Z', at('03:00'), 119, 'ok'],
  ])('%s', (_name, checkIn, checkOut, minutes, note) => {
    expect(computeHours(W, checkIn, checkOut)).toMatchObject({ minutes, note });
  });

  it('credits nothing without a check-out, and says so for the leader to correct', () => {
    expect(computeHours(W, at('01:00'), null)).toEqual({ minutes: 0, presentMinutes: 0, note: 'no_checkout' });
  });

  it('credits nothing without a check-in', () => {
    expect(computeHours(W, null, null)).toEqual({ minutes: 0, presentMinutes: 0, note: 'no_checkin' });
  });

  it('reports the minutes present even when they are not credited', () => {
    expect(computeHours(W, at('01:00'), at('01:30'))).toEqual({ minutes: 0, presentMinutes: 30, note: 'below_threshold' });
  });

  it.each([
    [0, '0.0'],
    [90, '1.5'],
    [125, '2.1'],
  ])('shows %i minutes as %s hours', (m, text) => {
    expect(hoursText(m)).toBe(text);
  });
});

describe('volunteer hours of a malformed event', () => {
  it('credits nothing for an event of zero length, however long the person stayed', () => {
    const zero = { startAt: at('01:00'), endAt: at('01:00') };
    expect(computeHours(zero, at('00:30'), at('02:00'))).toEqual({ minutes: 0, presentMinutes: 0, note: 'below_threshold' });
  });

  it('credits nothing for an event that ends before it starts', () => {
    const backwards = { startAt: at('03:00'), endAt: at('01:00') };
    expect(computeHours(backwards, at('01:00'), at('03:00'))).toEqual({ minutes: 0, presentMinutes: 0, note: 'below_threshold' });
  });

  it('credits nothing for a check-out before the check-in, inside the window', () => {
    expect(computeHours(W, at('02:30'), at('01:30'))).toEqual({ minutes: 0, presentMinutes: 0, note: 'below_threshold' });
  });
});

describe('hours as text', () => {
  it.each([
    [0, '0.0'],
    [1, '0.0'],
    [3, '0.1'],
    [150, '2.5'],
    [59, '1.0'],
    [125, '2.1'],
  ])('shows %i minutes as %s hours', (minutes, text) => {
    expect(hoursText(minutes)).toBe(text);
  });
});
