/** The repository contract (store-contract.ts) on the SQLite store, in memory. */
import { seedDirectory, seedVolunteers } from './seed';
import { SqliteStore } from './sqlite-store';
import { describeStoreContract } from './store-contract';

describeStoreContract('SQLite', {
  async create(data, volunteers) {
    const store = new SqliteStore({ path: ':memory:' });
    seedDirectory(store.db, data);
    seedVolunteers(store.db, volunteers);
    return store;
  },
});
