/**
 * A waitlisted sign-up's position (issue 22): the CloudBase store counts it beside its free-place check
 * after writing the sign-up, and counts it again when that check promoted someone, so the position it
 * answers is always the queue's as stored.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { volunteerEvent } from '../store/volunteers/contract-volunteer';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb;
afterEach(() => wire.uninstall());

const person = (i: number) => ({ openid: `o-pos-${String(i).padStart(3, '0')}`, name: `街坊${i}` });

async function setUp() {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  const e = volunteerEvent({ capacity: 2 });
  await store.events.createEvent(e);
  return { store, e };
}

it('answers each waitlisted sign-up with its place in the queue', async () => {
  const { store, e } = await setUp();
  const outs = [];
  for (let i = 0; i < 5; i++) outs.push(await store.events.signUp(e.id, person(i), null, e.createdAt));
  expect(outs.map((o) => o.kind)).toEqual(['signed', 'signed', 'waitlisted', 'waitlisted', 'waitlisted']);
  expect(outs.slice(2).map((o) => (o.kind === 'waitlisted' ? o.position : null))).toEqual([1, 2, 3]);
  for (const o of outs.slice(2)) if (o.kind === 'waitlisted') expect(o.position).toBe(await store.events.waitlistPosition(e.id, o.signUp.arrival));
});

it('counts the position again when its free-place check promoted the first waiting sign-up', async () => {
  const { store, e } = await setUp();
  for (let i = 0; i < 4; i++) await store.events.signUp(e.id, person(i), null, e.createdAt);
  // A place freed without a promotion (as by a sign-up given back after a lost race): one signed
  // sign-up gone and its counter down, while two wait.
  await store.cb.updateWhere('vol_signups', { _id: `${e.id}_${person(1).openid}` }, { status: 'cancelled' });
  await store.cb.updateWhere('vol_events', { _id: e.id }, { signedCount: store.cb._.inc(-1) });
  // A caller that read the event full goes straight to the waitlist; its check then promotes person 2.
  const out = await store.events.signUp(e.id, person(9), null, e.createdAt, { held: null, event: { ...e, signedCount: 2 } });
  expect((await store.events.getSignUp(e.id, person(2).openid))?.status).toBe('signed');
  expect(out).toMatchObject({ kind: 'waitlisted', position: 2 });
  if (out.kind === 'waitlisted') expect(out.position).toBe(await store.events.waitlistPosition(e.id, out.signUp.arrival));
});
