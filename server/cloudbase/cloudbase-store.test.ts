/** The repository contract (store-contract.ts) on the CloudBase adapter, over the in-process wire fake. */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { describeStoreContract } from '../store-contract';
import { addCloudbaseApiClient, seedCloudbaseDirectory, seedCloudbaseVolunteers } from './seed';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb | null = null;
afterEach(() => {
  wire?.uninstall();
  wire = null;
});

describeStoreContract('CloudBase (wire fake)', {
  async create(data, volunteers, apiClients) {
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, data);
    await seedCloudbaseVolunteers(store.cb, volunteers);
    for (const { client, key } of apiClients) await addCloudbaseApiClient(store.cb, client, key, '2026-11-30T00:00:00.000Z');
    return store;
  },
  async everything() {
    const w = wire!;
    return w.collectionNames().flatMap((c) => w.documents(c).map((record) => ({ where: c, record })));
  },
});
