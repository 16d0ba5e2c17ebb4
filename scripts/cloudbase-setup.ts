/**
 * `npm run cloudbase:setup -- <directory.json | --demo>`: prepares a CloudBase environment for Jiefang.
 * Creates the collections of cloudbase/collections/ with every index they declare and the permission
 * ADMINONLY (scripts/cloudbase-indexes.ts, through @cloudbase/manager-node; existing ones are kept) and, when the
 * directory is empty, imports the grid, offices, categories, roster and users from a JSON file shaped
 * like server/demo-data.ts's DirectoryData (or the synthetic demo district, with its volunteer teams,
 * events, the demo Open311 client keys and the public board on in every demo town, with --demo). Every
 * run also stores the built-in holiday lists of years the environment has none for. Idempotent: run it again after every upgrade.
 * Needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key of the environment's account).
 */
import CloudBase from '@cloudbase/manager-node';
import tcb from '@cloudbase/node-sdk';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CloudbaseDb } from '../server/cloudbase/db';
import { addCloudbaseApiClient, seedCloudbaseBoardSettings, seedCloudbaseCalendar, seedCloudbaseDirectory, seedCloudbaseVolunteers } from '../server/cloudbase/seed';
import { CloudbaseDirectory } from '../server/store/directory/cloudbase-directory';
import { DEMO_API_CLIENTS } from '../server/demo-open311';
import { demoDirectory, demoVolunteers, type DirectoryData } from '../server/demo-data';
import { newId } from '../server/ids';
import { readCollectionSpecs, setupCollections } from './cloudbase-indexes';
import { isMain } from './is-main';

export function cloudbaseCredentials(env: NodeJS.ProcessEnv = process.env): { env: string; secretId: string; secretKey: string } | null {
  const { TCB_ENV, TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY } = env;
  return TCB_ENV && TENCENTCLOUD_SECRETID && TENCENTCLOUD_SECRETKEY ? { env: TCB_ENV, secretId: TENCENTCLOUD_SECRETID, secretKey: TENCENTCLOUD_SECRETKEY } : null;
}

async function main() {
  const creds = cloudbaseCredentials();
  if (!creds) throw new Error('set TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  const arg = process.argv[2];
  const data: DirectoryData | null = arg === '--demo' ? demoDirectory(new Date().toISOString()) : arg ? (JSON.parse(readFileSync(arg, 'utf8')) as DirectoryData) : null;
  const prefix = process.env.JIEFANG_COLLECTION_PREFIX ?? '';
  const specs = readCollectionSpecs(path.resolve(__dirname, '../cloudbase/collections'));
  const report = await setupCollections(new CloudBase({ envId: creds.env, secretId: creds.secretId, secretKey: creds.secretKey }), specs, prefix);
  console.log(`collections ready: ${report.collectionsCreated.length} created, ${report.indexesCreated.length} indexes created, ${report.indexesReplaced.length} replaced, ${report.permissionsSet.length} permissions set to ADMINONLY`);
  for (const i of report.undeclared) console.log(`index ${i} is not declared in cloudbase/collections/: kept (drop it by hand if nothing uses it)`);
  const cb = new CloudbaseDb(tcb.init(creds).database(), prefix);
  const years = await seedCloudbaseCalendar(new CloudbaseDirectory(cb));
  console.log(years.length > 0 ? `holiday lists stored for ${years.join(', ')}` : 'holiday lists already present: nothing stored');
  if (data) console.log((await seedCloudbaseDirectory(cb, data)) ? 'directory imported' : 'directory already present: nothing imported');
  if (arg === '--demo') {
    const towns = data!.nodes.filter((n) => n.kind === 'town').map((n) => n.id);
    const on = await seedCloudbaseBoardSettings(cb, towns);
    console.log(on.length > 0 ? `public board turned on in the demo towns ${on.join(', ')}` : 'demo towns already have settings: nothing changed');
    console.log((await seedCloudbaseVolunteers(cb, demoVolunteers(new Date(), () => newId('c').slice(-10)))) ? 'demo volunteer teams imported' : 'teams already present: nothing imported');
    for (const { client, key } of DEMO_API_CLIENTS) {
      if (await addCloudbaseApiClient(cb, client, key, new Date().toISOString())) console.log(`demo Open311 client ${client.id} added (synthetic key ${key}; never for production)`);
    }
  }
}

if (isMain(__filename)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
