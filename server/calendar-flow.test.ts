/**
 * The working-day calendar through the real router on SQLite: admins see which years lack a list, a
 * district admin enters one, concerns are clocked on it (or record that they were not), and the SLA job
 * reminds admins once a day until the year is entered.
 */
import type { CalendarView, ConcernDetail, Page } from '../core/views';
import type { InboxMessage } from '../core/model';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock, type TestClock } from './test-clock';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';

/** A Beijing wall-clock time as an ISO instant. */
const bj = (local: string) => new Date(`${local}+08:00`).toISOString();
/** To the minute: the test clock moves 1 ms with every read. */
const minute = (iso: string | null) => iso?.slice(0, 16);

let clock: TestClock;
let rt: LocalRuntime;
beforeEach(() => {
  // Monday 28 December 2026, 10:00 in Beijing: 2027 has no list yet, and clocks run into it.
  clock = testClock(bj('2026-12-28T10:00:00'));
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = (category = 'environment') => call<ConcernDetail>(I.resident, 'concern/submit', { category, description: '大果经济社村口垃圾三天没人清', placeId: 'dz-xicheng-daguo' });
/** Not the State Council's list: invented for the test. */
const entry2027 = (expectedVersion: number, holidays = ['2027-01-01', '2027-01-04']) => ({ year: 2027, holidays, makeupWorkdays: ['2027-01-09'], basis: '测试用的安排（并非国务院通知）', expectedVersion });

describe('admins and the calendar', () => {
  it('shows every admin the stored years and the year that still needs a list', async () => {
    for (const admin of [I.townAdmin, I.districtAdmin]) {
      const view = await call<CalendarView>(admin, 'calendar/list');
      expect(view.years.map((y) => [y.year, y.version, y.source, y.savedByName])).toEqual([[2025, 1, 'builtin', null], [2026, 1, 'builtin', null]]);
      expect(view.missing).toEqual([2027]);
      expect(view.canEdit).toBe(admin === I.districtAdmin);
    }
  });

  it('lets a district admin enter a year, and names them; a town admin is refused and nothing changes', async () => {
    expect(await codeOf(call(I.townAdmin, 'calendar/save', entry2027(0)))).toBe('AUTH.FORBIDDEN');
    expect((await call<CalendarView>(I.townAdmin, 'calendar/list')).missing).toEqual([2027]);
    const saved = await call<CalendarView>(I.districtAdmin, 'calendar/save', { ...entry2027(0), holidays: ['2027-01-04', '2027-01-01'], basis: ' 测试用的安排（并非国务院通知） ' });
    expect(saved.years.at(-1)).toEqual({ year: 2027, holidays: ['2027-01-01', '2027-01-04'], makeupWorkdays: ['2027-01-09'], basis: '测试用的安排（并非国务院通知）', version: 1, source: 'admin', savedAt: expect.any(String), savedByName: '南海区管理员' });
    expect(saved.missing).toEqual([]);
    // The audit log names the year, for both the refusal and the save.
    const audit = await call<Page<{ actorOpenid: string; action: string; targetId: string | null; outcome: string }>>(I.districtAdmin, 'audit/list', { limit: 10 });
    expect(audit.items.filter((e) => e.action === 'calendar/save').map((e) => [e.actorOpenid, e.targetId, e.outcome])).toEqual([
      [I.districtAdmin, '2027', 'ok'],
      [I.townAdmin, '2027', 'AUTH.FORBIDDEN'],
    ]);
  });

  it('refuses a list with problems, line by line, and writes nothing', async () => {
    expect(await codeOf(call(I.districtAdmin, 'calendar/save', { ...entry2027(0), holidays: ['2027-01-01', '2027-01-01'] }))).toBe('CALENDAR.INVALID');
    const bad = { ...entry2027(0), holidays: ['2027-01-01', '2028-05-01'], makeupWorkdays: ['2027-01-06'] };
    const refused = await call(I.districtAdmin, 'calendar/save', bad).catch((e: { code: string; details: unknown }) => e);
    expect(refused).toMatchObject({
      code: 'CALENDAR.INVALID',
      details: [
        { field: 'holidays', message: '2028-05-01 不在 2027 年的安排范围内' },
        { field: 'makeupWorkdays', message: '2027-01-06 不是周末，调休上班日应为周六或周日' },
      ],
    });
    expect(await codeOf(call(I.districtAdmin, 'calendar/save', { ...entry2027(0), holidays: ['2027-1-1'] }))).toBe('VALIDATION.FAILED');
    expect((await call<CalendarView>(I.districtAdmin, 'calendar/list')).years.map((y) => y.year)).toEqual([2025, 2026]);
  });

  it('refuses a save made on a version someone else has replaced meanwhile', async () => {
    await call(I.districtAdmin, 'calendar/save', entry2027(0));
    expect(await codeOf(call(I.districtAdmin, 'calendar/save', entry2027(0, ['2027-01-01'])))).toBe('CALENDAR.CONFLICT');
    const second = await call<CalendarView>(I.districtAdmin, 'calendar/save', entry2027(1, ['2027-01-01']));
    expect(second.years.at(-1)).toMatchObject({ version: 2, holidays: ['2027-01-01'] });
  });
});

describe('concerns and the calendar', () => {
  it('record a year without a list on the clocks that run into it, and show it to the handlers', async () => {
    const c = await report();
    expect(c.sla.calendarGaps).toEqual([2027]);
    // 投诉 at 15 working days from Monday 28 December, 2027 counted Monday to Friday.
    expect(minute(c.sla.resolveDueAt)).toBe(minute(bj('2027-01-18T10:00:00')));
    const staff = await call<ConcernDetail>(I.daguoChair, 'concern/get', { id: c.id });
    expect(staff.sla.calendarGaps).toEqual([2027]);
  });

  it('are clocked on the entered year from the next report on, with no gap recorded', async () => {
    const before = await report();
    await call(I.districtAdmin, 'calendar/save', entry2027(0));
    const after = await report();
    expect(after.sla.calendarGaps).toEqual([]);
    // 1 and 4 January are off and Saturday 9 January is worked in the entered list: a working day later than before.
    expect(minute(before.sla.resolveDueAt)).toBe(minute(bj('2027-01-18T10:00:00')));
    expect(minute(after.sla.resolveDueAt)).toBe(minute(bj('2027-01-19T10:00:00')));
    // What was clocked before keeps its record of the gap.
    expect((await call<ConcernDetail>(I.daguoChair, 'concern/get', { id: before.id })).sla.calendarGaps).toEqual([2027]);
  });

  it('within a known year record no gap at all', async () => {
    clock.set(bj('2026-11-25T10:00:00'));
    expect((await report('other')).sla.calendarGaps).toEqual([]);
  });
});

describe('the daily reminder', () => {
  const reminders = async (openid: string) => {
    await rt.deliverNotifications();
    const page = await call<Page<InboxMessage> & { unread: number }>(openid, 'message/list', { limit: 50 });
    return page.items.filter((m) => m.kind === 'calendar_missing');
  };

  it('reaches every admin once a day while the year has no list, however often the job runs', async () => {
    const first = await rt.runSla();
    expect(first).toMatchObject({ calendarMissing: [2027], calendarNotices: 3 });
    expect(await rt.runSla()).toMatchObject({ calendarMissing: [2027], calendarNotices: 0 });
    for (const admin of [I.townAdmin, I.jiujiangAdmin, I.districtAdmin]) {
      expect(await reminders(admin)).toEqual([expect.objectContaining({ title: '2027年节假日安排待录入', page: '/pages/index/index', body: expect.stringContaining('暂按只排除周末计算') })]);
    }
    expect(await reminders(I.daguoChair)).toEqual([]);
    clock.advance(24 * 3600_000);
    expect(await rt.runSla()).toMatchObject({ calendarNotices: 3 });
    expect(await reminders(I.townAdmin)).toHaveLength(2);
  });

  it('stops once the year is entered', async () => {
    await call(I.districtAdmin, 'calendar/save', entry2027(0));
    expect(await rt.runSla()).toMatchObject({ calendarMissing: [], calendarNotices: 0 });
    expect(await reminders(I.townAdmin)).toEqual([]);
  });

  it('is not sent in November, when only the current year needs a list', async () => {
    clock.set(bj('2026-11-30T23:59:00'));
    expect(await rt.runSla()).toMatchObject({ calendarMissing: [], calendarNotices: 0 });
  });
});
