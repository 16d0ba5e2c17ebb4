/**
 * The town admin runs the town in the app (issue 19), in real Chromium on the H5 build: creates a
 * volunteer team and appoints a leader, who then creates an event; adds a grid worker, who then sees
 * their grid's inbox; removes them, and their next call is refused; changes a category's SLA, and a new
 * concern's due time reflects it. Screenshots go to test-results/.
 */
import type { Page } from 'playwright-core';
import { addWorkingDays, DEFAULT_CALENDAR } from '../../core/concerns/sla';
import type { ConcernDetail } from '../../core/views';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, chip, loginAs } from './ui';

const t = browserSuite(180_000);

const home = (page: Page) => page.goto(`${t.h.base}/#/pages/index/index`);
const visibleButton = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();
const router = <T>(fn: 'concern' | 'volunteer', openid: string, action: string, data: unknown = {}) => t.h.rt.router.call(fn, action, data, openid) as Promise<T>;
const TEAM = '新安第二经济社党群志愿队';
const REPORT = '新安第二经济社村口路灯不亮';

it('lets the town admin set up a team, add and remove a grid worker, and change a category’s SLA', async () => {
  const { page: admin } = await t.h.newPage();
  await loginAs(t.h.base, admin, '丹灶镇管理员');

  // A team for 新安第二经济社, led by 陈阿姨 (found by her phone).
  await visibleButton(admin, '志愿队设置').click();
  await chip(admin, '新安社区 · 新安第二经济社').click();
  await admin.locator('input[placeholder="队名"]').fill(TEAM);
  await button(admin, '新建志愿队').click();
  const card = admin.locator('.team-setup__team', { hasText: TEAM });
  await card.waitFor();
  await card.locator('input').fill('13900000001');
  await button(admin, `任命${TEAM}队长`).click();
  await admin.getByText('队长：陈阿姨').waitFor();
  await t.shot(admin, 'admin-team-setup');
  const team = (await t.h.rt.store.teams.listTeams()).find((x) => x.name === TEAM)!;
  expect(await t.h.rt.store.teams.leaders(team.id)).toEqual([{ openid: I.resident, name: '陈阿姨' }]);

  // The new leader starts the team's first event from its page.
  const { page: leader } = await t.h.newPage();
  await loginAs(t.h.base, leader, '陈阿姨');
  await leader.goto(`${t.h.base}/#/volunteer/pages/team/index?id=${team.id}`);
  await button(leader, '发起活动').click();
  await leader.locator('input[placeholder*="村道周末清洁行动"]').fill('河涌清洁');
  await leader.locator('input[placeholder*="祠堂门口"]').fill('新安第二经济社祠堂');
  await leader.getByText('所有居民', { exact: true }).click();
  await button(leader, '发布活动').click();
  await leader.getByText('河涌清洁').first().waitFor();
  const events = await t.h.rt.store.events.listEvents([team.id], '2000-01-01T00:00:00.000Z');
  expect(events.map((e) => e.title)).toEqual(['河涌清洁']);

  // 李叔 joins the roster as 新安第二网格's grid worker, by his phone.
  await home(admin);
  await visibleButton(admin, '人员名单').click();
  await admin.locator('input[placeholder="姓名"]').fill('李叔');
  await admin.locator('input[placeholder="手机号"]').fill('13900000002');
  await chip(admin, '新安社区 · 新安第二经济社 · 新安第二网格').click();
  await button(admin, '保存人员').click();
  await admin.getByText('待本人登录绑定').waitFor();
  await t.shot(admin, 'admin-roster');
  const reported = await router<ConcernDetail>('concern', I.resident, 'concern/submit', { category: 'environment', description: REPORT, placeId: 'dz-xinan-2' });

  // At his next sign-in he is staff and sees his grid's inbox.
  const { page: worker } = await t.h.newPage();
  await loginAs(t.h.base, worker, '李叔');
  await worker.goto(`${t.h.base}/#/staff/pages/inbox/index`);
  await worker.getByText(REPORT).first().waitFor();

  // Removed, his next call is refused; the concern of his grid is listed for the admin.
  await admin.reload();
  await button(admin, '移除李叔').click();
  await admin.locator('.taro-model__confirm').click();
  await admin.getByText('已移除：李叔（新安第二网格）').waitFor();
  await admin.getByText('该单位已没有工作人员', { exact: false }).waitFor();
  await t.shot(admin, 'admin-roster-removed');
  expect(await t.h.rt.router.call('concern', 'concern/inbox', {}, I.resident2).then(() => 'ok', (e: { code?: string }) => e.code)).toBe('AUTH.FORBIDDEN');
  await worker.reload();
  await worker.getByText('账号已被移出名单', { exact: false }).first().waitFor();
  expect((await t.h.rt.store.concerns.get(reported.id))?.status).toBe('assigned');

  // 道路设施 to be done in 3 working days: the next report is due then.
  await home(admin);
  await visibleButton(admin, '诉求类别').click();
  const road = admin.locator('.categories__row', { has: admin.getByText('保存道路设施') });
  await road.locator('input[placeholder="办结时限（工作日）"]').fill('3');
  await button(admin, '保存道路设施').click();
  await admin.getByText('已保存').first().waitFor();
  await t.shot(admin, 'admin-categories');
  const next = await router<ConcernDetail>('concern', I.resident, 'concern/submit', { category: 'road', description: '路面塌陷', placeId: 'dz-xinan-1' });
  expect(next.sla.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, next.createdAt, 3));
});

it('shows the roster as a table at PC width', async () => {
  const { page } = await t.h.newPage({ viewport: { width: 1280, height: 900 } });
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await page.goto(`${t.h.base}/#/staff/pages/roster/index`);
  const row = page.locator('.roster__row', { hasText: '何社委' });
  await row.waitFor();
  const box = await row.boundingBox();
  // One line per person: name, role, place, phone and the button side by side.
  expect(box!.height).toBeLessThan(120);
  await t.shot(page, 'admin-roster-pc');
});
