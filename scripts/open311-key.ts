/**
 * Adds an Open311 client system to the local database and prints its new key (shown once, stored hashed):
 *
 *   JIEFANG_DB=data/jiefang.db npx tsx scripts/open311-key.ts add <id> <name> <12345|open311> <town,town…> [own|scope]
 */
import { isMain } from './is-main';
import { addApiClient, DEFAULT_CLIENT_BUDGET, newApiKey } from '../server/api-keys';
import { openDatabase } from '../server/sqlite-store';

if (isMain(__filename)) {
  void (async () => {
    const [cmd, id, name, source, townList, reads = 'own'] = process.argv.slice(2);
    if (cmd !== 'add' || !id || !name || (source !== '12345' && source !== 'open311') || !townList || (reads !== 'own' && reads !== 'scope')) {
      console.error('usage: tsx scripts/open311-key.ts add <id> <name> <12345|open311> <town,town…> [own|scope]');
      process.exit(2);
    }
    const db = openDatabase(process.env.JIEFANG_DB ?? 'data/jiefang.db');
    const key = newApiKey();
    const added = addApiClient(db, { id, name, source, townIds: townList.split(','), reads, ...DEFAULT_CLIENT_BUDGET }, key, new Date().toISOString());
    db.close();
    if (!added) {
      console.error(`a client ${id} exists already; its key is unchanged`);
      process.exit(1);
    }
    console.log(`api_key for ${id} (shown once, stored only hashed): ${key}`);
  })();
}
