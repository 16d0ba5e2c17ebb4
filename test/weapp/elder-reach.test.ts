/**
 * Issue 17 in the weapp build. Item 3: 大字模式 reaches typed text, placeholders, small buttons and tags —
 * every NutUI font size those use in the built WXSS comes from a variable the `elder` class sets at ≥ 1.3×
 * NutUI's own size, nothing above the page root pins those variables, and the rendered inputs, textareas,
 * buttons and tags sit inside the page root that carries `elder`. Item 5: the tab bar of app.json, home's
 * entry grid, the 消息 badge from the unread count, and switchTab to the tab pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST, has, installHost, launchApp, navigations, renderPage, setCloudHandler, tapText, until, wxCalls } from './harness';

installHost();

const KEY = 'jiefang.elderMode';
const wx = (globalThis as unknown as { wx: { setStorageSync: (k: string, v: string) => void } }).wx;
let unread = 3;

setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-1', name: '陈阿姨', role: 'resident', nodeId: null, nodeName: null, photoFolder: 'p/x' } };
    case 'message/list':
      return { ok: true, data: { items: [], nextCursor: null, unread } };
    case 'concern/listMine':
      return {
        ok: true,
        data: {
          items: [
            { id: 'k-1', category: 'road', categoryName: '道路交通', description: '路口的路灯坏了', moderation: 'published', status: 'accepted', placeId: 'v1', placeName: '大果经济社', createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z' },
            { id: 'k-2', category: 'road', categoryName: '道路交通', description: '早就修好了', moderation: 'published', status: 'closed', placeId: 'v1', placeName: '大果经济社', createdAt: '2026-11-01T02:00:00.000Z', updatedAt: '2026-11-02T02:00:00.000Z' },
          ],
          nextCursor: null,
        },
      };
    case 'volunteer/mine':
      return { ok: true, data: { personalQr: 'q', personalQrExpiresAt: '2026-11-25T02:01:00.000Z', teams: [], upcoming: [], history: [], totalConfirmedMinutes: 0 } };
    case 'board/list':
      return { ok: true, data: { enabled: true, items: [] } };
    case 'grid/tree':
      return {
        ok: true,
        data: {
          nodes: [
            {
              id: 'd1', kind: 'district', name: '某区', parentId: null,
              children: [{ id: 't1', kind: 'town', name: '东岳镇', parentId: 'd1', children: [{ id: 'v1', kind: 'village', name: '东岳村', parentId: 't1', children: [] }] }],
            },
          ],
        },
      };
    case 'grid/map':
      return { ok: true, data: { townId: 't1', townName: '东岳镇', coord: 'gcj02', towns: [{ id: 't1', name: '东岳镇' }], bounds: null, areas: [], concerns: [] } };
    case 'category/list':
      return { ok: true, data: { items: [{ code: 'road', name: '道路设施', townId: 't1', kind: 'complaint', leadOfficeCode: null }] } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

const css = () => fs.readFileSync(path.join(DIST, 'common.wxss'), 'utf8') + fs.readFileSync(path.join(DIST, 'app-origin.wxss'), 'utf8');
/** The declarations of the first rule whose selector list is exactly `selector`. */
const rule = (all: string, selector: string) => {
  const m = new RegExp(`(?:^|})${selector.replace(/[.[\]]/g, '\\$&')}\\{([^}]*)\\}`).exec(all);
  return m ? m[1] : '';
};
const rpx = (v: string) => parseFloat(v.replace('rpx', ''));

/** The font-size declarations of NutUI's inputs, textareas, buttons and tags (and their placeholders) in the build. */
function nutFontSizes(all: string): Array<{ selector: string; outer: string | null; inner: string; fallback: number }> {
  const out: Array<{ selector: string; outer: string | null; inner: string; fallback: number }> = [];
  for (const m of all.matchAll(/([^{}]*\.nut-(?:input|textarea|button|tag)[^{}]*)\{([^}]*)\}/g)) {
    for (const d of m[2].matchAll(/font-size:var\((--[\w-]+),\s*(?:var\((--[\w-]+),\s*)?([\d.]+)rpx\)?\)/g)) {
      out.push({ selector: m[1], outer: d[2] ? d[1] : null, inner: d[2] ?? d[1], fallback: parseFloat(d[3]) });
    }
  }
  return out;
}

test('every NutUI input, textarea, button and tag font size comes from a variable `elder` sets at least 1.3×', () => {
  const all = css();
  const elder = rule(all, '.elder');
  expect(elder).toMatch(/--font-scale:1\.3/);
  const sizes = nutFontSizes(all);
  // The kinds the issue names were all found in the build.
  for (const kind of ['.nut-input-native', '.nut-textarea-textarea', '.nut-button-small', '.nut-button-mini', '.nut-tag', '.nut-input-placeholder']) {
    expect([kind, sizes.some((s) => s.selector.includes(kind))]).toEqual([kind, true]);
  }
  const short: string[] = [];
  for (const s of sizes) {
    const set = new RegExp(`${s.inner}:([\\d.]+)rpx`).exec(elder);
    if (!set || rpx(set[1]) < s.fallback * 1.3) short.push(`${s.selector}: ${s.inner} ${set ? set[1] : 'unset'} vs ${s.fallback}rpx`);
    // A component variable (e.g. --nutui-input-font-size) set anywhere would pin the size above `elder`.
    if (s.outer && new RegExp(`${s.outer}:`).test(all)) short.push(`${s.selector}: ${s.outer} is set`);
  }
  expect(short).toEqual([]);
  // Nothing pins the NutUI size variables on page (above every page root).
  expect(rule(all, 'page')).not.toMatch(/--nutui-font-size/);
});

test('on the report page with 大字模式 on, its input, textarea, buttons and tags are inside the `elder` root', async () => {
  wx.setStorageSync(KEY, '1');
  const page = renderPage('pages/report/index');
  await until(() => has(page, '1. 问题发生在哪里？'), 'the report form');
  const root = Array.from(page.querySelectorAll('*')).find((e) => Array.from(e.classList).some((c) => /(^|--)elder$/.test(c)));
  expect(root).toBeDefined();
  const inside = (sel: string) => Array.from(page.querySelectorAll(sel)).filter((e) => root!.contains(e)).length;
  const total = (sel: string) => page.querySelectorAll(sel).length;
  for (const sel of ['wx-input', 'wx-textarea', 'wx-button']) {
    expect([sel, total(sel) > 0, inside(sel)]).toEqual([sel, true, total(sel)]);
  }
  wx.setStorageSync(KEY, '0');
});

test('app.json has the four tabs with their icons in the package and the green selected colour', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { tabBar: { selectedColor: string; list: Array<{ pagePath: string; text: string; iconPath: string; selectedIconPath: string }> } };
  expect(app.tabBar.list.map((t) => [t.text, t.pagePath])).toEqual([
    ['首页', 'pages/index/index'],
    ['反映', 'pages/report/index'],
    ['消息', 'pages/messages/index'],
    ['我的', 'pages/me/index'],
  ]);
  expect(app.tabBar.selectedColor).toBe('#1f7a4d');
  for (const t of app.tabBar.list) {
    for (const icon of [t.iconPath, t.selectedIconPath]) {
      const file = path.join(DIST, icon);
      expect([icon, fs.existsSync(file) && fs.statSync(file).size < 40 * 1024]).toEqual([icon, true]);
    }
  }
});

test('home shows the entry grid and the open concern, badges 消息 with the unread count, and switches tabs', async () => {
  wxCalls.length = 0;
  unread = 3;
  const home = renderPage('pages/index/index');
  await until(() => has(home, '您好，陈阿姨'), 'home');
  for (const label of ['我的诉求', '志愿服务', '我的志愿', '公开栏', '街坊议事']) expect([label, has(home, label)]).toEqual([label, true]);
  await until(() => has(home, '路口的路灯坏了'), 'the open concern');
  expect(has(home, '早就修好了')).toBe(false);
  expect(has(home, '已签收')).toBe(true);
  await until(() => wxCalls.some((c) => c.api === 'setTabBarBadge'), 'the badge');
  expect(wxCalls.find((c) => c.api === 'setTabBarBadge')?.args).toEqual({ index: 2, text: '3' });

  const before = navigations().length;
  tapText(home, '我要反映');
  await until(() => navigations().slice(before).includes('switchTab /pages/report/index'), 'the switch to 反映');
  tapText(home, '我的诉求');
  await until(() => navigations().slice(before).includes('navigateTo /pages/my-concerns/index'), 'my concerns');
  expect(navigations().slice(before).filter((n) => /^(navigateTo|redirectTo) \/pages\/(index|report|messages|me)\/index/.test(n))).toEqual([]);
});
