/**
 * Contract cases for issues 7 and 9: forgetting a person (me/delete), feedback, held content and its
 * moderation (what Open311 and the hotline import need is in store-contract-trust-open311.ts). Called by describeStoreContract; `everything` answers every record the store holds, so that
 * "no trace left" is checked over the whole store, not over the records a test thought of.
 */
import type { Concern, Feedback } from '../../../core/model';
import type { NewConcern, PhotoCheck, Store } from '../../../core/ports';
import { NEW_EVENT_STATE, type VolunteerEvent } from '../../../core/volunteers/volunteer-model';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from '../../demo-data';
import { DELETED_NAME } from '../../deleted-name';
import { contentReport } from './contract-reports';
import { at, change, concern, event, inboxMessage, message, notice, ROUTE, uid } from '../contract-fixtures';

/** Every stored record of the store, with where it is kept (table or collection). */
export type Everything = (store: Store) => Promise<Array<{ where: string; record: unknown }>>;

/** The person who leaves: an openid, name and phone found nowhere else in the fixtures. */
export const LEAVER = { openid: 'o-leaver-7f3a', name: '欧阳忘我', phone: '13977770001' } as const;
/** The leaver's application note, held by the content check: it carries their phone, so forgetting must remove it. */
const LEAVER_NOTE = `周末有空，联系电话${LEAVER.phone}`;
export const TOMBSTONE = 'gone-leaver-0001';

export interface LeaverFixture {
  mine: Concern;
  theirs: Concern;
  event: VolunteerEvent;
}

/**
 * Gives LEAVER a record in every repository: their user, a concern they reported (with a requestId,
 * their events and messages, a handler's reply, notices pending and sent), in-app messages, a team
 * membership, a place promoted from a waitlist (a personal notice whose id carries the openid) with
 * confirmed hours, a personal code and feedback with their phone as contact. Another resident gets some
 * of the same, to show that theirs is untouched.
 */
export async function giveLeaverEverything(store: Store): Promise<LeaverFixture> {
  const P = LEAVER.openid;
  await store.directory.ensureUser({ openid: P, name: LEAVER.name, phone: LEAVER.phone, createdAt: at(0) });
  // Issue 16: the phone they left on 我的 for the committee.
  await store.contacts.save({ openid: P, phone: LEAVER.phone, answeredAt: at(0), consentedAt: at(0) }, null);
  const mine = concern({ reporterOpenid: P, requestId: 'req-leaver-001' });
  const submitted = event(mine, 'submitted', { actorOpenid: P, actorName: LEAVER.name, actorRole: 'resident', fromStatus: null, toStatus: 'submitted' });
  await store.concerns.create(mine, [submitted], [notice(I.daguoChair), notice(P)]);
  await store.concerns.commit(mine.id, 1, change({ patch: { status: 'accepted', updatedAt: at(1) }, events: [event(mine, 'accepted')], notifications: [notice(P, at(1))] }));
  const followUp = message(mine, '什么时候来清理？', { authorOpenid: P, authorName: LEAVER.name, authorRole: 'resident', at: at(3) });
  const asked = event(mine, 'commented', { actorOpenid: P, actorName: LEAVER.name, actorRole: 'resident', fromStatus: 'accepted', toStatus: 'accepted', at: at(3) });
  await store.concerns.commit(mine.id, 2, change({ events: [asked], messages: [followUp], requestId: 'req-leaver-002' }));
  await store.concerns.commit(mine.id, 3, change({ messages: [message(mine, '已安排清运', { at: at(4) })], notifications: [notice(P, at(4))] }));
  // One notice was delivered already: claimed and sent, and in the in-app inbox.
  const [claimed] = (await store.outbox.claimDue(at(1), at(60), 100)).filter((n) => n.recipientOpenid === P);
  await store.outbox.markSent(claimed.id, at(2), at(60));
  const { id, recipientOpenid, kind, title, body, page, createdAt } = claimed;
  await store.messages.deliver({ id, recipientOpenid, kind, title, body, page, createdAt, readAt: null });
  await store.messages.deliver(inboxMessage(P, at(5)));

  const theirs = concern({ reporterOpenid: I.resident2, requestId: 'req-leaver-001' });
  await store.concerns.create(theirs, [event(theirs, 'submitted', { actorOpenid: I.resident2, actorName: '李叔', actorRole: 'resident' })], [notice(I.resident2)]);
  await store.messages.deliver(inboxMessage(I.resident2, at(5)));

  const team = DEMO_TEAMS.daguo;
  await store.teams.apply({ id: `${team}_${P}`, teamId: team, openid: P, name: LEAVER.name, status: 'pending', partyMember: false, appliedAt: at(1), decidedAt: null, note: LEAVER_NOTE, noteModeration: 'held' }, [notice(I.daguoLeader)]);
  await store.teams.transition(`${team}_${P}`, ['pending'], 'member', at(2), [notice(P)]);

  const ev: VolunteerEvent = {
    id: uid('ev'), teamId: team, title: '大扫除', description: '清理村道', place: '大果祠堂', startAt: at(-7200), endAt: at(-3600), signupDeadline: at(-8000),
    capacity: 1, waitlist: true, openTo: 'all', ...NEW_EVENT_STATE, checkinCode: 'code-leaver', createdBy: I.daguoLeader, createdAt: at(-9000),
  };
  await store.events.createEvent(ev);
  await store.events.signUp(ev.id, { openid: I.resident2, name: '李叔' }, null, at(1));
  await store.events.signUp(ev.id, { openid: P, name: LEAVER.name }, 'req-leaver-003', at(2));
  // 李叔 gives up his place: the leaver is promoted and told by a personal notice (`${id}_${openid}`).
  await store.events.cancelSignUp(ev.id, I.resident2, at(3), { id: uid('n'), kind: 'event_promoted', title: '候补转为正式报名', body: '您已从候补转为正式报名', page: '/volunteer/pages/event/index', createdAt: at(3) });
  await store.events.recordAttendance(`${ev.id}_${P}`, { field: 'checkIn', at: at(-7200) });
  await store.events.confirmHours(ev.id, [
    { id: uid('h'), signUpId: `${ev.id}_${P}`, eventId: ev.id, actorOpenid: I.daguoLeader, actorName: '罗队长', at: at(10), computedMinutes: 60, fromMinutes: null, toMinutes: 60, reason: null, reasonModeration: 'published' },
  ]);
  await store.events.personalCode(P, 'code-of-leaver');
  await store.events.personalCode(I.resident2, 'code-of-li');
  await store.feedback.add({ id: uid('f'), authorOpenid: P, text: '希望增加语音输入', contact: LEAVER.phone, townId: null, createdAt: at(6), moderation: 'published' });
  await store.photoChecks.add([photoCheck({ fileId: 'cloud://env.bucket/concern-photos/leaver-1.jpg', openid: P, concernId: mine.id })]);
  await store.contentReports.add(contentReport({ reporterOpenid: P, itemId: theirs.id, concernId: theirs.id }));
  // "+1" on 李叔's concern: it still counts after the leaver is gone, by nobody nameable.
  await store.board.plusOne(theirs.id, P, at(7));
  return { mine, theirs, event: ev };
}

/** Records that mention the leaver's openid, name or phone anywhere. */
export async function traces(store: Store, everything: Everything): Promise<Array<{ where: string; record: unknown }>> {
  return (await everything(store)).filter(({ record }) => {
    const text = JSON.stringify(record);
    return text.includes(LEAVER.openid) || text.includes(LEAVER.name) || text.includes(LEAVER.phone);
  });
}

/** Every record as text, sorted: equal when two states of the store hold the same records. */
async function state(store: Store, everything: Everything): Promise<string[]> {
  return (await everything(store)).map((r) => JSON.stringify(r)).sort();
}

function photoCheck(over: Partial<PhotoCheck> = {}): PhotoCheck {
  return { id: uid('pc'), fileId: `cloud://env.bucket/concern-photos/${uid('p')}.jpg`, openid: I.resident, concernId: 'c-photo-1', townId: 'danzao', traceId: null, status: 'published', submittedAt: at(1), decidedAt: at(1), ...over };
}

export const newConcern = (over: Partial<Concern>): NewConcern => {
  const c = concern({ source: '12345', reporterOpenid: 'open311-12345', ...over });
  return { concern: c, events: [event(c, 'submitted', { actorOpenid: c.reporterOpenid, actorName: '12345热线', actorRole: 'resident' })], notifications: [notice(I.daguoChair)] };
};

export function describeTrustContract(current: () => Store, everything: Everything): void {
  describe('forgetting a person', () => {
    it('leaves no trace of their openid, name or phone in any record, and keeps their concern for the committee', async () => {
      const store = current();
      const { mine, theirs, event: ev } = await giveLeaverEverything(store);
      expect((await traces(store, everything)).length).toBeGreaterThan(10);
      const theirsBefore = { concern: await store.concerns.get(theirs.id), timeline: await store.concerns.timeline(theirs.id), inbox: await store.messages.list(I.resident2, { cursor: null, limit: 50 }) };

      await store.privacy.forget(LEAVER.openid, TOMBSTONE, at(100));

      expect(await traces(store, everything)).toEqual([]);
      // The concern stays with the committee, reported by nobody nameable; the handler's words stay.
      expect(await store.concerns.get(mine.id)).toMatchObject({ id: mine.id, reporterOpenid: TOMBSTONE, status: 'accepted', description: mine.description });
      const inbox = await store.concerns.inbox({ nodes: [{ level: 'cooperative', id: ROUTE.cooperativeId! }], officeId: null, openOnly: false }, { cursor: null, limit: 50 });
      expect(inbox.items.map((c) => c.id)).toContain(mine.id);
      expect((await store.concerns.timeline(mine.id)).map((e) => [e.type, e.actorOpenid, e.actorName])).toEqual([
        ['submitted', TOMBSTONE, DELETED_NAME],
        ['accepted', I.daguoChair, '黄社长'],
        ['commented', TOMBSTONE, DELETED_NAME],
      ]);
      expect((await store.concerns.thread(mine.id)).map((m) => [m.authorOpenid, m.authorName])).toEqual([
        [TOMBSTONE, DELETED_NAME],
        [I.daguoChair, '黄社长'],
      ]);
      expect((await store.concerns.listByReporter(TOMBSTONE, { cursor: null, limit: 10 })).items.map((c) => c.id)).toEqual([mine.id]);
      expect(await store.concerns.hasRequest(mine.id, TOMBSTONE, 'req-leaver-002')).toBe(true);
      // The user record is marked deleted; messages and the personal code are gone; notices go nowhere.
      expect(await store.directory.findUser(LEAVER.openid)).toBeNull();
      expect(await store.directory.findUser(TOMBSTONE)).toMatchObject({ openid: TOMBSTONE, name: DELETED_NAME, phone: null });
      expect(await store.messages.list(TOMBSTONE, { cursor: null, limit: 10 })).toEqual({ items: [], nextCursor: null });
      expect(await store.events.personByCode('code-of-leaver')).toBeNull();
      expect((await store.outbox.claimDue(at(100_000), at(100_060), 100)).filter((n) => n.recipientOpenid === TOMBSTONE)).toEqual([]);
      // Volunteer records keep their counts and hours under the tombstone.
      expect(await store.events.getSignUp(ev.id, TOMBSTONE)).toMatchObject({ id: `${ev.id}_${TOMBSTONE}`, status: 'signed', name: DELETED_NAME, confirmedMinutes: 60 });
      expect(await store.events.getEvent(ev.id)).toMatchObject({ signedCount: 1, waitlistCount: 0 });
      expect((await store.events.hoursAudit(ev.id)).map((h) => h.signUpId)).toEqual([`${ev.id}_${TOMBSTONE}`]);
      expect(await store.teams.getMembership(DEMO_TEAMS.daguo, TOMBSTONE)).toMatchObject({ status: 'member', name: DELETED_NAME, note: null, noteModeration: 'published' });
      expect(await store.teams.heldNotes(null, 10)).toEqual([]);
      expect((await store.feedback.list(null, { cursor: null, limit: 10 })).items).toEqual([expect.objectContaining({ authorOpenid: TOMBSTONE, contact: null, text: '希望增加语音输入' })]);
      // Their report stays for the moderators, made by nobody nameable, and still counts once.
      expect(await store.contentReports.open(null, 10)).toEqual([expect.objectContaining({ itemId: theirs.id, reporterOpenid: TOMBSTONE, status: 'open' })]);
      expect(await store.contentReports.add(contentReport({ reporterOpenid: TOMBSTONE, itemId: theirs.id, concernId: theirs.id }))).toBe(false);
      expect(await store.board.plusOnes([theirs.id], TOMBSTONE)).toEqual(new Map([[theirs.id, { count: 1, mine: true }]]));
      // Another person's records are untouched.
      expect({ concern: await store.concerns.get(theirs.id), timeline: await store.concerns.timeline(theirs.id), inbox: await store.messages.list(I.resident2, { cursor: null, limit: 50 }) }).toEqual(theirsBefore);
      expect(await store.events.personByCode('code-of-li')).toBe(I.resident2);
      expect((await store.concerns.create(concern({ reporterOpenid: I.resident2, requestId: 'req-leaver-001' }), [], [])).created).toBe(false);
      // The leaver's requestId is free again for whoever has that openid next (nobody can).
      expect((await store.concerns.create(concern({ reporterOpenid: LEAVER.openid, requestId: 'req-leaver-001' }), [], [])).created).toBe(true);
    });

    it('is idempotent: forgetting again, with the same or another tombstone, changes nothing', async () => {
      const store = current();
      await giveLeaverEverything(store);
      await store.privacy.forget(LEAVER.openid, TOMBSTONE, at(100));
      const after = await state(store, everything);
      await store.privacy.forget(LEAVER.openid, TOMBSTONE, at(200));
      expect(await state(store, everything)).toEqual(after);
      await store.privacy.forget(LEAVER.openid, 'gone-another-0002', at(300));
      expect(await state(store, everything)).toEqual(after);
    });

    it("finds a person's photo checks by uploader and renames their photos on the concern, its messages and the checks, idempotently", async () => {
      const store = current();
      const P = LEAVER.openid;
      const old = (n: string) => `cloud://env.bucket/concern-photos/${P}/${n}.jpg`;
      const moved = (n: string) => `cloud://env.bucket/concern-photos/deleted/${n}.jpg`;
      const keep = 'cloud://env.bucket/concern-photos/u-other/keep.jpg';
      const mine = concern({ reporterOpenid: P, photos: [old('a'), keep, old('b')] });
      await store.concerns.create(mine, [], []);
      const reply = message(mine, '补充照片', { authorOpenid: P, authorName: LEAVER.name, authorRole: 'resident', photos: [old('c')] });
      const staff = message(mine, '已处理', { photos: [keep] });
      await store.concerns.commit(mine.id, 1, change({ messages: [reply, staff] }));
      const other = concern({ reporterOpenid: I.resident2, photos: [keep] });
      await store.concerns.create(other, [], []);
      await store.photoChecks.add([
        photoCheck({ fileId: old('a'), openid: P, concernId: mine.id, submittedAt: at(1) }),
        photoCheck({ fileId: old('c'), openid: P, concernId: mine.id, submittedAt: at(3), status: 'held', decidedAt: null }),
        photoCheck({ fileId: old('b'), openid: P, concernId: mine.id, submittedAt: at(2) }),
        photoCheck({ fileId: keep, openid: I.resident2, concernId: other.id }),
      ]);
      const checks = await store.photoChecks.ofUploader(P);
      expect(checks.map((c) => c.fileId)).toEqual([old('a'), old('b'), old('c')]);
      expect(await store.photoChecks.ofUploader('o-never-seen')).toEqual([]);
      const otherBefore = { concern: await store.concerns.get(other.id), checks: await store.photoChecks.ofUploader(I.resident2) };

      const renames = ['a', 'b', 'c'].map((n) => ({ concernId: mine.id, from: old(n), to: moved(n) }));
      await store.privacy.renamePhotos(renames);
      const after = await state(store, everything);
      expect(after.join('\n')).not.toContain(`concern-photos/${P}/`);
      expect((await store.concerns.get(mine.id))?.photos).toEqual([moved('a'), keep, moved('b')]);
      expect((await store.concerns.thread(mine.id)).map((m) => m.photos)).toEqual([[moved('c')], [keep]]);
      // Each check moves with its file and keeps its verdict.
      expect((await store.photoChecks.ofFiles([moved('a'), moved('b'), moved('c'), old('a')])).map((c) => [c.fileId, c.status]).sort()).toEqual([
        [moved('a'), 'published'],
        [moved('b'), 'published'],
        [moved('c'), 'held'],
      ]);
      expect({ concern: await store.concerns.get(other.id), checks: await store.photoChecks.ofUploader(I.resident2) }).toEqual(otherBefore);
      // A second run finds nothing left to rename.
      await store.privacy.renamePhotos(renames);
      expect(await state(store, everything)).toEqual(after);
    });

    it('forgets someone who never stored anything without touching anyone else', async () => {
      const store = current();
      await giveLeaverEverything(store);
      const before = await state(store, everything);
      await store.privacy.forget('o-never-seen', 'gone-never-0003', at(100));
      expect(await state(store, everything)).toEqual(before);
    });
  });

  describe('feedback', () => {
    const f = (n: number, over: Partial<Feedback> = {}): Feedback => ({ id: `f-${n}`, authorOpenid: I.resident, text: `建议${n}`, contact: null, townId: null, createdAt: at(n), moderation: 'published', ...over });
    it('adds feedback and pages it newest first', async () => {
      const { feedback } = current();
      const all = [f(1, { contact: '13900000001' }), f(2, { moderation: 'held' }), f(3), f(3, { id: 'f-3b' })];
      for (const x of all) await feedback.add(x);
      const first = await feedback.list(null, { cursor: null, limit: 3 });
      expect(first.items.map((x) => x.id)).toEqual(['f-3b', 'f-3', 'f-2']);
      const rest = await feedback.list(null, { cursor: first.nextCursor, limit: 3 });
      expect(rest).toEqual({ items: [all[0]], nextCursor: null });
      expect(first.items[2]).toEqual(all[1]);
    });

    it("lists a town's feedback only for that town, every town's (and the district's) for all", async () => {
      const { feedback } = current();
      const all = [f(1, { townId: 'danzao' }), f(2, { townId: 'jiujiang' }), f(3), f(4, { townId: 'danzao' }), f(5, { townId: 'xiqiao' })];
      for (const x of all) await feedback.add(x);
      const ids = async (towns: string[] | null, limit = 10) => (await feedback.list(towns, { cursor: null, limit })).items.map((x) => x.id);
      expect(await ids(['danzao'])).toEqual(['f-4', 'f-1']);
      expect(await ids(['jiujiang', 'xiqiao'])).toEqual(['f-5', 'f-2']);
      expect(await ids([])).toEqual([]);
      expect(await ids(null)).toEqual(['f-5', 'f-4', 'f-3', 'f-2', 'f-1']);
      const first = await feedback.list(['danzao'], { cursor: null, limit: 1 });
      expect((await feedback.list(['danzao'], { cursor: first.nextCursor, limit: 1 })).items).toEqual([all[0]]);
    });
  });

  describe('held content and moderation', () => {
    it('keeps where a concern came from and whether its text is held', async () => {
      const store = current();
      const c = concern({ source: '12345', moderation: 'held', reporterOpenid: 'open311-12345' });
      await store.concerns.create(c, [], []);
      expect(await store.concerns.get(c.id)).toEqual(c);
    });

    it('lists held descriptions and messages of the given towns, oldest first, and decides each once, only from held', async () => {
      const store = current();
      const dz = concern({ moderation: 'held', createdAt: at(5) });
      const jj = concern({ moderation: 'held', createdAt: at(1), route: { ...ROUTE, townId: 'jiujiang', villageId: null, cooperativeId: null, gridId: null, coOfficeId: null } });
      const fine = concern({ createdAt: at(0) });
      for (const c of [dz, jj, fine]) await store.concerns.create(c, [], []);
      const held = message(fine, '含待审内容的回复', { authorOpenid: I.resident, authorName: '陈阿姨', authorRole: 'resident', at: at(3), moderation: 'held' });
      const ok = message(fine, '正常回复', { at: at(4) });
      await store.concerns.commit(fine.id, 1, change({ messages: [ok, held] }));

      const all = await store.concerns.heldContent(null, 10);
      expect(all.map((h) => [h.kind, h.id])).toEqual([['concern', jj.id], ['message', held.id], ['concern', dz.id]]);
      expect(all[1]).toEqual({ kind: 'message', id: held.id, concernId: fine.id, townId: 'danzao', authorOpenid: I.resident, text: '含待审内容的回复', at: at(3) });
      expect(all[2]).toEqual({ kind: 'concern', id: dz.id, concernId: dz.id, townId: 'danzao', authorOpenid: I.resident, text: dz.description, at: at(5) });
      expect((await store.concerns.heldContent(['danzao'], 10)).map((h) => h.id)).toEqual([held.id, dz.id]);
      expect((await store.concerns.heldContent(['danzao'], 1)).map((h) => h.id)).toEqual([held.id]);
      expect(await store.concerns.heldContent([], 10)).toEqual([]);

      // Two moderators decide the same message at once: one decision counts.
      expect(await store.concerns.decideModeration('message', held.id, 'published', ['jiujiang'])).toBe(false);
      const decisions = await Promise.all([store.concerns.decideModeration('message', held.id, 'published', ['danzao']), store.concerns.decideModeration('message', held.id, 'rejected', null)]);
      expect(decisions.filter(Boolean)).toHaveLength(1);
      const decided = decisions[0] ? 'published' : 'rejected';
      expect((await store.concerns.thread(fine.id)).map((m) => m.moderation)).toEqual(['published', decided]);
      expect(await store.concerns.decideModeration('message', held.id, 'published', null)).toBe(false);
      expect(await store.concerns.decideModeration('message', ok.id, 'rejected', null)).toBe(false);
      expect(await store.concerns.decideModeration('concern', fine.id, 'rejected', null)).toBe(false);
      expect(await store.concerns.decideModeration('concern', 'c-missing', 'published', null)).toBe(false);
      expect(await store.concerns.decideModeration('message', 'm-missing', 'published', null)).toBe(false);
      // Another town's moderator cannot decide it: the town is part of the conditional update.
      expect(await store.concerns.decideModeration('concern', dz.id, 'rejected', ['jiujiang'])).toBe(false);
      expect(await store.concerns.decideModeration('concern', dz.id, 'rejected', [])).toBe(false);
      expect(await store.concerns.decideModeration('concern', dz.id, 'rejected', ['jiujiang', 'danzao'])).toBe(true);
      expect(await store.concerns.decideModeration('concern', dz.id, 'published', null)).toBe(false);
      expect(await store.concerns.get(dz.id)).toEqual({ ...dz, moderation: 'rejected' });
      expect((await store.concerns.heldContent(null, 10)).map((h) => h.id)).toEqual([jj.id]);
      // The decision changes nothing else: the concern's version and thread stay as they were.
      expect((await store.concerns.get(fine.id))?.version).toBe(2);
      expect((await store.concerns.thread(fine.id)).map((m) => m.text)).toEqual(['正常回复', '含待审内容的回复']);
    });
  });

  describe('photo checks', () => {
    it('keeps the first check of a file, answers the checks of given files, and settles a pending one once by its trace id', async () => {
      const { photoChecks } = current();
      const pending = photoCheck({ traceId: 'trace-001', status: 'pending', decidedAt: null, submittedAt: at(2) });
      const passed = photoCheck({ submittedAt: at(1) });
      await photoChecks.add([pending, passed]);
      // A retried submission of the same file (another check id) keeps the first.
      await photoChecks.add([{ ...pending, id: uid('pc'), status: 'published', traceId: null }]);
      expect((await photoChecks.ofFiles([pending.fileId, passed.fileId, 'cloud://env.bucket/none.jpg'])).sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : 1))).toEqual([passed, pending]);
      expect(await photoChecks.ofFiles([])).toEqual([]);

      const settled = await Promise.all([photoChecks.settle('trace-001', 'held', at(5)), photoChecks.settle('trace-001', 'published', at(6))]);
      expect(settled.filter((s) => s !== null)).toHaveLength(1);
      const won = settled.find((s) => s !== null)!;
      expect(won).toEqual({ ...pending, status: won.status, decidedAt: won.status === 'held' ? at(5) : at(6) });
      expect(await photoChecks.settle('trace-001', 'published', at(7))).toBeNull();
      expect(await photoChecks.settle('trace-unknown', 'published', at(7))).toBeNull();
      expect(await photoChecks.ofFiles([pending.fileId])).toEqual([won]);
    });

    it("keeps a topic photo's subject (街坊议事) through its check, its verdict and a moderator's decision", async () => {
      const { photoChecks } = current();
      const ofTopic = photoCheck({ concernId: 'tp-photo-1', subject: 'topic', status: 'held', submittedAt: at(2) });
      const ofConcern = photoCheck({ submittedAt: at(3) });
      await photoChecks.add([ofTopic, ofConcern]);
      expect(await photoChecks.ofFiles([ofTopic.fileId])).toEqual([ofTopic]);
      expect(await photoChecks.ofFiles([ofConcern.fileId])).toEqual([ofConcern]);
      expect((await photoChecks.held(['danzao'], 10)).filter((p) => p.id === ofTopic.id)).toEqual([ofTopic]);
      expect(await photoChecks.decide(ofTopic.id, 'published', at(4), ['danzao'])).toBe(true);
      expect(await photoChecks.ofFiles([ofTopic.fileId])).toEqual([{ ...ofTopic, status: 'published', decidedAt: at(4) }]);
    });

    it('lists held photos by town, oldest first, and decides each once, only from held', async () => {
      const { photoChecks } = current();
      const dz = photoCheck({ status: 'held', submittedAt: at(3) });
      const dz2 = photoCheck({ status: 'held', submittedAt: at(4) });
      const jj = photoCheck({ status: 'held', townId: 'jiujiang', submittedAt: at(1) });
      const fine = photoCheck();
      await photoChecks.add([dz, dz2, jj, fine]);
      expect((await photoChecks.held(null, 10)).map((p) => p.id)).toEqual([jj.id, dz.id, dz2.id]);
      expect(await photoChecks.held(['danzao'], 1)).toEqual([dz]);
      expect(await photoChecks.held([], 10)).toEqual([]);
      expect(await photoChecks.decide(dz.id, 'published', at(8), ['jiujiang'])).toBe(false);
      expect(await photoChecks.decide(jj.id, 'published', at(8), [])).toBe(false);
      const decisions = await Promise.all([photoChecks.decide(dz.id, 'published', at(8), ['danzao']), photoChecks.decide(dz.id, 'rejected', at(9), null)]);
      expect(decisions.filter(Boolean)).toHaveLength(1);
      expect(await photoChecks.decide(dz.id, 'published', at(10), null)).toBe(false);
      expect(await photoChecks.decide(fine.id, 'rejected', at(10), null)).toBe(false);
      expect(await photoChecks.decide('pc-missing', 'published', at(10), null)).toBe(false);
      expect((await photoChecks.ofFiles([dz.fileId]))[0]).toMatchObject({ status: decisions[0] ? 'published' : 'rejected' });
      expect((await photoChecks.held(['danzao'], 10)).map((p) => p.id)).toEqual([dz2.id]);
    });
  });
}
