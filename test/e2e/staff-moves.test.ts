/**
 * Committee staff moving concerns on, in real Chromium at 375 px and 1280 px (issue 16, items 1, 2, 4):
 * after 转派 / 上报 / 退回 the mover lands on the workbench with a toast naming where the concern went, and
 * keeps it in 全部, read-only, with where it is now; the town dispatcher works the 待派单 queue by its count,
 * picks the target in the Cascader tree (or by search), and is not offered 签收 on what it sent down.
 */
import type { Page } from 'playwright-core';
import type { ConcernDetail } from '../../core/views';
import { browserSuite } from './harness';
import { chip, loginAs, visibleText } from './ui';

const t = browserSuite(180_000);

/** Only the shown page's buttons: pages below in the H5 stack stay in the DOM, hidden. */
const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();

const report = (description: string, placeId = 'dz-xicheng-daguo') =>
  t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description, placeId }, 'demo-resident-chen') as Promise<ConcernDetail>;

/** A visible button labelled exactly `text` (派单 is not 确认派单 nor 待派单). */
const exact = (page: Page, text: string) => page.locator('taro-button-core:visible').filter({ has: page.getByText(text, { exact: true }) }).first();

/**
 * From the workbench, opens the concern whose description starts with `text` — the handling page at
 * 375 px, the detail pane beside the table at 1280 px — and its 更多 sheet, then picks `move` there.
 */
async function openMore(page: Page, text: string, move: string) {
  await visibleText(page, text).click();
  await exact(page, '更多').click();
  await visibleText(page, '不属于本单位或需上级协调').waitFor();
  await exact(page, move).click();
}

async function reason(page: Page, text: string) {
  await page.locator('textarea[placeholder*="的理由（必填）"]:visible').fill(text);
}

describe.each([
  ['phone', 375, 812],
  ['desk', 1280, 800],
])('at %s width', (name, width, height) => {
  it('lands on the workbench after 转派, 上报 and 退回, saying where each went, and keeps them read-only in 全部', async () => {
    const tag = `${name}${width}`;
    const moved = await report(`${tag}转派测试：大果村口路灯不亮`);
    await report(`${tag}上报测试：两个社之间的水沟堵了`);
    await report(`${tag}退回测试：这里不归本社管`);
    const { page } = await t.h.newPage({ viewport: { width, height } });
    await loginAs(t.h.base, page, '黄社长');
    await button(page, '诉求工作台').click();

    // 转派, the target found by search.
    await openMore(page, `${tag}转派测试`, '转派');
    await page.locator('.target-picker__search input:visible').fill('新安第一');
    await chip(page, '新安社区 / 新安第一经济社 / 新安第一网格').click();
    await visibleText(page, '承办单位：新安社区 / 新安第一经济社 / 新安第一网格').waitFor();
    await reason(page, '路灯属于新安第一经济社的路段');
    await t.shot(page, `staff-moves-${tag}-transfer-picked`);
    await exact(page, '确认转派').click();
    await page.getByText('已转派至新安第一经济社 · 新安第一网格').waitFor();
    await visibleText(page, '全部待办').waitFor();
    expect(await page.getByText('没有找到这条诉求').count()).toBe(0);
    await t.shot(page, `staff-moves-${tag}-landed`);
    const stored = (await t.h.rt.router.call('concern', 'concern/get', { id: moved.id }, 'demo-staff-xinan1-he')) as ConcernDetail;
    expect(stored.route.cooperativeId).toBe('dz-xinan-1');

    // 上报, one level up.
    await openMore(page, `${tag}上报测试`, '上报上级');
    await reason(page, '涉及两个经济社，需要社区协调');
    await exact(page, '确认上报').click();
    await page.getByText('已上报至西城社区').waitFor();
    await visibleText(page, '全部待办').waitFor();

    // 退回, to the town's queue.
    await openMore(page, `${tag}退回测试`, '退回派单');
    await reason(page, '地点不在本社范围');
    await exact(page, '确认退回').click();
    await page.getByText('已退回丹灶镇派单队列').waitFor();
    await visibleText(page, '全部待办').waitFor();

    // 全部 keeps what was passed on, with where it is now; opening one is read-only.
    await page.locator('.inbox__tab:visible', { hasText: '全部' }).click();
    await visibleText(page, '已转出，现由新安第一经济社 · 新安第一网格办理').waitFor();
    await visibleText(page, '已转出，现由西城社区办理').waitFor();
    await visibleText(page, '已转出，现由丹灶镇办理').waitFor();
    await t.shot(page, `staff-moves-${tag}-all`);
    await visibleText(page, `${tag}转派测试`).click();
    await visibleText(page, '您已转出这条诉求，现由新安第一经济社 · 新安第一网格办理，当前状态：已分派。这里只能查看。').waitFor();
    expect(await page.locator('taro-button-core:visible', { hasText: '签收' }).count()).toBe(0);
    await t.shot(page, `staff-moves-${tag}-read-only`);
  });

  it('lets the town dispatcher work 待派单 by its count, pick the target in the tree, and not offers 签收 afterwards', async () => {
    const tag = `${name}${width}`;
    const queued = (await t.h.rt.router.call('concern', 'concern/submit', { category: 'road', description: `${tag}派单测试：不知道属于哪个村的路坑`, placeId: 'danzao' }, 'demo-resident-chen')) as ConcernDetail;
    const { page } = await t.h.newPage({ viewport: { width, height } });
    await loginAs(t.h.base, page, '麦派单员');
    await button(page, '诉求工作台').click();
    const counts = (await t.h.rt.router.call('concern', 'concern/inboxCounts', {}, 'demo-staff-danzao-dispatch')) as { toDispatch: number };
    await chip(page, `待派单 ${counts.toDispatch}`).click();
    await visibleText(page, `${tag}派单测试`).click();
    await exact(page, '派单').click();
    await visibleText(page, '派单：选择承办的村（社区）或经济社').waitFor();
    await button(page, '按村（社区）逐级选择').click();
    await visibleText(page, '选择承办单位').waitFor();
    await visibleText(page, '新安社区').click();
    await visibleText(page, '新安第二经济社').click();
    await visibleText(page, '新安第二网格').click();
    await visibleText(page, '承办单位：新安社区 / 新安第二经济社 / 新安第二网格').waitFor();
    await t.shot(page, `staff-moves-${tag}-dispatch-picked`);
    await exact(page, '确认派单').click();
    await page.getByText('已派单至新安第二经济社 · 新安第二网格').waitFor();
    await chip(page, `待派单 ${counts.toDispatch - 1}`).waitFor();
    await t.shot(page, `staff-moves-${tag}-dispatched`);
    const seen = (await t.h.rt.router.call('concern', 'concern/get', { id: queued.id }, 'demo-staff-danzao-dispatch')) as ConcernDetail;
    expect(seen.route.cooperativeId).toBe('dz-xinan-2');
    expect(seen.moves).not.toContain('accept');
  });
});
