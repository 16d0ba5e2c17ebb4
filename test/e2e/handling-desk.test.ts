/**
 * Issue 16, items 5, 8 and 9 in real Chromium: the handling page at 375 px (签收 / 回复 / 办结 in a fixed
 * bottom bar, 转派 / 退回 / 上报 behind 更多 with their reasons, the reply box growing with its text and an
 * unsent reply surviving a trip back to the workbench); the workbench at 1280 px as a table with a detail
 * pane, a concern accepted and resolved from the pane; 操作记录 with names, concern links and its filters.
 */
import type { Page } from 'playwright-core';
import type { ConcernDetail } from '../../core/views';
import { browserSuite } from './harness';
import { chip, loginAs, visibleText } from './ui';

const t = browserSuite(180_000);

const exact = (page: Page, text: string) => page.locator('taro-button-core:visible').filter({ has: page.getByText(text, { exact: true }) }).first();
const report = (description: string, placeId = 'dz-xicheng-daguo') =>
  t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description, placeId }, 'demo-resident-chen') as Promise<ConcernDetail>;
const get = (id: string) => t.h.rt.router.call('concern', 'concern/get', { id }, 'demo-staff-daguo-huang') as Promise<ConcernDetail>;

/** Waits until `read` answers `want` (a few seconds at most), then asserts it. */
async function settles<T>(read: () => Promise<T>, want: T): Promise<void> {
  let got = await read();
  for (let i = 0; i < 50 && got !== want; i++) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  expect(got).toBe(want);
}

const LONG = '您好，您反映的祠堂旁垃圾桶满溢问题我们已经收到。今天下午已安排保洁员清运，并加装了一个垃圾桶；以后每天早晚各清运一次。如仍有问题请随时联系我们，我们会继续跟进处理。';

it('at 375 px: the main moves sit in a fixed bottom bar, the rest behind 更多, and an unsent reply survives leaving the page', async () => {
  const c = await report('手机办理测试：祠堂旁垃圾桶满了');
  const { page } = await t.h.newPage({ viewport: { width: 375, height: 812 } });
  await loginAs(t.h.base, page, '黄社长');
  await exact(page, '诉求工作台').click();
  await visibleText(page, '手机办理测试').click();

  // 签收 in the bar, pinned to the bottom of the window.
  const bar = page.locator('.handle-bar:visible');
  await exact(page, '签收').waitFor();
  const box = await bar.boundingBox();
  expect(box && Math.round(box.y + box.height)).toBe(812);
  expect(await bar.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  await exact(page, '签收').click();
  await exact(page, '办结').waitFor();
  expect((await get(c.id)).status).toBe('accepted');

  // The reply box grows: a long text is readable in full before sending.
  const reply = page.locator('textarea[placeholder*="输入回复内容"]:visible');
  await reply.fill(LONG);
  await page.waitForTimeout(300);
  expect(await reply.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(2);
  await t.shot(page, 'handling-375-bar');

  // Back to the workbench and in again: the text is still there.
  await page.goBack();
  await visibleText(page, '全部待办').waitFor();
  await visibleText(page, '手机办理测试').click();
  await page.locator('textarea[placeholder*="输入回复内容"]:visible').waitFor();
  expect(await page.locator('textarea[placeholder*="输入回复内容"]:visible').inputValue()).toBe(LONG);

  // 更多: 转派 / 退回派单 / 上报上级, each asking for its reason.
  await exact(page, '更多').click();
  await visibleText(page, '不属于本单位或需上级协调').waitFor();
  for (const m of ['转派', '退回派单', '上报上级']) await exact(page, m).waitFor();
  await t.shot(page, 'handling-375-more');
  await exact(page, '上报上级').click();
  await exact(page, '确认上报').click();
  await visibleText(page, '请写明上报理由。').waitFor();
  await t.shot(page, 'handling-375-more-reason');
  expect((await get(c.id)).route.cooperativeId).toBe('dz-xicheng-daguo');
  await page.locator('.nut-popup-title-right:visible, .nut-popup-close-icon:visible').first().click();

  // 回复 sends the box; the stored draft goes with it.
  await exact(page, '回复').click();
  await page.getByText('发送成功').waitFor();
  expect((await get(c.id)).thread.at(-1)?.text).toBe(LONG);
  await page.goBack();
  await visibleText(page, '手机办理测试').click();
  await page.locator('textarea[placeholder*="输入回复内容"]:visible').waitFor();
  expect(await page.locator('textarea[placeholder*="输入回复内容"]:visible').inputValue()).toBe('');
});

it('at 1280 px: the workbench is a table with a detail pane, and the concern is accepted and resolved from the pane', async () => {
  const c = await report('桌面办理测试：村口路灯不亮');
  const { page } = await t.h.newPage({ viewport: { width: 1280, height: 800 } });
  await loginAs(t.h.base, page, '黄社长');
  await exact(page, '诉求工作台').click();
  for (const h of ['案件编号', '类别', '反映地点', '状态', '办理时限', '当前承办']) await visibleText(page, h).waitFor();
  await visibleText(page, '在左侧表格中点一条诉求，这里显示详情和办理操作。').waitFor();
  const row = page.locator('.desk-table__row:visible', { hasText: '桌面办理测试' });
  await row.getByText(c.id).waitFor();
  await row.getByText('已分派').waitFor();
  await row.click();
  const pane = page.locator('.desk-inbox__pane');
  await pane.getByText('村口路灯不亮').first().waitFor();
  // The pane sits to the right of the table.
  const [tableBox, paneBox] = [await page.locator('.desk-table').boundingBox(), await pane.boundingBox()];
  expect(tableBox && paneBox && paneBox.x >= tableBox.x + tableBox.width).toBe(true);
  await t.shot(page, 'desk-1280-selected');

  await pane.locator('taro-button-core').filter({ has: page.getByText('签收', { exact: true }) }).click();
  await row.getByText('已签收').waitFor();
  await pane.locator('textarea').first().fill('已更换灯泡，今晚起正常照明。');
  await pane.locator('taro-button-core').filter({ has: page.getByText('办结', { exact: true }) }).click();
  await page.getByText('办结成功').waitFor();
  await settles(async () => (await get(c.id)).status, 'resolved');
  await t.shot(page, 'desk-1280-resolved');
});

it('shows 操作记录 with names and concern links, filtered by person, action and day', async () => {
  const a = await report('操作记录测试甲');
  const b = await report('操作记录测试乙', 'dz-xinan-1');
  await t.h.rt.router.call('concern', 'concern/accept', { id: a.id }, 'demo-staff-daguo-huang');
  await t.h.rt.router.call('concern', 'concern/accept', { id: b.id }, 'demo-staff-xinan1-he');
  await t.h.rt.router.call('concern', 'concern/reply', { id: b.id, text: '明天去看' }, 'demo-staff-xinan1-he');
  for (const [name, width, height] of [['phone', 375, 812], ['desk', 1280, 800]] as const) {
    const { page } = await t.h.newPage({ viewport: { width, height } });
    await loginAs(t.h.base, page, '丹灶镇管理员');
    await exact(page, '操作记录').click();
    const items = page.locator('.audit__item:visible');
    await items.first().waitFor();
    await page.getByText(`诉求：人居环境/环境卫生 · 案件编号 ${b.id}`).first().waitFor();
    expect(await page.getByText(/对象编号/).count()).toBe(0);

    await chip(page, '何社委').click();
    await settles(() => items.count(), 2);
    expect(await items.filter({ hasText: '何社委（网格员·社委）' }).count()).toBe(2);
    await chip(page, '签收诉求').click();
    await settles(() => items.count(), 1);
    await chip(page, '今天').click();
    await settles(() => items.count(), 1);
    await t.shot(page, `audit-${name}-filtered`);
    await chip(page, '昨天').click();
    await page.getByText('没有符合筛选条件的操作记录。').waitFor();
    await exact(page, '清除筛选').click();
    await page.getByText(`案件编号 ${a.id}`, { exact: false }).first().waitFor();

    // A concern's link opens it.
    await page.getByText(`诉求：人居环境/环境卫生 · 案件编号 ${a.id}`).first().click();
    await visibleText(page, '操作记录测试甲').waitFor();
    await page.close();
  }
});
