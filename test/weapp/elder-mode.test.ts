/**
 * 大字模式 in the weapp build: sizes there are rpx, so the page root carries the `elder` class (read from
 * the phone's storage) and app.wxss scales from it. Pages of dist/ in miniprogram-simulate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST, has, installHost, launchApp, renderPage, setCloudHandler, tapText, until } from './harness';

installHost();

const KEY = 'jiefang.elderMode';
const wx = (globalThis as unknown as { wx: { setStorageSync: (k: string, v: string) => void; getStorageSync: (k: string) => unknown } }).wx;

let profileFails = false;
setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'me/profile':
      return profileFails
        ? { ok: false, code: 'SERVICE.UNAVAILABLE', message: 'down' }
        : { ok: true, data: { openid: 'o-1', name: '张阿姨', role: 'staff', nodeId: 'c1', nodeName: '东岳一社' } };
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


/** miniprogram-simulate scopes each class with a prefix (`main--page`); the classes as the page gave them. */
const unscoped = (el: Element) => Array.from(el.classList, (c) => c.replace(/^[\w-]*?--(?=[^-])/, ''));
/** The classes of the first rendered element that has class `cls`. */
const classesOf = (root: Element, cls: string) => {
  const el = Array.from(root.querySelectorAll('*')).find((e) => unscoped(e).includes(cls));
  return el ? unscoped(el) : [];
};

test('with 大字模式 on, the page root carries `elder`, and switching it off on 我的 drops it at once', async () => {
  wx.setStorageSync(KEY, '1');
  const page = renderPage('pages/me/index');
  await until(() => has(page, '张阿姨'), 'the profile');
  expect(classesOf(page, 'me')).toEqual(expect.arrayContaining(['page', 'me', 'elder']));
  expect(has(page, '已开启')).toBe(true);

  tapText(page, '大字模式');
  await until(() => has(page, '已关闭'), 'the switch to turn off');
  await until(() => !classesOf(page, 'me').includes('elder'), 'the class to go');
  expect(wx.getStorageSync(KEY)).toBe('0');

  tapText(page, '大字模式');
  await until(() => classesOf(page, 'me').includes('elder'), 'the class to come back');
});

test('a staff page in the subpackage and an early error state carry it too; with the mode off nothing does', async () => {
  wx.setStorageSync(KEY, '1');
  const inbox = renderPage('staff/pages/inbox/index');
  await until(() => has(inbox, '暂无待办诉求，辛苦了。'), 'the empty inbox');
  expect(classesOf(inbox, 'inbox')).toContain('elder');
  expect(classesOf(inbox, 'page-state')).toContain('elder');

  profileFails = true;
  const failed = renderPage('pages/me/index');
  await until(() => has(failed, '出错了'), 'the error state');
  expect(classesOf(failed, 'page-state')).toContain('elder');
  profileFails = false;

  wx.setStorageSync(KEY, '0');
  const plain = renderPage('staff/pages/inbox/index');
  await until(() => has(plain, '暂无待办诉求，辛苦了。'), 'the empty inbox');
  expect(classesOf(plain, 'inbox')).not.toContain('elder');
});

test('app.wxss scales text 1.3× and makes touch targets at least 48 px (96 rpx) under `elder`', () => {
  const css = fs.readFileSync(path.join(DIST, 'app-origin.wxss'), 'utf8');
  expect(css).toMatch(/\.elder\{--font-scale:1\.3;/);
  expect(css).toMatch(/\.elder \.nut-button,\.elder \[role=button\],\.elder \[role=switch\]\{min-height:96rpx;min-width:96rpx\}/);
  // Our own font sizes all multiply by the scale.
  const page = fs.readFileSync(path.join(DIST, 'pages/index/index.wxss'), 'utf8');
  const sizes = page.match(/font-size:[^;}]+/g) ?? [];
  expect(sizes.length).toBeGreaterThan(0);
  // NutUI's own rules (home's entry grid) size from its variables, which `elder` sets (test/weapp/elder-reach.test.ts).
  for (const s of sizes) expect(s).toMatch(/^font-size:(calc\(var\(--font-scale, 1\)\*\d+rpx\)|var\(--nutui-[\w-]+,var\(--nutui-font-size-\w+,\d+rpx\)\))$/);
});
