/**
 * The staff workbench one-handed, in real Chromium: the town admin sets quick replies (常用回复) for a
 * category; 黄社长's home shows how many concerns are due today; the inbox filters 今天到期 / 已超期 /
 * 待签收 with their counts; a quick-reply chip fills the reply box (the same box 办结 sends).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ConcernDetail } from '../../core/views';
import { browserSuite, DOCS_SHOTS } from './harness';
import { chip, loginAs } from './ui';

const t = browserSuite();

/** Only the shown page's buttons: pages below in the H5 stack stay in the DOM, hidden (e.g. the inbox's 待签收 filter under 签收). */
const button = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();

const TEMPLATE = '您反映的问题已收到，我们已安排保洁员今天处理，处理后会再答复您。';

/** Puts a concern's current deadline at `dueAt` (what the clocks would say at another hour of the day). */
function setDue(id: string, dueAt: Date) {
  const at = dueAt.toISOString();
  t.h.rt.store.db.prepare(`UPDATE concerns SET due_at = ?, sla = json_set(sla, '$.dueAt', ?) WHERE id = ?`).run(at, at, id);
}

/** The first instant of the next Beijing day. */
function endOfBeijingDay(now: Date): Date {
  const day = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000);
}

const report = (description: string) =>
  t.h.rt.router.call('concern', 'concern/submit', { category: 'environment', description, placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen') as Promise<ConcernDetail>;

it('lets the town admin set quick replies that fill the reply box with one tap', async () => {
  const { page: admin } = await t.h.newPage();
  await loginAs(t.h.base, admin, '丹灶镇管理员');
  await button(admin, '常用回复设置').click();
  await chip(admin, '人居环境/环境卫生').click();
  await admin.getByText('这一类还没有常用回复').waitFor();
  await button(admin, '添加一条').click();
  await admin.locator('textarea[placeholder*="第 1 条常用回复"]').fill(TEMPLATE);
  await admin.screenshot({ path: path.join(DOCS_SHOTS, 'staff-templates.png') });
  await button(admin, '保存这一类').click();
  await admin.getByText('已保存').first().waitFor();
  const stored = (await t.h.rt.router.call('concern', 'town/replyTemplates', {}, 'demo-staff-daguo-huang')) as { templates: Record<string, string[]> };
  expect(stored.templates.environment).toEqual([TEMPLATE]);

  const c = await report('快捷回复测试：祠堂旁垃圾桶满了。');
  const { page: staff } = await t.h.newPage();
  await loginAs(t.h.base, staff, '黄社长');
  await staff.goto(`${t.h.base}/#/staff/pages/handle/index?id=${c.id}`);
  await button(staff, '签收').click();
  await staff.getByText('常用回复（点一下填入）').first().waitFor();
  const reply = staff.locator('textarea[placeholder*="输入回复内容"]');
  await reply.fill('您好，');
  await chip(staff, `${[...TEMPLATE].slice(0, 14).join('')}…`).click();
  // What was typed stays; the template follows it.
  expect(await reply.inputValue()).toBe(`您好，\n${TEMPLATE}`);
  // One box for 回复 and 办结 (issue 16, item 5), grown to show the whole text before it is sent.
  await staff.waitForFunction((el) => el !== null && el.scrollHeight - el.clientHeight <= 2, await reply.elementHandle(), { timeout: 5000 });
  // …and the box around it grows too, so the quick replies below are not covered.
  expect(await reply.evaluate((el) => (el.parentElement as HTMLElement).getBoundingClientRect().height - el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(-1);
  await button(staff, '回复').click();
  await staff.getByText(TEMPLATE).first().waitFor();
  const thread = (await t.h.rt.router.call('concern', 'concern/get', { id: c.id }, 'demo-staff-daguo-huang')) as ConcernDetail;
  expect(thread.thread.at(-1)?.text).toBe(`您好，\n${TEMPLATE}`);
  // Leave the inbox empty for the next test.
  await t.h.rt.router.call('concern', 'concern/resolve', { id: c.id, text: TEMPLATE }, 'demo-staff-daguo-huang');
});

it('shows the count due today on home and filters the inbox by 今天到期, 已超期 and 待签收', async () => {
  const now = t.h.now();
  const today = await report('筛选测试甲：今天到期的诉求');
  const late = await report('筛选测试乙：已经超期的诉求');
  const later = await report('筛选测试丙：下周才到期的诉求');
  // Later today (halfway to midnight), an hour ago, and next week, on the harness's clock.
  setDue(today.id, new Date(now.getTime() + (endOfBeijingDay(now).getTime() - now.getTime()) / 2));
  setDue(late.id, new Date(now.getTime() - 3600_000));
  setDue(later.id, new Date(now.getTime() + 7 * 86_400_000));
  expect(await t.h.rt.router.call('concern', 'concern/inboxCounts', {}, 'demo-staff-daguo-huang')).toEqual({ dueToday: 1, overdue: 1, toAccept: 3, toDispatch: null });

  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '黄社长');
  await page.getByLabel('今天到期 1 件').waitFor();
  await page.getByText('另有 1 件已超期，请尽快办理').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'staff-home-badge.png') });

  await button(page, '诉求工作台').click();
  await page.getByText('筛选测试丙').first().waitFor();
  await chip(page, '今天到期 1').waitFor();
  await chip(page, '已超期 1').waitFor();
  await chip(page, '待签收 3').click();
  await page.getByText('筛选测试甲').first().waitFor();
  expect(await page.getByText(/筛选测试/).count()).toBe(3);

  await chip(page, '今天到期 1').click();
  await page.getByText('筛选测试甲').first().waitFor();
  await expectOnly(page, '筛选测试甲');
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(DOCS_SHOTS, 'staff-inbox-filters.png') });

  await chip(page, '已超期 1').click();
  await page.getByText('筛选测试乙').first().waitFor();
  await expectOnly(page, '筛选测试乙');

  // Accepting one leaves 待签收 with two; an empty filter says so plainly.
  await t.h.rt.router.call('concern', 'concern/accept', { id: later.id }, 'demo-staff-daguo-huang');
  await t.h.rt.router.call('concern', 'concern/accept', { id: late.id }, 'demo-staff-daguo-huang');
  await t.h.rt.router.call('concern', 'concern/resolve', { id: late.id, text: '已处理' }, 'demo-staff-daguo-huang');
  await page.reload();
  await chip(page, '已超期 0').click();
  await page.getByText('没有超期的诉求。').waitFor();
  await chip(page, '全部待办').click();
  await page.getByText('筛选测试丙').first().waitFor();
  expect(await page.getByText(/筛选测试/).count()).toBe(2);
});

async function expectOnly(page: Page, text: string) {
  await page.waitForFunction(
    ([t]) => {
      const found = Array.from(document.querySelectorAll('.concern-item'), (e) => e.textContent ?? '');
      return found.length === 1 && found[0].includes(t);
    },
    [text],
  );
}
