/**
 * A sign-up cut off at any request on CloudBase (the wire fake) never leaks a place for good: the
 * reconciler of the SLA timer sets the counters back to what the sign-ups hold on its second look, and a
 * sign-up still on its way when the reconciler first looks is not undone.
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

const EVENT = volunteerEvent({ id: 'ev-crash', capacity: 2 });
const person = (openid: string) => ({ openid, name: `街坊${openid.slice(-3)}` });

async function storeWithEvent() {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  await store.events.createEvent(EVENT);
  await store.events.signUp(EVENT.id, person('o-vol-001'), null, at(1));
  return { store, wire: fake.wire };
}

/** The invariant: each counter is what the sign-ups hold. */
async function counters(store: CloudbaseStore) {
  const ev = (await store.events.getEvent(EVENT.id))!;
  const signUps = await store.events.listSignUps(EVENT.id);
  return {
    signedCount: ev.signedCount,
    waitlistCount: ev.waitlistCount,
    signed: signUps.filter((s) => s.status === 'signed').length,
    waiting: signUps.filter((s) => s.status === 'waitlisted').length,
  };
}

describe('place counters after a crash on CloudBase', () => {
  it('a sign-up cut at any request leaks no place once the reconciler has looked twice', async () => {
    const whole = await storeWithEvent();
    const from = whole.wire.requests.length;
    await whole.store.events.signUp(EVENT.id, person('o-vol-002'), null, at(2));
    const total = whole.wire.requests.length - from;
    expect(total).toBeGreaterThan(2);
    whole.wire.uninstall();

    for (let cut = 1; cut <= total; cut++) {
      const { store, wire: fake } = await storeWithEvent();
      const handle = fake.handle.bind(fake);
      let sent = 0;
      fake.handle = async (action, params) => {
        if (++sent >= cut) throw new Error(`function died at request ${cut}`);
        return handle(action, params);
      };
      await expect(store.events.signUp(EVENT.id, person('o-vol-002'), null, at(2))).rejects.toThrow(`function died at request ${cut}`);
      fake.handle = handle;
      await store.events.reconcileCounters(at(600));
      await store.events.reconcileCounters(at(1200));
      const c = await counters(store);
      expect({ cut, signedCount: c.signedCount, waitlistCount: c.waitlistCount }).toEqual({ cut, signedCount: c.signed, waitlistCount: c.waiting });
      // The person can sign up again, and the event fills to its capacity, not below.
      await store.events.signUp(EVENT.id, person('o-vol-002'), null, at(3));
      await store.events.signUp(EVENT.id, person('o-vol-003'), null, at(4));
      expect({ cut, ...(await counters(store)) }).toEqual({ cut, signedCount: 2, waitlistCount: 1, signed: 2, waiting: 1 });
      fake.uninstall();
    }
  }, 60_000);

  it('a sign-up on its way when the reconciler first looks keeps its place', async () => {
    const { store, wire: fake } = await storeWithEvent();
    const handle = fake.handle.bind(fake);
    let release: () => void = () => undefined;
    const paused = new Promise<void>((resolve) => {
      fake.handle = async (action, params) => {
        // Hold the sign-up's own document back, after its place was taken.
        if (action === 'database.insertDocument' && (params as { collectionName?: string }).collectionName === 'vol_signups') {
          resolve();
          await new Promise<void>((r) => (release = r));
        }
        return handle(action, params);
      };
    });
    const signing = store.events.signUp(EVENT.id, person('o-vol-002'), null, at(2));
    await paused;
    expect(await store.events.reconcileCounters(at(600))).toBe(0);
    release();
    expect(await signing).toMatchObject({ kind: 'signed', created: true });
    fake.handle = handle;
    expect(await store.events.reconcileCounters(at(1200))).toBe(0);
    expect(await counters(store)).toEqual({ signedCount: 2, waitlistCount: 0, signed: 2, waiting: 0 });
  });
});
