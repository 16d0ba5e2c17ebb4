/**
 * The report page in real Chromium shows where a point goes before submitting: the browser's own
 * position (Playwright's geolocation, read through Taro.getLocation → navigator.geolocation) and
 * coordinates typed by hand (H5 has no map picker); then the concern is routed by that location.
 */
import type { Page } from 'playwright-core';
import { DEMO_POINTS } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, chip } from './ui';

const t = browserSuite();


async function openReport(page: Page) {
  await page.goto(`${t.h.base}/#/pages/login/index`);
  await button(page, '陈阿姨').click();
  await page.getByText('您好，陈阿姨').waitFor();
  await button(page, '我要反映').click();
  await page.getByText('1. 问题发生在哪里？').waitFor();
}

it('shows the grid and committee of the current location, and routes the concern there', async () => {
  const { page } = await t.h.newPage({ geolocation: { latitude: DEMO_POINTS.daguo.lat, longitude: DEMO_POINTS.daguo.lng, accuracy: 10 }, permissions: ['geolocation'] });
  await openReport(page);
  await button(page, '使用当前位置').click();
  await page.getByText('将交由大果网格及大果经济社社委办理（西城社区 · 丹灶镇）').waitFor();
  await t.shot(page, 'resident-report-located');

  // No village picked: the location decides the town, so its categories appear.
  await chip(page, '人居环境/环境卫生').click();
  const text = '定位上报：祠堂后巷的路灯不亮了。';
  await page.locator('textarea[placeholder*="请描述"]').fill(text);
  await button(page, '提交').click();
  await page.getByText(/居民上报的位置在大果网格内/).first().waitFor();

  const [stored] = (await t.h.rt.store.concerns.listByReporter('demo-resident-chen', { cursor: null, limit: 1 })).items;
  expect(stored).toMatchObject({ description: text, status: 'assigned', placeId: 'dz-xicheng-daguo', location: DEMO_POINTS.daguo });
  expect(stored.route).toMatchObject({ step: 'location', gridId: 'dz-xicheng-daguo-g' });
});

it('shows where typed coordinates go, and says so when they are outside every town', async () => {
  const { page } = await t.h.newPage();
  await openReport(page);
  const lat = page.locator('input[placeholder*="纬度"]');
  const lng = page.locator('input[placeholder*="经度"]');
  await lat.fill(String(DEMO_POINTS.danzaoMargin.lat));
  await lng.fill(String(DEMO_POINTS.danzaoMargin.lng));
  await button(page, '查看归属').click();
  await page.getByText(/位置在丹灶镇，但不在任何网格内/).waitFor();

  await lat.fill(String(DEMO_POINTS.outside.lat));
  await lng.fill(String(DEMO_POINTS.outside.lng));
  await button(page, '查看归属').click();
  await page.getByText('这个位置不在本平台服务的镇街范围内。').waitFor();
  await t.shot(page, 'resident-report-outside');
});
