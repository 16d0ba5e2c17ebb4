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
