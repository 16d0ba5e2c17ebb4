/**
 * The authorisation matrix, generated from the action map: every action × every kind of caller. A role
 * the policy table (core/policy.ts) does not list is refused with AUTH.FORBIDDEN and nothing is written;
 * an allowed role never meets an internal error. Then own vs other's object for the actions that read
 * or act on one person's things.
 */
import { ACTION_FUNCTION, type ActionName } from '../core/actions';
import { ACTION_POLICY } from '../core/policy';
import type { ConcernDetail } from '../core/views';
import { PEOPLE_BY_ROLE, SAMPLES } from './action-samples';
import { memberRef } from '../core/volunteers/volunteer-codes';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { rowCounts } from './store-snapshot';
import { GENEROUS_LIMITS } from './test-limits';
import { testClock } from './test-clock';

let rt: LocalRuntime;
let concernId: string;
let topicId: string;
beforeEach(async () => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
  concernId = ((await rt.router.call('concern', 'concern/submit', { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' }, I.resident)) as ConcernDetail).id;
  // 街坊议事 (yishi): 西城社区's committee opens a topic; 李叔 (the sample resident) has stated no place yet.
  const topic = { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '', options: ['停车场', '小公园', '保持原样'], deadline: '2026-12-20T10:00:00Z' };
  topicId = ((await rt.router.call('concern', 'topic/create', topic, I.xichengStaff)) as { id: string }).id;
  // 陈阿姨 (not among the sample callers) lives in 大果经济社: the sample resident a committee verifies.
  await rt.router.call('concern', 'me/setPlace', { placeId: 'dz-xicheng-daguo' }, I.resident);
});
afterEach(() => rt.close());

const outcome = (fn: string, action: string, data: unknown, openid: string) =>
  rt.router.call(fn, action, data, openid).then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? `thrown: ${String(e)}`,
  );

const ACTIONS = Object.keys(ACTION_FUNCTION) as ActionName[];
type Person = keyof typeof PEOPLE_BY_ROLE;
const F = 'AUTH.FORBIDDEN';
const N = 'CONCERN.NOT_FOUND';

/**
 * What each kind of caller gets for the sample input (SAMPLES); absent means success. Written out by
 * hand, so a change to who may do what shows up here. A new action fails to compile until it is listed.
 */
const EXPECTED: Readonly<Record<ActionName, Partial<Record<Person, string>>>> = {
  'me/profile': {},
  'me/export': {},
  // Residents may leave; staff accounts belong to the roster and a team leader must hand the team over first.
  'me/delete': { leader: 'ME.LEADS_TEAM', staff: 'ME.STAFF_ACCOUNT', office: 'ME.STAFF_ACCOUNT', admin: 'ME.STAFF_ACCOUNT' },
  'grid/tree': {},
  'grid/locate': {},
  // An empty file is not a valid import: the admin passes the policy and meets the validator.
  'grid/importBoundaries': { resident: F, leader: F, staff: F, office: F, admin: 'IMPORT.INVALID' },
  'roster/import': { resident: F, leader: F, staff: F, office: F, admin: 'IMPORT.INVALID' },
  'category/list': {},
  'concern/submit': {},
  'concern/listMine': {},
  // The concern is 陈阿姨's in 大果经济社: the lead office (co-handler) and the town admin may read it.
  // Another town's admin does not see 丹灶's concern at all.
  'concern/get': { resident: N, leader: N, staff: N, otherTownAdmin: N },
  'concern/inbox': { resident: F, leader: F },
  'concern/inboxCounts': { resident: F, leader: F },
  'concern/accept': { resident: F, leader: F, staff: N, admin: F },
  // Staff reply only after accepting (签收).
  'concern/reply': { resident: N, leader: N, staff: N, office: 'CONCERN.ILLEGAL_TRANSITION', admin: F, otherTownAdmin: N },
  'concern/resolve': { resident: F, leader: F, staff: N, office: 'CONCERN.ILLEGAL_TRANSITION', admin: F },
  'concern/rate': { resident: N, leader: N, staff: N, office: F, admin: F, otherTownAdmin: N },
  'concern/dispatch': { resident: F, leader: F, staff: N, office: F, admin: F },
  'concern/transfer': { resident: F, leader: F, staff: N, admin: F },
  'concern/return': { resident: F, leader: F, staff: N, admin: F },
  'concern/escalate': { resident: F, leader: F, staff: N, admin: F },
  'stats/rates': { resident: F, leader: F },
  'message/list': {},
  'message/markRead': {},
  'audit/list': { resident: F, leader: F, staff: F, office: F },
  // A file with no tickets is not a valid import.
  'concern/importHotline': { resident: F, leader: F, staff: F, office: F, admin: 'IMPORT.INVALID' },
  'export/concerns': { resident: F, leader: F },
  'export/rates': { resident: F, leader: F },
  // The board shows scrubbed cards to everyone; "+1" is open to anyone who may see the card.
  'board/list': {},
  'board/get': {},
  'concern/similar': {},
  'concern/plusOne': {},
  // A district admin names the town (`townId`); the sample does not.
  'town/replyTemplates': { resident: F, leader: F, districtAdmin: F },
  'town/setReplyTemplates': { resident: F, leader: F, staff: F, office: F, districtAdmin: F },
  'feedback/submit': {},
  'feedback/list': { resident: F, leader: F, staff: F, office: F },
  'moderation/list': { resident: F, leader: F, staff: F, office: F },
  // The sample concern passed the content check: there is nothing held to decide.
  'moderation/decide': { resident: F, leader: F, staff: F, office: F, admin: 'MODERATION.NOT_HELD' },
  // The sample concern is on 丹灶's public board: anyone may report its description.
  'moderation/report': {},
  'volunteer/mine': {},
  'volunteer/code': {},
  'team/list': {},
  'team/get': {},
  'team/apply': {},
  // Only the team's own leader (罗队长 of the 大果 team) reviews, marks 党员, creates and manages events.
  'team/review': { resident: F, staff: F, office: F, admin: F },
  'team/leave': { leader: 'TEAM.NOT_MEMBER', staff: 'TEAM.NOT_MEMBER', office: 'TEAM.NOT_MEMBER', admin: 'TEAM.NOT_MEMBER' },
  'team/setPartyMember': { resident: F, staff: F, office: F, admin: F },
  'event/create': { resident: F, staff: F, office: F, admin: F },
  'event/get': {},
  'event/signup': {},
  'event/cancel': { resident: 'EVENT.NOT_SIGNED_UP', leader: 'EVENT.NOT_SIGNED_UP', staff: 'EVENT.NOT_SIGNED_UP', office: 'EVENT.NOT_SIGNED_UP', admin: 'EVENT.NOT_SIGNED_UP' },
  'event/cancelEvent': { resident: F, staff: F, office: F, admin: F },
  'event/scan': { resident: 'EVENT.CODE_INVALID', leader: 'EVENT.CODE_INVALID', staff: 'EVENT.CODE_INVALID', office: 'EVENT.CODE_INVALID', admin: 'EVENT.CODE_INVALID' },
  'event/scanPerson': { resident: F, leader: 'EVENT.CODE_INVALID', staff: F, office: F, admin: F },
  // Only the team's own leader shows the event's check-in code: not even the town's admin.
  'event/checkinCode': { resident: F, staff: F, office: F, admin: F, otherTownAdmin: F, districtAdmin: F },
  // The team's leaders keep the record; the admin of the team's town reads and confirms it too.
  'event/attendance': { resident: F, staff: F, office: F, otherTownAdmin: F },
  'event/confirmHours': { resident: F, leader: 'EVENT.NOT_ENDED', staff: F, office: F, admin: 'EVENT.NOT_ENDED', otherTownAdmin: F },
  'event/exportCsv': { resident: F, staff: F, office: F, otherTownAdmin: F },
  'calendar/list': { resident: F, leader: F, staff: F, office: F },
  // The calendar serves every town: a town admin reads it, only a district admin enters it.
  'calendar/save': { resident: F, leader: F, staff: F, office: F, admin: F, districtAdmin: 'ok' },
  // --- 街坊议事 (yishi). The topic is 西城社区's; the sample callers: 李叔 and the office have no stated place, the
  // staff member serves 新安第一经济社 (another village), the leader's team is 大果经济社 (a cooperative of 西城), the
  // admins serve the town and the district (committee rights over every place below them).
  'me/setPlace': {},
  'topic/list': {},
  'topic/get': { otherTownAdmin: 'ok' },
  // Only the committee of 西城 (or a 街坊会 leader whose team is 西城's own, not a cooperative's) opens its topics.
  'topic/create': { resident: 'TOPIC.NOT_COMMITTEE', leader: 'TOPIC.NOT_COMMITTEE', staff: 'TOPIC.NOT_COMMITTEE', office: 'TOPIC.NOT_COMMITTEE', otherTownAdmin: 'TOPIC.NOT_COMMITTEE' },
  'topic/propose': { resident: 'TOPIC.NO_PLACE', leader: 'TOPIC.NO_PLACE', staff: 'TOPIC.NO_PLACE', office: 'TOPIC.NO_PLACE', admin: 'TOPIC.NO_PLACE' },
  'topic/support': { resident: 'TOPIC.WRONG_STAGE', leader: 'TOPIC.WRONG_STAGE', staff: 'TOPIC.WRONG_STAGE', office: 'TOPIC.WRONG_STAGE', admin: 'TOPIC.WRONG_STAGE' },
  'topic/vote': { resident: 'TOPIC.NO_PLACE', leader: 'TOPIC.NO_PLACE', staff: 'TOPIC.NO_PLACE', office: 'TOPIC.NO_PLACE', admin: 'TOPIC.NO_PLACE' },
  // The committee comments as 委员会答复; a resident without a place is asked to state it first.
  'topic/comment': { resident: 'TOPIC.NO_PLACE', leader: 'TOPIC.NO_PLACE', staff: 'TOPIC.NO_PLACE', office: 'TOPIC.NO_PLACE', otherTownAdmin: 'TOPIC.NO_PLACE' },
  'topic/decide': { resident: 'TOPIC.NOT_COMMITTEE', leader: 'TOPIC.NOT_COMMITTEE', staff: 'TOPIC.NOT_COMMITTEE', office: 'TOPIC.NOT_COMMITTEE', admin: 'TOPIC.WRONG_STAGE', otherTownAdmin: 'TOPIC.NOT_COMMITTEE' },
  'topic/answerProposal': { resident: 'TOPIC.NOT_COMMITTEE', leader: 'TOPIC.NOT_COMMITTEE', staff: 'TOPIC.NOT_COMMITTEE', office: 'TOPIC.NOT_COMMITTEE', admin: 'TOPIC.WRONG_STAGE', otherTownAdmin: 'TOPIC.NOT_COMMITTEE' },
  // Volunteer actions (issue 20). The sample concern is not accepted yet: its co-handling office meets that
  // rule; staff of another place do not see it. Only the event's team leader records a result (the demo
  // event serves no action); only a handler of an action's concerns resolves from it.
  'concern/startAction': { resident: F, leader: F, staff: N, office: 'ACTION.CONCERN_NOT_OPEN', admin: F },
  'event/recordResult': { resident: F, leader: 'ACTION.NOT_FOUND', staff: F, office: F, admin: F },
  'concern/resolveFromAction': { resident: F, leader: F, staff: 'ACTION.NOT_FOUND', office: 'ACTION.NOT_FOUND', admin: F },
  // Points (issue 20): the 大果 committee and 丹灶's admins manage 大果's points; staff of another place and
  // another town's admin do not. Nobody learns whether a reward or redemption of another place exists.
  'points/mine': {},
  'reward/list': {},
  'reward/save': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: F },
  'reward/redeem': { resident: 'REWARD.NOT_FOUND', leader: 'REWARD.NOT_FOUND', staff: 'REWARD.NOT_FOUND', office: 'REWARD.NOT_FOUND', admin: 'REWARD.NOT_FOUND' },
  'reward/handOver': { resident: F, leader: F, staff: F, office: F, admin: 'REDEMPTION.NOT_FOUND', otherTownAdmin: F },
  'reward/reverse': { resident: F, leader: F, staff: 'REDEMPTION.NOT_FOUND', office: F, admin: 'REDEMPTION.NOT_FOUND' },
  'village/savePointsSettings': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: F },
  // Issue 16: residents (and leaders, who are residents) set their contact; staff have theirs on the roster.
  'me/contact': {},
  // Issue 16, item 7: only the team's leader checks people in by hand; the sample names no sign-up of the event.
  'event/markAttendance': { resident: F, leader: 'EVENT.NOT_SIGNED_UP', staff: F, office: F, admin: F },
  'me/setContact': { staff: 'ME.STAFF_ACCOUNT', office: 'ME.STAFF_ACCOUNT', admin: 'ME.STAFF_ACCOUNT', otherTownAdmin: 'ME.STAFF_ACCOUNT', districtAdmin: 'ME.STAFF_ACCOUNT' },
  // Admin (issue 19): 丹灶镇's roster is its admin's and the district admin's; 九江镇's admin neither sees nor changes it.
  'roster/list': { resident: F, leader: F, staff: F, office: F },
  'roster/save': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'ROSTER.INVALID' },
  'roster/remove': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'ROSTER.NOT_FOUND' },
  // Without a townId the sample is the caller's own town: 九江镇's admin edits 九江镇's; the district admin must name one.
  'category/save': { resident: F, leader: F, staff: F, office: F, districtAdmin: 'CATEGORY.INVALID' },
  // The caller's own town; the district admin must name one.
  'town/saveSettings': { resident: F, leader: F, staff: F, office: F, districtAdmin: 'TOWN.SETTINGS_INVALID' },
  // The sample place and team are 丹灶镇's.
  'team/create': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'TEAM.PLACE_INVALID' },
  'team/saveLeaders': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'TEAM.NOT_FOUND' },
  // Residents following up (#17): only the reporter (陈阿姨, not among these callers) withdraws or chases.
  // Who may see the concern but did not report it is refused; whoever may not see it meets not found.
  'concern/withdraw': { resident: N, leader: N, staff: N, office: F, admin: F, otherTownAdmin: N },
  'concern/chase': { resident: N, leader: N, staff: N, office: F, admin: F, otherTownAdmin: N },
  // Admin (issue 19): Open311 clients. The sample names no towns: each admin's own town (a district admin names them).
  'apiClient/create': { resident: F, leader: F, staff: F, office: F, districtAdmin: 'APICLIENT.TOWN_INVALID' },
  'apiClient/list': { resident: F, leader: F, staff: F, office: F },
  'apiClient/revoke': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'APICLIENT.NOT_FOUND' },
  // Residents report on a map (#17): public, for everyone.
  'grid/map': {},
  // 街坊议事, issue 21 second round. 西城社区's roster is its committee's (the town's admins); 大果's 街坊会 leader
  // verifies 大果's residents (陈阿姨) but not 西城's roster; nobody else learns whether 陈阿姨 stated a place.
  'resident/list': { resident: 'TOPIC.NOT_COMMITTEE', leader: 'TOPIC.NOT_COMMITTEE', staff: 'TOPIC.NOT_COMMITTEE', office: 'TOPIC.NOT_COMMITTEE', otherTownAdmin: 'TOPIC.NOT_COMMITTEE' },
  'resident/verify': { resident: 'TOPIC.RESIDENT_NOT_FOUND', staff: 'TOPIC.RESIDENT_NOT_FOUND', office: 'TOPIC.RESIDENT_NOT_FOUND', otherTownAdmin: 'TOPIC.RESIDENT_NOT_FOUND' },
  // None of the sample callers stated a place.
  'me/requestVerification': { resident: 'TOPIC.NO_PLACE', leader: 'TOPIC.NO_PLACE', staff: 'TOPIC.NO_PLACE', office: 'TOPIC.NO_PLACE', admin: 'TOPIC.NO_PLACE' },
  'topic/saveMeeting': { resident: 'TOPIC.NOT_COMMITTEE', leader: 'TOPIC.NOT_COMMITTEE', staff: 'TOPIC.NOT_COMMITTEE', office: 'TOPIC.NOT_COMMITTEE', otherTownAdmin: 'TOPIC.NOT_COMMITTEE' },
  // The caller's own town; the district admin must name one.
  'town/topicSettings': { resident: F, leader: F, staff: F, office: F, districtAdmin: 'TOPIC.TOWN_INVALID' },
  'town/saveTopicSettings': { resident: F, leader: F, staff: F, office: F, districtAdmin: 'TOPIC.TOWN_INVALID' },
  // Admin (issue 19): the grid editor. 大果经济社 and its neighbour's grid are 丹灶镇's: another town's admin does not find them.
  'node/save': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'NODE.NOT_FOUND' },
  'node/retire': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'NODE.NOT_FOUND' },
  // An empty file previews as its problems (the import would refuse it), for any admin.
  'grid/previewBoundaries': { resident: F, leader: F, staff: F, office: F },
  'town/list': { resident: F, leader: F, staff: F, office: F },
  // Only the district admin creates towns and appoints their admins.
  'town/save': { resident: F, leader: F, staff: F, office: F, admin: F, otherTownAdmin: F, districtAdmin: 'ok' },
  'town/saveAdmins': { resident: F, leader: F, staff: F, office: F, admin: F, otherTownAdmin: F, districtAdmin: 'ok' },
  // Admin (issue 19): the sample team is 丹灶镇's; another town's admin does not find it.
  'team/archive': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: 'TEAM.NOT_FOUND' },
  // The caller's own town; the district admin must name one.
  'town/settings': { resident: F, leader: F, staff: F, office: F, districtAdmin: 'TOWN.SETTINGS_INVALID' },
  // Issue 20, item 3 (h20b): only a leader of the event's team flags a place.
  'event/flagPlace': { resident: F, staff: F, office: F, admin: F },
  // Points (issue 20, h20p): 大果's committee and 丹灶's admins see its redemptions; nobody else.
  'reward/recent': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: F },
  'roster/previewImport': { resident: F, leader: F, staff: F, office: F, admin: 'IMPORT.INVALID' },
  'admin/attention': { resident: F, leader: F, staff: F, office: F },
  'event/upcoming': {},
  // Points (issue 20, h20c): 丹灶's rates, read by the admins over 丹灶 only.
  'town/pointsSettings': { resident: F, leader: F, staff: F, office: F, otherTownAdmin: F },
};
/**
 * Another town's admin and the district admin get what the town admin gets (the sample objects are in
 * 丹灶镇), unless their row says otherwise: where their scope makes a difference, it is written out.
 */
function expected(action: ActionName, person: Person): string {
  const row = EXPECTED[action];
  const asAdmin = person === 'otherTownAdmin' || person === 'districtAdmin' ? row.admin : undefined;
  return row[person] ?? asAdmin ?? 'ok';
}
const cases = ACTIONS.flatMap((a) => Object.entries(PEOPLE_BY_ROLE).map(([role, openid]) => [a, role, openid] as const));

describe('every action × every kind of caller', () => {
  it('has a policy rule and a sample for every action', () => {
    for (const a of ACTIONS) expect([a, Boolean(ACTION_POLICY[a]), typeof SAMPLES[a]]).toEqual([a, true, 'function']);
  });

  it.each(cases)('%s as %s', async (action, role, openid) => {
    const caller = await rt.router.resolveCaller(openid);
    const before = rowCounts(rt.store.db);
    const got = await outcome(ACTION_FUNCTION[action], action, SAMPLES[action]({ concernId, topicId, memberId: memberRef(rt.deps, `${DEMO_TEAMS.daguo}_${I.resident2}`) }), openid);
    expect(got).toBe(expected(action, role as Person));
    // The policy table and the outcome agree: a role it does not list is refused before anything runs.
    if (!ACTION_POLICY[action].roles.includes(caller.role)) expect(got).toBe('AUTH.FORBIDDEN');
    // A refusal writes nothing anywhere.
    if (got !== 'ok') expect(rowCounts(rt.store.db)).toEqual(before);
  });
});

describe("own vs other's object", () => {
  const table: Array<[what: string, fn: string, action: string, data: () => Record<string, unknown>, owner: string, other: string, refusal: string]> = [
    ['a concern, read', 'concern', 'concern/get', () => ({ id: concernId }), I.resident, I.resident2, 'CONCERN.NOT_FOUND'],
    ['a concern, commented on', 'concern', 'concern/reply', () => ({ id: concernId, text: '补充' }), I.resident, I.resident2, 'CONCERN.NOT_FOUND'],
    ['a concern, withdrawn', 'concern', 'concern/withdraw', () => ({ id: concernId, reason: '已自行解决' }), I.resident, I.resident2, 'CONCERN.NOT_FOUND'],
    ['a concern, handled', 'concern', 'concern/accept', () => ({ id: concernId }), I.daguoChair, I.xinanStaff, 'CONCERN.NOT_FOUND'],
    ["a team's attendance", 'volunteer', 'event/attendance', () => ({ id: DEMO_EVENTS.daguoCleanup }), I.daguoLeader, I.dungenLeader, 'AUTH.FORBIDDEN'],
    ["a team's event, cancelled", 'volunteer', 'event/cancelEvent', () => ({ id: DEMO_EVENTS.daguoCleanup, reason: '台风' }), I.daguoLeader, I.dungenLeader, 'AUTH.FORBIDDEN'],
  ];

  it.each(table)('%s: the owner may, another is refused and nothing is written', async (_what, fn, action, data, owner, other, refusal) => {
    const before = rowCounts(rt.store.db);
    expect(await outcome(fn, action, data(), other)).toBe(refusal);
    expect(rowCounts(rt.store.db)).toEqual(before);
    expect(await outcome(fn, action, data(), owner)).toBe('ok');
  });

  it("never shows another person's in-app messages, nor marks them read", async () => {
    await rt.deliverNotifications();
    const staffMsgs = (await rt.router.call('concern', 'message/list', {}, I.daguoChair)) as { items: Array<{ id: string }> };
    expect(staffMsgs.items.length).toBeGreaterThan(0);
    const mine = (await rt.router.call('concern', 'message/list', {}, I.resident2)) as { items: unknown[] };
    expect(mine.items).toEqual([]);
    const marked = (await rt.router.call('concern', 'message/markRead', { ids: staffMsgs.items.map((m) => m.id) }, I.resident2)) as { changed: number };
    expect(marked.changed).toBe(0);
  });
});

describe('feedback per town (the admin scope of adminTowns)', () => {
  // 陈阿姨's latest report is in 丹灶镇 (beforeEach); 敦根's team leader works in 九江镇.
  const file = async () => {
    await rt.router.call('concern', 'feedback/submit', { text: '丹灶镇居民的意见' }, I.resident);
    await rt.router.call('concern', 'feedback/submit', { text: '九江镇队长的意见' }, I.dungenLeader);
  };
  const seen = async (openid: string) =>
    ((await rt.router.call('concern', 'feedback/list', {}, openid)) as { items: Array<{ text: string }> }).items.map((f) => f.text).sort();

  it.each([
    ['the town admin of 丹灶镇', I.townAdmin, ['丹灶镇居民的意见']],
    ['the town admin of 九江镇', I.jiujiangAdmin, ['九江镇队长的意见']],
    ['the district admin', I.districtAdmin, ['丹灶镇居民的意见', '九江镇队长的意见'].sort()],
  ])('%s reads the feedback of their own town(s) only', async (_who, openid, texts) => {
    await file();
    expect(await seen(openid)).toEqual(texts);
  });

  it.each([
    ['a resident', I.resident],
    ['staff', I.daguoChair],
    ['an office', I.envOffice],
    ['a team leader', I.dungenLeader],
  ])('%s reads no feedback at all, and the refusal writes nothing', async (_who, openid) => {
    await file();
    const before = rowCounts(rt.store.db);
    expect(await outcome('concern', 'feedback/list', {}, openid)).toBe(F);
    expect(rowCounts(rt.store.db)).toEqual(before);
  });
});
