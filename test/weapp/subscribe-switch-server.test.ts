/**
 * The workbench's 订阅提醒 switch with staff templates configured on the server (issue 15): the build under
 * test has none of its own (TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS unset), the server's `me/profile` names
 * them (from JIEFANG_WX_TEMPLATES), and a tap asks WeChat for exactly those, from the tap.
 */
import { has, installHost, launchApp, renderPage, setCloudHandler, tapText, until, wxCalls } from './harness';

installHost();

const wx = (globalThis as unknown as { wx: { getStorageSync: (k: string) => unknown } }).wx;
const SERVER_STAFF_IDS = ['tmpl-concern-todo'];
let profileReads = 0;

setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'me/profile':
      profileReads++;
      return {
        ok: true,
        data: { openid: 'o-1', name: '黄社长', role: 'staff', nodeId: 'c1', nodeName: '东岳一社', photoFolder: 'p-1', subscribeTemplates: { resident: ['tmpl-concern-progress'], staff: SERVER_STAFF_IDS } },
      };
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

test("a tap asks WeChat for the staff templates the server named, and the switch turns on when they are accepted", async () => {
  expect(process.env.TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS ?? '').toBe('');
  const page = renderPage('staff/pages/inbox/index');
  await until(() => has(page, '订阅提醒'), 'the switch');
  await until(() => profileReads > 0, 'the profile read');
  // Let the profile's answer reach the hook before the tap.
  await new Promise((r) => setTimeout(r, 0));
  wxCalls.length = 0;
  expect(wxCalls).toEqual([]);
  tapText(page, '订阅提醒');
  await until(() => wxCalls.some((c) => c.api === 'requestSubscribeMessage'), 'the ask');
  expect(wxCalls.filter((c) => c.api === 'requestSubscribeMessage')).toEqual([{ api: 'requestSubscribeMessage', args: { tmplIds: SERVER_STAFF_IDS } }]);
  await until(() => has(page, '已订阅：下一条新诉求或超期提醒会发到微信。一次性订阅每次同意只送达一条，收到后请再点一次。'), 'the note');
  expect(wx.getStorageSync('jiefang.staffSubscribe')).toBe('on');
});
