/**
 * A valid input for every action, against the demo data: the authorisation matrix and the fuzz test
 * start from these. Typed by the action map, so a new action without a sample does not compile.
 */
import type { ActionName } from '../core/actions';
import { DEMO_EVENTS, DEMO_TEAMS, DEMO_IDENTITIES as I } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';

export interface SampleIds {
  /** A concern reported by the demo resident 陈阿姨 in 大果经济社. */
  concernId: string;
  /** The opaque id (memberRef) of 李叔's membership of the 大果 team, as its leader's view names it. */
  memberId: string;
  /** 街坊议事 (yishi): an open topic of 西城社区 with three options, opened by its committee (吴委员). */
  topicId?: string;
}

export const SAMPLES: Readonly<Record<ActionName, (ids: SampleIds) => Record<string, unknown>>> = {
  'me/profile': () => ({}),
  'me/export': () => ({}),
  'me/delete': () => ({ confirm: true }),
  'grid/tree': () => ({}),
  'category/list': () => ({ townId: 'danzao' }),
  'grid/locate': () => ({ location: { lat: 23.0375, lng: 112.9425 } }),
  'grid/importBoundaries': () => ({ geojson: { type: 'FeatureCollection', features: [] } }),
  'roster/import': () => ({ csv: 'openid,phone,name,role,node\n' }),
  'concern/submit': () => ({ category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' }),
  'concern/listMine': () => ({ limit: 5 }),
  'concern/get': ({ concernId }) => ({ id: concernId }),
  'concern/inbox': () => ({ limit: 5 }),
  'concern/inboxCounts': () => ({}),
  'concern/accept': ({ concernId }) => ({ id: concernId }),
  'concern/reply': ({ concernId }) => ({ id: concernId, text: '正在处理' }),
  'concern/resolve': ({ concernId }) => ({ id: concernId, text: '已处理' }),
  'concern/rate': ({ concernId }) => ({ id: concernId, rating: 'satisfied' }),
  'concern/dispatch': ({ concernId }) => ({ id: concernId, nodeId: 'dz-xinan-1', reason: '属新安' }),
  'concern/transfer': ({ concernId }) => ({ id: concernId, nodeId: 'dz-xinan-1', reason: '属新安' }),
  'concern/return': ({ concernId }) => ({ id: concernId, reason: '不属本社' }),
  'concern/escalate': ({ concernId }) => ({ id: concernId, reason: '需村委协调' }),
  'stats/rates': () => ({ month: '2026-11' }),
  'message/list': () => ({ limit: 5 }),
  'message/markRead': () => ({}),
  'audit/list': () => ({ limit: 5 }),
  'concern/importHotline': () => ({ csv: 'ticket,category,description,lat,lng,address\n' }),
  'export/concerns': () => ({ format: 'csv' }),
  'export/rates': () => ({ format: 'csv' }),
  'board/list': () => ({ placeId: 'dz-xicheng' }),
  'board/get': ({ concernId }) => ({ id: concernId }),
  'concern/similar': () => ({ category: 'environment', placeId: 'dz-xicheng-daguo' }),
  'concern/plusOne': ({ concernId }) => ({ id: concernId }),
  'town/replyTemplates': () => ({}),
  'town/setReplyTemplates': () => ({ category: 'road', templates: ['已安排人员处理，请耐心等候'] }),
  'feedback/submit': () => ({ text: '希望字再大一点' }),
  'feedback/list': () => ({}),
  'moderation/list': () => ({}),
  'moderation/decide': ({ concernId }) => ({ kind: 'concern', id: concernId, decision: 'publish' }),
  'moderation/report': ({ concernId }) => ({ concernId, reason: 'ad' }),
  'volunteer/mine': () => ({}),
  'volunteer/code': () => ({}),
  'event/checkinCode': () => ({ id: DEMO_EVENTS.daguoCleanup }),
  'team/list': () => ({}),
  'team/get': () => ({ id: DEMO_TEAMS.daguo }),
  'team/apply': () => ({ teamId: DEMO_TEAMS.dungen }),
  'team/review': ({ memberId }) => ({ teamId: DEMO_TEAMS.daguo, memberId, decision: 'approve' }),
  'team/leave': () => ({ teamId: DEMO_TEAMS.daguo }),
  'team/setPartyMember': ({ memberId }) => ({ teamId: DEMO_TEAMS.daguo, memberId, partyMember: false }),
  'event/create': () => ({
    teamId: DEMO_TEAMS.daguo,
    title: '河涌清洁',
    description: '',
    place: '祠堂门口',
    startAt: '2030-01-05T01:00:00Z',
    endAt: '2030-01-05T03:00:00Z',
    capacity: 10,
    waitlist: true,
    openTo: 'all',
  }),
  'event/get': () => ({ id: DEMO_EVENTS.dungenVisit }),
  'event/signup': () => ({ eventId: DEMO_EVENTS.dungenVisit }),
  'event/cancel': () => ({ eventId: DEMO_EVENTS.dungenVisit }),
  'event/cancelEvent': () => ({ id: DEMO_EVENTS.daguoCleanup, reason: '台风' }),
  'event/scan': () => ({ code: 'not-a-real-code' }),
  'event/scanPerson': () => ({ eventId: DEMO_EVENTS.daguoCleanup, code: 'not-a-real-code' }),
  'event/attendance': () => ({ id: DEMO_EVENTS.daguoCleanup }),
  'event/confirmHours': () => ({ eventId: DEMO_EVENTS.daguoCleanup }),
  'event/exportCsv': () => ({ id: DEMO_EVENTS.daguoCleanup }),
  'calendar/list': () => ({}),
  'calendar/save': () => ({ year: 2030, holidays: ['2030-01-01'], makeupWorkdays: [], basis: '国务院办公厅关于2030年部分节假日安排的通知', expectedVersion: 0 }),
  // 街坊议事 (yishi)
  'me/setPlace': () => ({ placeId: 'dz-xicheng-daguo' }),
  'topic/list': () => ({}),
  'topic/get': ({ topicId }) => ({ id: topicId ?? 'tp-none' }),
  'topic/create': () => ({ placeId: 'dz-xicheng', title: '村口空地怎么用', background: '', options: ['停车场', '小公园'], deadline: '2026-12-20T10:00:00Z' }),
  'topic/propose': () => ({ title: '增设路灯', background: '祠堂到村口一段没有路灯' }),
  'topic/support': ({ topicId }) => ({ id: topicId ?? 'tp-none' }),
  'topic/vote': ({ topicId }) => ({ id: topicId ?? 'tp-none', optionId: 'o1' }),
  'topic/comment': ({ topicId }) => ({ id: topicId ?? 'tp-none', text: '支持建小公园' }),
  'topic/decide': ({ topicId }) => ({ id: topicId ?? 'tp-none', decision: '建小公园', reasons: '多数居民赞成' }),
  'topic/answerProposal': ({ topicId }) => ({ id: topicId ?? 'tp-none', accept: false, reason: '已在议题中' }),
  // Volunteer actions (issue 20).
  'concern/startAction': ({ concernId }) => ({ ids: [concernId], teamId: DEMO_TEAMS.daguo }),
  'event/recordResult': () => ({ eventId: DEMO_EVENTS.daguoCleanup, text: '巷道垃圾已清理完毕' }),
  'concern/resolveFromAction': () => ({ id: 'va-no-such-action' }),
  // Points (issue 20). The demo has no rewards or redemptions: the writes that name one meet their not-found rule.
  'points/mine': () => ({}),
  'reward/list': () => ({ nodeId: 'dz-xicheng-daguo' }),
  'reward/save': () => ({ nodeId: 'dz-xicheng-daguo', name: '环保袋', points: 30, addStock: 10, active: true }),
  'reward/redeem': () => ({ rewardId: 'rw-no-such-reward' }),
  'reward/handOver': () => ({ nodeId: 'dz-xicheng-daguo', code: '00000000' }),
  'reward/reverse': () => ({ id: 'rd-no-such-redemption', reason: '误兑' }),
  'village/savePointsSettings': () => ({ nodeId: 'dz-xicheng-daguo', enabled: true }),
  // Issue 16 (staff daily use): the resident's contact.
  'me/contact': () => ({}),
  'me/setContact': () => ({ name: '陈姨', phone: '13912345678', consent: true }),
  'event/markAttendance': () => ({ id: DEMO_EVENTS.daguoCleanup, signUpId: 'snot-a-real-sign-up' }),
  // Admin (issue 19): 丹灶镇's roster.
  'roster/list': () => ({ query: '社' }),
  'roster/save': () => ({ phone: '13800000077', name: '新网格员', role: 'staff', nodeId: 'dz-xinan-2' }),
  'roster/remove': () => ({ openid: I.xinanStaff }),
  'category/save': () => ({ code: 'road', name: '道路设施', kind: 'help', leadOfficeCode: null, ackHours: 2, resolveDays: 5, enabled: true }),
  'town/saveSettings': () => ({ publicBoard: true }),
  'team/create': () => ({ nodeId: 'dz-xinan-2', name: '新安第二经济社志愿队', kind: 'party_service', description: '' }),
  // 李叔's account carries 13900000002.
  'team/saveLeaders': () => ({ teamId: DEMO_TEAMS.daguo, phones: ['13900000002'] }),
  // Residents following up (#17).
  'concern/withdraw': ({ concernId }) => ({ id: concernId, reason: '已自行解决' }),
  'concern/chase': ({ concernId }) => ({ id: concernId }),
  // Admin (issue 19): Open311 clients; 丹灶镇's own demo client is revoked.
  'apiClient/create': () => ({ name: '丹灶镇网格化平台', source: 'open311', reads: 'own', requestsPerMinute: 60, postsPerHour: 100 }),
  'apiClient/list': () => ({}),
  'apiClient/revoke': () => ({ id: DEMO_OPEN311.danzaoTown.id }),
  'grid/map': () => ({ townId: 'danzao' }),
  // 街坊议事, issue 21 second round: 西城社区's roster; 陈阿姨 stated 大果经济社 in the matrix's set-up.
  'resident/list': () => ({ placeId: 'dz-xicheng' }),
  'resident/verify': () => ({ openid: I.resident, kind: 'huji' }),
  'me/requestVerification': () => ({}),
  'topic/saveMeeting': ({ topicId }) => ({ id: topicId ?? 'tp-none', date: '2026-12-10T07:00:00Z', place: '西城社区党群服务中心', minutes: '到会居民赞成建小公园', attendance: 32 }),
  'town/topicSettings': () => ({}),
  'town/saveTopicSettings': () => ({ supportsNeeded: 15 }),
  // Admin (issue 19): the grid editor (in 丹灶镇: 新安第二经济社's grid has nobody on the roster) and the district's towns.
  'node/save': () => ({ id: 'dz-xicheng-daguo', name: '大果经济社', code: 'DG01' }),
  'node/retire': () => ({ id: 'dz-xinan-2-g' }),
  'grid/previewBoundaries': () => ({ geojson: { type: 'FeatureCollection', features: [] } }),
  'town/list': () => ({}),
  'town/save': () => ({ name: '狮山镇', code: 'shishan' }),
  'town/saveAdmins': () => ({ townId: 'danzao', admins: [{ phone: '13800000006', name: '丹灶镇管理员' }] }),
  // Admin (issue 19): 大果's team is 丹灶镇's.
  'team/archive': () => ({ teamId: DEMO_TEAMS.daguo }),
  'town/settings': () => ({}),
  // Issue 20, item 3 (h20b): the 大果 team's event; only its leader may flag.
  'event/flagPlace': () => ({ eventId: DEMO_EVENTS.daguoCleanup, description: '巷尾空地杂物堆积，需要整治' }),
  // Points (issue 20, h20p).
  'reward/recent': () => ({ nodeId: 'dz-xicheng-daguo' }),
  'roster/previewImport': () => ({ csv: 'openid,phone,name,role,node\n' }),
  'admin/attention': () => ({}),
  'event/upcoming': () => ({ placeId: 'dz-xicheng-daguo' }),
  'town/pointsSettings': () => ({ nodeId: 'danzao' }),
};

/** One demo identity per role the policy knows, plus a team leader (a resident who leads a team). */
export const PEOPLE_BY_ROLE = {
  resident: I.resident2,
  leader: I.daguoLeader,
  staff: I.xinanStaff,
  office: I.envOffice,
  admin: I.townAdmin,
  /** Another town's admin: the sample objects are 丹灶镇's. */
  otherTownAdmin: I.jiujiangAdmin,
  districtAdmin: I.districtAdmin,
} as const;
