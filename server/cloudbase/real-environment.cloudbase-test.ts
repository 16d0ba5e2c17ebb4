/**
 * The repository contract on a real CloudBase environment (`npm run test:cloudbase`; never part of
 * `npm test`). Collections are prefixed and emptied before each case.
 */
import tcb from '@cloudbase/node-sdk';
import { cloudbaseCredentials } from '../../scripts/cloudbase-setup';
import { describeStoreContract } from '../store/contract';
import { COLLECTIONS } from './db';
import { addCloudbaseApiClient, seedCloudbaseBoardSettings, seedCloudbaseCalendar, seedCloudbaseDirectory, seedCloudbaseVolunteers } from './seed';
import { CloudbaseStore } from './store';

const creds = cloudbaseCredentials();
if (!creds) throw new Error('test:cloudbase needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
const db = tcb.init(creds).database();
const prefix = process.env.JIEFANG_TEST_PREFIX ?? 'contract_';

describeStoreContract(
  `CloudBase environment ${creds.env}`,
  {
    async create(data, volunteers, apiClients, boardTowns) {
      const store = new CloudbaseStore({ db, prefix });
      await store.cb.createCollections();
      for (const c of COLLECTIONS) await store.cb.coll(c).where({ _id: store.cb._.exists(true) }).remove();
      await seedCloudbaseDirectory(store.cb, data);
      await seedCloudbaseCalendar(store.directory);
      await seedCloudbaseVolunteers(store.cb, volunteers);
      await seedCloudbaseBoardSettings(store.cb, [...boardTowns]);
      for (const { client, key } of apiClients) await addCloudbaseApiClient(store.cb, client, key, new Date().toISOString());
      return store;
    },
    /** Every document of every prefixed collection the store uses. */
    async everything(store) {
      const { cb } = store as CloudbaseStore;
      const out: Array<{ where: string; record: unknown }> = [];
      for (const c of COLLECTIONS) for (const record of await cb.readAll(c)) out.push({ where: c, record });
      return out;
    },
  },
  120_000,
);
