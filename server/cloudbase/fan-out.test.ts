/** Fan-outs on CloudBase keep at most FAN_OUT requests in flight (the basic plan's connections are few). */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { DEMO_IDENTITIES as I } from '../demo-data';
import { at, notice } from '../store/contract-fixtures';
import { FAN_OUT, mapBounded } from './db';
import { CloudbaseStore } from './store';

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('mapBounded', () => {
  it('keeps at most the limit in flight and answers in the items’ order', async () => {
    let inFlight = 0;
    let most = 0;
    const out = await mapBounded(
      Array.from({ length: 25 }, (_, i) => i),
      async (i) => {
        most = Math.max(most, ++inFlight);
        for (let k = 0; k < (i % 3) + 1; k++) await tick();
        inFlight--;
        return i * 2;
      },
      4,
    );
    expect(most).toBe(4);
    expect(out).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
    expect(await mapBounded([], async () => 1)).toEqual([]);
  });

  it('throws the first failure once every started call has settled', async () => {
    const settled: number[] = [];
    await expect(
      mapBounded([1, 2, 3, 4, 5], async (i) => {
        await tick();
        settled.push(i);
        if (i === 2) throw new Error('boom 2');
        return i;
      }, 2),
    ).rejects.toThrow('boom 2');
    expect(settled.length).toBeGreaterThanOrEqual(2);
  });
});

describe('the outbox fan-out on the wire fake', () => {
  let wire: FakeCloudbaseDb;
  afterEach(() => wire.uninstall());

  it('enqueues and claims 30 notices with at most FAN_OUT requests in flight', async () => {
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    const handle = wire.handle.bind(wire);
    let inFlight = 0;
    let most = 0;
    wire.handle = async (action, params) => {
      most = Math.max(most, ++inFlight);
      try {
        await tick();
        return await handle(action, params);
      } finally {
        inFlight--;
      }
    };
    const notices = Array.from({ length: 30 }, () => notice(I.daguoChair, at(0)));
    expect(await store.outbox.enqueue(notices)).toBe(30);
    expect(await store.outbox.claimDue(at(10), at(70), 100)).toHaveLength(30);
    expect(most).toBeLessThanOrEqual(FAN_OUT);
    expect(most).toBeGreaterThan(1);
  });
});
