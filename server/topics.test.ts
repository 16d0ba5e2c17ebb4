/**
 * 街坊议事 (yishi) through the router, on both stores: SQLite (the local runtime) and CloudBase (the cloud
 * runtime on the wire fake), each with the test's clock. A committee opens a topic with three options; the
 * place's residents comment and vote, one of another village is refused; a proposal collects its supports
 * and is accepted; at the deadline the SLA job publishes the counts, the committee's decision follows and
 * the concern it created stays linked. 200 residents vote at once and every vote is counted.
 */
import type { ConcernDetail } from '../core/views';
import type { PlaceView, TopicDetail, TopicSummary } from '../core/topics/topic-views';
import { runSlaJob } from '../core/concerns/sla-job';
import type { Deps } from '../core/ports';
import type { Router } from '../core/router';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { DEMO_IDENTITIES as I, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { createLocalRuntime } from './local-runtime';
import { useCloudFunctions, useWechatPassing } from './test-cloud-function';
import { testClock, type TestClock } from './test-clock';
import { GENEROUS_LIMITS } from './test-limits';

interface Env {
  router: Router;
  deps: Deps;
  clock: TestClock;
}

const OUTSIDER = 'demo-resident-xinan-zhao';
const DAY = 86_400_000;

function describeTopics(name: string, setup: (clock: TestClock) => Promise<Env>, after: () => Promise<void> = async () => {}): void {
  describe(`街坊议事 on ${name}`, () => {
    let env: Env;
    beforeEach(async () => {
      env = await setup(testClock('2026-12-01T02:00:00.000Z'));
      env.deps.rateLimits = GENEROUS_LIMITS;
      env.deps.topicSupports = { danzao: 2 };
    });
    afterEach(after);
    const call = <T>(openid: string, action: string, data: unknown = {}) => env.router.call('concern', action, data, openid) as Promise<T>;
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e as { code?: string }).code ?? String(e));
    const deadline = () => new Date(env.clock.now().getTime() + 3 * DAY).toISOString();

    async function places() {
      await call<PlaceView>(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      await call<PlaceView>(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
      await call<PlaceView>(OUTSIDER, 'me/setPlace', { placeId: 'dz-xinan-1' });
    }

    it('runs a topic from opening to a published decision with a linked concern', async () => {
      await places();
      const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '空地约两亩，三个方案', options: ['停车场', '小公园', '保持原样'], deadline: deadline() });
      expect(t).toMatchObject({ stage: 'open', canManage: true, hasVote: true, options: [{ id: 'o1', label: '停车场', count: null }, { id: 'o2' }, { id: 'o3' }] });
      // Residents of the village and of its cooperative see it, open first; the other village's do not.
      expect((await call<{ items: TopicSummary[] }>(I.resident, 'topic/list')).items.map((x) => x.id)).toEqual([t.id]);
      expect((await call<{ items: TopicSummary[] }>(OUTSIDER, 'topic/list')).items).toEqual([]);
      // Notices went to the place's residents only.
      const opened = await env.deps.store.topics.residentsOf(['dz-xicheng', 'dz-xicheng-daguo']);
      expect(opened.sort()).toEqual([I.resident, I.resident2].sort());

      const c = await call<{ id: string; official: boolean }>(I.resident, 'topic/comment', { id: t.id, text: '建议做小公园，老人小孩都能用' });
      const reply = await call<{ official: boolean; parentId: string }>(I.xichengStaff, 'topic/comment', { id: t.id, text: '委员会会把大家的意见汇总', parentId: c.id });
      expect(reply).toMatchObject({ official: true, parentId: c.id });
      expect(await code(call(OUTSIDER, 'topic/comment', { id: t.id, text: '我也想说两句' }))).toBe('TOPIC.NOT_RESIDENT');
      expect(await code(call(I.resident2, 'topic/comment', { id: t.id, text: '回复', parentId: 'tc-missing' }))).toBe('TOPIC.COMMENT_NOT_FOUND');

      expect(await call(I.resident, 'topic/vote', { id: t.id, optionId: 'o1' })).toEqual({ optionId: 'o1', outcome: 'new' });
      expect(await call(I.resident, 'topic/vote', { id: t.id, optionId: 'o2' })).toEqual({ optionId: 'o2', outcome: 'changed' });
      expect(await call(I.resident2, 'topic/vote', { id: t.id, optionId: 'o2' })).toEqual({ optionId: 'o2', outcome: 'new' });
      expect(await code(call(OUTSIDER, 'topic/vote', { id: t.id, optionId: 'o1' }))).toBe('TOPIC.NOT_RESIDENT');
      expect(await code(call(I.daguoChair, 'topic/vote', { id: t.id, optionId: 'o1' }))).toBe('TOPIC.NO_PLACE');
      expect(await code(call(I.resident, 'topic/vote', { id: t.id, optionId: 'o7' }))).toBe('TOPIC.OPTION_UNKNOWN');
      // Counts stay hidden until the deadline; one's own vote is shown.
      expect(await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).toMatchObject({ myVote: 'o2', result: null, takePart: null });
      expect(await code(call(I.xichengStaff, 'topic/decide', { id: t.id, decision: '建小公园', reasons: '多数赞成' }))).toBe('TOPIC.WRONG_STAGE');

      // The deadline passes: no more votes, and the SLA job publishes the counts.
      env.clock.advance(3 * DAY + 1000);
      expect(await code(call(I.resident2, 'topic/vote', { id: t.id, optionId: 'o1' }))).toBe('TOPIC.CLOSED');
      const report = await runSlaJob(env.deps, env.router.directory, env.deps.now());
      expect(report.topicsClosed).toBe(0); // the refused vote above already closed it on read
      const closed = await call<TopicDetail>(OUTSIDER, 'topic/get', { id: t.id });
      expect(closed).toMatchObject({ stage: 'closed', takePart: 'TOPIC.CLOSED', result: { turnout: 2, counts: { o1: 0, o2: 2, o3: 0 }, decision: null } });

      const decided = await call<TopicDetail>(I.xichengStaff, 'topic/decide', {
        id: t.id,
        decision: '建设村口小公园',
        reasons: '投票中小公园得票最多，委员会同意实施',
        concerns: [{ category: 'public_space', description: '按议事结果在村口空地建设小公园' }],
      });
      expect(decided.stage).toBe('decided');
      expect(decided.result).toMatchObject({ decision: '建设村口小公园', decidedByName: '吴委员', concerns: [{ id: expect.any(String), status: expect.any(String) }] });
      const concernId = decided.result?.concerns[0].id ?? '';
      // The concern is a real one, routed to the village's handlers, who see where it came from.
      expect(await call<ConcernDetail>(I.xichengStaff, 'concern/get', { id: concernId })).toMatchObject({ id: concernId, description: '按议事结果在村口空地建设小公园' });
      // Residents see what became of it from the topic.
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).result?.concerns).toEqual(decided.result?.concerns);
      expect(await code(call(I.xichengStaff, 'topic/decide', { id: t.id, decision: '再议', reasons: '再议' }))).toBe('TOPIC.WRONG_STAGE');
      const kinds = (await env.deps.store.outbox.claimDue(env.deps.now().toISOString(), env.deps.now().toISOString(), 100)).map((n) => `${n.kind}:${n.recipientOpenid}`);
      expect(kinds).toEqual(expect.arrayContaining([`topic_opened:${I.resident}`, `topic_opened:${I.resident2}`, `topic_decided:${I.resident}`, `topic_decided:${I.resident2}`]));
      expect(kinds.filter((k) => k.endsWith(OUTSIDER))).toEqual([]);
    });

    it('takes a proposal through its supports to the committee, which accepts it into 议事', async () => {
      await places();
      await call(I.daguoGridWorker, 'me/setPlace', { placeId: 'dz-xicheng-2' });
      const p = await call<TopicDetail>(I.resident, 'topic/propose', { title: '祠堂前增设路灯', background: '晚上很黑，老人出行不便' });
      expect(p).toMatchObject({ stage: 'collecting', origin: 'proposal', placeId: 'dz-xicheng-daguo', supportsNeeded: 2, supportCount: 0 });
      expect(await code(call(I.resident, 'topic/support', { id: p.id }))).toBe('TOPIC.OWN_PROPOSAL');
      // 西城第二经济社 is another cooperative: its residents do not support 大果's proposal.
      expect(await code(call(I.daguoGridWorker, 'topic/support', { id: p.id }))).toBe('TOPIC.NOT_RESIDENT');
      expect(await code(call(I.xichengStaff, 'topic/answerProposal', { id: p.id, accept: true, reason: '同意', deadline: deadline() }))).toBe('ok');
      // Answered already: a second answer changes nothing.
      expect(await code(call(I.xichengStaff, 'topic/answerProposal', { id: p.id, accept: false, reason: '不同意' }))).toBe('TOPIC.WRONG_STAGE');

      const q = await call<TopicDetail>(I.resident, 'topic/propose', { title: '河涌边加护栏', background: '' });
      await call(I.daguoLeader, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      expect(await call(I.daguoLeader, 'topic/support', { id: q.id })).toEqual({ count: 1, stage: 'collecting', added: true });
      expect(await call(I.daguoLeader, 'topic/support', { id: q.id })).toEqual({ count: 1, stage: 'collecting', added: false });
      expect(await code(call(I.resident2, 'topic/support', { id: q.id }))).toBe('TOPIC.NOT_RESIDENT');
      await call(I.daguoChair, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      expect(await call(I.daguoChair, 'topic/support', { id: q.id })).toEqual({ count: 2, stage: 'awaiting_answer', added: true });
      const waiting = await call<TopicDetail>(I.resident, 'topic/get', { id: q.id });
      expect(waiting).toMatchObject({ stage: 'awaiting_answer', supportCount: 2, answerOverdue: false, answerDueAt: expect.any(String) });
      expect(await code(call(I.resident2, 'topic/answerProposal', { id: q.id, accept: true, reason: '好', deadline: deadline() }))).toBe('TOPIC.NOT_COMMITTEE');
      expect(await code(call(I.xichengStaff, 'topic/answerProposal', { id: q.id, accept: true, reason: '好', deadline: '2020-01-01T00:00:00Z' }))).toBe('TOPIC.INVALID_DEADLINE');
      const accepted = await call<TopicDetail>(I.daguoChair, 'topic/answerProposal', { id: q.id, accept: true, reason: '纳入本月议事', deadline: deadline(), options: ['装护栏', '种绿篱'] });
      expect(accepted).toMatchObject({ stage: 'open', answer: { accepted: true, reason: '纳入本月议事', byName: '黄社长' }, options: [{ id: 'o1', label: '装护栏' }, { id: 'o2', label: '种绿篱' }] });
      expect(await call(I.daguoLeader, 'topic/vote', { id: q.id, optionId: 'o1' })).toEqual({ optionId: 'o1', outcome: 'new' });
      const answered = (await env.deps.store.outbox.claimDue(env.deps.now().toISOString(), env.deps.now().toISOString(), 100)).filter((n) => n.kind === 'topic_answered');
      expect(answered.map((n) => n.recipientOpenid)).toEqual([I.resident, I.resident]);
    });

    it('lets a resident state their place once and change it after 90 days; a place must be a village or cooperative', async () => {
      const first = await call<PlaceView>(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      expect(first).toMatchObject({ placeId: 'dz-xicheng-daguo', placeName: '丹灶镇 · 西城社区 · 大果经济社' });
      expect(await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' })).toEqual(first);
      expect(await code(call(I.resident, 'me/setPlace', { placeId: 'dz-xinan-1' }))).toBe('TOPIC.PLACE_LOCKED');
      expect(await code(call(I.resident, 'me/setPlace', { placeId: 'danzao' }))).toBe('GRID.PLACE_NOT_FOUND');
      expect(await code(call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo-g' }))).toBe('GRID.PLACE_NOT_FOUND');
      expect((await env.deps.store.topics.getPlace(I.resident))?.placeId).toBe('dz-xicheng-daguo');
      env.clock.set(first.changeableFrom);
      expect(await call(I.resident, 'me/setPlace', { placeId: 'dz-xinan-1' })).toMatchObject({ placeId: 'dz-xinan-1' });
    });

    it('counts 200 residents voting at once exactly', async () => {
      const people = Array.from({ length: 200 }, (_, i) => `crowd-${String(i).padStart(3, '0')}`);
      for (const p of people) await call(p, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      const t = await call<TopicDetail>(I.daguoChair, 'topic/create', { placeId: 'dz-xicheng-daguo', title: '分红方案', background: '', options: ['方案一', '方案二', '方案三'], deadline: deadline() });
      const results = await Promise.all(people.map((p, i) => call<{ outcome: string }>(p, 'topic/vote', { id: t.id, optionId: `o${(i % 3) + 1}` })));
      expect(results.every((r) => r.outcome === 'new')).toBe(true);
      env.clock.advance(3 * DAY + 1000);
      expect((await runSlaJob(env.deps, env.router.directory, env.deps.now())).topicsClosed).toBe(1);
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).result).toMatchObject({ turnout: 200, counts: { o1: 67, o2: 67, o3: 66 } });
    }, 60_000);

    it('takes votes of verified residents only on a topic that requires them; the committee verifies from its roster or on request', async () => {
      await places();
      const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '集体土地出租方案', background: '', options: ['出租', '不出租'], deadline: deadline(), requireVerified: true });
      expect(t.requireVerified).toBe(true);
      expect(await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).toMatchObject({ takePart: null, mustVerify: true });
      expect(await code(call(I.resident, 'topic/vote', { id: t.id, optionId: 'o1' }))).toBe('TOPIC.NOT_VERIFIED');
      // Comments stay open to every resident of the place.
      expect(await code(call(I.resident, 'topic/comment', { id: t.id, text: '租金要公开' }))).toBe('ok');
      // 陈阿姨 asks; the request leads the committee's roster.
      expect(await call<PlaceView>(I.resident, 'me/requestVerification')).toMatchObject({ verified: null, verifyRequestedAt: expect.any(String) });
      const roster = await call<{ items: Array<{ openid: string; verifyRequestedAt: string | null; verified: string | null }> }>(I.xichengStaff, 'resident/list', { placeId: 'dz-xicheng' });
      expect(roster.items.map((r) => r.openid)).toEqual([I.resident, I.resident2]);
      expect(roster.items[0].verifyRequestedAt).not.toBeNull();
      expect((await call<{ items: unknown[] }>(I.xichengStaff, 'resident/list', { placeId: 'dz-xicheng', query: '不存在的名字' })).items).toEqual([]);
      expect(await code(call(I.xichengStaff, 'resident/list', { placeId: 'dz-xinan' }))).toBe('TOPIC.NOT_COMMITTEE');
      // Another village's committee does not learn that 陈阿姨 stated a place.
      expect(await code(call(I.xinanStaff, 'resident/verify', { openid: I.resident, kind: 'huji' }))).toBe('TOPIC.RESIDENT_NOT_FOUND');
      expect(await code(call(I.xichengStaff, 'resident/verify', { openid: 'nobody-here', kind: 'huji' }))).toBe('TOPIC.RESIDENT_NOT_FOUND');
      expect(await call(I.xichengStaff, 'resident/verify', { openid: I.resident, kind: 'huji' })).toMatchObject({ openid: I.resident, verified: 'huji', verifiedByName: '吴委员', verifyRequestedAt: null });
      expect(await call(I.resident, 'topic/vote', { id: t.id, optionId: 'o1' })).toEqual({ optionId: 'o1', outcome: 'new' });
      expect(await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).toMatchObject({ mustVerify: false, myVote: 'o1' });
      expect(await code(call(I.resident2, 'topic/vote', { id: t.id, optionId: 'o2' }))).toBe('TOPIC.NOT_VERIFIED');
      // The mark taken away, the next vote is refused; the vote cast stays counted.
      await call(I.xichengStaff, 'resident/verify', { openid: I.resident, kind: 'none' });
      expect(await code(call(I.resident, 'topic/vote', { id: t.id, optionId: 'o2' }))).toBe('TOPIC.NOT_VERIFIED');
      expect(await env.deps.store.topics.myVote(t.id, I.resident)).toBe('o1');
      // A topic without the rule takes every resident's vote.
      const open = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '春节活动', background: '', options: ['舞狮', '粤剧'], deadline: deadline() });
      expect(open).toMatchObject({ requireVerified: false, mustVerify: false });
      expect(await code(call(I.resident2, 'topic/vote', { id: open.id, optionId: 'o2' }))).toBe('ok');
    });

    it('refuses a vote at exactly the deadline and after it, before any job has settled the topic', async () => {
      await places();
      const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '路灯位置', background: '', options: ['祠堂前', '村口'], deadline: deadline() });
      // (The test clock moves 1 ms on every read: a call reads it a few times.)
      env.clock.set(new Date(Date.parse(t.deadline ?? '') - 100).toISOString());
      expect(await code(call(I.resident, 'topic/vote', { id: t.id, optionId: 'o1' }))).toBe('ok');
      // The clock's next read is the deadline itself.
      env.clock.set(t.deadline ?? '');
      expect(await env.deps.store.topics.get(t.id)).toMatchObject({ stage: 'open' });
      expect(await code(call(I.resident2, 'topic/vote', { id: t.id, optionId: 'o2' }))).toBe('TOPIC.CLOSED');
      env.clock.advance(60_000);
      expect(await code(call(I.resident, 'topic/vote', { id: t.id, optionId: 'o2' }))).toBe('TOPIC.CLOSED');
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).result).toMatchObject({ turnout: 1, counts: { o1: 1, o2: 0 } });
    });

    it('attaches 议事会 meetings to a topic, shown on its page; only its committee records them', async () => {
      await places();
      const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '', options: ['停车场', '小公园'], deadline: deadline() });
      expect(t.meetings).toEqual([]);
      const meeting = { id: t.id, date: '2026-12-03T07:30:00Z', place: '西城社区党群服务中心', minutes: '到会居民多数赞成建小公园', attendance: 32 };
      const saved = await call<TopicDetail>(I.xichengStaff, 'topic/saveMeeting', meeting);
      expect(saved.meetings).toEqual([{ id: 'm1', date: '2026-12-03T07:30:00.000Z', place: '西城社区党群服务中心', minutes: '到会居民多数赞成建小公园', underReview: false, attendance: 32, savedAt: expect.any(String), savedByName: '吴委员' }]);
      expect(await code(call(I.resident, 'topic/saveMeeting', meeting))).toBe('TOPIC.NOT_COMMITTEE');
      expect(await code(call(I.xinanStaff, 'topic/saveMeeting', meeting))).toBe('TOPIC.NOT_COMMITTEE');
      expect(await code(call(I.xichengStaff, 'topic/saveMeeting', { ...meeting, meetingId: 'm9' }))).toBe('TOPIC.MEETING_NOT_FOUND');
      expect(await code(call(I.xichengStaff, 'topic/saveMeeting', { ...meeting, attendance: -1 }))).toBe('VALIDATION.FAILED');
      await call(I.xichengStaff, 'topic/saveMeeting', { ...meeting, date: '2026-12-04T07:30:00Z', attendance: 40 });
      const fixed = await call<TopicDetail>(I.xichengStaff, 'topic/saveMeeting', { ...meeting, meetingId: 'm1', attendance: 35 });
      expect(fixed.meetings.map((m) => [m.id, m.attendance])).toEqual([['m1', 35], ['m2', 40]]);
      expect((await call<TopicDetail>(OUTSIDER, 'topic/get', { id: t.id })).meetings.map((m) => m.place)).toEqual(['西城社区党群服务中心', '西城社区党群服务中心']);
      const p = await call<TopicDetail>(I.resident, 'topic/propose', { title: '增设路灯', background: '' });
      expect(await code(call(I.xichengStaff, 'topic/saveMeeting', { ...meeting, id: p.id }))).toBe('TOPIC.WRONG_STAGE');
    });

    it("exports a resident's 议事 data, and on delete keeps the counts but not the person", async () => {
      await places();
      const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '', options: ['停车场', '小公园'], deadline: deadline() });
      await call(I.resident, 'topic/vote', { id: t.id, optionId: 'o2' });
      await call(I.resident2, 'topic/vote', { id: t.id, optionId: 'o2' });
      await call(I.resident, 'topic/comment', { id: t.id, text: '建议做小公园' });
      const p = await call<TopicDetail>(I.resident, 'topic/propose', { title: '祠堂前增设路灯', background: '晚上很黑' });
      await call(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
      await call(I.daguoChair, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      await call(I.daguoChair, 'topic/support', { id: p.id });
      const q = await call<TopicDetail>(I.daguoChair, 'topic/propose', { title: '河涌边加护栏', background: '' });
      await call(I.resident, 'topic/support', { id: q.id });
      const exported = await call<{ yishi: Record<string, unknown> }>(I.resident, 'me/export');
      expect(exported.yishi).toEqual({
        place: expect.objectContaining({ placeId: 'dz-xicheng-daguo', verified: null }),
        topics: [expect.objectContaining({ id: p.id, title: '祠堂前增设路灯', background: '晚上很黑', stage: 'collecting', underReview: false })],
        comments: [expect.objectContaining({ topicId: t.id, topicTitle: '村口空地怎么用', text: '建议做小公园' })],
        votes: [expect.objectContaining({ topicId: t.id, topicTitle: '村口空地怎么用', optionId: 'o2', optionLabel: '小公园' })],
        supports: [expect.objectContaining({ topicId: q.id, topicTitle: '河涌边加护栏' })],
      });
      // Another person's export holds none of it.
      expect((await call<{ yishi: { comments: unknown[]; topics: unknown[] } }>(I.resident2, 'me/export')).yishi).toMatchObject({ comments: [], topics: [] });

      await call(I.resident, 'me/delete', { confirm: true });
      const data = await env.deps.store.topics.personData(I.resident);
      expect(data).toEqual({ topics: [], comments: [], votes: [], supports: [] });
      env.clock.advance(3 * DAY + 1000);
      const closed = await call<TopicDetail>(I.resident2, 'topic/get', { id: t.id });
      expect(closed.result).toMatchObject({ turnout: 2, counts: { o1: 0, o2: 2 } });
      expect(closed.comments).toEqual([expect.objectContaining({ text: '建议做小公园', authorName: '' })]);
      expect(await call<TopicDetail>(I.daguoChair, 'topic/get', { id: q.id })).toMatchObject({ supportCount: 1 });
      expect((await call<TopicDetail>(I.daguoChair, 'topic/get', { id: p.id })).authorName).toBe('');
    });

    it('takes a 举报 of a comment to the town moderators, who take it down: kept for its author, gone for the rest', async () => {
      await places();
      const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '', options: [], deadline: deadline() });
      const c = await call<{ id: string }>(I.resident, 'topic/comment', { id: t.id, text: '隔壁老王家占了空地' });
      expect(await call(I.resident2, 'moderation/report', { topicCommentId: c.id, reason: 'privacy' })).toEqual({ status: 'reported' });
      expect(await call(I.resident2, 'moderation/report', { topicCommentId: c.id, reason: 'privacy' })).toEqual({ status: 'already' });
      expect(await code(call(I.resident2, 'moderation/report', { topicCommentId: 'tc-missing', reason: 'privacy' }))).toBe('TOPIC.COMMENT_NOT_FOUND');
      // Another town's admin does not see it in their queue, nor decide it.
      type Items = { items: Array<{ kind: string; id: string; text: string; subject: { kind: string; id: string } }> };
      expect((await call<Items>(I.jiujiangAdmin, 'moderation/list')).items.filter((i) => i.id === c.id)).toEqual([]);
      expect(await code(call(I.jiujiangAdmin, 'moderation/decide', { kind: 'reportedTopicComment', id: c.id, decision: 'reject' }))).toBe('MODERATION.NOT_HELD');
      const queued = (await call<Items>(I.townAdmin, 'moderation/list')).items.filter((i) => i.id === c.id);
      expect(queued).toEqual([expect.objectContaining({ kind: 'reportedTopicComment', text: '隔壁老王家占了空地', subject: { kind: 'topic', id: t.id }, reports: { count: 1, reasons: ['privacy'] } })]);
      expect(await call(I.townAdmin, 'moderation/decide', { kind: 'reportedTopicComment', id: c.id, decision: 'reject' })).toEqual({ decided: true });
      expect(await code(call(I.townAdmin, 'moderation/decide', { kind: 'reportedTopicComment', id: c.id, decision: 'reject' }))).toBe('MODERATION.NOT_HELD');
      expect((await call<TopicDetail>(I.resident2, 'topic/get', { id: t.id })).comments).toEqual([]);
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).comments).toEqual([expect.objectContaining({ id: c.id, underReview: true, text: '隔壁老王家占了空地' })]);
      const told = await call<{ items: Array<{ kind: string; page: string }> }>(I.resident, 'message/list');
      expect(told.items.filter((m) => m.kind === 'content_removed')).toEqual([expect.objectContaining({ page: `/yishi/pages/topic/index?id=${t.id}` })]);
    });

    it('hands a concern of the decision to a volunteer team of the place; the topic shows its status and how far the action got', async () => {
      await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      const t = await call<TopicDetail>(I.daguoChair, 'topic/create', { placeId: 'dz-xicheng-daguo', title: '河涌边垃圾怎么清', background: '河涌边杂物多，请街坊们议一议', options: ['请志愿服务队清理', '请保洁公司'], deadline: deadline() });
      expect(t.teams).toEqual([]);
      await call(I.resident, 'topic/vote', { id: t.id, optionId: 'o1' });
      env.clock.advance(3 * DAY + 1000);
      const closed = await call<TopicDetail>(I.daguoChair, 'topic/get', { id: t.id });
      expect(closed.teams).toEqual([{ id: DEMO_TEAMS.daguo, name: '大果党群清洁志愿服务队' }]);
      // Residents are offered no team list.
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).teams).toEqual([]);
      const decision = (teamId: string) => ({ id: t.id, decision: '请志愿服务队清理河涌边', reasons: '多数街坊选择志愿服务队', concerns: [{ category: 'public_space', description: '按议事结果清理河涌边的垃圾杂物', teamId }] });
      const counts = await call(I.daguoChair, 'concern/inboxCounts');
      // Refused before anything is written: another village's team, a team that does not exist, a 街坊会 leader who handles no concern.
      expect(await code(call(I.daguoChair, 'topic/decide', decision(DEMO_TEAMS.dungen)))).toBe('ACTION.TEAM_ELSEWHERE');
      expect(await code(call(I.daguoChair, 'topic/decide', decision('team-missing')))).toBe('TEAM.NOT_FOUND');
      expect(await code(call(I.daguoLeader, 'topic/decide', decision(DEMO_TEAMS.daguo)))).toBe('TOPIC.ACTION_NOT_HANDLER');
      expect(await call(I.daguoChair, 'concern/inboxCounts')).toEqual(counts);
      expect((await env.deps.store.topics.get(t.id))?.stage).toBe('closed');

      const decided = await call<TopicDetail>(I.daguoChair, 'topic/decide', decision(DEMO_TEAMS.daguo));
      const [link] = decided.result?.concerns ?? [];
      expect(link).toMatchObject({ status: 'accepted', categoryName: expect.any(String), action: { status: 'draft', teamName: '大果党群清洁志愿服务队' } });
      // The team's leader has the draft to schedule; the concern's handlers see the action on it.
      const team = (await env.router.call('volunteer', 'team/get', { id: DEMO_TEAMS.daguo }, I.daguoLeader)) as { actions: Array<{ status: string; concernIds: string[] }> };
      expect(team.actions.filter((a) => a.concernIds.includes(link.id)).map((a) => a.status)).toEqual(['draft']);
      expect(await call<ConcernDetail>(I.daguoChair, 'concern/get', { id: link.id })).toMatchObject({ status: 'accepted', volunteerAction: { status: 'draft' } });
      // Residents follow it from the topic: the team, never a volunteer.
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: t.id })).result?.concerns).toEqual([link]);
      expect((await env.deps.store.outbox.claimDue(env.deps.now().toISOString(), env.deps.now().toISOString(), 100)).filter((n) => n.kind === 'action_started').map((n) => n.recipientOpenid)).toEqual([I.daguoLeader]);
    });

    it("asks a proposal for the supports the town admin set, and keeps each proposal's number", async () => {
      await places();
      expect(await call(I.townAdmin, 'town/topicSettings')).toEqual({ townId: 'danzao', supportsNeeded: 2 });
      expect(await code(call(I.townAdmin, 'town/saveTopicSettings', { supportsNeeded: 0 }))).toBe('VALIDATION.FAILED');
      expect(await code(call(I.jiujiangAdmin, 'town/saveTopicSettings', { townId: 'danzao', supportsNeeded: 1 }))).toBe('AUTH.FORBIDDEN');
      const before = await call<TopicDetail>(I.resident, 'topic/propose', { title: '增设路灯', background: '' });
      expect(await call(I.townAdmin, 'town/saveTopicSettings', { supportsNeeded: 30 })).toEqual({ townId: 'danzao', supportsNeeded: 30 });
      expect(await call(I.districtAdmin, 'town/topicSettings', { townId: 'danzao' })).toEqual({ townId: 'danzao', supportsNeeded: 30 });
      expect((await call<TopicDetail>(I.resident, 'topic/propose', { title: '河涌加护栏', background: '' })).supportsNeeded).toBe(30);
      expect((await call<TopicDetail>(I.resident, 'topic/get', { id: before.id })).supportsNeeded).toBe(2);
      // Another town keeps its own number.
      expect(await call(I.jiujiangAdmin, 'town/topicSettings')).toEqual({ townId: 'jiujiang', supportsNeeded: 10 });
    });
  });
}

let closeLocal: (() => Promise<void>) | null = null;
describeTopics(
  'SQLite',
  async (clock) => {
    const rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS });
    closeLocal = () => rt.close();
    return { router: rt.router, deps: rt.deps, clock };
  },
  async () => {
    await closeLocal?.();
  },
);

describe('on CloudBase', () => {
  const cloud = useCloudFunctions();
  useWechatPassing();
  describeTopics('CloudBase (wire fake)', async (clock) => {
    const rt = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
    await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(new Date('2026-11-30T00:00:00.000Z'), (id) => `secret-${id}`));
    return { router: rt.router, deps: rt.deps, clock };
  });
});

describe('held text in 街坊议事 (SQLite, the local word list)', () => {
  const clock = testClock('2026-12-01T02:00:00.000Z');
  const rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS });
  afterAll(() => rt.close());
  const call = <T>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
  const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e as { code?: string }).code ?? String(e));

  it('shows a held comment and a held proposal to their author and the town moderators only, and sends no notice of them', async () => {
    await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
    await call(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
    const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '', options: [], deadline: '2026-12-05T02:00:00.000Z' });
    expect(t.hasVote).toBe(false);
    await expect(call(I.resident, 'topic/vote', { id: t.id, optionId: 'o1' })).rejects.toMatchObject({ code: 'TOPIC.NO_VOTE' });
    const held = await call<{ id: string; underReview: boolean; text: string }>(I.resident, 'topic/comment', { id: t.id, text: '有意见加微信 abc123 私聊' });
    expect(held).toMatchObject({ underReview: true, text: '有意见加微信 abc123 私聊' });
    const seen = async (who: string) => (await call<TopicDetail>(who, 'topic/get', { id: t.id })).comments.map((c) => c.text);
    expect(await seen(I.resident)).toEqual(['有意见加微信 abc123 私聊']);
    expect(await seen(I.townAdmin)).toEqual(['有意见加微信 abc123 私聊']);
    expect(await seen(I.resident2)).toEqual(['（该内容正在审核，审核通过后显示）']);
    expect(await seen(I.jiujiangAdmin)).toEqual(['（该内容正在审核，审核通过后显示）']);

    const p = await call<TopicDetail>(I.resident, 'topic/propose', { title: '加微信领补贴', background: '' });
    expect(p.underReview).toBe(true);
    await expect(call(I.resident2, 'topic/get', { id: p.id })).rejects.toMatchObject({ code: 'TOPIC.NOT_FOUND' });
    expect((await call<{ items: TopicSummary[] }>(I.resident2, 'topic/list')).items.map((x) => x.id)).toEqual([t.id]);
    expect((await call<TopicDetail>(I.townAdmin, 'topic/get', { id: p.id })).title).toBe('加微信领补贴');
    const bodies = rt.store.db.prepare(`SELECT body FROM outbox WHERE kind LIKE 'topic_%'`).pluck().all() as string[];
    expect(bodies.join('\n')).not.toContain('微信');
  });

  it('lists held topic texts and comments in 内容审核 for the town moderators, who publish or reject them', async () => {
    await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
    await call(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
    const t = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '河涌整治', background: '', options: [], deadline: '2026-12-05T02:00:00.000Z' });
    const c = await call<{ id: string }>(I.resident, 'topic/comment', { id: t.id, text: '想了解加微信 abc123' });
    const p = await call<TopicDetail>(I.resident, 'topic/propose', { title: '加微信领补贴', background: '' });
    type Items = { items: Array<{ kind: string; id: string; subject: { kind: string; id: string } }> };
    const mine = (items: Items['items']) => items.filter((i) => i.id === c.id || i.id === p.id).map((i) => [i.kind, i.id, i.subject.kind]);
    expect(mine((await call<Items>(I.townAdmin, 'moderation/list')).items).sort()).toEqual([['topic', p.id, 'topic'], ['topicComment', c.id, 'topic']].sort());
    expect(mine((await call<Items>(I.jiujiangAdmin, 'moderation/list')).items)).toEqual([]);
    expect(await code(call(I.jiujiangAdmin, 'moderation/decide', { kind: 'topicComment', id: c.id, decision: 'publish' }))).toBe('MODERATION.NOT_HELD');
    expect(await call(I.townAdmin, 'moderation/decide', { kind: 'topicComment', id: c.id, decision: 'publish' })).toEqual({ decided: true });
    expect((await call<TopicDetail>(I.resident2, 'topic/get', { id: t.id })).comments.map((x) => x.text)).toEqual(['想了解加微信 abc123']);
    expect(await call(I.townAdmin, 'moderation/decide', { kind: 'topic', id: p.id, decision: 'reject' })).toEqual({ decided: true });
    expect(await code(call(I.townAdmin, 'moderation/decide', { kind: 'topic', id: p.id, decision: 'publish' }))).toBe('MODERATION.NOT_HELD');
    await expect(call(I.resident2, 'topic/get', { id: p.id })).rejects.toMatchObject({ code: 'TOPIC.NOT_FOUND' });
    expect(mine((await call<Items>(I.townAdmin, 'moderation/list')).items)).toEqual([]);
  });

  it("holds the committee's own texts (answer, decision and reasons, minutes) from residents and notices until a moderator of the town publishes them", async () => {
    await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
    await call(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
    rt.deps.topicSupports = { danzao: 1 };
    const p = await call<TopicDetail>(I.resident, 'topic/propose', { title: '祠堂前增设路灯', background: '晚上很黑' });
    const answered = await call<TopicDetail>(I.xichengStaff, 'topic/answerProposal', { id: p.id, accept: true, reason: '详情加微信 abc123 了解', deadline: '2026-12-04T02:00:00.000Z', options: ['太阳能路灯', '市电路灯'] });
    expect(answered.answer?.reason).toBe('详情加微信 abc123 了解');
    await call(I.xichengStaff, 'topic/saveMeeting', { id: p.id, date: '2026-12-02T11:30:00.000Z', place: '村党群服务中心', minutes: '会后加微信 abc123 报名', attendance: 30 });
    await call(I.resident, 'topic/vote', { id: p.id, optionId: 'o1' });
    clock.advance(3 * 86_400_000);
    await call(I.xichengStaff, 'topic/decide', { id: p.id, decision: '安装太阳能路灯', reasons: '施工队请加微信 abc123' });
    const seen = async (who: string) => {
      const t = await call<TopicDetail>(who, 'topic/get', { id: p.id });
      return [t.answer?.reason, t.result?.decision, t.result?.reasons, t.meetings[0].minutes, t.meetings[0].place];
    };
    const HELD = '（该内容正在审核，审核通过后显示）';
    const full = ['详情加微信 abc123 了解', '安装太阳能路灯', '施工队请加微信 abc123', '会后加微信 abc123 报名', '村党群服务中心'];
    expect(await seen(I.xichengStaff)).toEqual(full);
    expect(await seen(I.townAdmin)).toEqual(full);
    expect(await seen(I.resident)).toEqual([HELD, HELD, HELD, HELD, '']);
    expect(await seen(I.jiujiangAdmin)).toEqual([HELD, HELD, HELD, HELD, '']);
    // No notice carries them.
    const bodies = rt.store.db.prepare(`SELECT body FROM outbox WHERE kind LIKE 'topic_%'`).pluck().all() as string[];
    expect(bodies.join('\n')).not.toContain('微信');
    const decidedNotices = () => rt.store.db.prepare(`SELECT recipient_openid FROM outbox WHERE kind = 'topic_decided' AND page LIKE ?`).pluck().all(`%${p.id}`) as string[];
    expect(decidedNotices()).toEqual([]);

    type Items = { items: Array<{ kind: string; id: string; text: string; subject: { kind: string; id: string } }> };
    const ours = async (who: string) => (await call<Items>(who, 'moderation/list')).items.filter((i) => i.subject.id === p.id).map((i) => [i.kind, i.id]);
    expect((await ours(I.townAdmin)).sort()).toEqual([['topicAnswer', p.id], ['topicDecision', p.id], ['topicMinutes', `${p.id}_m1`]].sort());
    expect(await ours(I.jiujiangAdmin)).toEqual([]);
    expect(await code(call(I.jiujiangAdmin, 'moderation/decide', { kind: 'topicDecision', id: p.id, decision: 'publish' }))).toBe('MODERATION.NOT_HELD');
    expect(await code(call(I.townAdmin, 'moderation/decide', { kind: 'topicMinutes', id: `${p.id}_m9`, decision: 'publish' }))).toBe('MODERATION.NOT_HELD');
    expect(await call(I.townAdmin, 'moderation/decide', { kind: 'topicDecision', id: p.id, decision: 'publish' })).toEqual({ decided: true });
    // Published, the decision is announced to the place's residents.
    expect(decidedNotices()).toEqual([I.resident]);
    expect(await call(I.townAdmin, 'moderation/decide', { kind: 'topicAnswer', id: p.id, decision: 'publish' })).toEqual({ decided: true });
    expect(await call(I.townAdmin, 'moderation/decide', { kind: 'topicMinutes', id: `${p.id}_m1`, decision: 'reject' })).toEqual({ decided: true });
    expect(await code(call(I.townAdmin, 'moderation/decide', { kind: 'topicAnswer', id: p.id, decision: 'reject' }))).toBe('MODERATION.NOT_HELD');
    expect(await seen(I.resident)).toEqual(['详情加微信 abc123 了解', '安装太阳能路灯', '施工队请加微信 abc123', HELD, '']);
    expect(await seen(I.xichengStaff)).toEqual(full);
    expect(await ours(I.townAdmin)).toEqual([]);
    expect((await rt.store.topics.get(p.id))?.committeeHeld).toBe(false);
  });

  it("announces a committee's topic held at its opening once a moderator publishes it, and a rejected one never", async () => {
    await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
    const opened = (id: string) => rt.store.db.prepare(`SELECT recipient_openid FROM outbox WHERE kind = 'topic_opened' AND page LIKE ?`).pluck().all(`%${id}`) as string[];
    const deadline = new Date(clock.now().getTime() + 3 * 86_400_000).toISOString();
    const held = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '报名加微信 abc123', background: '', options: [], deadline });
    const other = await call<TopicDetail>(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '领补贴加微信 abc123', background: '', options: [], deadline });
    expect([held.underReview, opened(held.id), opened(other.id)]).toEqual([true, [], []]);
    await call(I.townAdmin, 'moderation/decide', { kind: 'topic', id: held.id, decision: 'publish' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'topic', id: other.id, decision: 'reject' });
    expect(opened(held.id)).toEqual(expect.arrayContaining([I.resident]));
    expect(opened(other.id)).toEqual([]);
  });
});
