/**
 * The database half of `npm run cloudbase:setup`: every collection of cloudbase/collections/*.json, each
 * declared index and the ADMINONLY permission (only the cloud functions, never the mini program, read or
 * write the database), through `@cloudbase/manager-node`'s database and permission APIs.
 *
 * Idempotent and resumable: each run reads what the environment has and changes only what differs, so a
 * second run sends no write at all and a run cut short is finished by the next. The whole plan is checked
 * before the first index changes: a collection that would end above CloudBase's cap of indexes (an index
 * added by hand, not declared here, counts too) stops the run with its name and the indexes to drop.
 * An index declared here under a name that exists with other keys is dropped and created again; an index
 * the files do not declare is kept and reported (it may be someone's), never dropped.
 */
import type CloudBase from '@cloudbase/manager-node';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** The older basic plan's cap of indexes per collection, the `_id_` index included. */
export const INDEX_LIMIT = 20;
/** The index CloudBase creates with every collection. */
export const ID_INDEX = '_id_';

export interface IndexSpec {
  name: string;
  unique: boolean;
  keys: Array<{ field: string; direction: 1 | -1 }>;
}

export interface CollectionSpec {
  collection: string;
  indexes: IndexSpec[];
}

/** What a run did, collection by collection (real names, with the prefix). */
export interface SetupReport {
  collectionsCreated: string[];
  indexesCreated: string[];
  indexesReplaced: string[];
  /** Indexes the environment has and no file declares: kept. */
  undeclared: string[];
  permissionsSet: string[];
}

type Manager = Pick<CloudBase, 'database' | 'permission'>;
type StoredIndex = { Name: string; Keys: Array<{ Name?: string; Direction?: string }>; Unique: boolean };

/** Reads and checks every file of `dir` (cloudbase/collections): a bad file stops the run before any request. */
export function readCollectionSpecs(dir: string): CollectionSpec[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => checkSpec(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CollectionSpec, f));
}

function checkSpec(spec: CollectionSpec, file: string): CollectionSpec {
  const bad = (why: string) => new Error(`${file}: ${why}`);
  if (typeof spec.collection !== 'string' || `${spec.collection}.json` !== file) throw bad('collection must be named as its file');
  if (!Array.isArray(spec.indexes)) throw bad('indexes must be a list');
  if (spec.indexes.length + 1 > INDEX_LIMIT) throw bad(`${spec.indexes.length} indexes and ${ID_INDEX} exceed the cap of ${INDEX_LIMIT}`);
  const names = new Set<string>();
  for (const i of spec.indexes) {
    if (typeof i.name !== 'string' || i.name === '' || i.name === ID_INDEX || names.has(i.name)) throw bad(`index name ${JSON.stringify(i.name)} is missing, reserved or repeated`);
    names.add(i.name);
    if (typeof i.unique !== 'boolean') throw bad(`index ${i.name}: unique must be true or false`);
    if (!Array.isArray(i.keys) || i.keys.length === 0) throw bad(`index ${i.name} has no keys`);
    for (const k of i.keys) if (typeof k.field !== 'string' || k.field === '' || (k.direction !== 1 && k.direction !== -1)) throw bad(`index ${i.name}: a key needs a field and direction 1 or -1`);
  }
  return spec;
}

const sameIndex = (want: IndexSpec, have: StoredIndex) =>
  want.unique === Boolean(have.Unique) &&
  want.keys.length === have.Keys.length &&
  want.keys.every((k, n) => have.Keys[n].Name === k.field && Number(have.Keys[n].Direction) === k.direction);

const createIndex = (i: IndexSpec) => ({ IndexName: i.name, MgoKeySchema: { MgoIsUnique: i.unique, MgoIndexKeys: i.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })) } });

interface Plan {
  name: string;
  create: IndexSpec[];
  replace: IndexSpec[];
  undeclared: string[];
}

/** Creates the collections, then plans every collection's indexes from what it has; throws before any index changes. */
async function plan(manager: Manager, specs: CollectionSpec[], prefix: string, report: SetupReport): Promise<Plan[]> {
  const plans: Plan[] = [];
  const over: string[] = [];
  for (const spec of specs) {
    const name = prefix + spec.collection;
    if ((await manager.database.createCollectionIfNotExists(name)).IsCreated) report.collectionsCreated.push(name);
    const have = ((await manager.database.describeCollection(name)) as { Indexes?: StoredIndex[] | null }).Indexes ?? [];
    const byName = new Map(have.map((i) => [i.Name, i]));
    const declared = new Set(spec.indexes.map((i) => i.name));
    const p: Plan = {
      name,
      create: spec.indexes.filter((i) => !byName.has(i.name)),
      replace: spec.indexes.filter((i) => byName.has(i.name) && !sameIndex(i, byName.get(i.name)!)),
      undeclared: have.map((i) => i.Name).filter((n) => n !== ID_INDEX && !declared.has(n)),
    };
    const total = have.length + p.create.length + (byName.has(ID_INDEX) ? 0 : 1);
    if (total > INDEX_LIMIT) over.push(`${name} would have ${total} indexes (cap ${INDEX_LIMIT}); drop one of the undeclared ${p.undeclared.join(', ') || '(none)'}`);
    plans.push(p);
  }
  if (over.length > 0) throw new Error(`no index changed: ${over.join('; ')}`);
  return plans;
}

/** Brings the environment's collections, indexes and permissions to what `specs` declare. */
export async function setupCollections(manager: Manager, specs: CollectionSpec[], prefix = ''): Promise<SetupReport> {
  const report: SetupReport = { collectionsCreated: [], indexesCreated: [], indexesReplaced: [], undeclared: [], permissionsSet: [] };
  for (const p of await plan(manager, specs, prefix, report)) {
    if (p.replace.length > 0) await manager.database.updateCollection(p.name, { DropIndexes: p.replace.map((i) => ({ IndexName: i.name })) });
    const build = [...p.replace, ...p.create];
    if (build.length > 0) await manager.database.updateCollection(p.name, { CreateIndexes: build.map(createIndex) });
    report.indexesCreated.push(...p.create.map((i) => `${p.name}.${i.name}`));
    report.indexesReplaced.push(...p.replace.map((i) => `${p.name}.${i.name}`));
    report.undeclared.push(...p.undeclared.map((i) => `${p.name}.${i}`));
  }
  const names = specs.map((s) => prefix + s.collection);
  const current = new Map<string, string | undefined>();
  for (let n = 0; n < names.length; n += 100) {
    const { Data } = await manager.permission.describeResourcePermission({ resourceType: 'collection', resources: names.slice(n, n + 100) });
    for (const p of Data?.PermissionList ?? []) if (p.Resource) current.set(p.Resource, p.Permission);
  }
  for (const name of names) {
    if (current.get(name) === 'ADMINONLY') continue;
    await manager.permission.modifyResourcePermission({ resourceType: 'collection', resource: name, permission: 'ADMINONLY' });
    report.permissionsSet.push(name);
  }
  return report;
}
