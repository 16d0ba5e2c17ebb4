/**
 * The exact requests the CloudBase adapter sends for its key operations, as the SDK serialises them.
 * An SDK upgrade that changes a payload (extended JSON, command encoding, limits, transaction ids)
 * changes these snapshots and is reviewed, not discovered in production.
 */
import type { Concern, ConcernSla, Notification } from '../../core/model';
import { NEW_EVENT_STATE, type VolunteerEvent } from '../../core/volunteers/volunteer-model';
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb, WireRequest } from '../../test/fakes/cloudbase-db';
import { actions, decode } from '../../test/fakes/wire-decode';
import { DEMO_IDENTITIES as I, demoDirectory } from '../demo-data';
import { seedCloudbaseDirectory } from './seed';
import { CloudbaseStore } from './store';

const AT = '2026-11-30T02:00:00.000Z';
const sla: ConcernSla = {
  round: 1,
  ackDueAt: '2026-11-30T06:00:00.000Z',
  resolveDueAt: '2026-12-07T02:00:00.000Z',
  ackedAt: null,
  resolvedAt: null,
  ackMissed: false,
  resolveMissed: false,
  overdue: false,
  firstResponse: 'pending',
  dueAt: '2026-11-30T06:00:00.000Z',
  watchAt: '2026-11-30T06:00:00.000Z',
};
const concern: Concern = {
  id: 'c-wire-1',
  reporterOpenid: I.resident,
  source: 'app',
  category: 'environment',
  description: '祠堂旁垃圾桶满了',
  placeId: 'dz-xicheng-daguo',
  location: { lat: 23.05, lng: 112.9 },
  photos: ['cloud://jiefang-test.6a69/concerns/p1.jpg'],
  status: 'assigned',
  route: { step: 'place', townId: 'danzao', villageId: 'dz-xicheng', cooperativeId: 'dz-xicheng-daguo', gridId: 'dz-xicheng-daguo-g', coOfficeId: 'danzao-environment', reasonCode: 'place.cooperative', reason: '按所选地点分派到大果经济社' },
  sla,
  rating: null,
  createdAt: AT,
  updatedAt: AT,
  version: 1,
  requestId: 'req-wire-0001',
  moderation: 'published',
  pastNodeIds: [],
};
const notice: Notification = { id: 'n-wire-1', recipientOpenid: I.daguoChair, kind: 'concern_assigned', title: '新诉求待签收', body: '人居环境：祠堂旁垃圾桶满了', page: '/staff/pages/handle/index?id=c-wire-1', createdAt: AT };

/** A volunteer event of the demo team starting in a few days, as the wire tests need it. */
function wireEvent(over: Partial<VolunteerEvent>): VolunteerEvent {
  return {
    id: 'ev-wire',
    teamId: 'team-daguo-clean',
    title: '村道周末清洁行动',
    description: '',
    place: '大果祠堂',
    startAt: '2026-12-05T00:30:00.000Z',
    endAt: '2026-12-05T02:30:00.000Z',
    signupDeadline: '2026-12-04T12:00:00.000Z',
    capacity: 1,
    waitlist: true,
    openTo: 'all',
    ...NEW_EVENT_STATE,
    checkinCode: 'code-wire',
    createdBy: I.daguoLeader,
    createdAt: AT,
    ...over,
  };
}

let wire: FakeCloudbaseDb;
let store: CloudbaseStore;
beforeEach(async () => {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  await seedCloudbaseDirectory(store.cb, demoDirectory(AT));
});
afterEach(() => wire.uninstall());

async function sent(op: () => Promise<unknown>): Promise<WireRequest[]> {
  const from = wire.requests.length;
  await op();
  return wire.requests.slice(from);
}

describe('the CloudBase wire', () => {
  it('creates a concern with its request guard and notices in one transaction', async () => {
    const event = { id: 'e-wire-1', concernId: concern.id, type: 'submitted', actorOpenid: I.resident, actorName: '陈阿姨', actorRole: 'resident' as const, at: AT, fromStatus: null, toStatus: 'submitted' as const, note: null };
    const requests = await sent(() => store.concerns.create(concern, [event], [notice]));
    expect(requests).toMatchSnapshot();
    // One transaction from first to last request: the guard is created first (a stored one refuses it with a
    // duplicate key: the retry path), then every document is written inside it.
    const acts = actions(requests);
    expect(acts[0]).toBe('startTransaction');
    expect(acts[acts.length - 1]).toBe('commitTransaction');
    const inside = requests.slice(1).map(decode);
    const tx = inside[0].transactionId;
    expect(tx).not.toBeNull();
    expect(inside.every((r) => r.transactionId === tx)).toBe(true);
    const inserts = inside.filter((r) => r.action === 'insertDocument');
    expect(inserts.map((r) => r.collection).sort()).toEqual(['concern_requests', 'concerns', 'outbox']);
    const doc = (inserts.find((r) => r.collection === 'concerns')!.data as Array<Record<string, unknown>>)[0];
    expect(doc).toMatchObject({ _id: concern.id, version: 1, status: 'assigned', moderation: 'published' });
  });

  it('commits a move as one conditional update on (_id, version)', async () => {
    await store.concerns.create(concern, [], []);
    const accept = { id: 'e-wire-2', concernId: concern.id, type: 'accepted', actorOpenid: I.daguoChair, actorName: '黄社长', actorRole: 'staff' as const, at: AT, fromStatus: 'assigned' as const, toStatus: 'accepted' as const, note: null };
    const requests = await sent(() => store.concerns.commit(concern.id, 1, { patch: { status: 'accepted', updatedAt: AT }, events: [accept], messages: [], notifications: [], requestId: 'req-wire-0002' }));
    expect(requests).toMatchSnapshot();
    // The write is conditional on the version read, bumps it by one, and never creates a document.
    const write = decode(requests[requests.length - 1]);
    expect(write).toMatchObject({ action: 'modifyDocument', collection: 'concerns', upsert: false, query: { _id: concern.id, version: 1 } });
    expect(write.data).toMatchObject({ $set: { status: 'accepted' }, $inc: { version: 1 }, $push: { requestKeys: { $each: [`${I.daguoChair}|req-wire-0002`] } } });
  });

  it('reads a page of the open inbox with one query, most urgent first, after the cursor', async () => {
    const first = await store.concerns.inbox({ nodes: [{ level: 'cooperative', id: 'dz-xicheng-daguo' }], officeId: null, openOnly: true }, { cursor: null, limit: 20 });
    expect(first.items).toEqual([]);
    const cursor = Buffer.from(JSON.stringify([AT, 'c-wire-9']), 'utf8').toString('base64url');
    const scope = { nodes: [{ level: 'cooperative' as const, id: 'dz-xicheng-daguo' }, { level: 'grid' as const, id: 'dz-xicheng-daguo-g' }], officeId: 'danzao-environment', openOnly: true };
    const requests = await sent(() => store.concerns.inbox(scope, { cursor, limit: 20 }));
    expect(requests).toMatchSnapshot();
    // One read: the scope's nodes and the co-handling office, open concerns only, most urgent first, one
    // more than the page to know whether there is a next one, without the heavy arrays.
    expect(requests).toHaveLength(1);
    const read = decode(requests[0]);
    expect(read).toMatchObject({ action: 'getDocument', collection: 'concerns', limit: 21, order: { 'sla.dueAt': 1, _id: 1 } });
    const q = JSON.stringify(read.query);
    for (const part of ['"route.cooperativeId":"dz-xicheng-daguo"', '"route.gridId":"dz-xicheng-daguo-g"', '"route.coOfficeId":"danzao-environment"', '"sla.dueAt":{"$gt":""}', '"_id":{"$gt":"c-wire-9"}']) expect(q).toContain(part);
  });

  it('reads a page of the whole inbox with one query, newest first, after the cursor', async () => {
    const cursor = Buffer.from(JSON.stringify([AT, 'c-wire-9']), 'utf8').toString('base64url');
    const requests = await sent(() => store.concerns.inbox({ nodes: [{ level: 'village', id: 'dz-xicheng' }], officeId: null, openOnly: false }, { cursor, limit: 20 }));
    expect(requests).toMatchSnapshot();
    const read = decode(requests[0]);
    expect(requests).toHaveLength(1);
    expect(read).toMatchObject({ action: 'getDocument', collection: 'concerns', limit: 21, order: { createdAt: -1, _id: -1 } });
    const q = JSON.stringify(read.query);
    expect(q).toContain('"route.villageId":"dz-xicheng"');
    expect(q).toContain('"_id":{"$lt":"c-wire-9"}');
    expect(q).not.toContain('sla.dueAt');
  });

  it('escalates an overdue concern: finds it by watchAt, then one transaction checks the version read, moves it and queues the notices', async () => {
    await store.concerns.create({ ...concern, requestId: null }, [], []);
    const now = '2026-11-30T06:00:01.000Z';
    const requests = await sent(async () => {
      const [due] = await store.concerns.dueForSla(now, 200);
      const route = { ...due.route, step: 'escalation' as const, cooperativeId: null, gridId: null, reasonCode: 'sla_escalate', reason: '超过签收时限未签收' };
      const escalate = { id: 'e-wire-3', concernId: due.id, type: 'sla_escalate', actorOpenid: null, actorName: null, actorRole: 'system' as const, at: now, fromStatus: 'assigned' as const, toStatus: 'assigned' as const, note: route.reason };
      const n = { ...notice, id: 'n-wire-2', recipientOpenid: I.xichengStaff, title: '超期诉求已上报，待签收', createdAt: now };
      const moved = await store.concerns.commit(due.id, due.version, {
        patch: { route, sla: { ...due.sla, ackMissed: true, overdue: true, firstResponse: 'late', watchAt: due.sla.resolveDueAt }, updatedAt: now },
        events: [escalate],
        messages: [],
        notifications: [n],
        requestId: null,
      });
      expect(moved?.version).toBe(2);
    });
    expect(requests).toMatchSnapshot();
    // Found by watchAt outside the transaction; inside it, the version read is checked by the write.
    const found = decode(requests[0]);
    expect(found).toMatchObject({ action: 'getDocument', collection: 'concerns', transactionId: null });
    expect(JSON.stringify(found.query)).toContain('"sla.watchAt"');
    // A transaction works on documents by id: the concern is read in it (its version checked in code) and
    // written in it, so a move committed in between aborts the escalation.
    const inTx = requests.map(decode).filter((r) => r.transactionId !== null);
    const tx = inTx[0].transactionId;
    expect(inTx.every((r) => r.transactionId === tx)).toBe(true);
    expect(inTx.map((r) => [r.action, r.collection])).toEqual([
      ['getDocument', 'concerns'],
      ['modifyDocument', 'concerns'],
      ['insertDocument', 'outbox'],
      ['commitTransaction', null],
    ]);
    expect(inTx[0].query).toEqual({ _id: concern.id });
    expect(inTx[1]).toMatchObject({ query: { _id: concern.id }, upsert: false, data: { $inc: { version: 1 }, $set: { route: { step: 'escalation' } } } });
    expect(actions(requests).slice(-1)).toEqual(['commitTransaction']);
  });

  it('takes a place with one conditional update of the event, then writes the sign-up', async () => {
    const event = wireEvent({ id: 'ev-wire-1', capacity: 1, waitlist: true });
    await store.events.createEvent(event);
    const signed = await sent(() => store.events.signUp(event.id, { openid: I.resident, name: '陈阿姨' }, 'req-wire-0003', AT));
    expect(signed).toMatchSnapshot('signed');
    // The place is taken only while the event is open and has room, in one conditional update.
    const take = signed.map(decode).find((r) => r.action === 'modifyAndReturnDoc')!;
    expect(take).toMatchObject({ collection: 'vol_events', query: { _id: event.id, status: 'open', signedCount: { $lt: 1 } }, data: { $inc: { signedCount: 1 } } });
    expect(decode(signed[signed.length - 1])).toMatchObject({ action: 'insertDocument', collection: 'vol_signups' });
    const waitlisted = await sent(() => store.events.signUp(event.id, { openid: I.resident2, name: '李叔' }, null, AT));
    expect(waitlisted).toMatchSnapshot('waitlisted');
  });

  it('claims due notices by reading them and leasing each with a compare-and-set', async () => {
    await store.concerns.create({ ...concern, requestId: null }, [], [notice]);
    const requests = await sent(() => store.outbox.claimDue('2026-11-30T02:00:10.000Z', '2026-11-30T02:01:10.000Z', 100));
    expect(requests).toMatchSnapshot();
    const [due, lease] = requests.map(decode);
    expect(due).toMatchObject({ action: 'getDocument', collection: 'outbox', limit: 100, query: { status: 'pending', nextAttemptAt: { $lte: '2026-11-30T02:00:10.000Z' }, leaseUntil: { $lte: '2026-11-30T02:00:10.000Z' } } });
    // Compare-and-set: the lease is taken only if nobody took it since the read.
    expect(lease).toMatchObject({ action: 'modifyDocument', collection: 'outbox', upsert: false, query: { _id: notice.id, status: 'pending', leaseUntil: '' }, data: { $set: { leaseUntil: '2026-11-30T02:01:10.000Z' } } });
  });

  it('decides held text with one conditional update from held: on the concern, or on its message through messages.$', async () => {
    await store.concerns.create({ ...concern, requestId: null, moderation: 'held' }, [], []);
    const held = { id: 'm-wire-1', concernId: concern.id, authorOpenid: I.resident, authorName: '陈阿姨', authorRole: 'resident' as const, text: '待审回复', photos: [], at: AT, moderation: 'held' as const };
    await store.concerns.commit(concern.id, 1, { patch: {}, events: [], messages: [held], notifications: [], requestId: null });
    const onConcern = await sent(() => store.concerns.decideModeration('concern', concern.id, 'published', ['danzao']));
    expect(onConcern).toMatchSnapshot('concern');
    // Only from held, and only inside the moderator's towns.
    expect(onConcern.map(decode)).toEqual([expect.objectContaining({ action: 'modifyDocument', query: { _id: concern.id, moderation: 'held', 'route.townId': 'danzao' }, data: { $set: { moderation: 'published' } } })]);
    const onMessage = await sent(() => store.concerns.decideModeration('message', held.id, 'rejected', null));
    expect(onMessage).toMatchSnapshot('message');
    expect(onMessage.map(decode)).toEqual([expect.objectContaining({ action: 'modifyDocument', query: { messages: { $elemMatch: { id: held.id, moderation: 'held' } } }, data: { $set: { 'messages.$.moderation': 'rejected' } } })]);
  });

  it('decides held volunteer texts: event texts in one transaction with the leader\'s notice; a note and an hours reason with one conditional update each', async () => {
    const event = wireEvent({ id: 'ev-wire-2', title: '河涌边清理', description: '报名请加微信', capacity: 5, waitlist: false, moderation: 'held', checkinCode: 'code-wire-2' });
    await store.events.createEvent(event);
    const reviewed: Notification = { ...notice, id: 'n-wire-2', recipientOpenid: I.daguoLeader, kind: 'event_reviewed', title: '活动已通过审核', body: '「河涌边清理」已通过内容审核，居民现在可以看到并报名了。', page: '/volunteer/pages/event/index?id=ev-wire-2' };
    expect(await sent(() => store.events.decideEvent(event.id, 'event', 'published', [reviewed]))).toMatchSnapshot('event');
    const m = { id: `team-daguo-clean_${I.resident}`, teamId: 'team-daguo-clean', openid: I.resident, name: '陈阿姨', status: 'pending' as const, partyMember: false, appliedAt: AT, decidedAt: null, note: '私聊我', noteModeration: 'held' as const };
    await store.teams.apply(m, []);
    expect(await sent(() => store.teams.decideNote(m.id, 'rejected'))).toMatchSnapshot('note');
    expect(await sent(() => store.events.decideHoursReason('h-wire-1', 'published'))).toMatchSnapshot('hours reason');
  });

  it('forgets a person step by step: their concerns and guards, notices, messages, memberships, sign-ups, code, feedback, photo checks, +1s, reports, and last the user', async () => {
    await store.directory.ensureUser({ openid: I.resident, name: '陈阿姨', phone: '13900000001', createdAt: AT });
    await store.concerns.create(concern, [{ id: 'e-wire-1', concernId: concern.id, type: 'submitted', actorOpenid: I.resident, actorName: '陈阿姨', actorRole: 'resident', at: AT, fromStatus: null, toStatus: 'submitted', note: null }], [{ ...notice, recipientOpenid: I.resident }]);
    await store.events.personalCode(I.resident, 'code-wire');
    await store.board.plusOne(concern.id, I.resident, AT);
    const requests = await sent(() => store.privacy.forget(I.resident, 'gone-wire-1', AT));
    expect(requests).toMatchSnapshot();
    // Nothing of the person is left in a query's answer afterwards, and the user document goes last.
    const last = requests.map(decode).filter((r) => r.action === 'removeDocument').pop()!;
    expect(last.collection).toBe('users');
    expect(JSON.stringify(wire.collectionNames().flatMap((c) => wire.documents(c)))).not.toContain(I.resident);
  });

  it('reads the board with one query each (resolved of the towns, similar open nearby) after one read of the towns’ 举报 categories, and counts +1s with one aggregation', async () => {
    await store.concerns.create(concern, [], []);
    expect(
      await sent(async () => {
        await store.board.listResolved(['danzao', 'xiqiao'], 'dz-xicheng', 30);
        await store.board.similarOpen({ townId: 'danzao', category: 'environment', villageId: 'dz-xicheng', gridId: null, box: { minLat: 23.04, maxLat: 23.06, minLng: 112.89, maxLng: 112.91 }, limit: 20 });
        await store.board.plusOne(concern.id, I.resident2, AT);
        await store.board.plusOnes([concern.id], I.resident2);
      }),
    ).toMatchSnapshot();
  });
});
