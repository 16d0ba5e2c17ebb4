/**
 * The repository contract on a real CloudBase environment (`npm run test:cloudbase`; never part of
 * `npm test`). Collections are prefixed and emptied before each case.
 */
import tcb from '@cloudbase/node-sdk';
import { cloudbaseCredentials } from '../../scripts/cloudbase-setup';
import { describeStoreContract } from '../store-contract';
import { COLLECTIONS } from './db';
import { seedCloudbaseDirectory, seedCloudbaseVolunteers } from './seed';
import { CloudbaseStore } from './store';

const creds = cloudbaseCredentials();
if (!creds) throw new Error('test:cloudbase needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
const db = tcb.init(creds).database();
const prefix = process.env.JIEFANG_TEST_PREFIX ?? 'contract_';

describeStoreContract(
  `CloudBase environment ${creds.env}`,
  {
    async create(data, volunteers) {
      const store = new CloudbaseStore({ db, prefix });
      await store.cb.createCollections();
      for (const c of COLLECTIONS) await store.cb.coll(c).where({ _id: store.cb._.exists(true) }).remove();
      await seedCloudbaseDirectory(store.cb, data);
      await seedCloudbaseVolunteers(store.cb, volunteers);
      return store;
    },
  },
  120_000,
);
