/**
 * Reaching the resident and the place (issue 16, item 3), in real Chromium at 375 px and 1280 px: on 我的 a
 * new resident is asked once for a name and phone with the consent text (saved at one width, skipped at the
 * other, and not asked again); the handler then sees that phone with 拨打 and the reported point's grid with
 * 导航, which in H5 opens the AMap marker page at the GCJ-02 point.
 */
import type { Page } from 'playwright-core';
import { DEMO_POINTS } from '../../server/demo-data';
import type { ConcernDetail } from '../../core/views';
import { browserSuite } from './harness';
import { loginAs, visibleText } from './ui';

const t = browserSuite(180_000);

const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();

async function openMe(page: Page, name: string) {
  await loginAs(t.h.base, page, name);
  await page.goto(`${t.h.base}/#/pages/me/index`);
  await visibleText(page, '大字模式').waitFor();
}

describe.each([
  ['phone', 375, 812, '陈阿姨', 'demo-resident-chen'],
  ['desk', 1280, 800, '李叔', 'demo-resident-li'],
])('at %s width', (name, width, height, resident, openid) => {
  it('asks the resident once on 我的, then shows the handler the phone with 拨打 and the place with 导航', async () => {
    const tag = `${name}${width}`;
    const { page, context } = await t.h.newPage({ viewport: { width, height } });
    await openMe(page, resident);
    await visibleText(page, '留个联系方式？（选填）').waitFor();
    await visibleText(page, '仅用于联系我处理诉求').waitFor();
    await t.shot(page, `reach-${tag}-asked`);
    const saves = name === 'phone';
    if (saves) {
      await page.locator('input[placeholder*="怎么称呼您"]:visible').fill(resident);
      await page.locator('input[placeholder="手机号（选填）"]:visible').fill('1391234');
      await button(page, '保存').click();
      await visibleText(page, '手机号应为 11 位数字').waitFor();
      await page.locator('input[placeholder="手机号（选填）"]:visible').fill('13912345678');
      await button(page, '保存').click();
      await visibleText(page, '请先阅读并勾选同意，再保存。').waitFor();
      await page.locator('[aria-label="同意联系方式的使用说明"]:visible').click();
      await button(page, '保存').click();
      await visibleText(page, '办理人员可拨打 13912345678 联系您').waitFor();
    } else {
      await button(page, '跳过').click();
      await visibleText(page, '没有留手机号').waitFor();
    }
    // Asked once: a reload shows the summary, not the form.
    await page.reload();
    await visibleText(page, '大字模式').waitFor();
    await visibleText(page, '联系方式').waitFor();
    expect(await page.getByText('留个联系方式？（选填）').count()).toBe(0);
    await t.shot(page, `reach-${tag}-answered`);
    await context.close();

    // The resident reports at 大果经济社 by location; the chair opens it from the workbench.
    const c = (await t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description: `${tag}联系测试：祠堂旁垃圾堆积`, location: DEMO_POINTS.daguo }, openid)) as ConcernDetail;
    expect(c.route.gridId).toBe('dz-xicheng-daguo-g');
    const staff = await t.h.newPage({ viewport: { width, height } });
    await loginAs(t.h.base, staff.page, '黄社长');
    await button(staff.page, '诉求工作台').click();
    await visibleText(staff.page, `${tag}联系测试`).click();
    const phone = saves ? '13912345678' : '13900000002';
    await visibleText(staff.page, phone).waitFor();
    await visibleText(staff.page, '现场位置：').waitFor();
    await visibleText(staff.page, '大果网格').waitFor();
    expect(await button(staff.page, '拨打').count()).toBe(1);
    await t.shot(staff.page, `reach-${tag}-handler`);

    // 导航: the AMap marker page at the GCJ-02 point (answered here by a stand-in: the test has no internet).
    await staff.context.route('https://uri.amap.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>高德地图</title>' }));
    const [map] = await Promise.all([staff.page.waitForEvent('popup'), button(staff.page, '导航').click()]);
    const url = new URL(map.url());
    expect(url.host).toBe('uri.amap.com');
    const [lng, lat] = (url.searchParams.get('position') ?? '').split(',').map(Number);
    expect({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) }).toEqual({ lat: Number(c.mapPoint!.lat.toFixed(6)), lng: Number(c.mapPoint!.lng.toFixed(6)) });
    // GCJ-02 is offset from the WGS-84 report by a few hundred metres in 佛山.
    expect(Math.abs(lat - DEMO_POINTS.daguo.lat) + Math.abs(lng - DEMO_POINTS.daguo.lng)).toBeGreaterThan(0.001);
    expect(url.searchParams.get('name')).toBe('大果网格');
    await staff.context.close();
  });
});
