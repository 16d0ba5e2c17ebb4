/**
 * The workbench's 订阅提醒 switch in the weapp build (dist/): it is on the staff workbench, and turning it on
 * asks WeChat only from the tap and only for configured staff templates. The build under test is the one
 * that ships: without TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS it asks for nothing and says why.
 */
import { has, installHost, launchApp, renderPage, setCloudHandler, tapText, until, wxCalls } from './harness';

installHost();

const wx = (globalThis as unknown as { wx: { getStorageSync: (k: string) => unknown } }).wx;
const STAFF_IDS = process.env.TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS ?? '';

setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-1', name: '黄社长', role: 'staff', nodeId: 'c1', nodeName: '东岳一社' } };
    case 'concern/inbox':
      return { ok: true, data: { items: [], nextCursor: null } };
    case 'concern/inboxCounts':
      return { ok: true, data: { dueToday: 0, overdue: 0, toAccept: 0 } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

test('is on the staff workbench, off at first, and asks nothing before a tap', async () => {
  wxCalls.length = 0;
  const page = renderPage('staff/pages/inbox/index');
  await until(() => has(page, '订阅提醒'), 'the switch');
  expect(has(page, '新诉求待签收、诉求超期时通过微信通知我')).toBe(true);
  expect(wxCalls.filter((c) => c.api === 'requestSubscribeMessage')).toEqual([]);
});

test('a tap in a build without staff templates asks WeChat for nothing, stays off and says the notices go to 消息', async () => {
  // This test describes the build that ships by default; a build with staff templates asks instead.
  expect(STAFF_IDS).toBe('');
  wxCalls.length = 0;
  const page = renderPage('staff/pages/inbox/index');
  await until(() => has(page, '订阅提醒'), 'the switch');
  tapText(page, '订阅提醒');
  await until(() => has(page, '订阅消息模板尚未配置，新诉求和超期提醒会出现在“消息”里。'), 'the note');
  expect(wxCalls.filter((c) => c.api === 'requestSubscribeMessage')).toEqual([]);
  expect(wx.getStorageSync('jiefang.staffSubscribe')).toBe('');
});
