/**
 * Tab pages are opened with switchTab and everything else with navigateTo (WeChat refuses navigateTo to a
 * tab page), and a tab page's query, which switchTab cannot carry, is handed over once.
 */
const calls: Array<[string, string]> = [];
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    switchTab: async ({ url }: { url: string }) => void calls.push(['switchTab', url]),
    navigateTo: async ({ url }: { url: string }) => void calls.push(['navigateTo', url]),
  },
}));

import { isTabPage, openPage, splitUrl, takeTabQuery, TAB_PAGES } from './nav';
import { badgeText } from './unread-badge';

beforeEach(() => {
  calls.length = 0;
});

it('names the four tabs of app.config.ts, in its order', () => {
  (globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = (require('../app.config') as { default: { tabBar: { list: Array<{ pagePath: string; text: string }> } } }).default;
  expect(config.tabBar.list.map((t) => `/${t.pagePath}`)).toEqual([...TAB_PAGES]);
  expect(config.tabBar.list.map((t) => t.text)).toEqual(['首页', '反映', '消息', '我的']);
});

it('switches to a tab page and navigates to any other', async () => {
  await openPage('/pages/messages/index');
  await openPage('/pages/concern/index?id=c-1');
  await openPage('pages/me/index');
  expect(calls).toEqual([
    ['switchTab', '/pages/messages/index'],
    ['navigateTo', '/pages/concern/index?id=c-1'],
    ['switchTab', '/pages/me/index'],
  ]);
  expect(isTabPage('/pages/index/index?x=1')).toBe(true);
  expect(isTabPage('/pages/my-concerns/index')).toBe(false);
});

it("hands a tab page's query over once, without putting it in the switchTab URL", async () => {
  await openPage('/pages/report/index?place=dz-xicheng-daguo&category=road%20light');
  expect(calls).toEqual([['switchTab', '/pages/report/index']]);
  expect(takeTabQuery('/pages/report/index')).toEqual({ place: 'dz-xicheng-daguo', category: 'road light' });
  expect(takeTabQuery('/pages/report/index')).toEqual({});
  // A later plain switch forgets an earlier query nobody took.
  await openPage('/pages/report/index?place=p1');
  await openPage('/pages/report/index');
  expect(takeTabQuery('/pages/report/index')).toEqual({});
});

it('splits a URL into its path and decoded query', () => {
  expect(splitUrl('/pages/a/index?x=1&y=%E4%B8%AD')).toEqual({ path: '/pages/a/index', query: { x: '1', y: '中' } });
  expect(splitUrl('pages/a/index')).toEqual({ path: '/pages/a/index', query: {} });
});

it("shows the 消息 badge as WeChat's tab bar takes it: nothing for none, 99+ past 99", () => {
  expect([0, -1, NaN, 1, 99, 100].map(badgeText)).toEqual([null, null, null, '1', '99', '99+']);
});
