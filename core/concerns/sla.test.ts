import { DEFAULT_CALENDAR, DEFAULT_SLA, addWorkingDays, addWorkingMinutes, derive, isWorkingDay, markMissed, missedAt, noClocks, onAccepted, onResolved, startRound, type SlaConfig } from './sla';
import type { Category, RouteCredit } from '../model';

/** Beijing wall-clock time → ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
const HOLDER: RouteCredit = { townId: 'danzao', villageId: 'dz-xicheng', cooperativeId: 'dz-xicheng-daguo', gridId: 'dz-xicheng-daguo-g' };
const OTHER: RouteCredit = { townId: 'danzao', villageId: 'dz-xinan', cooperativeId: null, gridId: null };
const cat = (kind: Category['kind'], code = 'c'): Category => ({ townId: 'danzao', code, name: 'x', kind, leadOfficeCode: null, ackHours: null, resolveDays: null, enabled: true });

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
    expect(() => addWorkingMinutes(cal, bj('2026-11-27T10:00:00'), 60)).toThrow('the working window must not be empty');
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
    const accepted = derive(onAccepted(s, bj('2026-11-25T11:00:00'), HOLDER), 'accepted');
    expect(accepted).toMatchObject({ firstResponse: 'in_time', dueAt: s.resolveDueAt, watchAt: s.resolveDueAt });
    expect(derive(accepted, 'resolved')).toMatchObject({ dueAt: null, watchAt: null });
  });

  it('marks a late first acceptance as not in time', () => {
    const s = startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-25T10:00:00'), null, 'assigned');
    expect(onAccepted(s, bj('2026-11-25T15:00:00'), HOLDER).firstResponse).toBe('late');
  });

  it('acts on a missed clock once, then watches the next one', () => {
    const s = startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-25T10:00:00'), null, 'assigned');
    const now = bj('2026-11-25T15:00:00');
    expect(missedAt(s, now)).toEqual({ ack: true, resolve: false });
    const marked = derive(markMissed(s, missedAt(s, now), HOLDER), 'assigned');
    expect(missedAt(marked, now)).toEqual({ ack: false, resolve: false });
    expect(marked).toMatchObject({ overdue: true, firstResponse: 'late', watchAt: s.resolveDueAt, dueAt: s.ackDueAt });
  });

  it('restarts both clocks when a reopen starts a new round, keeping the overdue flag', () => {
    const first = derive(markMissed(startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-20T10:00:00'), null, 'assigned'), { ack: true, resolve: true }, HOLDER), 'assigned');
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

describe('the edges of the clocks', () => {
  const start = bj('2026-11-25T10:00:00');
  const fresh = () => startRound(DEFAULT_SLA, cat('consult'), start, null, 'assigned');

  it('counts an acceptance exactly at the acknowledge deadline as in time', () => {
    const s = fresh();
    expect(onAccepted(s, s.ackDueAt!, HOLDER).firstResponse).toBe('in_time');
    expect(onAccepted(s, new Date(Date.parse(s.ackDueAt!) + 1).toISOString(), HOLDER).firstResponse).toBe('late');
  });

  it('decides 响应率 in round 1 only: a late acceptance in round 2 changes nothing', () => {
    const round1 = derive(onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER), 'accepted');
    const round2 = startRound(DEFAULT_SLA, cat('consult'), bj('2026-11-27T10:00:00'), round1, 'assigned');
    expect(round2).toMatchObject({ round: 2, firstResponse: 'in_time', ackedAt: null });
    expect(onAccepted(round2, bj('2026-12-10T10:00:00'), HOLDER)).toMatchObject({ firstResponse: 'in_time', ackedAt: bj('2026-12-10T10:00:00') });
    // Even a round 2 whose first round was never decided is not decided by it.
    const undecided = { ...round2, firstResponse: 'pending' as const };
    expect(onAccepted(undecided, bj('2026-12-10T10:00:00'), HOLDER).firstResponse).toBe('pending');
    expect(markMissed(undecided, { ack: true, resolve: false }, HOLDER).firstResponse).toBe('pending');
  });

  it('keeps the first acceptance of a round when it is accepted twice (accept → transfer → accept)', () => {
    const first = onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER);
    const again = onAccepted(first, bj('2026-11-26T16:00:00'), HOLDER);
    expect(again).toBe(first);
    expect(again).toMatchObject({ ackedAt: bj('2026-11-25T11:00:00'), firstResponse: 'in_time' });
  });

  it('flags only the resolve clock when the acceptance was in time and the resolution is late', () => {
    const accepted = derive(onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER), 'accepted');
    const late = new Date(Date.parse(accepted.resolveDueAt!) + 60_000).toISOString();
    const missed = missedAt(accepted, late);
    expect(missed).toEqual({ ack: false, resolve: true });
    expect(markMissed(accepted, missed, HOLDER)).toMatchObject({ ackMissed: false, resolveMissed: true, overdue: true, firstResponse: 'in_time' });
  });

  it('counts the resolve clock as run out exactly at its deadline, not a millisecond before', () => {
    const accepted = derive(onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER), 'accepted');
    const due = accepted.resolveDueAt!;
    expect(missedAt(accepted, due)).toEqual({ ack: false, resolve: true });
    expect(missedAt(accepted, new Date(Date.parse(due) - 1).toISOString())).toEqual({ ack: false, resolve: false });
  });

  it('counts the acknowledge clock as run out exactly at its deadline, not a millisecond before', () => {
    const s = fresh();
    expect(missedAt(s, s.ackDueAt!)).toEqual({ ack: true, resolve: false });
    expect(missedAt(s, new Date(Date.parse(s.ackDueAt!) - 1).toISOString())).toEqual({ ack: false, resolve: false });
  });

  it('watches nothing and is due nothing once a resolved concern has no open clock', () => {
    const resolved = derive(onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER), 'resolved');
    expect(resolved).toMatchObject({ dueAt: null, watchAt: null });
  });

  it('says why it refuses a calendar whose working window is empty', () => {
    const cal = { ...DEFAULT_CALENDAR, dayStartMinute: 600, dayEndMinute: 600 };
    expect(() => addWorkingMinutes(cal, bj('2026-11-27T10:00:00'), 60)).toThrow('the working window must not be empty');
    const backwards = { ...DEFAULT_CALENDAR, dayStartMinute: 700, dayEndMinute: 600 };
    expect(() => addWorkingMinutes(backwards, bj('2026-11-27T10:00:00'), 60)).toThrow('the working window must not be empty');
  });

  it('gives up with a reason on a calendar that has no working day for ten years', () => {
    const every = (from: string, days: number) => Array.from({ length: days }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
    const cal = { ...DEFAULT_CALENDAR, holidays: every('2026-11-27', 3700), makeupWorkdays: [] };
    expect(() => addWorkingMinutes(cal, bj('2026-11-27T10:00:00'), 60)).toThrow('the calendar has no working day within ten years');
  });
});

describe('who a rate is credited to', () => {
  const fresh = () => startRound(DEFAULT_SLA, cat('complaint'), bj('2026-11-25T10:00:00'), null, 'assigned');

  it('credits 响应率 to the node that accepted first in round 1, and keeps it when another node accepts later', () => {
    const first = onAccepted(fresh(), bj('2026-11-25T11:00:00'), { ...HOLDER, step: 'location', reason: 'x' } as RouteCredit);
    expect(first.acceptedBy).toEqual(HOLDER);
    const round2 = startRound(DEFAULT_SLA, cat('complaint'), bj('2026-12-10T09:00:00'), derive(first, 'resolved'), 'in_progress');
    expect(onAccepted(round2, bj('2026-12-10T10:00:00'), OTHER).acceptedBy).toEqual(HOLDER);
  });

  it('credits a missed acknowledge clock to the node that held the concern when it ran out', () => {
    const late = markMissed(fresh(), { ack: true, resolve: false }, HOLDER);
    expect(late).toMatchObject({ firstResponse: 'late', acceptedBy: HOLDER });
    expect(onAccepted(late, bj('2026-11-27T10:00:00'), OTHER).acceptedBy).toEqual(HOLDER);
  });

  it('credits 办结 to the node that resolved last', () => {
    const once = onResolved(fresh(), bj('2026-11-26T10:00:00'), HOLDER);
    expect(once.resolvedBy).toEqual(HOLDER);
    expect(onResolved(once, bj('2026-12-11T10:00:00'), OTHER).resolvedBy).toEqual(OTHER);
  });
});

describe('what the clocks watch and flag, clock by clock', () => {
  const at = bj('2026-11-25T10:00:00');
  const fresh = () => startRound(DEFAULT_SLA, cat('consult'), at, null, 'assigned');
  const afterBoth = bj('2026-12-10T10:00:00');

  it('watches the resolve clock, not the acknowledge clock, once the acknowledge clock was missed', () => {
    const missedAck = derive({ ...fresh(), ackMissed: true }, 'assigned');
    expect(missedAck.watchAt).toBe(missedAck.resolveDueAt);
  });

  it('watches the resolve clock of a concern that has no acknowledge clock, and nothing when it has neither', () => {
    const noAck = derive({ ...fresh(), ackDueAt: null }, 'assigned');
    expect(noAck.watchAt).toBe(noAck.resolveDueAt);
    expect(noAck.watchAt).not.toBeNull();
    expect(derive({ ...fresh(), ackDueAt: null, resolveDueAt: null }, 'assigned').watchAt).toBeNull();
  });

  it('watches nothing once both clocks were acted on, though the concern is still open', () => {
    const accepted = onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER);
    expect(derive({ ...accepted, resolveMissed: true }, 'accepted')).toMatchObject({ watchAt: null, dueAt: accepted.resolveDueAt });
    expect(derive({ ...fresh(), ackMissed: true, resolveMissed: true }, 'assigned').watchAt).toBeNull();
  });

  it('never counts the resolve clock of a resolved concern as run out', () => {
    const resolved = onResolved(onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER), bj('2026-11-26T10:00:00'), HOLDER);
    expect(missedAt(resolved, afterBoth)).toEqual({ ack: false, resolve: false });
  });

  it('never counts a resolve clock already acted on, or one that does not exist, as run out again', () => {
    const accepted = onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER);
    expect(missedAt({ ...accepted, resolveMissed: true }, afterBoth).resolve).toBe(false);
    expect(missedAt({ ...accepted, resolveDueAt: null }, afterBoth).resolve).toBe(false);
  });

  it('does not flag a concern overdue when no clock ran out', () => {
    expect(markMissed(fresh(), { ack: false, resolve: false }, HOLDER)).toMatchObject({ overdue: false, ackMissed: false, resolveMissed: false, firstResponse: 'pending' });
  });

  it('never re-decides 响应率 once decided: a missed acknowledge clock after it leaves it and its credit alone', () => {
    // Round 1, decided in time, then the acknowledge clock runs again unmet (a transfer restarted it).
    const decided = { ...fresh(), firstResponse: 'in_time' as const, acceptedBy: OTHER };
    const marked = markMissed(decided, { ack: true, resolve: false }, HOLDER);
    expect(marked).toMatchObject({ firstResponse: 'in_time', acceptedBy: OTHER, ackMissed: true, overdue: true });
  });

  it('keeps the credit of the last 办结 when a reopen starts a new round', () => {
    const resolved = onResolved(onAccepted(fresh(), bj('2026-11-25T11:00:00'), HOLDER), bj('2026-11-26T10:00:00'), OTHER);
    const again = startRound(DEFAULT_SLA, cat('consult'), bj('2026-12-01T10:00:00'), derive(resolved, 'resolved'), 'assigned');
    expect(again).toMatchObject({ round: 2, acceptedBy: HOLDER, resolvedBy: OTHER, resolvedAt: null });
  });

  it('gives a concern stored before clocks existed clocks that watch nothing and flag nothing', () => {
    expect(noClocks()).toEqual({ round: 1, ackDueAt: null, resolveDueAt: null, ackedAt: null, resolvedAt: null, ackMissed: false, resolveMissed: false, overdue: false, firstResponse: 'pending', dueAt: null, watchAt: null });
  });

  it('names a year without a holiday list when the acknowledge clock runs into it, even if the resolve clock ends before', () => {
    // A category whose acknowledge time (27 working hours) outlasts its resolve time (1 working day).
    const config: SlaConfig = { ...DEFAULT_SLA, calendar: { ...DEFAULT_CALENDAR, knownYears: [2026] }, byCategory: { 'danzao/slow': { acknowledgeHours: 27, resolveDays: 1 } } };
    const s = startRound(config, cat('consult', 'slow'), bj('2026-12-30T10:00:00'), null, 'assigned');
    expect(s.resolveDueAt).toBe(bj('2026-12-31T10:00:00'));
    expect(s.ackDueAt! > bj('2027-01-01T00:00:00')).toBe(true);
    expect(s.calendarGaps).toEqual([2027]);
  });
});
