/**
 * Map-first reporting (#17) in real Chromium at 375 px: 陈阿姨 opens 反映 on the drawn map of her town
 * (the grid boundaries from grid/map, nearby open concerns as dots), taps a place in 大果网格, sees the grid
 * and committee named, picks a category, writes, submits and sees the confirmation. Zooming keeps a tap
 * where it lands; another town is a tap away; the place picker offers the town on the map only.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_POINTS } from '../../server/demo-data';
import { browserSuite, DOCS_SHOTS } from './harness';
import { mapState, tapMap } from './map';
import { button, chip, loginAs, visibleText } from './ui';

const t = browserSuite();
const RESIDENT = 'demo-resident-chen';

async function openReport(page: Page) {
  await loginAs(t.h.base, page, '陈阿姨');
  await button(page, '我要反映').click();
  await page.getByText('1. 问题发生在哪里？').waitFor();
  await page.locator('svg.grid-map__svg').waitFor();
}

it('reports on the map: tap a place in a grid, see the grid and committee, submit, see the confirmation', async () => {
  // Someone else's open report nearby, with a location: a dot on the map, its text nowhere on the page.
  const nearby = '大果村口的垃圾桶满了好几天（地图测试）';
  await t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description: nearby, location: { lat: DEMO_POINTS.daguo.lat + 0.001, lng: DEMO_POINTS.daguo.lng } }, 'demo-resident-li');

  const { page } = await t.h.newPage();
  await openReport(page);
  // The town on the map is hers (丹灶镇), its villages named, the other towns offered.
  await page.locator('svg.grid-map__svg text', { hasText: '西城社区' }).waitFor();
  await page.locator('svg.grid-map__svg text', { hasText: '新安社区' }).waitFor();
  expect(await page.locator('svg.grid-map__svg path[data-grid]').count()).toBeGreaterThanOrEqual(4);
  expect(await page.locator('svg.grid-map__svg .grid-map__concern').count()).toBe(1);
  expect(await page.locator('body').innerText()).not.toContain(nearby);
  await chip(page, '西樵镇').waitFor();
  await t.shot(page, 'resident-report-map');
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-report-map-town.png'), fullPage: false });

  await tapMap(page, DEMO_POINTS.daguo.lat, DEMO_POINTS.daguo.lng);
  await page.getByText('将交由大果网格及大果经济社社委办理（西城社区 · 丹灶镇）').waitFor();
  await page.locator('svg.grid-map__svg .grid-map__pin').waitFor();
  expect(await page.locator('svg.grid-map__svg .grid-map__grid--on').getAttribute('data-grid')).toBe('大果网格');
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'resident-report-map.png'), fullPage: false });

  await chip(page, '人居环境/环境卫生').click();
  const text = '地图上报：大果网格祠堂后巷的路灯不亮了。';
  await page.locator('textarea[placeholder*="请描述"]').fill(text);
  await button(page, '提交').click();
  await visibleText(page, '提交成功').waitFor();
  await t.shot(page, 'resident-report-map-submitted');

  const stored = (await t.h.rt.store.concerns.listByReporter(RESIDENT, { cursor: null, limit: 5 })).items.find((c) => c.description === text)!;
  expect(stored.route).toMatchObject({ step: 'location', gridId: 'dz-xicheng-daguo-g', cooperativeId: 'dz-xicheng-daguo' });
  expect(Math.abs(stored.location!.lat - DEMO_POINTS.daguo.lat)).toBeLessThan(0.002);
  expect(Math.abs(stored.location!.lng - DEMO_POINTS.daguo.lng)).toBeLessThan(0.002);
});

it('zooms with + and −, the wheel and the whole-town button, and a tap lands where it is drawn at every zoom', async () => {
  const { page } = await t.h.newPage();
  await openReport(page);
  const whole = (await mapState(page)).view;
  await page.locator('taro-button-core[aria-label="放大"]').click();
  await page.waitForFunction((w) => Number(document.querySelector('svg.grid-map__svg')!.getAttribute('viewBox')!.split(' ')[2]) < w * 0.6, whole.w);
  await page.locator('taro-button-core[aria-label="放大"]').click();
  expect((await mapState(page)).view.w).toBeCloseTo(whole.w / 4, 0);

  // Zoomed about the middle; the margin point of 丹灶镇 may be off screen: show the whole town, zoom at it with the wheel.
  await page.locator('taro-button-core[aria-label="显示全镇"]').click();
  await page.waitForFunction((w) => Number(document.querySelector('svg.grid-map__svg')!.getAttribute('viewBox')!.split(' ')[2]) === w, whole.w);
  const s = await mapState(page);
  const { projection, svgToClient } = await import('../../src/services/map-projection');
  const [x, y] = projection(s.bounds).toXY(DEMO_POINTS.danzaoMargin.lng, DEMO_POINTS.danzaoMargin.lat);
  const [cx, cy] = svgToClient(s.view, s.rect, x, y);
  await page.mouse.move(cx, cy);
  await page.mouse.wheel(0, -200);
  await page.waitForFunction((w) => Number(document.querySelector('svg.grid-map__svg')!.getAttribute('viewBox')!.split(' ')[2]) < w, whole.w);

  await tapMap(page, DEMO_POINTS.danzaoMargin.lat, DEMO_POINTS.danzaoMargin.lng);
  await page.getByText(/位置在丹灶镇，但不在任何网格内/).waitFor();
  await page.locator('taro-button-core[aria-label="缩小"]').click();
  await tapMap(page, DEMO_POINTS.daguo.lat, DEMO_POINTS.daguo.lng);
  await page.getByText('将交由大果网格及大果经济社社委办理（西城社区 · 丹灶镇）').waitFor();

  // Off the town, in the drawing's margin: outside every town.
  await page.locator('taro-button-core[aria-label="显示全镇"]').click();
  const m = await mapState(page);
  await page.mouse.click(m.rect.left + 4, m.rect.top + 4);
  await page.getByText('这个位置不在本平台服务的镇街范围内。').waitFor();
});

it('switches the map to another town, and the place picker offers the town on the map only', async () => {
  const { page } = await t.h.newPage();
  await openReport(page);
  const search = page.locator('input[placeholder="搜索村（社区）或经济社名称"] >> visible=true').first();
  await search.fill('儒溪');
  await visibleText(page, '没有找到名称含“儒溪”的单位。').waitFor();
  await search.fill('大果');
  await chip(page, '西城社区 / 大果经济社').waitFor();

  await chip(page, '西樵镇').click();
  await page.locator('svg.grid-map__svg text', { hasText: '儒溪村' }).waitFor();
  await visibleText(page, '或选择村（社区）（西樵镇）：').waitFor();
  await search.fill('儒溪');
  await chip(page, '儒溪村 / 儒溪第一经济社').click();
  await visibleText(page, '已选：儒溪村 / 儒溪第一经济社').waitFor();

  // Walking the tree in the Cascader works too, within the town.
  await button(page, '重新选择').click();
  await visibleText(page, '选择村（社区）和经济社').waitFor();
  const item = (name: string) => page.locator('.nut-cascader-item:visible', { hasText: name }).first();
  await item('儒溪村').click();
  await item('不清楚经济社').click();
  await visibleText(page, '已选：儒溪村').waitFor();
});
