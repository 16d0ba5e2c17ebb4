/**
 * 积分标准 (issue 20, h20c) through the H5 build at 375 px: the town admin's form starts from the town's
 * stored rates (`town/pointsSettings`), and what she saves is what the form shows when she comes back.
 */
import type { Page } from 'playwright-core';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite } from './harness';
import { loginAs } from './ui';

const t = browserSuite(120_000);

const visibleButton = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();
const input = (page: Page, placeholder: string) => page.locator(`input[placeholder*="${placeholder}"]:visible`).first();
/** Waits until the visible input with this placeholder holds `value`. */
const holds = (page: Page, placeholder: string, value: string) =>
  page.waitForFunction(([p, v]) => Array.from(document.querySelectorAll<HTMLInputElement>(`input[placeholder*="${p}"]`)).some((el) => el.offsetParent !== null && el.value === v), [placeholder, value] as const);

it("fills the town admin's 积分标准 form with the town's rates, and keeps what she saves", async () => {
  await t.h.rt.router.call('volunteer', 'village/savePointsSettings', { nodeId: 'danzao', pointsPerHour: 12, pointsPerReport: 3 }, I.townAdmin);
  const { page: admin } = await t.h.newPage();
  await loginAs(t.h.base, admin, '丹灶镇管理员');
  await visibleButton(admin, '积分设置').click();
  await admin.getByText('积分标准').first().waitFor();
  await holds(admin, '例如：10', '12');
  expect(await input(admin, '例如：2').inputValue()).toBe('3');

  await input(admin, '例如：10').fill('15');
  await visibleButton(admin, '保存积分标准').click();
  await admin.getByText('已保存').first().waitFor();
  expect(await t.h.rt.store.points.settings('danzao')).toMatchObject({ pointsPerHour: 15, pointsPerReport: 3 });
  await admin.reload();
  await holds(admin, '例如：10', '15');
  expect(await input(admin, '例如：2').inputValue()).toBe('3');
  await t.shot(admin, 'points-town-rates');
});
