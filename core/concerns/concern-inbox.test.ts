import { beijingTime } from '../beijing';
import { endOfBeijingDay, inboxNarrowing } from './concern-inbox';

describe('endOfBeijingDay', () => {
  it.each([
    // 23:59:59 Beijing on 03-18 is still 03-18: the day ends at 00:00 Beijing on 03-19 (16:00Z on 03-18).
    ['2026-03-18T15:59:59.000Z', '2026-03-18T16:00:00.000Z'],
    // 00:00 Beijing on 03-19 is the next day already.
    ['2026-03-18T16:00:00.000Z', '2026-03-19T16:00:00.000Z'],
    // 08:00 UTC on 12-31 is 16:00 Beijing the same day.
    ['2026-12-31T08:00:00.000Z', '2026-12-31T16:00:00.000Z'],
    // 20:00 UTC on 12-31 is 04:00 Beijing on 01-01 of the next year.
    ['2026-12-31T20:00:00.000Z', '2027-01-01T16:00:00.000Z'],
  ])('at %s the Beijing day ends at %s', (now, end) => {
    expect(endOfBeijingDay(new Date(now))).toBe(end);
  });

  it('narrows 今天到期 to the rest of the Beijing day', () => {
    expect(inboxNarrowing('dueToday', new Date('2026-03-18T17:30:00.000Z'))).toEqual({ kind: 'due', from: '2026-03-18T17:30:00.000Z', before: '2026-03-19T16:00:00.000Z' });
  });
});

describe('beijingTime', () => {
  it.each([
    ['2026-03-18T01:00:00.000Z', false, '03-18 09:00'],
    ['2026-03-18T16:05:00.000Z', false, '03-19 00:05'],
    ['2026-12-31T16:30:00.000Z', true, '2027-01-01 00:30'],
  ])('shows %s as Beijing time (year: %s) %s', (at, withYear, shown) => {
    expect(beijingTime(at, withYear)).toBe(shown);
  });
});
