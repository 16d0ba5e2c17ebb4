/**
 * The town admin's tools in the browser (issue 19), on the H5 build: the roster file previewed (added /
 * changed / removed of a whole roster) and applied at PC width, the removed person refused at their next
 * call and told so in Chinese, on the open page and after a reload; the admin home's attention list with
 * its link to the roster; 镇街设置; a category's lead office and SLA at PC width, a new concern's due time
 * following it; the grid editor at PC width; 开放接口 (the key shown once, listed, revoked); the district
 * admin's towns page. Screenshots go to test-results/.
 */
import type { Page } from 'playwright-core';
import type { ApiClientRecord } from '../../core/admin/api-client-model';
import { addWorkingDays, DEFAULT_CALENDAR } from '../../core/concerns/sla';
import type { ConcernDetail } from '../../core/views';
import type { CategoryListView } from '../../core/directory/category-service';
import type { TownSettingsView } from '../../core/directory/town-settings-service';
import type { GridTreeNode } from '../../core/directory/grid';
import { DEMO_IDENTITIES as I } from '../../server/demo-data';
import { browserSuite } from './harness';
import { button, chip, loginAs, visibleText } from './ui';

const t = browserSuite(180_000);

const PC = { viewport: { width: 1280, height: 900 } };
const staffPage = (page: Page, name: string) => page.goto(`${t.h.base}/#/staff/pages/${name}/index`);
const visibleButton = (page: Page, text: string) => page.locator('taro-button-core:visible', { hasText: text }).first();
const router = <T>(openid: string, action: string, data: unknown = {}) => t.h.rt.router.call('concern', action, data, openid) as Promise<T>;
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );

/** 丹灶镇's roster as a whole file: 何社委 renamed, a new grid worker, and 吴委员 and 梁网格员 left out. */
const WHOLE_FILE = [
  'openid,phone,name,role,node',
  `${I.daguoChair},13800000001,黄社长,staff,dz-xicheng-daguo`,
  `${I.xinanStaff},13800000003,何社长,staff,dz-xinan-1`,
  `${I.envOffice},13800000005,周主任,office,danzao-environment`,
  `${I.danzaoDispatcher},13800000007,麦派单员,staff,danzao`,
  'o-e2e-new-worker,,新网格员,staff,dz-xinan-2-g',
].join('\n');

it('previews a whole roster file at PC width, applies it, and the removed are refused at their next call', async () => {
  // An open concern of 大果网格, whose only grid worker the file leaves out.
  await router(I.resident, 'concern/submit', { category: 'environment', description: '大果网格祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' });
  // 吴委员, whom the file leaves out, has his workbench open.
  const { page: worker } = await t.h.newPage();
  await loginAs(t.h.base, worker, '吴委员');
  await staffPage(worker, 'inbox');
  await worker.getByText('大果网格祠堂旁垃圾堆积').first().waitFor();
  const { page } = await t.h.newPage(PC);
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await staffPage(page, 'roster');
  await page.locator('textarea[placeholder="在此粘贴名单 CSV"]').fill(WHOLE_FILE);
  await page.getByRole('checkbox', { name: '这是完整名单' }).click();
  // A whole file says how a cut-off run is finished: the same file again.
  await page.getByText('如中途中断，再次导入同一文件即可完成移除', { exact: false }).waitFor();
  await button(page, '预览变化').click();
  await page.getByText('导入后：新增 1 人，变更 1 人，移除 2 人').waitFor();
  await page.getByText('何社长 · ', { exact: false }).first().waitFor();
  await page.getByText('原为：何社委', { exact: false }).waitFor();
  await page.getByText('吴委员 · ', { exact: false }).waitFor();
  await t.shot(page, 'admin-roster-import-preview-pc');
  // The preview wrote nothing: 吴委员 still works.
  expect(await outcome(router(I.xichengStaff, 'concern/inbox'))).toBe('ok');

  await button(page, '确认导入').click();
  await page.getByText('已导入：新增 1 人，变更 1 人，移除 2 人。').waitFor();
  await page.locator('.roster__row', { hasText: '何社长' }).waitFor();
  expect(await outcome(router(I.xichengStaff, 'concern/inbox'))).toBe('AUTH.FORBIDDEN');
  expect(await outcome(router(I.daguoGridWorker, 'concern/inbox'))).toBe('AUTH.FORBIDDEN');
  expect(await outcome(router('o-e2e-new-worker', 'concern/inbox'))).toBe('ok');

  // 吴委员's next call, on the workbench he has open, is refused and says why, in Chinese; reloaded, the
  // page says so again: his session outlasts the removal (he is a resident now), no login page.
  await worker.getByRole('tab', { name: '全部' }).click();
  await visibleText(worker, '账号已被移出名单').waitFor();
  await worker.reload();
  await visibleText(worker, '账号已被移出名单').waitFor();
  expect(worker.url()).toContain('/staff/pages/inbox/index');
  await t.shot(worker, 'removed-staff-refused');
});

it('adds office staff on the roster page, picked from the town’s offices', async () => {
  const { page } = await t.h.newPage(PC);
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await staffPage(page, 'roster');
  await page.locator('input[placeholder="姓名"]').fill('林干事');
  await page.locator('input[placeholder="手机号"]').fill('13900000077');
  await chip(page, '镇职能办').click();
  await page.getByText('所在职能办').waitFor();
  await chip(page, '丹灶镇应急办').click();
  await button(page, '保存人员').click();
  await page.getByText('镇职能办 · 丹灶镇应急办 · 13900000077').waitFor();
  await t.shot(page, 'admin-roster-office-pc');
  const office = (await t.h.rt.store.directory.listOffices()).find((o) => o.townId === 'danzao' && o.code === 'emergency');
  expect((await t.h.rt.store.directory.listPendingStaff()).find((p) => p.phone === '13900000077')).toEqual({ phone: '13900000077', name: '林干事', role: 'office', nodeId: office?.id });
});

it('lists on the admin home what needs attention, with the way to the roster', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await page.getByText('待处理事项').waitFor();
  await page.getByText('大果网格：梁网格员已移除，暂无工作人员，1 件诉求待办理。').waitFor();
  for (const section of ['人员与网格', '事项与时限', '志愿与议事', '审核与记录']) await page.getByText(section, { exact: true }).waitFor();
  await t.shot(page, 'admin-home-attention');
  await button(page, '为大果网格安排人员').click();
  await page.getByText('添加人员').waitFor();
  // 九江镇's admin has nothing of 丹灶镇's to see.
  const { page: other } = await t.h.newPage();
  await loginAs(t.h.base, other, '九江镇管理员');
  await other.getByText('人员与网格', { exact: true }).waitFor();
  expect(await other.getByText('梁网格员已移除', { exact: false }).count()).toBe(0);
});

it('keeps the town settings: public board, working hours, check-in window, with the defaults shown', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await visibleButton(page, '镇街设置').click();
  await page.getByText('上班时间（默认 09:00）').waitFor();
  const { defaults } = await router<TownSettingsView>(I.townAdmin, 'town/settings');
  await chip(page, '开启').click();
  await page.locator('input[placeholder="例如 09:00"]').fill('08:30');
  await page.locator(`input[placeholder="${defaults.checkinMarginMinutes}"]`).fill('20');
  await button(page, '保存镇街设置').click();
  await page.getByText('现在按 08:30–18:00 计时').waitFor();
  await t.shot(page, 'admin-town-settings');
  const saved = await router<TownSettingsView>(I.townAdmin, 'town/settings');
  expect([saved.publicBoard, saved.stored.dayStartMinute, saved.stored.dayEndMinute, saved.stored.checkinMarginMinutes]).toEqual([true, 510, null, 20]);
  // A time that is no time is refused on the page, in Chinese, and nothing is sent.
  await page.locator('input[placeholder="例如 18:00"]').fill('六点');
  await button(page, '保存镇街设置').click();
  await page.getByText('下班时间请按“时:分”填写', { exact: false }).waitFor();
  expect((await router<TownSettingsView>(I.townAdmin, 'town/settings')).stored.dayEndMinute).toBeNull();
  await button(page, '查看节假日安排').click();
  await page.getByText('办理时限按工作日计算').waitFor();
});

it('picks a category’s lead office from the town’s offices, at PC width', async () => {
  const { page } = await t.h.newPage(PC);
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await staffPage(page, 'categories');
  const road = page.locator('.categories__row', { has: page.getByText('保存道路设施') });
  await road.locator('taro-button-core', { hasText: '丹灶镇应急办' }).click();
  await road.locator('input[placeholder="签收时限（工作小时）"]').fill('2');
  await road.locator('input[placeholder="办结时限（工作日）"]').fill('4');
  await button(page, '保存道路设施').click();
  await page.getByText('已保存').first().waitFor();
  await t.shot(page, 'admin-categories-pc');
  const list = await router<CategoryListView>(I.townAdmin, 'category/list', { townId: 'danzao', all: true });
  expect(list.items.find((c) => c.code === 'road')).toMatchObject({ leadOfficeCode: 'emergency', ackHours: 2, resolveDays: 4 });
  // The next report of 道路设施 is due to be done in 4 working days.
  const next = await router<ConcernDetail>(I.resident, 'concern/submit', { category: 'road', description: '路面塌陷', placeId: 'dz-xinan-1' });
  expect(next.sla.resolveDueAt).toBe(addWorkingDays(DEFAULT_CALENDAR, next.createdAt, 4));
});

it('renames a grid node in the grid editor at PC width', async () => {
  const { page } = await t.h.newPage(PC);
  await loginAs(t.h.base, page, '丹灶镇管理员');
  await staffPage(page, 'grid');
  await page.getByRole('treeitem').filter({ hasText: '新安第二网格' }).first().click();
  await page.getByText('新安第二网格（网格）').waitFor();
  await page.locator('input[placeholder="名称"]').fill('新安第二网格东片');
  await button(page, '保存名称').click();
  await page.getByText('已保存：新安第二网格东片').waitFor();
  const tree = await router<{ nodes: GridTreeNode[] }>(I.townAdmin, 'grid/tree');
  const find = (nodes: GridTreeNode[]): GridTreeNode | undefined => nodes.map((n) => (n.id === 'dz-xinan-2-g' ? n : find(n.children))).find(Boolean);
  expect(find(tree.nodes)?.name).toBe('新安第二网格东片');
  // Tree on the left, the selected node's form on the right.
  const [treeBox, formBox] = await Promise.all([page.locator('.grid-admin__tree').boundingBox(), page.locator('.grid-admin__detail').boundingBox()]);
  expect(formBox!.x).toBeGreaterThan(treeBox!.x + treeBox!.width - 1);
  await t.shot(page, 'admin-grid-pc');
});

it('creates an Open311 client with its key shown once, lists it and revokes it', async () => {
  const { page } = await t.h.newPage();
  await loginAs(t.h.base, page, '丹灶镇管理员');
  const before = (await router<{ items: ApiClientRecord[] }>(I.townAdmin, 'apiClient/list')).items.length;
  await visibleButton(page, '开放接口').click();
  await page.getByText('新建接口客户端').waitFor();
  await page.locator('input[placeholder="名称，如：区12345热线平台"]').fill('区热线平台');
  await chip(page, '12345热线平台').click();
  await button(page, '新建').click();
  await page.getByText('“区热线平台”的密钥').waitFor();
  const key = (await page.locator('.open-api__secret').innerText()).trim();
  expect(key.length).toBeGreaterThan(20);
  await page.locator('.open-api__client', { hasText: '区热线平台' }).waitFor();
  await t.shot(page, 'admin-open-api-key');
  const clients = (await router<{ items: ApiClientRecord[] }>(I.townAdmin, 'apiClient/list')).items;
  expect(clients).toHaveLength(before + 1);
  expect(clients.filter((c) => c.name === '区热线平台').map((c) => [c.source, c.revokedAt])).toEqual([['12345', null]]);
  // The key is never shown again: the list carries no key.
  expect(JSON.stringify(clients)).not.toContain(key);
  await page.reload();
  await page.locator('.open-api__client', { hasText: '区热线平台' }).waitFor();
  expect(await page.getByText('“区热线平台”的密钥').count()).toBe(0);

  await button(page, '吊销区热线平台').click();
  await page.locator('.taro-model__confirm').click();
  await page.locator('.open-api__client', { hasText: '区热线平台' }).filter({ hasText: '已吊销' }).waitFor();
  expect((await router<{ items: ApiClientRecord[] }>(I.townAdmin, 'apiClient/list')).items.find((c) => c.name === '区热线平台')?.revokedAt).not.toBeNull();
});

it('lets the district admin create a town on the towns page', async () => {
  const { page } = await t.h.newPage(PC);
  await loginAs(t.h.base, page, '南海区管理员');
  await staffPage(page, 'towns');
  await page.locator('input[placeholder="镇街名称"]').first().fill('狮山镇');
  await button(page, '新建镇街').click();
  await page.locator('.towns__town', { hasText: '狮山镇' }).waitFor();
  await t.shot(page, 'admin-towns-pc');
  const towns = await router<{ items: Array<{ name: string }> }>(I.districtAdmin, 'town/list');
  expect(towns.items.map((x) => x.name)).toContain('狮山镇');
});
