/**
 * The report page in real Chromium shows where a point goes before submitting: the browser's own
 * position (Playwright's geolocation, read through Taro.getLocation → navigator.geolocation) centres the
 * town map on it; a tap on the map elsewhere moves it (H5 has no map picker and no typed coordinates); then
 * the concern is routed by that location.
 */
import type { Page } from 'playwright-core';
import { DEMO_POINTS } from '../../server/demo-data';
import { projection } from '../../src/services/map-projection';
import { browserSuite } from './harness';
import { mapState, tapMap } from './map';
import { button, chip } from './ui';

const t = browserSuite();

async function openReport(page: Page) {
  await page.goto(`${t.h.base}/#/pages/login/index`);
  await button(page, '陈阿姨').click();
  await page.getByText('您好，陈阿姨').waitFor();
  await button(page, '我要反映').click();
  await page.getByText('1. 问题发生在哪里？').waitFor();
  await page.locator('svg.grid-map__svg').waitFor();
}

it('shows the grid and committee of the current location, centres the map on it, and routes the concern there', async () => {
  const { page } = await t.h.newPage({ geolocation: { latitude: DEMO_POINTS.daguo.lat, longitude: DEMO_POINTS.daguo.lng, accuracy: 10 }, permissions: ['geolocation'] });
  await openReport(page);
  const whole = (await mapState(page)).view;
  await button(page, '使用当前位置').click();
  await page.getByText('将交由大果网格及大果经济社社委办理（西城社区 · 丹灶镇）').waitFor();
  await page.locator('svg.grid-map__svg .grid-map__pin').waitFor();
  // Zoomed in, the point in the middle of the view (as near as the drawing's edges allow).
  await page.waitForFunction((w) => Number(document.querySelector('svg.grid-map__svg')!.getAttribute('viewBox')!.split(' ')[2]) < w, whole.w);
  const s = await mapState(page);
  const [x, y] = projection(s.bounds).toXY(DEMO_POINTS.daguo.lng, DEMO_POINTS.daguo.lat);
  expect(x > s.view.x && x < s.view.x + s.view.w && y > s.view.y && y < s.view.y + s.view.h).toBe(true);
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

it('offers no typed coordinates; a tap in the town\'s margin says it goes to the town\'s dispatcher', async () => {
  const { page } = await t.h.newPage();
  await openReport(page);
  expect(await page.locator('input[placeholder*="纬度"], input[placeholder*="经度"]').count()).toBe(0);
  expect(await page.getByText(/纬度|经度/).count()).toBe(0);
  await tapMap(page, DEMO_POINTS.danzaoMargin.lat, DEMO_POINTS.danzaoMargin.lng);
  await page.getByText(/位置在丹灶镇，但不在任何网格内/).waitFor();
  await t.shot(page, 'resident-report-margin');
});
