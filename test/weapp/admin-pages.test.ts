/**
 * The town admin's pages as built for WeChat: 内容审核, 意见反馈 and 操作记录 live in the staff subpackage of
 * dist/ (residents never download them), render there in miniprogram-simulate, and home shows their
 * entries to the admin only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST, findByText, has, installHost, launchApp, navigations, renderPage, setCloudHandler, tapText, until } from './harness';

installHost();

const ADMIN_PAGES = ['pages/moderation/index', 'pages/feedback-list/index', 'pages/audit/index'];
const AT = '2026-11-30T02:05:00.000Z'; // 10:05 in Beijing

const HELD = [
  { kind: 'concern', id: 'c-1', text: '修灯请加微信', subject: { kind: 'concern', id: 'c-1' } },
  { kind: 'message', id: 'm-1', text: '有事私聊我', subject: { kind: 'concern', id: 'c-1' } },
  { kind: 'event', id: 'e-1', text: '周末清洁\n祠堂门口\n加微信报名', subject: { kind: 'event', id: 'e-1' } },
  { kind: 'cancelReason', id: 'e-2', text: '改期，详情私聊', subject: { kind: 'event', id: 'e-2' } },
  { kind: 'application', id: 'ap-1', text: '加我微信拉你进群', subject: { kind: 'team', id: 't-1' } },
  { kind: 'hoursReason', id: 'h-1', text: '提前走了，私聊', subject: { kind: 'event', id: 'e-1' } },
  { kind: 'photo', id: 'pc-1', text: '', photoUrl: 'https://tmp.example.invalid/held.jpg', subject: { kind: 'concern', id: 'c-2' } },
].map((h) => ({ ...h, at: AT, townId: 't1' }));

let role = 'admin';
const decided: unknown[] = [];
setCloudHandler(({ data }) => {
  const input = (data.data ?? {}) as Record<string, unknown>;
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-admin', name: '镇管理员', role, nodeId: 't1', nodeName: '东岳镇' } };
    case 'message/list':
      return { ok: true, data: { items: [], nextCursor: null, unread: 0 } };
    case 'moderation/list':
      return { ok: true, data: { items: HELD.filter((h) => !decided.some((d) => (d as { id: string }).id === h.id)) } };
    case 'moderation/decide':
      decided.push(input);
      return { ok: true, data: { decided: true } };
    case 'feedback/list':
      return {
        ok: true,
        data: {
          items: [
            { id: 'f-2', authorOpenid: 'o-2', text: '加我微信领红包', contact: null, createdAt: AT, moderation: 'held' },
            { id: 'f-1', authorOpenid: 'o-1', text: '字再大一点就好了', contact: '13900000001', createdAt: AT, moderation: 'published' },
          ],
          nextCursor: 'next',
        },
      };
    case 'audit/list':
      return {
        ok: true,
        data: {
          items: [
            { id: 'a-1', at: AT, actorOpenid: 'o-s', actorName: '黄社长', actorRole: 'staff', nodeId: 'c1', nodeName: '东岳一社', townId: 't1', action: 'concern/accept', targetId: 'c-1', outcome: 'ok', target: { kind: 'concern', id: 'c-1', categoryName: '道路设施' } },
            { id: 'a-2', at: AT, actorOpenid: 'o-s', actorName: '黄社长', actorRole: 'staff', nodeId: 'c1', nodeName: '东岳一社', townId: 't1', action: 'future/action', targetId: null, outcome: 'AUTH.FORBIDDEN', target: null },
          ],
          nextCursor: null,
          people: [{ openid: 'o-s', name: '黄社长' }],
        },
      };
    case 'admin/attention':
      return { ok: true, data: { unstaffed: [{ nodeId: 'g1', nodeName: '东岳一网格', departedName: '老李', openConcerns: 2, more: false }] } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});



test('the three admin pages are built into the staff subpackage, not the main package', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
  const staff = app.subPackages.find((p) => p.root === 'staff');
  expect(staff?.pages).toEqual(expect.arrayContaining(ADMIN_PAGES));
  for (const page of ADMIN_PAGES) {
    expect(app.pages).not.toContain(page);
    for (const ext of ['js', 'json', 'wxml']) expect(fs.existsSync(path.join(DIST, 'staff', `${page}.${ext}`))).toBe(true);
    expect(fs.existsSync(path.join(DIST, `${page}.js`))).toBe(false);
  }
});

test('内容审核 labels every kind of held content, with the time and a link, shows a held photo, and 通过 removes an item', async () => {
  const page = renderPage('staff/pages/moderation/index');
  await until(() => has(page, '修灯请加微信'), 'the held items');
  for (const label of ['诉求内容', '诉求留言', '志愿活动', '活动取消原因', '入队申请留言', '工时修改原因', '照片']) expect(has(page, label)).toBe(true);
  expect(findByText(page, '提交于 2026-11-30 10:05')).toHaveLength(7);
  expect(findByText(page, '查看所属诉求 ›')).toHaveLength(3);
  expect(findByText(page, '查看所属活动 ›')).toHaveLength(3);
  // The held photo itself is shown to the moderator.
  expect(page.querySelectorAll('wx-image[class*="moderation__photo"]')).toHaveLength(1);
  expect(findByText(page, '查看所属队伍 ›')).toHaveLength(1);
  // An event's several lines are kept.
  expect(page.textContent).toContain('周末清洁\n祠堂门口\n加微信报名');

  tapText(page, '查看所属队伍 ›');
  await until(() => navigations().includes('navigateTo /volunteer/pages/team/index?id=t-1'), 'the team page to open');

  tapText(page, '通过');
  await until(() => decided.length === 1, 'the decision');
  expect(decided[0]).toEqual({ kind: 'concern', id: 'c-1', decision: 'publish' });
  await until(() => !has(page, '修灯请加微信'), 'the item to leave the list');
  expect(has(page, '有事私聊我')).toBe(true);
});

test('意见反馈 shows text, contact, time and 待审核, with 加载更多 while there is more', async () => {
  const page = renderPage('staff/pages/feedback-list/index');
  await until(() => has(page, '字再大一点就好了'), 'the feedback');
  expect(has(page, '加我微信领红包')).toBe(true);
  expect(has(page, '待审核')).toBe(true);
  expect(page.textContent).toContain('联系方式：13900000001');
  expect(has(page, '未留联系方式')).toBe(true);
  expect(findByText(page, '2026-11-30 10:05')).toHaveLength(2);
  expect(has(page, '加载更多')).toBe(true);
});

test('操作记录 names the action in Chinese (or raw when unknown), the person, the node, the time and a refusal', async () => {
  const page = renderPage('staff/pages/audit/index');
  await until(() => has(page, '所属：东岳一社'), 'the audit log');
  expect(has(page, 'future/action')).toBe(true);
  expect(findByText(page, '黄社长（网格员·社委）')).toHaveLength(2);
  expect(findByText(page, '所属：东岳一社')).toHaveLength(2);
  expect(has(page, '被拒绝（AUTH.FORBIDDEN）')).toBe(true);
  // Issue 16, item 8: the concern by its category and case number, and the filters by person, action and day.
  expect(has(page, '诉求：道路设施 · 案件编号 c-1')).toBe(true);
  expect(has(page, '签收诉求') && has(page, '今天') && has(page, '选择日期')).toBe(true);
  expect(has(page, '成功')).toBe(true);
});

test('home shows 内容审核 with the held count, 意见反馈 and 操作记录 to the admin only', async () => {
  decided.length = 0;
  role = 'admin';
  const admin = renderPage('pages/index/index');
  await until(() => has(admin, '操作记录'), 'the admin entries');
  expect(has(admin, '内容审核')).toBe(true);
  expect(has(admin, '意见反馈')).toBe(true);
  await until(() => has(admin, '7'), 'the held count badge');
  tapText(admin, '意见反馈');
  await until(() => navigations().includes('navigateTo /staff/pages/feedback-list/index'), 'the feedback page to open');
  // What needs attention (issue 19): held items, and a place a removal left without staff, with the way to the roster.
  await until(() => has(admin, '东岳一网格：老李已移除，暂无工作人员，2 件诉求待办理。'), 'the attention list');
  expect(has(admin, '7 条内容待审核，审核前只有作者和办理人员能看到。')).toBe(true);
  for (const section of ['人员与网格', '事项与时限', '志愿与议事', '审核与记录']) expect(has(admin, section)).toBe(true);
  tapText(admin, '为东岳一网格安排人员');
  await until(() => navigations().includes('navigateTo /staff/pages/roster/index'), 'the roster page to open');

  role = 'staff';
  const staff = renderPage('pages/index/index');
  await until(() => has(staff, '您好，镇管理员'), 'home');
  for (const entry of ['内容审核', '意见反馈', '操作记录', '待处理事项', '人员与网格']) expect(has(staff, entry)).toBe(false);
});
