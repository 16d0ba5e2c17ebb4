/**
 * Adds an Open311 client system and prints its new key (shown once, stored hashed):
 *
 *   JIEFANG_DB=data/jiefang.db npx tsx scripts/open311-key.ts add <id> <name> <12345|open311> <town,town…> [own|scope]
 *
 * `add-cloudbase` instead of `add` stores it in the CloudBase environment named by TCB_ENV,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (collection `api_clients`, with JIEFANG_COLLECTION_PREFIX).
 */
import tcb from '@cloudbase/node-sdk';
import { isMain } from './is-main';
import { addApiClient, DEFAULT_CLIENT_BUDGET, newApiKey } from '../server/api-keys';
import { CloudbaseDb } from '../server/cloudbase/db';
import { addCloudbaseApiClient } from '../server/cloudbase/seed';
import { openDatabase } from '../server/sqlite-open';
import type { ApiClient } from '../core/model';
import { cloudbaseCredentials } from './cloudbase-setup';

async function store(cloud: boolean, client: ApiClient, key: string): Promise<boolean> {
  const at = new Date().toISOString();
  if (cloud) {
    const creds = cloudbaseCredentials();
    if (!creds) throw new Error('set TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
    return addCloudbaseApiClient(new CloudbaseDb(tcb.init(creds).database(), process.env.JIEFANG_COLLECTION_PREFIX ?? ''), client, key, at);
  }
  const db = openDatabase(process.env.JIEFANG_DB ?? 'data/jiefang.db');
  try {
    return addApiClient(db, client, key, at);
  } finally {
    db.close();
  }
}

if (isMain(__filename)) {
  void (async () => {
    const [cmd, id, name, source, townList, reads = 'own'] = process.argv.slice(2);
    if ((cmd !== 'add' && cmd !== 'add-cloudbase') || !id || !name || (source !== '12345' && source !== 'open311') || !townList || (reads !== 'own' && reads !== 'scope')) {
      console.error('usage: tsx scripts/open311-key.ts add|add-cloudbase <id> <name> <12345|open311> <town,town…> [own|scope]');
      process.exit(2);
    }
    const key = newApiKey();
    const added = await store(cmd === 'add-cloudbase', { id, name, source, townIds: townList.split(','), reads, ...DEFAULT_CLIENT_BUDGET }, key).catch((e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
    if (!added) {
      console.error(`a client ${id} exists already; its key is unchanged`);
      process.exit(1);
    }
    console.log(`api_key for ${id} (shown once, stored only hashed): ${key}`);
  })();
}
