/** The repository contract (store-contract.ts) on the CloudBase adapter, over the in-process wire fake. */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { describeStoreContract } from '../store-contract';
import { seedCloudbaseDirectory, seedCloudbaseVolunteers } from './seed';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb | null = null;
afterEach(() => {
  wire?.uninstall();
  wire = null;
});

describeStoreContract('CloudBase (wire fake)', {
  async create(data, volunteers) {
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, data);
    await seedCloudbaseVolunteers(store.cb, volunteers);
    return store;
  },
});
