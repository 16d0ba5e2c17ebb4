/**
 * A town's categories as its admin keeps them (issue 19), on SQLite and on the CloudBase wire fake (one
 * runtime, as a warm container holds it): changed SLA overrides clock the very next concern; a category
 * turned off takes no new report but keeps its concerns; no town edits another's.
 */
import { addWorkingDays, addWorkingMinutes, DEFAULT_CALENDAR } from '../core/concerns/sla';
import type { CategoryListView } from '../core/directory/category-service';
import type { Category } from '../core/model';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { onBothRuntimes } from './test-both-runtimes';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
const ROAD = { code: 'road', name: '道路设施', kind: 'help', leadOfficeCode: null, ackHours: null, resolveDays: null, enabled: true } as const;
const report = (call: Call, category = 'road') => call<ConcernDetail>(I.resident, 'concern/submit', { category, description: '路面塌陷', placeId: 'dz-xinan-2' });

function flows(call: Call) {
  it('clocks the next concern with the SLA the town admin just set, and the one before keeps its own', async () => {
    const before = await report(call);
    expect(before.sla.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, before.createdAt, 10));
    const saved = await call<{ items: Category[] }>(I.townAdmin, 'category/save', { ...ROAD, ackHours: 1, resolveDays: 3 });
    expect(saved.items.find((c) => c.code === 'road')).toEqual({ townId: 'danzao', ...ROAD, ackHours: 1, resolveDays: 3 });
    const after = await report(call);
    expect([after.sla.ackDueAt, after.sla.resolveDueAt]).toEqual([addWorkingMinutes(DEFAULT_CALENDAR, after.createdAt, 60), addWorkingDays(DEFAULT_CALENDAR, after.createdAt, 3)]);
    expect((await call<ConcernDetail>(I.resident, 'concern/get', { id: before.id })).sla.resolveDueAt).toBe(before.sla.resolveDueAt);
    // Another town's road category keeps the default.
    const jj = await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'road', description: '路面塌陷', placeId: 'jj-dungen-1' });
    expect(jj.sla.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, jj.createdAt, 10));
    // Back to the kind's default.
    await call(I.townAdmin, 'category/save', ROAD);
    const reset = await report(call);
    expect(reset.sla.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, reset.createdAt, 10));
  });

  it('renames, re-kinds and leads a category; turned off, it takes no new report and its concerns keep it', async () => {
    const earlier = await report(call);
    await call(I.townAdmin, 'category/save', { ...ROAD, name: '道路桥梁', kind: 'complaint', leadOfficeCode: 'enforcement' });
    const led = await report(call);
    expect([led.categoryName, led.route.coOfficeId]).toEqual(['道路桥梁', 'danzao-enforcement']);
    expect(led.sla.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, led.createdAt, 15));
    await call(I.townAdmin, 'category/save', { ...ROAD, enabled: false });
    expect(await outcome(report(call))).toBe('CATEGORY.UNKNOWN');
    const offered = await call<CategoryListView>(I.resident, 'category/list', { townId: 'danzao', all: true });
    expect(offered.items.map((c) => c.code)).not.toContain('road');
    const all = await call<CategoryListView>(I.townAdmin, 'category/list', { townId: 'danzao', all: true });
    expect(all.items.find((c) => c.code === 'road')?.enabled).toBe(false);
    // The admin's list names the town's offices, for the lead office picker; a resident's does not.
    expect(all.offices?.find((o) => o.code === 'enforcement')?.name).toEqual(expect.stringContaining('执法'));
    expect(offered.offices).toBeUndefined();
    expect((await call<ConcernDetail>(I.resident, 'concern/get', { id: earlier.id })).categoryName).toBe('道路设施');
  });

  it('adds a new category that residents can report under at once', async () => {
    await call(I.townAdmin, 'category/save', { code: 'market', name: '农贸市场', kind: 'complaint', leadOfficeCode: 'enforcement', ackHours: 2, resolveDays: 5, enabled: true });
    const c = await report(call, 'market');
    expect([c.categoryName, c.sla.resolveDueAt]).toEqual(['农贸市场', addWorkingDays(DEFAULT_CALENDAR, c.createdAt, 5)]);
  });

  it('turns the town’s public board off and on (town/saveSettings), the district admin naming the town', async () => {
    const boardOn = async () => (await call<{ enabled: boolean }>(I.resident, 'board/list', { placeId: 'jiujiang' })).enabled;
    expect(await call(I.jiujiangAdmin, 'town/saveSettings', { publicBoard: true })).toMatchObject({ townId: 'jiujiang', publicBoard: true });
    expect(await boardOn()).toBe(true);
    expect(await call(I.districtAdmin, 'town/saveSettings', { townId: 'jiujiang', publicBoard: false })).toMatchObject({ townId: 'jiujiang', publicBoard: false });
    expect(await boardOn()).toBe(false);
    expect(await outcome(call(I.jiujiangAdmin, 'town/saveSettings', { townId: 'danzao', publicBoard: false }))).toBe('AUTH.FORBIDDEN');
    expect(await outcome(call(I.districtAdmin, 'town/saveSettings', { publicBoard: false }))).toBe('TOWN.SETTINGS_INVALID');
  });

  it('keeps every town to its own categories, and refuses a lead office the town does not have', async () => {
    const list = () => call<{ items: Category[] }>(I.districtAdmin, 'category/list', { all: true });
    const before = await list();
    expect(
      await Promise.all([
        outcome(call(I.jiujiangAdmin, 'category/save', { ...ROAD, townId: 'danzao', resolveDays: 1 })),
        outcome(call(I.townAdmin, 'category/save', { ...ROAD, leadOfficeCode: 'nosuchoffice' })),
        outcome(call(I.districtAdmin, 'category/save', ROAD)),
        outcome(call(I.districtAdmin, 'category/save', { ...ROAD, townId: 'dz-xinan' })),
        outcome(call(I.townAdmin, 'category/save', { ...ROAD, resolveDays: 0 })),
        outcome(call(I.daguoChair, 'category/save', ROAD)),
      ]),
    ).toEqual(['AUTH.FORBIDDEN', 'CATEGORY.INVALID', 'CATEGORY.INVALID', 'CATEGORY.INVALID', 'VALIDATION.FAILED', 'AUTH.FORBIDDEN']);
    expect(await list()).toEqual(before);
    await call(I.districtAdmin, 'category/save', { ...ROAD, townId: 'xiqiao', resolveDays: 4 });
    expect((await list()).items.filter((c) => c.resolveDays === 4).map((c) => c.townId)).toEqual(['xiqiao']);
  });
}

onBothRuntimes('categories', (call) => flows(call));
