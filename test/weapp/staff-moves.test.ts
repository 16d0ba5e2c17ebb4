/**
 * The moved-concern landing as built for WeChat (issue 16, item 1): after 退回 or 上报 the handling page
 * leaves for the workbench — back to it when the workbench opened the page, in its place otherwise — and
 * the workbench shows a toast naming where the concern went; the page never asks again for a concern the
 * mover may only read now.
 */
import { closePage, has, installHost, launchApp, navigations, renderPage, setCloudHandler, tapText, toasts, until, fire } from './harness';

installHost();
jest.setTimeout(20_000);

const AT = '2026-11-30T02:05:00.000Z';
const sla = { round: 1, ackDueAt: AT, resolveDueAt: AT, dueAt: AT, ackedAt: null, resolvedAt: null, overdue: false, firstResponse: 'pending', calendarGaps: [] };
const atDaguo = {
  step: 'place',
  townId: 'danzao',
  villageId: 'dz-xicheng',
  cooperativeId: 'dz-xicheng-daguo',
  gridId: 'dz-xicheng-daguo-g',
  coOfficeId: null,
  reasonCode: 'PLACE_COOPERATIVE',
  reason: '按所选地点分派到大果经济社',
  townName: '丹灶镇',
  villageName: '西城社区',
  cooperativeName: '大果经济社',
  gridName: '大果网格',
  coOfficeName: null,
};
const detail = {
  id: 'c-1',
  category: 'environment',
  categoryName: '人居环境/环境卫生',
  description: '两个社之间的水沟堵了',
  moderation: 'published',
  status: 'assigned',
  placeId: 'dz-xicheng-daguo',
  placeName: '丹灶镇 · 西城社区 · 大果经济社',
  createdAt: AT,
  updatedAt: AT,
  route: atDaguo,
  sla,
  rating: null,
  photoCount: 0,
  thumbUrl: null,
  passedOn: false,
  location: null,
  photos: [],
  photoUrls: [],
  myHiddenPhotos: 0,
  reporterName: '陈阿姨',
  reporterPhone: '13900000001',
  mine: false,
  moves: ['return', 'escalate'],
  timeline: [],
  thread: [],
};
const gone = (route: Record<string, unknown>) => ({ ...detail, route: { ...atDaguo, ...route }, passedOn: true, moves: [], reporterPhone: '139****0001' });

const gets: string[] = [];
setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-staff', name: '黄社长', role: 'staff', nodeId: 'dz-xicheng-daguo', nodeName: '大果经济社' } };
    case 'message/list':
      return { ok: true, data: { items: [], nextCursor: null, unread: 0 } };
    case 'concern/get':
      gets.push((data.data as { id: string }).id);
      return { ok: true, data: detail };
    case 'concern/return':
      return { ok: true, data: { ...gone({ step: 'dispatch', villageId: null, cooperativeId: null, gridId: null, villageName: null, cooperativeName: null, gridName: null }), status: 'dispatching' } };
    case 'concern/escalate':
      return { ok: true, data: gone({ step: 'escalation', cooperativeId: null, gridId: null, cooperativeName: null, gridName: null }) };
    case 'concern/inbox':
      return { ok: true, data: { items: [], nextCursor: null } };
    case 'concern/inboxCounts':
      return { ok: true, data: { dueToday: 0, overdue: 0, toAccept: 0, toDispatch: null } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

/** 更多 → the move → its reason → the confirm button (issue 16, item 5: route changes wait behind 更多). */
async function move(page: Element, reason: string, buttonText: string, confirmText: string) {
  await until(() => has(page, '更多'), 'the 更多 button');
  tapText(page, '更多');
  await until(() => has(page, buttonText), `the ${buttonText} choice`);
  tapText(page, buttonText);
  await until(() => has(page, confirmText), `the ${confirmText} button`);
  const boxes = page.querySelectorAll('wx-textarea');
  fire(boxes[boxes.length - 1], 'input', { value: reason, cursor: reason.length });
  await new Promise((r) => setTimeout(r, 20));
  tapText(page, confirmText);
}

test('after 退回 on a page opened from a notice, the workbench takes its place and says where the concern went', async () => {
  const page = renderPage('staff/pages/handle/index', { id: 'c-1' });
  await move(page, '地点不在本社范围', '退回派单', '确认退回');
  await until(() => navigations().includes('redirectTo /staff/pages/inbox/index'), 'the redirect to the workbench');
  const readsAfterMove = gets.length;
  closePage(page);
  const inbox = renderPage('staff/pages/inbox/index');
  await until(() => toasts.includes('已退回丹灶镇派单队列'), 'the toast on the workbench');
  expect(gets.length).toBe(readsAfterMove);
  expect(has(inbox, '出错了：没有找到这条诉求')).toBe(false);
  closePage(inbox);
});

test('after 上报 on a page the workbench opened, it goes back to the workbench, which says where the concern went', async () => {
  const inbox = renderPage('staff/pages/inbox/index');
  await until(() => has(inbox, '待办'), 'the workbench');
  const page = renderPage('staff/pages/handle/index', { id: 'c-1' });
  const before = navigations().length;
  await move(page, '涉及两个经济社', '上报上级', '确认上报');
  await until(() => navigations().slice(before).some((n) => n.startsWith('navigateBack')), 'the way back');
  expect(navigations().slice(before).some((n) => n.startsWith('redirectTo'))).toBe(false);
  closePage(page);
  // WeChat shows the page below again after navigateBack.
  const pages = (globalThis as unknown as { getCurrentPages: () => Array<{ onShow?: () => void }> }).getCurrentPages();
  pages[pages.length - 1].onShow?.();
  await until(() => toasts.includes('已上报至西城社区'), 'the toast on the workbench');
  closePage(inbox);
});
