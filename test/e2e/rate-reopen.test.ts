/**
 * The 重办 loop in real Chromium: a resident is told in 消息 (with an unread badge) that the concern was
 * resolved, opens it, rates 不满意; the concern reopens and the committee's inbox shows it again.
 */
import { browserSuite } from './harness';
import { button, chip, loginAs, tab, visibleText } from './ui';

const t = browserSuite();


const DESCRIPTION = '西城社区大果经济社篮球场边的路灯坏了一个多星期。';

it('reopens a concern rated 不满意 and puts it back in the committee inbox', async () => {
  const api = (openid: string, action: string, data: unknown) => t.h.rt.router.call('concern', action, data, openid) as Promise<{ id: string }>;
  const c = await api('demo-resident-chen', 'concern/submit', { category: 'public_space', description: DESCRIPTION, placeId: 'dz-xicheng-daguo' });
  await api('demo-staff-daguo-huang', 'concern/accept', { id: c.id });
  await api('demo-staff-daguo-huang', 'concern/resolve', { id: c.id, text: '已更换灯泡。' });
  await t.h.rt.deliverNotifications();

  // The resident sees an unread badge, then the message, and opens the concern from it.
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  // The unread count is on the 消息 tab (issue 17).
  await tab(resident, '消息').locator('.taro-tabbar-badge', { hasText: /^2$/ }).waitFor();
  await t.shot(resident, 'resident-home-unread');
  await tab(resident, '消息').click();
  await resident.getByText('您的诉求已办结，请评价').first().waitFor();
  await resident.getByText('2 条未读').waitFor();
  await t.shot(resident, 'resident-messages');
  await resident.getByText('您的诉求已办结，请评价').first().click();

  // Rates 不满意: the concern reopens (重办) with a new round of clocks.
  await resident.getByText('请评价办理结果').waitFor();
  await chip(resident, '不满意').click();
  // 不满意 needs a reason, and a confirmation before it reopens the case.
  await button(resident, '提交评价').click();
  await resident.getByText('选择“不满意”时，请写下哪里不满意').waitFor();
  expect((await t.h.rt.store.concerns.get(c.id))?.status).toBe('resolved');
  await resident.locator('textarea[placeholder*="哪里不满意"]').fill('灯还是不亮。');
  await button(resident, '提交评价').click();
  await resident.getByText('确认不满意？').waitFor();
  await t.shot(resident, 'resident-unsatisfied-confirm');
  await resident.locator('.taro-model__confirm').click();
  await resident.getByText('不满意，重办').first().waitFor();
  await resident.getByText('第 2 轮办理（重办）').waitFor();
  await resident.getByText('已分派').first().waitFor();
  await t.shot(resident, 'resident-concern-reopened');
  expect(await t.h.rt.store.concerns.get(c.id)).toMatchObject({ status: 'assigned', rating: { value: 'unsatisfied', comment: '灯还是不亮。' }, sla: { round: 2 } });

  // Back home, the message is read: one unread left.
  await resident.goto(`${t.h.base}/#/pages/index/index`);
  await tab(resident, '消息').locator('.taro-tabbar-badge', { hasText: /^1$/ }).waitFor();

  // The committee's open inbox shows it again, with its due time; the handling page can accept it again.
  const { page: staff } = await t.h.newPage();
  await loginAs(t.h.base, staff, '黄社长');
  await button(staff, '诉求工作台').click();
  await staff.getByText(DESCRIPTION.slice(0, 10), { exact: false }).first().waitFor();
  await staff.getByText('办理时限', { exact: false }).first().waitFor();
  await t.shot(staff, 'staff-inbox-reopened');
  await staff.getByText(DESCRIPTION.slice(0, 10), { exact: false }).first().click();
  await staff.getByText('居民评价：不满意（灯还是不亮。）').waitFor();
  await chip(staff, '签收').click();
  await staff.getByText('已签收').first().waitFor();
  await t.shot(staff, 'staff-handle-reopened');
});

it('lets the town dispatcher dispatch a queued concern (派单) and shows the staff dashboard', async () => {
  const c = (await t.h.rt.router.call('concern', 'concern/submit', { category: 'road', description: '镇上某处路面塌陷，不确定属于哪个村', placeId: 'danzao' }, 'demo-resident-li')) as { id: string };
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '麦派单员');
  await page.goto(`${t.h.base}/#/staff/pages/handle/index?id=${c.id}`);
  await chip(page, '派单').click();
  await page.getByText('派单：选择承办的村（社区）或经济社').waitFor();
  await button(page, '按村（社区）逐级选择').click();
  await visibleText(page, '选择承办单位').waitFor();
  await visibleText(page, '西城社区').click();
  await visibleText(page, '大果经济社').click();
  await visibleText(page, '大果网格').click();
  await visibleText(page, '承办单位：西城社区 / 大果经济社 / 大果网格').waitFor();
  await button(page, '确认派单').click();
  await page.getByText('已派单至大果经济社 · 大果网格').waitFor();
  expect((await t.h.rt.store.concerns.get(c.id))?.route).toMatchObject({ reasonCode: 'MANUAL_DISPATCH', cooperativeId: 'dz-xicheng-daguo' });
  await t.shot(page, 'dispatcher-dispatched');

  await page.goto(`${t.h.base}/#/pages/index/index`);
  await button(page, '办理统计').click();
  await page.getByText('丹灶镇 · 按月统计').waitFor();
  await page.getByText('丹灶镇（合计）').waitFor();
  await page.getByText('西城社区').first().waitFor();
  await t.shot(page, 'staff-dashboard');
});
