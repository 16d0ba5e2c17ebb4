/**
 * The first full concern loop through the H5 build in real Chromium: a resident reports, the
 * cooperative committee accepts, replies and resolves, the resident reads every reply; a committee of
 * another cooperative sees nothing and gets a clear error by id.
 */
import { browserSuite } from './harness';
import { button, chip, loginAs, pickPlace, visibleText } from './ui';

const t = browserSuite();


const DESCRIPTION = '大果经济社祠堂旁的垃圾桶满了三天，没人清运，气味很大。';

it('carries a concern from report to resolution and keeps it from other committees', async () => {
  const { page: resident } = await t.h.newPage();
  await loginAs(t.h.base, resident, '陈阿姨');
  await button(resident, '我要反映').click();

  // Place: village, then cooperative; then category; then the description.
  await pickPlace(resident, '西城社区', '大果经济社');
  await chip(resident, '人居环境/环境卫生').click();
  await resident.locator('textarea[placeholder*="请描述"]').fill(DESCRIPTION);
  await t.shot(resident, 'resident-report');
  await button(resident, '提交').click();

  // The detail page says where it went and why.
  await resident.getByText(DESCRIPTION).first().waitFor();
  await resident.getByText('大果网格', { exact: false }).first().waitFor();
  await resident.getByText(/居民选择了西城社区大果经济社/).first().waitFor();
  await t.shot(resident, 'resident-concern-submitted');

  const [stored] = (await t.h.rt.store.concerns.listByReporter('demo-resident-chen', { cursor: null, limit: 5 })).items;
  expect(stored).toMatchObject({ description: DESCRIPTION, status: 'assigned', placeId: 'dz-xicheng-daguo' });
  expect(stored.route.cooperativeId).toBe('dz-xicheng-daguo');

  // 我的诉求 lists it with its status and committee.
  await resident.goto(`${t.h.base}/#/pages/my-concerns/index`);
  await resident.getByText(DESCRIPTION.slice(0, 10), { exact: false }).first().waitFor();
  await resident.getByText('已分派').first().waitFor();
  await resident.getByText('大果经济社', { exact: false }).first().waitFor();
  await t.shot(resident, 'resident-my-concerns');

  // A committee member of the cooperative accepts, replies and resolves.
  const { page: staff } = await t.h.newPage();
  await loginAs(t.h.base, staff, '黄社长');
  await button(staff, '诉求工作台').click();
  await staff.getByText(DESCRIPTION.slice(0, 10), { exact: false }).first().click();
  await chip(staff, '签收').waitFor();
  await chip(staff, '签收').click();
  await visibleText(staff, '已签收').waitFor();
  await staff.locator('textarea[placeholder*="输入回复内容"]').fill('已通知保洁员今天下午清运。');
  await button(staff, '回复').click();
  await visibleText(staff, '办理中').waitFor();
  await staff.locator('textarea[placeholder*="输入回复内容"]').fill('垃圾已清运，并加密了清运频次。');
  await button(staff, '办结').click();
  await visibleText(staff, '已办结').waitFor();
  await t.shot(staff, 'staff-handle-resolved');
  expect((await t.h.rt.store.concerns.get(stored.id))?.status).toBe('resolved');

  // A committee member of another cooperative sees nothing, and a clear error by id.
  const { page: other } = await t.h.newPage();
  await loginAs(t.h.base, other, '何社委');
  await button(other, '诉求工作台').click();
  await other.getByText('暂无待办诉求').waitFor();
  await other.goto(`${t.h.base}/#/staff/pages/handle/index?id=${stored.id}`);
  await other.getByText('没有找到这条诉求', { exact: false }).first().waitFor();
  // Nothing of it on the refused page (home below it, sliding away, may show the public board).
  await other.locator(`text=${DESCRIPTION} >> visible=true`).waitFor({ state: 'detached', timeout: 5000 });
  await t.shot(other, 'staff-other-cooperative-refused');

  // The resident sees every reply and the timeline.
  await resident.goto(`${t.h.base}/#/pages/concern/index?id=${stored.id}`);
  await resident.getByText('已通知保洁员今天下午清运。').first().waitFor();
  await resident.getByText('垃圾已清运，并加密了清运频次。').first().waitFor();
  for (const step of ['居民提交', '系统分派', '签收', '办结']) await resident.getByText(step).first().waitFor();
  await resident.getByText('已办结').first().waitFor();
  await t.shot(resident, 'resident-concern-resolved');
});
