/**
 * The repository contract (store-contract.ts) on the CloudBase adapter, over the in-process wire fake, and
 * what only CloudBase needs: forgetting a person is a sequence of idempotent steps, so a run cut off
 * anywhere and run again ends exactly where one whole run does.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { demoDirectory, demoVolunteers } from '../demo-data';
import { describeStoreContract } from '../store/contract';
import { at, resetUids, T0 } from '../store/contract-fixtures';
import { giveLeaverEverything, LEAVER, TOMBSTONE, traces } from '../store/trust/contract-trust';
import { addCloudbaseApiClient, seedCloudbaseBoardSettings, seedCloudbaseCalendar, seedCloudbaseDirectory, seedCloudbaseVolunteers } from './seed';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb | null = null;
afterEach(() => {
  wire?.uninstall();
  wire = null;
});

describeStoreContract('CloudBase (wire fake)', {
  async create(data, volunteers, apiClients, boardTowns) {
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, data);
    // As `npm run cloudbase:setup` does on every deployment.
    await seedCloudbaseCalendar(store.directory);
    await seedCloudbaseVolunteers(store.cb, volunteers);
      await seedCloudbaseBoardSettings(store.cb, [...boardTowns]);
    for (const { client, key } of apiClients) await addCloudbaseApiClient(store.cb, client, key, '2026-11-30T00:00:00.000Z');
    return store;
  },
  async everything() {
    const w = wire!;
    return w.collectionNames().flatMap((c) => w.documents(c).map((record) => ({ where: c, record })));
  },
  // 30 s a case: at the fake's 20 requests in flight (the basic plan's connections), bursts such as 200
  // sign-ups at once wait out jittered backoff pauses in real time (issue 22, item 2).
}, 30_000);

describe('forgetting a person on CloudBase', () => {
  async function storeWithLeaver() {
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, demoDirectory(at(-3600)));
    await seedCloudbaseVolunteers(store.cb, demoVolunteers(new Date(T0), (eventId) => `code-${eventId}`));
    resetUids(); // the same ids each time, so that runs can be compared record by record
    await giveLeaverEverything(store);
    return { store, fake: fake.wire };
  }
  const everything = (w: FakeCloudbaseDb) => async () => w.collectionNames().flatMap((c) => w.documents(c).map((record) => ({ where: c, record })));

  it('finishes the job when a run is cut off at any request and then run again', async () => {
    // How many requests one whole run sends.
    const whole = await storeWithLeaver();
    const from = whole.fake.requests.length;
    await whole.store.privacy.forget(LEAVER.openid, TOMBSTONE, at(100));
    const total = whole.fake.requests.length - from;
    expect(total).toBeGreaterThan(10);
    const expected = (await everything(whole.fake)()).map((r) => JSON.stringify(r)).sort();
    whole.fake.uninstall();

    for (let cut = 1; cut < total; cut += Math.max(1, Math.floor(total / 12))) {
      const { store, fake } = await storeWithLeaver();
      const handle = fake.handle.bind(fake);
      let sent = 0;
      fake.handle = async (action, params) => {
        if (++sent === cut) throw new Error(`network cut at request ${cut}`);
        return handle(action, params);
      };
      await expect(store.privacy.forget(LEAVER.openid, TOMBSTONE, at(100))).rejects.toThrow(`network cut at request ${cut}`);
      fake.handle = handle;
      await store.privacy.forget(LEAVER.openid, TOMBSTONE, at(100));
      expect({ cut, traces: await traces(store, everything(fake)) }).toEqual({ cut, traces: [] });
      expect((await everything(fake)()).map((r) => JSON.stringify(r)).sort()).toEqual(expected);
      fake.uninstall();
    }
  }, 60_000);
});
