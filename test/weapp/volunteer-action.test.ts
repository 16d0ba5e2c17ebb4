/**
 * The handling page's 志愿行动 card as built for WeChat (issue 20): the handler picks a team of the
 * concern's place and hands the concern to it; once the team reported its result, one tap resolves it.
 */
import { closePage, has, installHost, launchApp, renderPage, setCloudHandler, tapText, until } from './harness';

installHost();
jest.setTimeout(20_000);

const AT = '2026-11-30T02:05:00.000Z';
const route = {
  step: 'place', townId: 'danzao', villageId: 'dz-xicheng', cooperativeId: 'dz-xicheng-daguo', gridId: 'dz-xicheng-daguo-g', coOfficeId: null,
  reasonCode: 'PLACE_COOPERATIVE', reason: '按所选地点分派到大果经济社', townName: '丹灶镇', villageName: '西城社区', cooperativeName: '大果经济社', gridName: '大果网格', coOfficeName: null,
};
const detail = {
  id: 'c-1', category: 'environment', categoryName: '人居环境/环境卫生', description: '巷子里垃圾堆积', moderation: 'published', status: 'accepted',
  placeId: 'dz-xicheng-daguo', placeName: '丹灶镇 · 西城社区 · 大果经济社', createdAt: AT, updatedAt: AT, route,
  sla: { round: 1, ackDueAt: AT, resolveDueAt: AT, dueAt: AT, ackedAt: AT, resolvedAt: null, overdue: false, firstResponse: 'in_time', calendarGaps: [] },
  rating: null, photoCount: 0, thumbUrl: null, passedOn: false, location: null, photos: [], photoUrls: [], myHiddenPhotos: 0,
  reporterName: '陈阿姨', reporterPhone: '13900000001', mine: false, moves: ['reply', 'resolve', 'transfer'], volunteerAction: null as null | Record<string, unknown>, timeline: [], thread: [],
};
const TEAM = { id: 'team-daguo-clean', name: '大果党群清洁志愿服务队', kind: 'party_service', nodeId: 'dz-xicheng-daguo', placeName: '西城社区 · 大果经济社', description: '', memberCount: 3, myStatus: null, iLead: false };

const calls: Array<{ action: string; data: unknown }> = [];
setCloudHandler(({ data }) => {
  calls.push({ action: data.action, data: data.data });
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-staff', name: '黄社长', role: 'staff', nodeId: 'dz-xicheng-daguo', nodeName: '大果经济社' } };
    case 'message/list':
      return { ok: true, data: { items: [], nextCursor: null, unread: 0 } };
    case 'concern/get':
      return { ok: true, data: detail };
    case 'team/list':
      return { ok: true, data: { items: [TEAM] } };
    case 'concern/startAction':
      detail.volunteerAction = { id: 'va-1', status: 'draft', teamName: TEAM.name, eventId: null };
      return { ok: true, data: { id: 'va-1', status: 'draft' } };
    case 'concern/resolveFromAction':
      detail.volunteerAction = { id: 'va-1', status: 'resolved', teamName: TEAM.name, eventId: 'v-1' };
      return { ok: true, data: { id: 'va-1', status: 'resolved' } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

test('a handler hands the concern to a team of its place, then resolves it with the team’s result in one tap', async () => {
  const page = renderPage('staff/pages/handle/index', { id: 'c-1' });
  await until(() => has(page, '发起志愿行动'), 'the 发起志愿行动 button');
  tapText(page, '发起志愿行动');
  await until(() => has(page, TEAM.name), 'the teams of the place');
  expect(calls.find((c) => c.action === 'team/list')?.data).toEqual({ nodeId: 'dz-xicheng-daguo' });
  tapText(page, TEAM.name);
  await new Promise((r) => setTimeout(r, 20));
  tapText(page, '交由该队处理');
  await until(() => has(page, `已交由${TEAM.name}处理：待队长安排时间`), 'the action on the card');
  expect(calls.find((c) => c.action === 'concern/startAction')?.data).toEqual({ ids: ['c-1'], teamId: TEAM.id });
  closePage(page);

  detail.volunteerAction = { id: 'va-1', status: 'reported', teamName: TEAM.name, eventId: 'v-1' };
  const again = renderPage('staff/pages/handle/index', { id: 'c-1' });
  await until(() => has(again, '据志愿行动结果办结'), 'the resolve button');
  tapText(again, '据志愿行动结果办结');
  await until(() => has(again, `已交由${TEAM.name}处理：已据此办结`), 'the resolved action');
  expect(calls.find((c) => c.action === 'concern/resolveFromAction')?.data).toEqual({ id: 'va-1' });
  closePage(again);
});
