/**
 * The notify job cut off at any request on CloudBase (the wire fake), then run again after its lease:
 * every notice is sent and marked sent, and at most the one notice in flight when the job died is sent twice.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { deliverDue, LEASE_SECONDS } from '../../core/concerns/outbox';
import type { NotificationSender } from '../../core/ports';
import { DEMO_IDENTITIES as I } from '../demo-data';
import { at, notice } from '../store/contract-fixtures';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb | null = null;
afterEach(() => {
  wire?.uninstall();
  wire = null;
});

const NOTICES = [notice(I.daguoChair, at(0)), notice(I.daguoGridWorker, at(0)), notice(I.envOffice, at(0))];
const T = new Date(Date.parse(at(10)));
const LATER = new Date(T.getTime() + (LEASE_SECONDS + 1) * 1000);

async function storeWithNotices() {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  await store.outbox.enqueue(NOTICES);
  return { store, wire: fake.wire };
}

const recorder = (sent: string[]): NotificationSender => ({
  async send(item) {
    sent.push(item.id);
  },
});

/** How many requests one whole delivery with `sender` sends. */
async function requestsOfDelivery(sender: NotificationSender): Promise<number> {
  const whole = await storeWithNotices();
  const from = whole.wire.requests.length;
  await deliverDue(whole.store.outbox, sender, T);
  const total = whole.wire.requests.length - from;
  whole.wire.uninstall();
  return total;
}

/** A fresh store whose delivery at T with `sender` dies at request `cut`; the wire works again afterwards. */
async function deliveryCutAt(cut: number, sender: NotificationSender) {
  const { store, wire: fake } = await storeWithNotices();
  const handle = fake.handle.bind(fake);
  let requests = 0;
  fake.handle = async (action, params) => {
    if (++requests >= cut) throw new Error(`function died at request ${cut}`);
    return handle(action, params);
  };
  await expect(deliverDue(store.outbox, sender, T)).rejects.toThrow(`function died at request ${cut}`);
  fake.handle = handle;
  return { store, fake };
}

describe('the outbox after a crash on CloudBase', () => {
  it('a delivery cut at any request is finished by the next run, sending at most the notice in flight twice', async () => {
    const total = await requestsOfDelivery(recorder([]));
    expect(total).toBeGreaterThan(NOTICES.length);

    for (let cut = 1; cut <= total; cut++) {
      const sent: string[] = [];
      const { store, fake } = await deliveryCutAt(cut, recorder(sent));
      await deliverDue(store.outbox, recorder(sent), LATER);
      const times = NOTICES.map((n) => sent.filter((id) => id === n.id).length);
      expect({ cut, everySent: times.every((k) => k >= 1), twice: times.filter((k) => k > 1).length <= 1, most: Math.max(...times) <= 2 }).toEqual({ cut, everySent: true, twice: true, most: true });
      for (const n of NOTICES) expect({ cut, status: (await store.outbox.get(n.id))?.status }).toEqual({ cut, status: 'sent' });
      fake.uninstall();
    }
  }, 60_000);

  it('a delivery with a failing send cut at any request counts each failure once, under the lease that tried it', async () => {
    const failing = NOTICES[1].id;
    const sender = (sent: string[]): NotificationSender => ({
      async send(item) {
        sent.push(item.id);
        if (item.id === failing) throw new Error('模板无效');
      },
    });
    const total = await requestsOfDelivery(sender([]));

    for (let cut = 1; cut <= total; cut++) {
      const sent: string[] = [];
      const { store, fake } = await deliveryCutAt(cut, sender(sent));
      const tried = sent.filter((id) => id === failing).length;
      // The next run comes after the lease and after the first retry wait, so it tries the failing notice again.
      await deliverDue(store.outbox, sender(sent), new Date(LATER.getTime() + 60_000));
      const item = await store.outbox.get(failing);
      // Each attempt is counted at most once; the one cut off before its report is not counted at all.
      const attempts = sent.filter((id) => id === failing).length;
      expect({ cut, status: item?.status, lastError: item?.lastError, counted: item !== null && item.attempts >= 1 && item.attempts <= attempts && item.attempts >= attempts - 1 }).toEqual({
        cut,
        status: 'pending',
        lastError: '模板无效',
        counted: true,
      });
      expect({ cut, tried: tried <= 1 }).toEqual({ cut, tried: true });
      for (const n of NOTICES.filter((x) => x.id !== failing)) expect({ cut, status: (await store.outbox.get(n.id))?.status }).toEqual({ cut, status: 'sent' });
      fake.uninstall();
    }
  }, 60_000);
});
