/**
 * The hot event document (issue 22, item 3): while sign-ups change an event's counters outside any
 * transaction, cancellations and promotions write the event document first in their transactions, are
 * run again after a pause when it changed under them, and the counters end equal to the sign-ups.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { volunteerEvent } from '../store/volunteers/contract-volunteer';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb;
afterEach(() => wire.uninstall());

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument']);

it('writes the event document first in every transaction that writes it, and the counters match the sign-ups after a burst', async () => {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  const { events } = store;
  const e = volunteerEvent({ capacity: 10 });
  await events.createEvent(e);
  const person = (i: number) => ({ openid: `o-hot-${String(i).padStart(3, '0')}`, name: `街坊${i}` });
  for (let i = 0; i < 20; i++) await events.signUp(e.id, person(i), null, e.createdAt);
  const from = wire.requests.length;
  const tpl = { id: 'n-hot', kind: 'event_promoted' as const, title: '候补转为正式报名', body: '您已从候补转为正式报名', page: '/volunteer/pages/event/index?id=e1', createdAt: e.createdAt };
  await Promise.all([
    ...[0, 3, 5, 12, 15].map((i) => events.cancelSignUp(e.id, person(i).openid, e.createdAt, { ...tpl, id: `n-hot-${i}` })),
    ...[20, 21, 22, 23, 24, 25].map((i) => events.signUp(e.id, person(i), null, e.createdAt)),
  ]);

  const firstWrite = new Map<string, string>();
  for (const r of wire.requests.slice(from)) {
    const tx = r.params?.transactionId;
    if (typeof tx === 'string' && tx !== '' && WRITES.has(r.action) && !firstWrite.has(tx)) firstWrite.set(tx, String(r.params?.collectionName));
  }
  const txsWritingEvents = new Set(
    wire.requests.slice(from).filter((r) => typeof r.params?.transactionId === 'string' && WRITES.has(r.action) && r.params?.collectionName === 'vol_events').map((r) => String(r.params?.transactionId)),
  );
  expect(txsWritingEvents.size).toBeGreaterThan(0);
  for (const tx of txsWritingEvents) expect({ tx, first: firstWrite.get(tx) }).toEqual({ tx, first: 'vol_events' });

  const signUps = await events.listSignUps(e.id);
  const ev = await events.getEvent(e.id);
  expect(ev).toMatchObject({ signedCount: signUps.filter((s) => s.status === 'signed').length, waitlistCount: signUps.filter((s) => s.status === 'waitlisted').length });
  expect(ev!.signedCount).toBe(10);
  expect(signUps.filter((s) => s.status === 'cancelled')).toHaveLength(5);
});
