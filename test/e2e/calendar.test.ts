/**
 * 节假日安排 in real Chromium, on 2 December 2026 (the 2027 notice is due, and no list is entered): the town
 * admin is warned on home and can only read the calendar; the district admin enters 2027 from the notice
 * (spans typed as the notice writes them), the warning goes, and a report made afterwards is clocked on it.
 */
import type { Page } from 'playwright-core';
import type { ConcernDetail } from '../../core/views';
import { browserSuite } from './harness';
import { loginAs } from './ui';

// Wednesday 2 December 2026, 10:00 in Beijing.
const t = browserSuite(120_000, '2026-12-02T02:00:00.000Z');

/** Only the shown page's buttons: pages below in the H5 stack stay in the DOM, hidden. */
const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();

it('warns the town admin of the missing 2027 list on home and shows the calendar read-only', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await page.getByText('2027年节假日安排尚未录入').waitFor();
  await t.shot(page, 'calendar-home-warning');
  await button(page, '查看节假日安排').click();
  await page.getByText('2027年的节假日安排尚未录入').waitFor();
  await page.getByText('节假日安排由区管理员统一录入；如发现有误，请联系区管理员。').waitFor();
  expect(await page.locator('taro-button-core:visible', { hasText: '保存2027年安排' }).count()).toBe(0);
});

it('lets the district admin enter 2027 at desk width, and a report made afterwards is clocked on it', async () => {
  const { page } = await t.h.newPage({ viewport: { width: 1280, height: 900 } });
  await loginAs(t.h.base, page, '南海区管理员');
  await button(page, '去录入节假日安排').click();
  await page.getByText('2027年还没有安排，保存后即为第 1 版。').waitFor();
  const areas = page.locator('textarea:visible');
  // An invented list: the test does not claim to know the State Council's 2027 notice.
  await areas.nth(0).fill('2027-01-01\n2027-02-06至2027-02-12');
  await areas.nth(1).fill('2027-02-17');
  await page.locator('input:visible').last().fill('测试用的安排（并非国务院通知）');
  await button(page, '保存2027年安排').click();
  await page.getByText('· 2027-02-17 不是周末，调休上班日应为周六或周日').waitFor();
  await areas.nth(1).fill('2027-02-20');
  await button(page, '保存2027年安排').click();
  await page.getByText('正在修改2027年第 1 版，保存后为第 2 版，旧版留档。').waitFor();
  await page.getByText('放假 8 天，调休上班 1 天').waitFor();
  expect(await page.getByText('2027年的节假日安排尚未录入').count()).toBe(0);
  await t.shot(page, 'calendar-district-admin');

  const c = (await t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description: '村口垃圾堆了三天', placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen')) as ConcernDetail;
  expect(c.sla.calendarGaps).toEqual([]);
  const audit = (await t.h.rt.router.call('concern', 'audit/list', { limit: 5 }, 'demo-admin-nanhai')) as { items: Array<{ action: string; targetId: string | null; outcome: string }> };
  expect(audit.items.filter((e) => e.action === 'calendar/save').map((e) => [e.targetId, e.outcome])).toEqual([['2027', 'ok'], ['2027', 'CALENDAR.INVALID']]);
});
