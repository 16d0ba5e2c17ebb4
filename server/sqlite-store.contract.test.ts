/** The repository contract (store-contract.ts) on the SQLite store, in memory. */
import { addApiClient } from './api-keys';
import { seedDirectory, seedVolunteers } from './seed';
import { seedBoardSettings } from './store/board/sqlite-board';
import { SqliteStore } from './sqlite-store';
import { describeStoreContract } from './store/contract';

describeStoreContract('SQLite', {
  async create(data, volunteers, apiClients, boardTowns) {
    const store = new SqliteStore({ path: ':memory:' });
    seedDirectory(store.db, data);
    seedVolunteers(store.db, volunteers);
    seedBoardSettings(store.db, [...boardTowns]);
    for (const { client, key } of apiClients) addApiClient(store.db, client, key, '2026-11-30T00:00:00.000Z');
    return store;
  },
  async everything(store) {
    const { db } = store as SqliteStore;
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    return tables.flatMap((t) => db.prepare(`SELECT * FROM "${t}"`).all().map((record) => ({ where: t, record })));
  },
});
