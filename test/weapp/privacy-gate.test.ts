/**
 * The privacy guide popup in the weapp build (dist/): one app-wide onNeedPrivacyAuthorization listener,
 * shown by the PrivacyGate of the page on screen, on the report page, the concern thread, the staff handling
 * page, the personal-data page (exports) and the staff statistics page (exports), and never left pointing at
 * a page that was closed.
 */
import type { ConcernDetail } from '../../core/views';
import { closePage, findByText, fire, has, installHost, launchApp, needPrivacy, privacyListenerCount, renderPage, setCloudHandler, tapText, until, wxCalls } from './harness';

installHost();

const TREE = {
  nodes: [
    {
      id: 't1', kind: 'town', name: '东岳镇', parentId: null,
      children: [{ id: 'v1', kind: 'village', name: '东岳村', parentId: 't1', children: [] }],
    },
  ],
};

const AT = '2026-11-30T02:00:00.000Z';
/** A concern in progress whose description the content check held: its handler sees it marked 待审核. */
const CONCERN: ConcernDetail = {
  id: 'c1', category: 'road', categoryName: '道路设施', description: '路灯坏了，修灯请加微信', moderation: 'held', status: 'in_progress',
  placeId: 'v1', placeName: '东岳村', createdAt: AT, updatedAt: AT,
  route: { step: 'place', reasonCode: 'PLACE_VILLAGE', reason: '按所选村居分派', townId: 't1', townName: '东岳镇', villageId: 'v1', villageName: '东岳村', cooperativeId: null, cooperativeName: null, gridId: null, gridName: null, coOfficeId: null, coOfficeName: null },
  sla: { round: 1, ackDueAt: null, resolveDueAt: null, dueAt: null, ackedAt: null, resolvedAt: null, overdue: false, firstResponse: 'pending', calendarGaps: [] },
  rating: null, photoCount: 0, thumbUrl: null, passedOn: false, location: null, mapPoint: null, photos: [], photoUrls: [], myHiddenPhotos: 0,
  reporterName: '陈阿姨', reporterPhone: '13900000001', mine: false, moves: ['reply', 'resolve'], volunteerAction: null, source: 'app', chaseFrom: null, timeline: [],
  thread: [{ id: 'm1', concernId: 'c1', authorOpenid: '', authorName: '陈阿姨', authorRole: 'resident', text: '晚上很黑', photos: [], photoUrls: [], at: AT, moderation: 'published' }],
};

setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'concern/get':
      return { ok: true, data: CONCERN };
    case 'town/replyTemplates':
      return { ok: true, data: { townId: 't1', templates: {} } };
    case 'me/profile':
      return { ok: true, data: { openid: 'o-1', name: '张阿姨', role: 'staff', nodeId: 'v1', nodeName: '东岳村' } };
    case 'grid/tree':
      return { ok: true, data: TREE };
    case 'me/export':
      return { ok: true, data: { exportedAt: '2026-11-30T02:00:00.000Z', profile: { name: '张阿姨' } } };
    case 'stats/rates':
      return { ok: true, data: { node: { id: 'v1', name: '东岳村', kind: 'village' }, months: [], rows: [] } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

const GUIDE = '隐私保护指引';

/** Agrees the way WeChat reports it: the agree button (open-type agreePrivacyAuthorization) fires its event. */
function agree(root: Element): void {
  const button = findByText(root, '同意并继续')[0];
  if (!button) throw new Error('no agree button on the page');
  fire(button, 'agreeprivacyauthorization', {});
}

test('the app registers one listener at launch, whatever pages open later', () => {
  expect(privacyListenerCount()).toBe(1);
});

test.each([
  ['the report page', 'pages/report/index', '1. 问题发生在哪里？'],
  ['the concern thread (photos of a reply)', 'pages/concern/index', '沟通记录'],
  ['the staff handling page (photos of a reply or 办结)', 'staff/pages/handle/index', '沟通记录'],
  ['the personal data page (export)', 'account/pages/privacy/index', '导出我的数据'],
  ['the staff statistics page (exports)', 'staff/pages/dashboard/index', '东岳村 · 按月统计'],
])('on %s a held privacy call shows the guide; agreeing lets it go on with the agree button', async (_name, route, ready) => {
  const page = renderPage(route, { id: 'c1' });
  await until(() => has(page, ready), `${route} to render`);
  expect(has(page, GUIDE)).toBe(false);

  const answers = needPrivacy('getLocation');
  await until(() => has(page, GUIDE), 'the privacy guide');
  expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
  expect(has(page, '查看《街坊隐私保护指引》')).toBe(true);

  agree(page);
  await until(() => !has(page, GUIDE), 'the guide to close');
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: 'privacy-agree' }]);
  closePage(page);
  expect(privacyListenerCount()).toBe(1);
});

test("the handling page shows the held description to the concern's handler, marked 待审核, with what to do", async () => {
  const page = renderPage('staff/pages/handle/index', { id: 'c1' });
  await until(() => has(page, '沟通记录'), 'the handling page');
  expect(has(page, '路灯坏了，修灯请加微信')).toBe(true);
  expect(has(page, '待审核')).toBe(true);
  expect(has(page, '这段描述未通过自动检查，正在等待镇里审核，暂不公开，也不会出现在通知和导出中。问题如属实，请照常办理。')).toBe(true);
  // The held description is not offered for 举报 (it waits for review already); the resident's published message is.
  expect(findByText(page, '举报')).toHaveLength(1);
  closePage(page);
});

test('refusing fails the held call, and the guide closes', async () => {
  const page = renderPage('account/pages/privacy/index');
  await until(() => has(page, '导出我的数据'), 'the page');
  const answers = needPrivacy('shareFileMessage');
  await until(() => has(page, GUIDE), 'the guide');
  fire(findByText(page, '不同意')[0], 'tap');
  await until(() => !has(page, GUIDE), 'the guide to close');
  expect(answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
  closePage(page);
});

test('after the page on screen is closed, the guide shows on the page below it, never on the closed one', async () => {
  const below = renderPage('pages/report/index');
  await until(() => has(below, '1. 问题发生在哪里？'), 'the report page');
  const above = renderPage('account/pages/privacy/index');
  await until(() => has(above, '导出我的数据'), 'the privacy page');
  closePage(above);

  const answers = needPrivacy('chooseMedia');
  await until(() => has(below, GUIDE), 'the guide on the report page');
  agree(below);
  await until(() => answers.length === 2, 'the answer');
  expect(answers[1]).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
  closePage(below);
});

test('with no page that can show the guide, the held call is refused at once rather than left waiting', async () => {
  // The closed pages' React trees unmount on the runtime's next tick.
  await new Promise((r) => setTimeout(r, 50));
  expect(needPrivacy('getLocation')).toEqual([{ event: 'disagree' }]);
});

test('one\'s data export is written first and sent by its own tap (shareFileMessage straight from the tap), never put on the clipboard', async () => {
  wxCalls.length = 0;
  const page = renderPage('account/pages/privacy/index');
  await until(() => has(page, '导出我的数据'), 'the page');
  // The card's title says 导出我的数据 too: the button is the last one.
  const buttons = findByText(page, '导出我的数据');
  fire(buttons[buttons.length - 1], 'tap');
  await until(() => has(page, '发送文件'), 'the 发送文件 button');
  expect(wxCalls.map((c) => c.api)).toEqual(['writeFileSync']);
  expect(has(page, '文件已生成：街坊-我的数据-2026-11-30.json')).toBe(true);

  tapText(page, '发送文件');
  // Called synchronously inside the tap, as WeChat requires for shareFileMessage.
  expect(wxCalls.map((c) => c.api)).toEqual(['writeFileSync', 'shareFileMessage']);
  expect(wxCalls[1].args).toEqual({ filePath: 'wxfile://usr/街坊-我的数据-2026-11-30.json', fileName: '街坊-我的数据-2026-11-30.json' });
  await until(() => !has(page, '发送文件'), `the button to go once sent: ${page.textContent ?? ''}`);
  expect(wxCalls.some((c) => c.api === 'setClipboardData')).toBe(false);
  closePage(page);
});
