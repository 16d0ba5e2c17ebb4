/**
 * Exports from the 办理统计 dashboard in real Chromium: the H5 build downloads an .xlsx of the month's
 * concerns and a CSV of the rates, and both read back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { unzip } from '../fakes/unzip';
import { browserSuite, SCREENSHOT_DIR } from './harness';
import { button } from './ui';

const t = browserSuite();


async function download(page: Page, label: string): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), button(page, label).click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(file) };
}

it('downloads the month’s concerns as a workbook and the rates as CSV from the dashboard', async () => {
  await t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description: '西城社区大果经济社村口垃圾待清运（导出测试）', placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
  const { page } = await t.h.newPage({ acceptDownloads: true });
  await page.goto(`${t.h.base}/#/pages/login/index`);
  await button(page, '麦派单员').click();
  await page.getByText('您好，麦派单员').waitFor();
  await button(page, '办理统计').click();
  await page.getByText('导出报表').waitFor();
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'staff-dashboard-exports.png'), fullPage: true });

  const xlsx = await download(page, '诉求明细（Excel）');
  expect(xlsx.name).toMatch(/^诉求导出-丹灶镇-\d{4}-\d{2}-01至\d{4}-\d{2}-\d{2}\.xlsx$/);
  const parts = unzip(xlsx.bytes);
  expect(parts.get('xl/sharedStrings.xml')!.toString('utf8')).toContain('西城社区大果经济社村口垃圾待清运（导出测试）');
  expect(parts.get('xl/worksheets/sheet1.xml')!.toString('utf8')).toMatch(/<c r="J2" s="2"><v>\d+\.\d+<\/v><\/c>/);

  const csv = await download(page, '办理统计（CSV）');
  expect(csv.name).toMatch(/^办理统计-丹灶镇-.*\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFF月份,单位,层级,诉求数')).toBe(true);
  expect(text).toContain(',丹灶镇,镇,1,');
});
