/** Content security: flagged text is held for the town admin, never dropped, never shown to others. */
import { HELD_TEXT } from '../core/trust/content';
import { memberRef, signUpRef } from '../core/volunteers/volunteer-codes';
import type { AttendanceView, ConcernDetail, ConcernSummary, EventDetail, ModerationItem, Page, TeamDetail } from '../core/views';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';

let rt: LocalRuntime;
beforeEach(() => {
  // A clock that ticks a second per reading, so "newest first" never depends on two writes' millisecond.
  let t = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', rateLimits: GENEROUS_LIMITS, now: () => new Date((t += 1000)) });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const AD = '路灯坏了，修灯请加微信 abc123';

describe('held content', () => {
  it("keeps a flagged description for its author, the concern's handlers (marked held, so they act) and the moderator, and out of the notices", async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: AD, placeId: 'dz-xicheng-daguo' });
    expect(c).toMatchObject({ description: AD, moderation: 'held' });
    expect(await call(I.daguoChair, 'concern/get', { id: c.id })).toMatchObject({ description: AD, moderation: 'held', moves: expect.arrayContaining(['accept']) });
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox');
    expect(inbox.items.find((i) => i.id === c.id)).toMatchObject({ description: AD, moderation: 'held' });
    expect((await call(I.townAdmin, 'concern/get', { id: c.id })).description).toBe(AD);
    await expect(call(I.resident2, 'concern/get', { id: c.id })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    // The notice to the committee does not carry the held text.
    const bodies = rt.store.db.prepare('SELECT body FROM outbox').pluck().all() as string[];
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.some((b) => b.includes('加微信'))).toBe(false);
  });

  it("holds a flagged reply instead of dropping it, shows it to the concern's handlers marked held, and keeps it out of the timeline", async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    const replied = await call(I.resident, 'concern/reply', { id: c.id, text: '有事私聊我' });
    expect(replied.thread.map((m) => [m.text, m.moderation])).toEqual([['有事私聊我', 'held']]);
    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen.thread.map((m) => [m.text, m.moderation])).toEqual([['有事私聊我', 'held']]);
    expect(seen.timeline.some((e) => (e.note ?? '').includes('私聊'))).toBe(false);
    // A handler's held reply reaches the resident as the placeholder only.
    await call(I.daguoChair, 'concern/reply', { id: c.id, text: '请加微信 abc123 联系' });
    expect((await call(I.resident, 'concern/get', { id: c.id })).thread.map((m) => m.text)).toEqual(['有事私聊我', HELD_TEXT]);
  });

  it.each([
    ['concern/submit', () => ({ category: 'road', description: '路灯坏了，推荐一个赌博网站', placeId: 'dz-xicheng-daguo' })],
    ['concern/reply', (id: string) => ({ id, text: '推荐一个赌博网站' })],
    ['concern/rate', (id: string) => ({ id, rating: 'satisfied', comment: '代开发票找我' })],
    ['feedback/submit', () => ({ text: '网络刷单日赚三百' })],
  ] as const)('refuses risky text at %s with CONTENT.RISKY and its reason, storing nothing', async (action, input) => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已修好' });
    const before = await call(I.resident, 'concern/get', { id: c.id });
    await expect(call(I.resident, action, input(c.id))).rejects.toMatchObject({ code: 'CONTENT.RISKY', details: { label: 'word_list' } });
    expect(await call(I.resident, 'concern/get', { id: c.id })).toEqual(before);
    expect((await call<Page<ConcernSummary>>(I.resident, 'concern/listMine')).items.map((x) => x.id)).toEqual([c.id]);
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM feedback').pluck().get()).toBe(0);
    expect((await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items).toEqual([]);
  });

  it('keeps a flagged rating comment as a held message while the rating stands', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已修好' });
    const rated = await call(I.resident, 'concern/rate', { id: c.id, rating: 'satisfied', comment: '有事私聊我' });
    expect(rated.status).toBe('closed');
    expect(rated.rating).toMatchObject({ value: 'satisfied', comment: null });
    expect(rated.thread.find((m) => m.moderation === 'held')?.text).toBe('有事私聊我');
  });

  it.each([
    ['concern/transfer', (id: string) => ({ id, nodeId: 'dz-xinan-1', reason: '不归我们管，有事私聊' }), '转派原因：不归我们管，有事私聊'],
    ['concern/escalate', (id: string) => ({ id, reason: '需要镇里协调，加我微信' }), '上报原因：需要镇里协调，加我微信'],
    ['concern/return', (id: string) => ({ id, reason: '不在本社范围，私聊说明' }), '退回原因：不在本社范围，私聊说明'],
  ] as const)("moves a concern by %s with a held reason, keeping the reason out of the route, the timeline and the notices", async (action, input, kept) => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    const moved = await call(I.daguoChair, action, input(c.id));
    expect(moved.route.reason).not.toMatch(/私聊|微信/);
    expect(moved.timeline.some((e) => /私聊|微信/.test(e.note ?? ''))).toBe(false);
    expect(moved.thread.map((m) => [m.text, m.moderation])).toEqual([[kept, 'held']]);
    expect((await call(I.resident, 'concern/get', { id: c.id })).thread.map((m) => m.text)).toEqual([HELD_TEXT]);
    const bodies = rt.store.db.prepare('SELECT body FROM outbox').pluck().all() as string[];
    expect(bodies.some((b) => /私聊|微信/.test(b))).toBe(false);
    expect((await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items.map((h) => [h.kind, h.text])).toEqual([['message', kept]]);
  });

  it("cannot decide another town's held text, which stays held", async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: AD, placeId: 'jj-dungen' });
    expect(c.route.townId).toBe('jiujiang');
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'concern', id: c.id, decision: 'publish' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect((await rt.store.concerns.get(c.id))?.moderation).toBe('held');
    expect((await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items).toEqual([]);
  });

  it('lets the town admin publish or reject each held item; the text is kept either way', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: AD, placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.resident, 'concern/reply', { id: c.id, text: '无抵押贷款了解一下' });
    const held = await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list');
    expect(held.items.map((h) => [h.kind, h.text])).toEqual([
      ['concern', AD],
      ['message', '无抵押贷款了解一下'],
    ]);
    await expect(call(I.daguoChair, 'moderation/list')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });

    await call(I.townAdmin, 'moderation/decide', { kind: 'concern', id: c.id, decision: 'publish' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'message', id: held.items[1].id, decision: 'reject' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'concern', id: c.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });

    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen).toMatchObject({ description: AD, moderation: 'published' });
    // The rejected message is kept: its author and the concern's handlers still see it, marked rejected.
    expect(seen.thread.map((m) => [m.text, m.moderation])).toEqual([['无抵押贷款了解一下', 'rejected']]);
    expect(rt.store.db.prepare(`SELECT text, moderation FROM concern_messages`).all()).toEqual([{ text: '无抵押贷款了解一下', moderation: 'rejected' }]);
    expect((await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items).toEqual([]);
  });
});

describe('feedback about the app (投诉建议)', () => {
  it('is stored with its content check and read by admins only, newest first', async () => {
    await call(I.resident, 'feedback/submit', { text: '字太小了，老人家看不清', contact: '13900000001' });
    await call(I.resident2, 'feedback/submit', { text: '加我微信领红包' });
    // Residents who never reported: the district's feedback, read by the district admin.
    const list = await call<Page<{ text: string; moderation: string; contact: string | null }>>(I.districtAdmin, 'feedback/list');
    expect(list.items.map((f) => [f.text, f.moderation, f.contact])).toEqual([
      ['加我微信领红包', 'held', null],
      ['字太小了，老人家看不清', 'published', '13900000001'],
    ]);
    await expect(call(I.resident, 'feedback/list')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});

describe('volunteer texts', () => {
  const vcall = <T = EventDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('volunteer', action, data, openid) as Promise<T>;
  const outbox = (kind: string) => rt.store.db.prepare(`SELECT recipient_openid AS "to", body FROM outbox WHERE kind = ? ORDER BY rowid`).all(kind) as Array<{ to: string; body: string }>;
  const draft = (over: Record<string, unknown> = {}) => ({
    teamId: DEMO_TEAMS.daguo,
    title: '河涌边清理',
    description: '',
    place: '大果祠堂',
    startAt: '2026-12-05T01:00:00.000Z',
    endAt: '2026-12-05T03:00:00.000Z',
    capacity: 10,
    waitlist: false,
    openTo: 'all',
    ...over,
  });
  const held = async () => (await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items;

  it('holds an event with flagged texts: only its leaders and the moderator see it, and nobody signs up until it is published', async () => {
    const e = await vcall(I.daguoLeader, 'event/create', draft({ description: '报名请加微信 abc123' }));
    expect(e).toMatchObject({ moderation: 'held', signupBlocked: 'EVENT.UNDER_REVIEW', iLead: true });
    // To a resident it does not exist: not listed, not readable, no sign-up (the same code as a missing event).
    const team = await vcall<TeamDetail>(I.resident, 'team/get', { id: DEMO_TEAMS.daguo });
    expect(team.events.map((x) => x.id)).not.toContain(e.id);
    await expect(vcall(I.resident, 'event/get', { id: e.id })).rejects.toMatchObject({ code: 'EVENT.NOT_FOUND' });
    await expect(vcall(I.resident, 'event/signup', { eventId: e.id })).rejects.toMatchObject({ code: 'EVENT.NOT_FOUND' });
    await expect(vcall(I.daguoLeader, 'event/signup', { eventId: e.id })).rejects.toMatchObject({ code: 'EVENT.UNDER_REVIEW' });
    expect((await vcall<TeamDetail>(I.daguoLeader, 'team/get', { id: DEMO_TEAMS.daguo })).events.find((x) => x.id === e.id)?.moderation).toBe('held');
    expect(await vcall(I.townAdmin, 'event/get', { id: e.id })).toMatchObject({ description: '报名请加微信 abc123', moderation: 'held' });

    expect(await held()).toEqual([{ kind: 'event', id: e.id, text: '河涌边清理\n大果祠堂\n报名请加微信 abc123', at: expect.any(String), townId: 'danzao', subject: { kind: 'event', id: e.id } }]);
    await call(I.townAdmin, 'moderation/decide', { kind: 'event', id: e.id, decision: 'publish' });
    expect(outbox('event_reviewed')).toEqual([{ to: I.daguoLeader, body: expect.stringContaining('已通过内容审核') }]);
    expect(await held()).toEqual([]);
    expect(await vcall(I.resident, 'event/get', { id: e.id })).toMatchObject({ moderation: 'published', signupBlocked: null });
    expect(await vcall(I.resident, 'event/signup', { eventId: e.id })).toEqual({ status: 'signed', position: null });
  });

  it('refuses an event with risky texts at create, storing nothing', async () => {
    await expect(vcall(I.daguoLeader, 'event/create', draft({ title: '网络刷单培训' }))).rejects.toMatchObject({ code: 'CONTENT.RISKY' });
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM vol_events WHERE title = ?').pluck().get('网络刷单培训')).toBe(0);
  });

  it('keeps a rejected event hidden from residents, tells its leader, and never decides it twice', async () => {
    const e = await vcall(I.daguoLeader, 'event/create', draft({ title: '无抵押贷款培训' }));
    await call(I.townAdmin, 'moderation/decide', { kind: 'event', id: e.id, decision: 'reject' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'event', id: e.id, decision: 'publish' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect(outbox('event_reviewed')).toEqual([{ to: I.daguoLeader, body: expect.stringContaining('未通过内容审核') }]);
    await expect(vcall(I.resident, 'event/get', { id: e.id })).rejects.toMatchObject({ code: 'EVENT.NOT_FOUND' });
    expect(await vcall(I.daguoLeader, 'event/get', { id: e.id })).toMatchObject({ title: '无抵押贷款培训', moderation: 'rejected', signupBlocked: 'EVENT.UNDER_REVIEW' });
    // The text is kept: the leader can still call it off.
    expect(await vcall(I.daguoLeader, 'event/cancelEvent', { id: e.id, reason: '内容需调整' })).toEqual({ notified: 0 });
  });

  it('tells people an event is off without a held reason, and shows the reason once published', async () => {
    const e = await vcall(I.daguoLeader, 'event/create', draft());
    await vcall(I.resident, 'event/signup', { eventId: e.id });
    expect(await vcall(I.daguoLeader, 'event/cancelEvent', { id: e.id, reason: '改期了，详情私聊队长' })).toEqual({ notified: 1 });
    const told = outbox('event_cancelled');
    expect(told).toEqual([{ to: I.resident, body: expect.stringMatching(/已取消。$/) }]);
    expect(told[0].body).not.toContain('私聊');
    expect(await vcall(I.resident, 'event/get', { id: e.id })).toMatchObject({ status: 'cancelled', cancelReason: HELD_TEXT, cancelModeration: 'held' });
    expect(await vcall(I.daguoLeader, 'event/get', { id: e.id })).toMatchObject({ cancelReason: '改期了，详情私聊队长' });

    const [item] = await held();
    expect(item).toMatchObject({ kind: 'cancelReason', id: e.id, text: '改期了，详情私聊队长', subject: { kind: 'event', id: e.id } });
    await call(I.townAdmin, 'moderation/decide', { kind: 'cancelReason', id: e.id, decision: 'publish' });
    expect(await vcall(I.resident, 'event/get', { id: e.id })).toMatchObject({ cancelReason: '改期了，详情私聊队长', cancelModeration: 'published' });
    expect(outbox('event_reviewed')).toEqual([]);
  });

  it('shows an application note to the team leaders only, and a held note only once published', async () => {
    await vcall(I.resident, 'team/apply', { teamId: DEMO_TEAMS.daguo, note: '周末有空，加我微信聊' });
    const [notice] = outbox('team_applied');
    expect(notice).toEqual({ to: I.daguoLeader, body: expect.stringContaining('留言正在审核') });
    expect(notice.body).not.toContain('微信');
    const mine = `${DEMO_TEAMS.daguo}_${I.resident}`;
    const noteSeen = async (openid: string) => (await vcall<TeamDetail>(openid, 'team/get', { id: DEMO_TEAMS.daguo })).members.find((m) => m.id === memberRef(rt.deps, mine))?.note;
    expect(await noteSeen(I.daguoLeader)).toBe(HELD_TEXT);

    expect(await held()).toEqual([expect.objectContaining({ kind: 'application', id: mine, text: '周末有空，加我微信聊', subject: { kind: 'team', id: DEMO_TEAMS.daguo } })]);
    await call(I.townAdmin, 'moderation/decide', { kind: 'application', id: mine, decision: 'publish' });
    expect(await noteSeen(I.daguoLeader)).toBe('周末有空，加我微信聊');

    // Once a member, the note is still the leaders' alone: other members see the member without it.
    await vcall(I.daguoLeader, 'team/review', { teamId: DEMO_TEAMS.daguo, memberId: memberRef(rt.deps, mine), decision: 'approve' });
    const asOthersSee = (await vcall<TeamDetail>(I.resident2, 'team/get', { id: DEMO_TEAMS.daguo })).members.find((m) => m.name === '陈阿姨');
    expect(asOthersSee).toMatchObject({ status: 'member', note: null, partyMember: null });
    // Another member is not handed an id that carries the person's openid.
    expect(asOthersSee?.id).not.toContain(I.resident);
    // A note that passes the check reaches the leader in the notice itself.
    await vcall(I.resident2, 'team/apply', { teamId: DEMO_TEAMS.dungen, note: '会开车，可以接送长者' });
    expect(outbox('team_applied')[1]).toEqual({ to: I.dungenLeader, body: expect.stringContaining('：会开车，可以接送长者') });
  });

  it("lists and decides only the moderator's own town's volunteer texts", async () => {
    const e = await vcall(I.dungenLeader, 'event/create', draft({ teamId: DEMO_TEAMS.dungen, title: '无抵押贷款讲座' }));
    expect(e.moderation).toBe('held');
    expect(await held()).toEqual([]);
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'event', id: e.id, decision: 'publish' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'application', id: `${DEMO_TEAMS.dungen}_${I.resident}`, decision: 'publish' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect((await rt.store.events.getEvent(e.id))?.moderation).toBe('held');
  });
});

describe("a leader's reason for correcting hours", () => {
  it('is held for the moderator while the corrected hours stand; other leaders see a placeholder until it is published', async () => {
    // An event that has ended: created in the past through the store, with one signed place.
    const vcall = <T,>(openid: string, action: string, data: unknown) => rt.router.call('volunteer', action, data, openid) as Promise<T>;
    const ev = { ...(await rt.store.events.getEvent(DEMO_EVENTS.daguoCleanup))!, id: 'ev-ended-1', startAt: '2026-11-29T01:00:00.000Z', endAt: '2026-11-29T03:00:00.000Z', signupDeadline: '2026-11-29T00:00:00.000Z', signedCount: 0, waitlistCount: 0 };
    await rt.store.events.createEvent(ev);
    await rt.store.events.signUp(ev.id, { openid: I.resident2, name: '李叔' }, null, '2026-11-28T00:00:00.000Z');
    const signUpId = signUpRef(rt.deps, `${ev.id}_${I.resident2}`);
    const view = await vcall<AttendanceView>(I.daguoLeader, 'event/confirmHours', { eventId: ev.id, entries: [{ signUpId, minutes: 60, reason: '提前走了，细节私聊' }] });
    expect(view.rows[0].confirmedMinutes).toBe(60);
    expect(view.audit.map((a) => [a.reason, a.reasonModeration])).toEqual([['提前走了，细节私聊', 'held']]);
    // A co-leader of the team sees the entry but not the held words.
    rt.store.db.prepare(`INSERT INTO vol_team_leaders (team_id, openid, name) VALUES (?, ?, '副队长')`).run(DEMO_TEAMS.daguo, I.resident);
    expect((await vcall<AttendanceView>(I.resident, 'event/attendance', { id: ev.id })).audit.map((a) => a.reason)).toEqual([HELD_TEXT]);

    const [item] = (await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items;
    expect(item).toMatchObject({ kind: 'hoursReason', text: '提前走了，细节私聊', townId: 'danzao', subject: { kind: 'event', id: ev.id } });
    await call(I.townAdmin, 'moderation/decide', { kind: 'hoursReason', id: item.id, decision: 'publish' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'hoursReason', id: item.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect((await vcall<AttendanceView>(I.resident, 'event/attendance', { id: ev.id })).audit.map((a) => a.reason)).toEqual(['提前走了，细节私聊']);
  });
});
