import { formatDates, parseDates } from './calendar-input';

describe('dates typed from a holiday notice', () => {
  it.each([
    ['one date', '2027-01-01', ['2027-01-01']],
    ['a date without leading zeros', '2027-1-1', ['2027-01-01']],
    ['a date written in Chinese', '2027年2月6日', ['2027-02-06']],
    ['a span with 至', '2027-02-06至2027-02-08', ['2027-02-06', '2027-02-07', '2027-02-08']],
    ['a span with ~ and spaces', '2027-10-01 ~ 2027-10-03', ['2027-10-01', '2027-10-02', '2027-10-03']],
    ['a span across New Year', '2027-12-31到2028-01-01', ['2027-12-31', '2028-01-01']],
    ['lines, commas and 、 mixed, repeats once, sorted', '2027-05-01\n2027-01-01，2027-01-01、2027-04-05', ['2027-01-01', '2027-04-05', '2027-05-01']],
  ])('reads %s', (_what, text, dates) => {
    expect(parseDates(text)).toEqual({ dates, unreadable: [] });
  });

  it.each([
    ['an impossible date', '2027-02-30'],
    ['a backwards span', '2027-02-08至2027-02-06'],
    ['a span longer than a month', '2027-01-01至2027-03-01'],
    ['words', '春节放假'],
  ])('gives back %s as unreadable instead of dropping it', (_what, text) => {
    expect(parseDates(`2027-01-01\n${text}`)).toEqual({ dates: ['2027-01-01'], unreadable: [text] });
  });

  it('reads nothing from blank text', () => {
    expect(parseDates(' \n ，')).toEqual({ dates: [], unreadable: [] });
  });

  it('writes stored dates back as spans of consecutive days, which read back the same', () => {
    const dates = ['2026-02-15', '2026-02-16', '2026-02-17', '2026-05-01', '2026-10-01', '2026-10-02'];
    expect(formatDates(dates)).toBe('2026-02-15至2026-02-17\n2026-05-01\n2026-10-01至2026-10-02');
    expect(parseDates(formatDates(dates)).dates).toEqual(dates);
  });
});
