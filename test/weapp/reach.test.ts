/**
 * The handling page as built for WeChat (issue 16, item 3): the reporter's phone with 拨打 calls
 * wx.makePhoneCall with it; the reported point is drawn on the mini program's map with its grid, and 导航
 * calls wx.openLocation at the GCJ-02 point; a masked number is shown without 拨打, and a concern without a
 * location says how it was routed instead of showing a map.
 */
import { closePage, has, installHost, launchApp, renderPage, setCloudHandler, tapText, until, wxCalls } from './harness';

installHost();
jest.setTimeout(20_000);

const AT = '2026-11-30T02:05:00.000Z';
const route = {
  step: 'location', townId: 'danzao', villageId: 'dz-xicheng', cooperativeId: 'dz-xicheng-daguo', gridId: 'dz-xicheng-daguo-g', coOfficeId: null,
  reasonCode: 'LOCATION_GRID', reason: '定位在大果网格内', townName: '丹灶镇', villageName: '西城社区', cooperativeName: '大果经济社', gridName: '大果网格', coOfficeName: null,
};
const located = {
  id: 'c-1', category: 'environment', categoryName: '人居环境/环境卫生', description: '祠堂旁垃圾堆积', moderation: 'published', status: 'accepted',
  placeId: 'dz-xicheng-daguo', placeName: '丹灶镇 · 西城社区 · 大果经济社', createdAt: AT, updatedAt: AT, route,
  sla: { round: 1, ackDueAt: AT, resolveDueAt: AT, dueAt: AT, ackedAt: AT, resolvedAt: null, overdue: false, firstResponse: 'in_time', calendarGaps: [] },
  rating: null, photoCount: 0, thumbUrl: null, passedOn: false, photos: [], photoUrls: [], myHiddenPhotos: 0,
  location: { lat: 22.9, lng: 112.9 }, mapPoint: { lat: 22.897, lng: 112.905 },
  reporterName: '陈阿姨', reporterPhone: '13912345678', mine: false, moves: ['reply', 'resolve'], timeline: [], thread: [],
};
const elsewhere = { ...located, id: 'c-2', location: null, mapPoint: null, reporterPhone: '139****5678', moves: [] };

setCloudHandler(({ data }) => {
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-staff', name: '黄社长', role: 'staff', nodeId: 'dz-xicheng-daguo', nodeName: '大果经济社' } };
    case 'concern/get':
      return { ok: true, data: (data.data as { id: string }).id === 'c-2' ? elsewhere : located };
    case 'town/replyTemplates':
      return { ok: true, data: { townId: 'danzao', templates: {} } };
    case 'grid/tree':
      return { ok: true, data: { nodes: [] } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

test('拨打 calls the reporter, and 导航 opens the GCJ-02 point named by its grid; the map shows the point', async () => {
  const page = renderPage('staff/pages/handle/index', { id: 'c-1' });
  await until(() => has(page, '13912345678'), 'the phone');
  expect(has(page, '大果网格（丹灶镇 / 西城社区 / 大果经济社 / 大果网格）')).toBe(true);
  const map = page.querySelector('wx-map, map');
  expect(map).not.toBeNull();
  tapText(page, '拨打');
  await until(() => wxCalls.some((c) => c.api === 'makePhoneCall'), 'the call');
  expect(wxCalls.filter((c) => c.api === 'makePhoneCall')).toEqual([{ api: 'makePhoneCall', args: { phoneNumber: '13912345678' } }]);
  tapText(page, '导航');
  await until(() => wxCalls.some((c) => c.api === 'openLocation'), 'the navigation');
  expect(wxCalls.filter((c) => c.api === 'openLocation')).toEqual([
    { api: 'openLocation', args: { latitude: 22.897, longitude: 112.905, name: '大果网格', address: '丹灶镇 · 西城社区 · 大果经济社' } },
  ]);
  closePage(page);
});

test('a masked number has no 拨打, and a concern without a location has no map and no 导航', async () => {
  const calls = wxCalls.length;
  const page = renderPage('staff/pages/handle/index', { id: 'c-2' });
  await until(() => has(page, '139****5678'), 'the masked phone');
  expect(has(page, '拨打')).toBe(false);
  expect(has(page, '导航')).toBe(false);
  expect(has(page, '居民没有定位，按所选地点 丹灶镇 · 西城社区 · 大果经济社 分派。')).toBe(true);
  expect(page.querySelector('wx-map, map')).toBeNull();
  expect(wxCalls.length).toBe(calls);
  closePage(page);
});
