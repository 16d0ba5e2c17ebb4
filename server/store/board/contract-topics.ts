/**
 * Contract cases for 街坊议事 (yishi): topics changed only at the version read, listed per place and found
 * when due; comments oldest first; one support and one vote per person and topic, counted exactly when 200
 * people vote at once; residents' stated places. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import type { Topic, TopicComment } from '../../../core/topics/topic-model';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at, uid } from '../contract-fixtures';

export function topic(over: Partial<Topic> = {}): Topic {
  return {
    id: uid('tp'),
    townId: 'danzao',
    placeId: 'dz-xicheng',
    title: '村口空地怎么用',
    background: '空地约两亩',
    options: [
      { id: 'o1', label: '停车场' },
      { id: 'o2', label: '小公园' },
      { id: 'o3', label: '保持原样' },
    ],
    origin: 'committee',
    authorOpenid: I.xichengStaff,
    authorName: '吴委员',
    moderation: 'published',
    stage: 'open',
    supportsNeeded: 0,
    supportCount: 0,
    answerDueAt: null,
    answer: null,
    deadline: at(3600),
    result: null,
    createdAt: at(0),
    updatedAt: at(0),
    version: 1,
    ...over,
  };
}

function comment(topicId: string, over: Partial<TopicComment> = {}): TopicComment {
  return { id: uid('tc'), topicId, townId: 'danzao', parentId: null, authorOpenid: I.resident, authorName: '陈阿姨', official: false, text: '建议做小公园', moderation: 'published', at: at(1), ...over };
}

export function describeTopicContract(current: () => Store): void {
  describe('街坊议事 topics', () => {
    it('stores a topic as given and changes it only at the version read, bumping the version', async () => {
      const { topics } = current();
      const t = topic();
      await topics.create(t);
      expect(await topics.get(t.id)).toEqual(t);
      expect(await topics.get('tp-missing')).toBeNull();
      const result = { turnout: 2, counts: { o1: 1, o2: 1, o3: 0 }, closedAt: at(3600), decision: null, reasons: null, decidedAt: null, decidedByName: null, decisionModeration: null, concernIds: [] };
      const closed = await topics.update(t.id, 1, { stage: 'closed', result, updatedAt: at(3600) });
      expect(closed).toEqual({ ...t, stage: 'closed', result, updatedAt: at(3600), version: 2 });
      // A second writer that read version 1 changes nothing.
      expect(await topics.update(t.id, 1, { stage: 'decided' })).toBeNull();
      expect(await topics.update('tp-missing', 1, { stage: 'decided' })).toBeNull();
      expect(await topics.get(t.id)).toEqual(closed);
    });

    it('lists the topics of the given places, most recently updated first, and finds open ones past their deadline', async () => {
      const { topics } = current();
      const a = topic({ updatedAt: at(1), deadline: at(10) });
      const b = topic({ placeId: 'dz-xicheng-daguo', updatedAt: at(3), deadline: at(5) });
      const c = topic({ placeId: 'dz-xinan', updatedAt: at(2), deadline: at(1) });
      const proposal = topic({ stage: 'collecting', deadline: null, updatedAt: at(4) });
      const done = topic({ stage: 'closed', deadline: at(2), updatedAt: at(0) });
      for (const t of [a, b, c, proposal, done]) await topics.create(t);
      expect((await topics.listByPlaces(['dz-xicheng', 'dz-xicheng-daguo'], 10)).map((t) => t.id)).toEqual([proposal.id, b.id, a.id, done.id]);
      expect((await topics.listByPlaces(['dz-xicheng', 'dz-xicheng-daguo'], 2)).map((t) => t.id)).toEqual([proposal.id, b.id]);
      expect(await topics.listByPlaces([], 10)).toEqual([]);
      expect((await topics.dueToClose(at(5), 10)).map((t) => t.id)).toEqual([c.id, b.id]);
      expect((await topics.dueToClose(at(60), 1)).map((t) => t.id)).toEqual([c.id]);
      expect(await topics.dueToClose(at(0), 10)).toEqual([]);
    });

    it("keeps a topic's comments and replies oldest first, apart from other topics'", async () => {
      const { topics } = current();
      const t = topic();
      const other = topic();
      await topics.create(t);
      await topics.create(other);
      const first = comment(t.id, { at: at(1) });
      const reply = comment(t.id, { parentId: first.id, official: true, authorOpenid: I.xichengStaff, authorName: '吴委员', text: '委员会会考虑', at: at(3) });
      const held = comment(t.id, { moderation: 'held', text: '加微信 abc123', at: at(2) });
      for (const c of [reply, first, held, comment(other.id)]) await topics.addComment(c);
      expect(await topics.comments(t.id)).toEqual([first, held, reply]);
      expect(await topics.comments('tp-missing')).toEqual([]);
    });

    it('records one support per person and proposal, and counts them', async () => {
      const { topics } = current();
      const t = topic({ stage: 'collecting', origin: 'proposal' });
      await topics.create(t);
      expect(await topics.supports(t.id, I.resident)).toEqual({ count: 0, mine: false });
      expect(await topics.support(t.id, I.resident, at(1))).toBe(true);
      expect(await topics.support(t.id, I.resident, at(2))).toBe(false);
      expect(await topics.support(t.id, I.resident2, at(3))).toBe(true);
      expect(await topics.supports(t.id, I.resident)).toEqual({ count: 2, mine: true });
      expect(await topics.supports(t.id, I.daguoChair)).toEqual({ count: 2, mine: false });
    });

    it('keeps one vote per person and topic, changeable, and tells a first vote from a change and a repeat', async () => {
      const { topics } = current();
      const t = topic();
      await topics.create(t);
      expect(await topics.tally(t.id)).toEqual({ turnout: 0, counts: {} });
      expect(await topics.vote({ topicId: t.id, openid: I.resident, optionId: 'o1', at: at(1) })).toBe('new');
      expect(await topics.vote({ topicId: t.id, openid: I.resident, optionId: 'o1', at: at(2) })).toBe('same');
      expect(await topics.vote({ topicId: t.id, openid: I.resident, optionId: 'o2', at: at(3) })).toBe('changed');
      expect(await topics.vote({ topicId: t.id, openid: I.resident2, optionId: 'o2', at: at(4) })).toBe('new');
      expect(await topics.myVote(t.id, I.resident)).toBe('o2');
      expect(await topics.myVote(t.id, I.daguoChair)).toBeNull();
      expect(await topics.tally(t.id)).toEqual({ turnout: 2, counts: { o2: 2 } });
    });

    it('counts 200 votes cast at once exactly, with 20 of those people changing their vote at the same time', async () => {
      const { topics } = current();
      const t = topic();
      await topics.create(t);
      const people = Array.from({ length: 200 }, (_, i) => `voter-${String(i).padStart(3, '0')}`);
      const choice = (i: number) => `o${(i % 3) + 1}`;
      const outcomes = await Promise.all(people.map((openid, i) => topics.vote({ topicId: t.id, openid, optionId: choice(i), at: at(i) })));
      expect(outcomes.every((o) => o === 'new')).toBe(true);
      // The first 20 all move to o3, twice over at once: each person still has one vote.
      const changes = await Promise.all([...people.slice(0, 20), ...people.slice(0, 20)].map((openid) => topics.vote({ topicId: t.id, openid, optionId: 'o3', at: at(300) })));
      expect(changes.filter((o) => o === 'same').length).toBeGreaterThanOrEqual(20);
      const expected = { o1: 0, o2: 0, o3: 0 } as Record<string, number>;
      people.forEach((_, i) => expected[i < 20 ? 'o3' : choice(i)]++);
      expect(await topics.tally(t.id)).toEqual({ turnout: 200, counts: expected });
    });

    it("stores a person's stated place, replaces it, and lists the residents of places", async () => {
      const { topics } = current();
      expect(await topics.getPlace(I.resident)).toBeNull();
      await topics.setPlace({ openid: I.resident, placeId: 'dz-xinan-1', townId: 'danzao', setAt: at(1) });
      await topics.setPlace({ openid: I.resident, placeId: 'dz-xicheng-daguo', townId: 'danzao', setAt: at(2) });
      await topics.setPlace({ openid: I.resident2, placeId: 'dz-xicheng', townId: 'danzao', setAt: at(3) });
      await topics.setPlace({ openid: 'someone-else', placeId: 'dz-xinan', townId: 'danzao', setAt: at(4) });
      expect(await topics.getPlace(I.resident)).toEqual({ openid: I.resident, placeId: 'dz-xicheng-daguo', townId: 'danzao', setAt: at(2), verified: null, verifyRequestedAt: null });
      expect(await topics.residentsOf(['dz-xicheng', 'dz-xicheng-daguo'])).toEqual([I.resident, I.resident2].sort());
      expect(await topics.residentsOf(['dz-xinan-1'])).toEqual([]);
      expect(await topics.residentsOf([])).toEqual([]);
    });
    it("moves a deleted person's votes, supports, comments and topics to the tombstone and drops their place", async () => {
      const { topics } = current();
      const mine = topic({ authorOpenid: I.resident, authorName: '陈阿姨', origin: 'proposal', stage: 'collecting' });
      const other = topic();
      await topics.create(mine);
      await topics.create(other);
      await topics.vote({ topicId: other.id, openid: I.resident, optionId: 'o1', at: at(1) });
      await topics.vote({ topicId: other.id, openid: I.resident2, optionId: 'o1', at: at(2) });
      await topics.support(mine.id, I.resident2, at(3));
      await topics.support(other.id, I.resident, at(3));
      const c = comment(other.id);
      await topics.addComment(c);
      await topics.setPlace({ openid: I.resident, placeId: 'dz-xicheng-daguo', townId: 'danzao', setAt: at(1) });
      await topics.forget(I.resident, 'gone-1');
      await topics.forget(I.resident, 'gone-1');
      expect(await topics.tally(other.id)).toEqual({ turnout: 2, counts: { o1: 2 } });
      expect(await topics.myVote(other.id, I.resident)).toBeNull();
      expect(await topics.myVote(other.id, 'gone-1')).toBe('o1');
      expect(await topics.supports(other.id, 'gone-1')).toEqual({ count: 1, mine: true });
      expect(await topics.supports(mine.id, I.resident2)).toEqual({ count: 1, mine: true });
      expect(await topics.comments(other.id)).toEqual([{ ...c, authorOpenid: 'gone-1', authorName: '' }]);
      expect(await topics.get(mine.id)).toMatchObject({ authorOpenid: 'gone-1', authorName: '' });
      expect(await topics.get(other.id)).toEqual(other);
      expect(await topics.getPlace(I.resident)).toBeNull();
    });

    it("marks a resident verified only while their place is the one given, and a new place starts unverified", async () => {
      const { topics } = current();
      await topics.setPlace({ openid: I.resident, placeId: 'dz-xicheng-daguo', townId: 'danzao', setAt: at(1) });
      expect(await topics.requestVerification(I.resident, 'dz-xicheng-daguo', at(2))).toBe(true);
      expect(await topics.requestVerification(I.resident2, 'dz-xicheng-daguo', at(2))).toBe(false);
      expect(await topics.getPlace(I.resident)).toMatchObject({ verified: null, verifyRequestedAt: at(2) });
      const mark = { kind: 'huji' as const, at: at(3), byName: '黄社长' };
      // A committee that saw another place changes nothing.
      expect(await topics.setVerification(I.resident, 'dz-xinan-1', mark)).toBe(false);
      expect(await topics.getPlace(I.resident)).toMatchObject({ verified: null, verifyRequestedAt: at(2) });
      expect(await topics.setVerification(I.resident, 'dz-xicheng-daguo', mark)).toBe(true);
      expect(await topics.getPlace(I.resident)).toMatchObject({ verified: mark, verifyRequestedAt: null });
      expect(await topics.setVerification(I.resident, 'dz-xicheng-daguo', { ...mark, kind: 'changzhu' })).toBe(true);
      expect((await topics.getPlace(I.resident))?.verified).toEqual({ ...mark, kind: 'changzhu' });
      await topics.setPlace({ openid: I.resident2, placeId: 'dz-xicheng', townId: 'danzao', setAt: at(4) });
      await topics.setPlace({ openid: 'someone-else', placeId: 'dz-xinan', townId: 'danzao', setAt: at(4) });
      const listed = await topics.listResidents(['dz-xicheng', 'dz-xicheng-daguo'], 10);
      expect(listed.map((p) => [p.openid, p.verified?.kind ?? null])).toEqual([[I.resident, 'changzhu'], [I.resident2, null]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
      expect(await topics.listResidents(['dz-xicheng', 'dz-xicheng-daguo'], 1)).toHaveLength(1);
      expect(await topics.listResidents([], 10)).toEqual([]);
      expect(await topics.setVerification(I.resident, 'dz-xicheng-daguo', null)).toBe(true);
      expect((await topics.getPlace(I.resident))?.verified).toBeNull();
      await topics.setVerification(I.resident, 'dz-xicheng-daguo', mark);
      // Moving resets the mark and the request.
      await topics.setPlace({ openid: I.resident, placeId: 'dz-xinan-1', townId: 'danzao', setAt: at(5) });
      expect(await topics.getPlace(I.resident)).toEqual({ openid: I.resident, placeId: 'dz-xinan-1', townId: 'danzao', setAt: at(5), verified: null, verifyRequestedAt: null });
    });

    it("keeps a town's support number, replaced by the next save, apart from other towns'", async () => {
      const { topics } = current();
      expect(await topics.townSupports('danzao')).toBeNull();
      await topics.setTownSupports('danzao', 20, at(1));
      await topics.setTownSupports('danzao', 25, at(2));
      await topics.setTownSupports('jiujiang', 5, at(2));
      expect(await topics.townSupports('danzao')).toBe(25);
      expect(await topics.townSupports('jiujiang')).toBe(5);
      expect(await topics.townSupports('xiqiao')).toBeNull();
    });

    it("answers one person's topics, comments, votes and supports for their export, and nobody else's", async () => {
      const { topics } = current();
      const mine = topic({ authorOpenid: I.resident, authorName: '陈阿姨', origin: 'proposal', stage: 'collecting' });
      const other = topic();
      await topics.create(mine);
      await topics.create(other);
      await topics.vote({ topicId: other.id, openid: I.resident, optionId: 'o2', at: at(2) });
      await topics.vote({ topicId: other.id, openid: I.resident2, optionId: 'o1', at: at(1) });
      await topics.support(mine.id, I.resident2, at(3));
      await topics.support(other.id, I.resident, at(4));
      const c1 = comment(other.id, { at: at(5) });
      const c2 = comment(mine.id, { at: at(4) });
      const theirs = comment(other.id, { authorOpenid: I.resident2, authorName: '李叔' });
      for (const c of [c1, c2, theirs]) await topics.addComment(c);
      expect(await topics.personData(I.resident)).toEqual({
        topics: [mine],
        comments: [c2, c1],
        votes: [{ topicId: other.id, openid: I.resident, optionId: 'o2', at: at(2) }],
        supports: [{ topicId: other.id, at: at(4) }],
      });
      expect(await topics.personData('nobody')).toEqual({ topics: [], comments: [], votes: [], supports: [] });
    });

    it('lists held topics and comments per town for 内容审核 and changes a comment only from the state given, in the towns given', async () => {
      const { topics } = current();
      const held = topic({ moderation: 'held' });
      const elsewhere = topic({ moderation: 'held', townId: 'jiujiang', placeId: 'jj-dungen' });
      const fine = topic();
      for (const t of [held, elsewhere, fine]) await topics.create(t);
      const c = comment(fine.id, { moderation: 'held', text: '加微信 abc123' });
      const ok = comment(fine.id);
      const far = comment(elsewhere.id, { moderation: 'held', townId: 'jiujiang' });
      for (const x of [c, ok, far]) await topics.addComment(x);
      expect((await topics.heldTopics(['danzao'], 10)).map((t) => t.id)).toEqual([held.id]);
      expect((await topics.heldTopics(null, 10)).map((t) => t.id).sort()).toEqual([held.id, elsewhere.id].sort());
      expect(await topics.heldTopics([], 10)).toEqual([]);
      expect((await topics.heldComments(['danzao'], 10)).map((x) => x.id)).toEqual([c.id]);
      expect((await topics.heldComments(null, 1))).toHaveLength(1);
      expect(await topics.getComment(c.id)).toEqual(c);
      expect(await topics.getComment('tc-missing')).toBeNull();
      // Another town's moderator changes nothing; nor does a second decision.
      expect(await topics.setCommentModeration(c.id, 'held', 'published', ['jiujiang'])).toBe(false);
      expect(await topics.setCommentModeration(c.id, 'held', 'published', ['danzao'])).toBe(true);
      expect(await topics.setCommentModeration(c.id, 'held', 'rejected', ['danzao'])).toBe(false);
      expect(await topics.getComment(c.id)).toEqual({ ...c, moderation: 'published' });
      expect(await topics.setCommentModeration(ok.id, 'published', 'rejected', null)).toBe(true);
      expect((await topics.getComment(ok.id))?.moderation).toBe('rejected');
      expect(await topics.heldComments(['danzao'], 10)).toEqual([]);
    });

    it("lists topics whose committee text is held per town, and drops one once the flag is cleared at the version read", async () => {
      const { topics } = current();
      const held = topic({ committeeHeld: true });
      const elsewhere = topic({ committeeHeld: true, townId: 'jiujiang', placeId: 'jj-dungen' });
      const cleared = topic({ committeeHeld: false });
      const before = topic();
      for (const t of [held, elsewhere, cleared, before]) await topics.create(t);
      const mine = (ts: Topic[]) => ts.map((t) => t.id).filter((id) => [held.id, elsewhere.id, cleared.id, before.id].includes(id)).sort();
      expect(mine(await topics.heldCommittee(['danzao'], 10))).toEqual([held.id]);
      expect(mine(await topics.heldCommittee(null, 10))).toEqual([held.id, elsewhere.id].sort());
      expect(await topics.heldCommittee([], 10)).toEqual([]);
      expect(await topics.heldCommittee(null, 1)).toHaveLength(1);
      expect(await topics.update(held.id, 1, { committeeHeld: false, updatedAt: at(5) })).toMatchObject({ committeeHeld: false, version: 2 });
      expect(mine(await topics.heldCommittee(['danzao'], 10))).toEqual([]);
    });
  });
}
