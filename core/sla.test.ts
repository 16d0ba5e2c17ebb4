import { DEFAULT_CALENDAR, DEFAULT_SLA, addWorkingDays, addWorkingMinutes, derive, isWorkingDay, markMissed, missedAt, onAccepted, startRound, type SlaConfig } from './sla';
import type { Category } from './model';

/** Beijing wall-clock time → ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
const cat = (kind: Category['kind'], code = 'c'): Category => ({ townId: 'danzao', code, name: 'x', kind, leadOfficeCode: null });

describe('the working-day calendar', () => {
  it.each([
    ['2026-11-27', true, 'a Friday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-10-05', false, 'a National Day holiday on a Monday'],
    ['2026-10-10', true, 'a Saturday worked instead (调休)'],
    ['2026-09-20', true, 'a Sunday worked instead (调休)'],
    ['2026-02-16', false, 'Spring Festival'],
  ])('counts %s as working=%s (%s)', (date, working) => {
    expect(isWorkingDay(DEFAULT_CALENDAR, date)).toBe(working);
  });

  it('starts the clock of a Friday-evening report on Monday morning', () => {
    const friday = bj('2026-11-27T19:30:00');
    expect(addWorkingMinutes(DEFAULT_CALENDAR, friday, 4 * 60)).toBe(bj('2026-11-30T13:00:00'));
    expect(addWorkingDays(DEFAULT_CALENDAR, friday, 2)).toBe(bj('2026-12-01T18:00:00'));
  });

  it('counts N working days as N whole working windows from a time inside one', () => {
    expect(addWorkingDays(DEFAULT_CALENDAR, bj('2026-11-25T10:00:00'), 2)).toBe(bj('2026-11-27T10:00:00'));
    // Four working hours from Friday 16:00 end on Monday at 11:00.
    expect(addWorkingMinutes(DEFAULT_CALENDAR, bj('2026-11-27T16:00:00'), 240)).toBe(bj('2026-11-30T11:00:00'));
    // Early in the morning counts from the opening of the day.
    expect(addWorkingMinutes(DEFAULT_CALENDAR, bj('2026-11-26T06:00:00'), 60)).toBe(bj('2026-11-26T10:00:00'));
  });

  it('skips the National Day holiday and counts the Saturday worked instead', () => {
    const eve = bj('2026-09-30T20:00:00');
    expect(addWorkingMinutes(DEFAULT_CALENDAR, eve, 240)).toBe(bj('2026-10-08T13:00:00'));
    expect(addWorkingDays(DEFAULT_CALENDAR, eve, 2)).toBe(bj('2026-10-09T18:00:00'));
    // Oct 8, 9, 10 (Saturday, worked), 12–16, 19, 20.
    expect(addWorkingDays(DEFAULT_CALENDAR, eve, 10)).toBe(bj('2026-10-20T18:00:00'));
  });

  it('counts a Sunday worked instead (调休) for a report on the Friday before', () => {
    expect(addWorkingMinutes(DEFAULT_CALENDAR, bj('2026-09-18T19:00:00'), 240)).toBe(bj('2026-09-20T13:00:00'));
  });

  it('honours a configured holiday list', () => {
    const cal = { ...DEFAULT_CALENDAR, holidays: ['2026-11-30'] };
    expect(addWorkingMinutes(cal, bj('2026-11-27T19:30:00'), 240)).toBe(bj('2026-12-01T13:00:00'));
  });

  it('refuses a calendar without working days instead of looping forever', () => {
    const cal = { ...DEFAULT_CALENDAR, dayStartMinute: 600, dayEndMinute: 600 };
    expect(() => addWorkingMinutes(cal, bj('2026-11-27T10:00:00'), 60)).toThrow();
  });
});

describe('the clocks of a concern', () => {
  it.each([
    ['consult', 2],
    ['help', 10],
    ['suggest', 10],
    ['complaint', 15],
    ['report', 15],
  ] as const)('give a %s case %i working days to resolve (Guangdong 12345)', (kind, days) => {
    const at = bj('2026-11-25T10:00:00');
    const s = startRound(DEFAULT_SLA, cat(kind), at, null, 'assigned');
    expect(s.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, at, days));
    expect(s.ackDueAt).toBe(bj('2026-11-25T14:00:00'));
    expect(s).toMatchObject({ round: 1, dueAt: s.ackDueAt, watchAt: s.ackDueAt, firstResponse: 'pending' });
  });

  it('lets a town override one category', () => {
    const config: SlaConfig = { ...DEFAULT_SLA, byCategory: { 'danzao/fire': { resolveDays: 1 } } };
    const s = startRound(config, cat('report', 'fire'), bj('2026-11-25T10:00:00'), null, 'assigned');
    expect(s.resolveDueAt).toBe(bj('2026-11-26T10:00:00'));
  });

  it('watches the resolve clock once accepted, and nothing once resolved', () => {
    const s = startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-25T10:00:00'), null, 'assigned');
    const accepted = derive(onAccepted(s, bj('2026-11-25T11:00:00')), 'accepted');
    expect(accepted).toMatchObject({ firstResponse: 'in_time', dueAt: s.resolveDueAt, watchAt: s.resolveDueAt });
    expect(derive(accepted, 'resolved')).toMatchObject({ dueAt: null, watchAt: null });
  });

  it('marks a late first acceptance as not in time', () => {
    const s = startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-25T10:00:00'), null, 'assigned');
    expect(onAccepted(s, bj('2026-11-25T15:00:00')).firstResponse).toBe('late');
  });

  it('acts on a missed clock once, then watches the next one', () => {
    const s = startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-25T10:00:00'), null, 'assigned');
    const now = bj('2026-11-25T15:00:00');
    expect(missedAt(s, now)).toEqual({ ack: true, resolve: false });
    const marked = derive(markMissed(s, missedAt(s, now)), 'assigned');
    expect(missedAt(marked, now)).toEqual({ ack: false, resolve: false });
    expect(marked).toMatchObject({ overdue: true, firstResponse: 'late', watchAt: s.resolveDueAt, dueAt: s.ackDueAt });
  });

  it('restarts both clocks when a reopen starts a new round, keeping the overdue flag', () => {
    const first = derive(markMissed(startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-20T10:00:00'), null, 'assigned'), { ack: true, resolve: true }), 'assigned');
    const reopenedAt = bj('2026-11-27T19:30:00');
    const again = startRound(DEFAULT_SLA, cat('consult'), reopenedAt, first, 'assigned');
    expect(again).toMatchObject({
      round: 2,
      ackDueAt: bj('2026-11-30T13:00:00'),
      resolveDueAt: bj('2026-12-01T18:00:00'),
      ackMissed: false,
      resolveMissed: false,
      overdue: true,
      firstResponse: 'late',
      watchAt: bj('2026-11-30T13:00:00'),
    });
  });
});
