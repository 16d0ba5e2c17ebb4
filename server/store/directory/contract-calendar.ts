/**
 * Contract cases for the working-day calendar (issue 13): the lists a new deployment holds, versions that
 * are saved once each and kept, and the directory version that makes every cache clock with the new
 * lists. Called by describeStoreContract.
 */
import { builtinCalendarYears, type CalendarYear } from '../../../core/directory/calendar';
import type { Store } from '../../../core/ports';
import { at } from '../contract-fixtures';

const year2027 = (version: number, holidays: string[] = ['2027-01-01']): CalendarYear => ({
  year: 2027,
  holidays,
  makeupWorkdays: ['2027-02-20'],
  basis: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
  version,
  source: 'admin',
  savedAt: at(version),
  savedBy: 'demo-admin-nanhai',
});

export function describeCalendarContract(current: () => Store): void {
  describe('working-day calendar', () => {
    it('holds the built-in lists of every year this release knows, and seeding them again adds nothing', async () => {
      const { directory } = current();
      expect(await directory.listCalendarYears()).toEqual(builtinCalendarYears());
      const v = await directory.gridVersion();
      expect(await directory.seedCalendarYears(builtinCalendarYears())).toEqual([]);
      expect(await directory.gridVersion()).toBe(v);
    });

    it("stores a year's versions in order, answers the latest, and bumps the directory version with each", async () => {
      const { directory } = current();
      const v = await directory.gridVersion();
      expect(await directory.saveCalendarYear(year2027(1))).toBe(true);
      expect(await directory.gridVersion()).toBe(v + 1);
      expect(await directory.saveCalendarYear(year2027(2, ['2027-01-01', '2027-02-06']))).toBe(true);
      expect(await directory.gridVersion()).toBe(v + 2);
      const years = await directory.listCalendarYears();
      expect(years.map((y) => [y.year, y.version])).toEqual([[2025, 1], [2026, 1], [2027, 2]]);
      expect(years.at(-1)).toEqual(year2027(2, ['2027-01-01', '2027-02-06']));
    });

    it('writes nothing for a version that is not the next one (saved meanwhile, or skipping one)', async () => {
      const { directory } = current();
      expect(await directory.saveCalendarYear(year2027(2))).toBe(false);
      expect(await directory.saveCalendarYear(year2027(1))).toBe(true);
      const v = await directory.gridVersion();
      expect(await directory.saveCalendarYear(year2027(1, ['2027-05-01']))).toBe(false);
      expect(await directory.saveCalendarYear(year2027(3))).toBe(false);
      expect(await directory.gridVersion()).toBe(v);
      expect((await directory.listCalendarYears()).at(-1)).toEqual(year2027(1));
    });

    it('lets exactly one of several admins saving the same version at once win', async () => {
      const { directory } = current();
      const tries = ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'].map((d) => year2027(1, [d]));
      const won = await Promise.all(tries.map((y) => directory.saveCalendarYear(y)));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect((await directory.listCalendarYears()).at(-1)).toEqual(tries[won.indexOf(true)]);
    });

    it('replaces a built-in year by an admin version, and a later seed leaves the admin version in place', async () => {
      const { directory } = current();
      const [, builtin2026] = builtinCalendarYears();
      const edited: CalendarYear = { ...builtin2026, holidays: [...builtin2026.holidays, '2026-12-31'], version: 2, source: 'admin', savedAt: at(9), savedBy: 'demo-admin-nanhai' };
      expect(await directory.saveCalendarYear(edited)).toBe(true);
      expect(await directory.seedCalendarYears(builtinCalendarYears())).toEqual([]);
      expect((await directory.listCalendarYears()).find((y) => y.year === 2026)).toEqual(edited);
    });

    it('seeds only the years that have no list, once, when seeds run at the same time', async () => {
      const { directory } = current();
      expect(await directory.saveCalendarYear(year2027(1))).toBe(true);
      const seed = (y: number): CalendarYear => ({ ...year2027(1), year: y, holidays: [`${y}-01-01`], makeupWorkdays: [], source: 'builtin', savedBy: null });
      const runs = await Promise.all([0, 1, 2].map(() => directory.seedCalendarYears([seed(2027), seed(2028)])));
      expect(runs.flat()).toEqual([2028]);
      expect((await directory.listCalendarYears()).map((y) => [y.year, y.source])).toEqual([[2025, 'builtin'], [2026, 'builtin'], [2027, 'admin'], [2028, 'builtin']]);
    });
  });
}
