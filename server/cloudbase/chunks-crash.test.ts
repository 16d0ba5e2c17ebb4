/**
 * Chunked work cut off at request boundaries (issue 22, item 1) on the wire fake: a hotline batch run
 * again after a cut stores every ticket exactly once; an event cancellation cut off after its commit is
 * finished by the `sla` timer's pass (or a second call), each holder told exactly once.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import type { NewConcern } from '../../core/ports';
import { DEMO_IDENTITIES as I } from '../demo-data';
import { at, concern, event, notice } from '../store/contract-fixtures';
import { volunteerEvent } from '../store/volunteers/contract-volunteer';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb;
afterEach(() => wire.uninstall());

async function fresh() {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  return store;
}

/** Cuts the network at the `cut`-th request from now; answers a function that heals it. */
function cutAt(cut: number): () => void {
  const handle = wire.handle.bind(wire);
  let sent = 0;
  wire.handle = async (action, params) => {
    if (++sent === cut) throw new Error(`network cut at request ${cut}`);
    return handle(action, params);
  };
  return () => {
    wire.handle = handle;
  };
}

const tickets = (n: number): NewConcern[] =>
  Array.from({ length: n }, (_, i) => {
    const c = concern({ id: `c-cut-${i}`, source: '12345', reporterOpenid: 'open311-12345', requestId: `CUT${i}` });
    return { concern: c, events: [event(c, 'submitted', { actorOpenid: c.reporterOpenid })], notifications: [{ ...notice(I.daguoChair), id: `n-cut-${i}` }] };
  });

it.each([5, 40, 90, 160])('stores every ticket of a 120-ticket batch exactly once when a run cut at request %i is run again', async (cut) => {
  const store = await fresh();
  const heal = cutAt(cut);
  await expect(store.concerns.createMany(tickets(120))).rejects.toThrow(`network cut at request ${cut}`);
  heal();
  // (mapBounded answers the failure only after every chunk it started has settled.)
  const again = await store.concerns.createMany(tickets(120));
  expect(again.created.length + again.existing.length).toBe(120);
  expect(wire.documents('concerns').map((d) => d._id).sort()).toEqual(tickets(120).map((t) => t.concern.id).sort());
  expect(wire.documents('concern_requests')).toHaveLength(120);
  expect(wire.documents('outbox')).toHaveLength(120);
});

it.each([4, 10, 30, 55])('tells each of 60 holders once when a cancellation cut at request %i after its start is finished by the sla pass', async (cut) => {
  const store = await fresh();
  const e = volunteerEvent({ capacity: 60 });
  await store.events.createEvent(e);
  for (let i = 0; i < 60; i++) await store.events.signUp(e.id, { openid: `o-cut-${i}`, name: `街坊${i}` }, null, at(1));
  const tpl = { id: 'n-cancel', kind: 'event_cancelled' as const, title: '活动已取消', body: '活动已取消：台风', page: '/volunteer/pages/event/index?id=e1', createdAt: at(10) };
  const heal = cutAt(cut);
  const first = await store.events.cancelEvent(e.id, { reason: '台风', moderation: 'published', at: at(3) }, tpl).then((n) => n, () => 'cut');
  heal();
  const committed = (await store.events.getEvent(e.id))!.status === 'cancelled';
  if (!committed) expect(await store.events.cancelEvent(e.id, { reason: '台风', moderation: 'published', at: at(3) }, tpl)).toBe(60);
  await store.events.reconcileCounters(at(20));
  const notices = wire.documents('outbox').filter((d) => d.kind === 'event_cancelled');
  expect({ first: first === 'cut' || first === 60, told: new Set(notices.map((d) => d.recipientOpenid)).size, notices: notices.length }).toEqual({ first: true, told: 60, notices: 60 });
  expect(wire.documents('vol_events').find((d) => d._id === e.id)).toMatchObject({ status: 'cancelled', noticesPending: false });
});
