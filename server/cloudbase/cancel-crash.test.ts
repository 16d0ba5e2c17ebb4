/**
 * Cancellations cut off at every request on CloudBase (the wire fake; issue 22, item 8): the function
 * dies at request k and sends nothing after it, then the person asks again, the `sla` timer's passes run
 * (reconciler, pending cancel notices), and the invariants hold for every k:
 * - a person's own cancellation: each counter is what the sign-ups hold, the place goes to the first
 *   waiting person once, who is told once;
 * - an event cancelled: it ends cancelled, every holder is told exactly once, nothing is left pending.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { at } from '../store/contract-fixtures';
import { volunteerEvent } from '../store/volunteers/contract-volunteer';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb | null = null;
afterEach(() => {
  wire?.uninstall();
  wire = null;
});

const person = (openid: string) => ({ openid, name: `街坊${openid.slice(-3)}` });
const PROMOTED = { id: 'n-promoted', kind: 'event_promoted' as const, title: '候补转为正式报名', body: '您已从候补转为正式报名', page: '/volunteer/pages/event/index?id=ev', createdAt: at(10) };
const CANCELLED = { id: 'n-cancel', kind: 'event_cancelled' as const, title: '活动已取消', body: '活动已取消：台风', page: '/volunteer/pages/event/index?id=ev', createdAt: at(10) };
/** A transaction the dead function left open holds its documents until the service ends it (30 s). */
const LATER_MS = 31_000;

/** Two signed (capacity 2) and two waiting. */
async function storeWithQueue(eventId: string) {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  await store.events.createEvent(volunteerEvent({ id: eventId, capacity: 2, waitlist: true }));
  for (const [i, o] of ['o-vol-001', 'o-vol-002', 'o-vol-003', 'o-vol-004'].entries()) await store.events.signUp(eventId, person(o), null, at(1 + i));
  return { store, fake: fake.wire };
}

/** Makes every request from the `cut`-th on fail, as a function that died there; answers the healer. */
function dieAt(fake: FakeCloudbaseDb, cut: number): () => void {
  const handle = fake.handle.bind(fake);
  let sent = 0;
  fake.handle = async (action, params) => {
    if (++sent >= cut) throw new Error(`function died at request ${cut}`);
    return handle(action, params);
  };
  return () => {
    fake.handle = handle;
    fake.limits.advance(LATER_MS);
  };
}

async function counters(store: CloudbaseStore, eventId: string) {
  const ev = (await store.events.getEvent(eventId))!;
  const s = await store.events.listSignUps(eventId);
  return { signedCount: ev.signedCount, waitlistCount: ev.waitlistCount, signed: s.filter((x) => x.status === 'signed').length, waiting: s.filter((x) => x.status === 'waitlisted').length };
}

/** The requests one uncut run of `step` sends on a fresh store. */
async function requestsOf(eventId: string, step: (store: CloudbaseStore) => Promise<unknown>): Promise<number> {
  const { store, fake } = await storeWithQueue(eventId);
  const from = fake.requests.length;
  await step(store);
  const n = fake.requests.length - from;
  fake.uninstall();
  return n;
}

describe('cancellations cut at every request on CloudBase', () => {
  it('a signed person’s cancellation: asked again after the cut, the first waiting person gets the place once and is told once', async () => {
    const ID = 'ev-cut-own';
    const cancel = (store: CloudbaseStore) => store.events.cancelSignUp(ID, 'o-vol-001', at(20), PROMOTED);
    const total = await requestsOf(ID, cancel);
    expect(total).toBeGreaterThan(3);
    for (let cut = 1; cut <= total; cut++) {
      const { store, fake } = await storeWithQueue(ID);
      const heal = dieAt(fake, cut);
      await expect(cancel(store)).rejects.toThrow(`function died at request ${cut}`);
      heal();
      await cancel(store);
      await store.events.reconcileCounters(at(600));
      await store.events.reconcileCounters(at(1200));
      const statuses = Object.fromEntries((await store.events.listSignUps(ID)).map((s) => [s.openid, s.status]));
      const told = fake.documents('outbox').filter((d) => d.kind === 'event_promoted').map((d) => d.recipientOpenid);
      expect({ cut, statuses, told, ...(await counters(store, ID)) }).toEqual({
        cut,
        statuses: { 'o-vol-001': 'cancelled', 'o-vol-002': 'signed', 'o-vol-003': 'signed', 'o-vol-004': 'waitlisted' },
        told: ['o-vol-003'],
        signedCount: 2,
        waitlistCount: 1,
        signed: 2,
        waiting: 1,
      });
      fake.uninstall();
    }
  }, 120_000);

  it('a waiting person’s cancellation cut anywhere leaves the queue and the counters as the sign-ups say', async () => {
    const ID = 'ev-cut-wait';
    const cancel = (store: CloudbaseStore) => store.events.cancelSignUp(ID, 'o-vol-003', at(20), PROMOTED);
    const total = await requestsOf(ID, cancel);
    for (let cut = 1; cut <= total; cut++) {
      const { store, fake } = await storeWithQueue(ID);
      const heal = dieAt(fake, cut);
      await expect(cancel(store)).rejects.toThrow(`function died at request ${cut}`);
      heal();
      await cancel(store);
      await store.events.reconcileCounters(at(600));
      await store.events.reconcileCounters(at(1200));
      expect({ cut, ...(await counters(store, ID)), promoted: fake.documents('outbox').filter((d) => d.kind === 'event_promoted').length }).toEqual({ cut, signedCount: 2, waitlistCount: 1, signed: 2, waiting: 1, promoted: 0 });
      expect((await store.events.getSignUp(ID, 'o-vol-004'))?.status).toBe('waitlisted');
      fake.uninstall();
    }
  }, 120_000);

  it('an event’s cancellation cut anywhere: finished by the sla pass or a second call, each holder told exactly once', async () => {
    const ID = 'ev-cut-event';
    const cancelEvent = (store: CloudbaseStore) => store.events.cancelEvent(ID, { reason: '台风', moderation: 'published', at: at(30) }, CANCELLED);
    const total = await requestsOf(ID, cancelEvent);
    expect(total).toBeGreaterThan(4);
    for (let cut = 1; cut <= total; cut++) {
      const { store, fake } = await storeWithQueue(ID);
      const heal = dieAt(fake, cut);
      await expect(cancelEvent(store)).rejects.toThrow(`function died at request ${cut}`);
      heal();
      // The sla timer's pass comes first; the leader, seeing the event still open, asks again.
      await store.events.reconcileCounters(at(600));
      if ((await store.events.getEvent(ID))!.status === 'open') expect(await cancelEvent(store)).toBe(4);
      else await cancelEvent(store);
      const told = fake.documents('outbox').filter((d) => d.kind === 'event_cancelled').map((d) => d.recipientOpenid).sort();
      expect({ cut, told, event: fake.documents('vol_events').find((d) => d._id === ID) }).toMatchObject({
        cut,
        told: ['o-vol-001', 'o-vol-002', 'o-vol-003', 'o-vol-004'],
        event: { status: 'cancelled', noticesPending: false },
      });
      fake.uninstall();
    }
  }, 120_000);
});
