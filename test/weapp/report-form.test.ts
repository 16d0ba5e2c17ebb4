/**
 * The report form, as built for WeChat: pages of dist/ (run `npm run build:weapp` first) rendered
 * in miniprogram-simulate with a fake `wx.cloud.callFunction`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIST, fire, has, installHost, launchApp, navigations, renderPage, setCloudHandler, setLocationHandler, tapText, until } from './harness';

installHost();
// Loaded after the host globals exist: it merges its own `wx` APIs into ours.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only after installHost(), as said above
const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate');

interface Call {
  name: string;
  action: string;
  data: Record<string, unknown>;
}

const calls: Call[] = [];

const TREE = {
  nodes: [
    {
      id: 'd1', kind: 'district', name: '某区', parentId: null,
      children: [
        {
          id: 't1', kind: 'town', name: '东岳镇', parentId: 'd1',
          children: [
            {
              id: 'v1', kind: 'village', name: '东岳村', parentId: 't1',
              children: [
                { id: 'c1', kind: 'cooperative', name: '东岳一社', parentId: 'v1', children: [] },
                { id: 'c2', kind: 'cooperative', name: '东岳二社', parentId: 'v1', children: [] },
                { id: 'g1', kind: 'grid', name: '东岳村第一网格', parentId: 'v1', children: [] },
              ],
            },
          ],
        },
        {
          id: 't2', kind: 'town', name: '西山镇', parentId: 'd1',
          children: [{ id: 'v2', kind: 'village', name: '西山社区', parentId: 't2', children: [] }],
        },
      ],
    },
  ],
};

/** grid/map's answer per town (GCJ-02, as the mini program asks): a square town with one grid, an open concern nearby. */
const square = (lng: number, lat: number, d: number): [number, number][] => [[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]];
const TOWNS = [{ id: 't1', name: '东岳镇' }, { id: 't2', name: '西山镇' }];
const MAPS: Record<string, unknown> = {
  t1: {
    townId: 't1', townName: '东岳镇', coord: 'gcj02', towns: TOWNS, bounds: [120.0, 30.0, 120.2, 30.2],
    areas: [
      { id: 't1', name: '东岳镇', kind: 'town', parentId: 'd1', rings: [square(120.0, 30.0, 0.2)] },
      { id: 'v1', name: '东岳村', kind: 'village', parentId: 't1', rings: [square(120.05, 30.05, 0.1)] },
      { id: 'g1', name: '东岳村第一网格', kind: 'grid', parentId: 'v1', rings: [square(120.05, 30.05, 0.1)] },
    ],
    concerns: [{ id: 'k-near', categoryName: '环境卫生', lat: 30.11, lng: 120.11 }],
  },
  t2: { townId: 't2', townName: '西山镇', coord: 'gcj02', towns: TOWNS, bounds: null, areas: [], concerns: [] },
};

const CATEGORIES: Record<string, { code: string; name: string }[]> = {
  t1: [
    { code: 'sanitation', name: '环境卫生' },
    { code: 'road', name: '道路设施' },
  ],
  t2: [{ code: 'noise', name: '噪音扰民' }],
};

setCloudHandler(({ name, data }) => {
  const input = (data.data ?? {}) as Record<string, unknown>;
  calls.push({ name, action: data.action, data: input });
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-resident', name: '张阿姨', role: 'resident', nodeId: null, nodeName: null } };
    case 'grid/tree':
      return { ok: true, data: TREE };
    case 'grid/map':
      return { ok: true, data: MAPS[(input.townId ?? 't1') as string] };
    case 'category/list': {
      const townId = String(input.townId);
      const items = (CATEGORIES[townId] ?? []).map((c) => ({ ...c, townId, kind: 'complaint', leadOfficeCode: null }));
      return { ok: true, data: { items } };
    }
    case 'grid/locate':
      return {
        ok: true,
        data: { location: { lat: 30.1, lng: 120.1 }, result: 'grid', townId: 't1', townName: '东岳镇', villageId: 'v1', villageName: '东岳村', cooperativeId: 'c1', cooperativeName: '东岳一社', gridId: 'g1', gridName: '东岳村第一网格', candidates: ['g1'] },
      };
    case 'concern/submit':
      return { ok: true, data: { id: 'k-100' } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});


const textOf = (root: Element) => root.textContent ?? '';

test('main package has no staff pages; staff/ is a subpackage', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: { root: string; pages: string[] }[];
  };
  expect(app.pages).toEqual(expect.arrayContaining(['pages/index/index', 'pages/report/index', 'pages/concern/index']));
  expect(app.pages.some((p) => p.startsWith('staff/') || p.includes('inbox') || p.includes('handle'))).toBe(false);
  const staff = app.subPackages?.find((s) => s.root === 'staff');
  expect(staff?.pages).toEqual(expect.arrayContaining(['pages/inbox/index', 'pages/handle/index']));
  expect(fs.existsSync(path.join(DIST, 'staff/pages/inbox/index.js'))).toBe(true);
  expect(fs.existsSync(path.join(DIST, 'staff/pages/handle/index.js'))).toBe(true);
});

/** Types into the place picker's search (the page's one input) and taps the result. */
async function pickPlace(page: Element, query: string, label: string) {
  const search = page.querySelector('wx-input');
  expect(search).not.toBeNull();
  fire(search as Element, 'input', { value: query, cursor: query.length });
  await until(() => has(page, label), `the search result ${label}`);
  tapText(page, label);
  await until(() => textOf(page).includes(`已选：${label.replace(' / 不清楚经济社', '')}`), 'the picked place');
}

test('a resident opens on the town map, picks village and cooperative by search, then the category, and submits', async () => {
  calls.length = 0;
  const page = renderPage('pages/report/index');

  // The map of the resident's town (the server decides which), in GCJ-02 for WeChat's Map; the towns to switch to.
  await until(() => page.querySelector('wx-map') !== null, 'the town map');
  expect(calls.find((c) => c.action === 'grid/map')?.data).toEqual({ coord: 'gcj02' });
  await until(() => has(page, '西山镇') && has(page, '东岳镇'), 'the towns to switch to');
  // No village buttons of every town: the picker searches the town on the map only, and no typed coordinates.
  expect(has(page, '东岳村')).toBe(false);
  expect(textOf(page)).not.toMatch(/纬度|经度/);

  // Submitting an empty form shows what is missing, in Chinese, and calls nothing.
  tapText(page, '提交');
  await until(() => textOf(page).includes('请选择您所在的村（社区）'), 'the inline validation errors');
  expect(textOf(page)).toContain('请选择问题类别');
  expect(textOf(page)).toContain('请写下您遇到的问题');
  expect(calls.some((c) => c.action === 'concern/submit')).toBe(false);

  fire(page.querySelector('wx-input') as Element, 'input', { value: '东岳', cursor: 2 });
  await until(() => has(page, '东岳村 / 东岳二社'), 'the cooperatives of 东岳村');
  expect(has(page, '东岳村第一网格')).toBe(false); // grids are not places a resident picks
  expect(has(page, '西山社区')).toBe(false); // another town's
  await pickPlace(page, '东岳二社', '东岳村 / 东岳二社');
  await until(() => has(page, '环境卫生'), 'the categories of 东岳镇');
  expect(calls.find((c) => c.action === 'category/list')?.data).toEqual({ townId: 't1' });

  tapText(page, '环境卫生');
  const textarea = page.querySelector('wx-textarea');
  expect(textarea).not.toBeNull();
  fire(textarea as Element, 'input', { value: '村口路灯坏了三天，晚上看不清路。', cursor: 16 });
  await until(() => !textOf(page).includes('请写下您遇到的问题'), 'the description error to clear');

  tapText(page, '提交');
  await until(() => calls.some((c) => c.action === 'concern/submit'), 'concern/submit');
  const submit = calls.filter((c) => c.action === 'concern/submit');
  expect(submit).toHaveLength(1);
  expect(submit[0].name).toBe('concern');
  expect(submit[0].data).toEqual({
    category: 'sanitation',
    description: '村口路灯坏了三天，晚上看不清路。',
    placeId: 'c2',
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  });
  await until(() => navigations().some((n) => n.includes('/pages/concern/index?id=k-100')), 'going to the new concern');
});

test('in another town, without a cooperative the village is the place', async () => {
  calls.length = 0;
  const page = renderPage('pages/report/index');
  await until(() => has(page, '西山镇'), 'the towns to switch to');
  tapText(page, '西山镇');
  await until(() => calls.some((c) => c.action === 'grid/map' && c.data.townId === 't2'), 'the map of 西山镇');
  // 西山镇 has no boundaries yet: the picker still works.
  await until(() => has(page, '噪音扰民'), 'the categories of 西山镇');
  await pickPlace(page, '西山', '西山社区');
  tapText(page, '噪音扰民');
  fire(page.querySelector('wx-textarea') as Element, 'input', { value: '楼下夜里施工', cursor: 6 });
  await simulate.sleep(20);
  tapText(page, '提交');
  await until(() => calls.some((c) => c.action === 'concern/submit'), 'concern/submit');
  expect(calls.find((c) => c.action === 'concern/submit')?.data).toMatchObject({ category: 'noise', placeId: 'v2', description: '楼下夜里施工' });
});

test('a tap on the map places the point (GCJ-02) and shows its grid and committee', async () => {
  calls.length = 0;
  const page = renderPage('pages/report/index');
  await until(() => page.querySelector('wx-map') !== null, 'the town map');
  fire(page.querySelector('wx-map') as Element, 'tap', { latitude: 30.1, longitude: 120.1 });
  await until(() => textOf(page).includes('将交由东岳村第一网格及东岳一社社委办理'), 'where the point goes');
  expect(calls.find((c) => c.action === 'grid/locate')?.data).toEqual({ location: { lat: 30.1, lng: 120.1 }, coord: 'gcj02' });
});

test('the current location is read in GCJ-02, shown as a grid and committee, and sent with the concern', async () => {
  calls.length = 0;
  const asked: Array<[string, Record<string, unknown>]> = [];
  setLocationHandler((api, opts) => {
    asked.push([api, opts]);
    return { latitude: 30.1, longitude: 120.1 };
  });
  const page = renderPage('pages/report/index');
  await until(() => has(page, '使用当前位置'), 'the location button');
  expect(has(page, '搜索地点')).toBe(true); // WeChat's own place search (chooseLocation) too
  tapText(page, '使用当前位置');
  await until(() => textOf(page).includes('将交由东岳村第一网格及东岳一社社委办理'), 'where the point goes');
  expect(asked.map(([api, o]) => [api, o.type])).toEqual([['getLocation', 'gcj02']]);
  expect(calls.find((c) => c.action === 'grid/locate')?.data).toEqual({ location: { lat: 30.1, lng: 120.1 }, coord: 'gcj02' });
  // The town map is there (miniprogram-simulate renders the element, not its tiles).
  expect(page.querySelector('wx-map.main--report__map')).not.toBeNull();

  // Without picking a village, the located town's categories are offered.
  await until(() => has(page, '环境卫生'), 'the categories of the located town');
  tapText(page, '环境卫生');
  fire(page.querySelector('wx-textarea') as Element, 'input', { value: '路灯不亮', cursor: 4 });
  await simulate.sleep(20);
  tapText(page, '提交');
  await until(() => calls.some((c) => c.action === 'concern/submit'), 'concern/submit');
  expect(calls.find((c) => c.action === 'concern/submit')?.data).toEqual({
    category: 'sanitation',
    description: '路灯不亮',
    location: { lat: 30.1, lng: 120.1 },
    coord: 'gcj02',
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  });
});

test('a refused location permission says what to do and leaves the map and the place picker', async () => {
  calls.length = 0;
  setLocationHandler(() => ({ errMsg: 'getLocation:fail auth deny' }));
  const page = renderPage('pages/report/index');
  await until(() => has(page, '使用当前位置'), 'the location button');
  tapText(page, '使用当前位置');
  await until(() => textOf(page).includes('未获得位置权限'), 'the permission message');
  expect(calls.some((c) => c.action === 'grid/locate')).toBe(false);
  expect(page.querySelector('wx-map')).not.toBeNull();
  expect(has(page, '按村（社区）逐级选择')).toBe(true);
});
