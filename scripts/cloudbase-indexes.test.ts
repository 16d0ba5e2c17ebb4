/**
 * `npm run cloudbase:setup`'s collections, indexes and permissions, through the real
 * `@cloudbase/manager-node` against the fake of the Tencent Cloud API at its one request method.
 */
import CloudBase from '@cloudbase/manager-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeCloudbaseManager } from '../test/fakes/cloudbase-manager';
import { COLLECTIONS } from '../server/cloudbase/db';
import { ID_INDEX, INDEX_LIMIT, readCollectionSpecs, setupCollections, type CollectionSpec } from './cloudbase-indexes';

const SPECS = readCollectionSpecs(path.resolve(__dirname, '../cloudbase/collections'));
const ENV = 'jiefang-test1';
let fake: FakeCloudbaseManager;
const manager = () => new CloudBase({ secretId: 'AKIDfake', secretKey: 'fake-key', envId: ENV });

/** The environment as the files declare it: every collection with `_id_` and its indexes, ADMINONLY. */
function expected(specs: CollectionSpec[], prefix = '') {
  return Object.fromEntries(
    specs.map((s) => [
      prefix + s.collection,
      {
        permission: 'ADMINONLY',
        indexes: [ID_INDEX, ...s.indexes.map((i) => `${i.name}:${i.unique ? 'unique' : ''}:${i.keys.map((k) => `${k.field}/${k.direction}`).join(',')}`)].sort(),
      },
    ]),
  );
}

function state() {
  return Object.fromEntries(
    [...fake.tables].map(([name, t]) => [
      name,
      { permission: t.permission, indexes: t.indexes.map((i) => (i.Name === ID_INDEX ? ID_INDEX : `${i.Name}:${i.Unique ? 'unique' : ''}:${i.Keys.map((k) => `${k.Name}/${k.Direction}`).join(',')}`)).sort() },
    ]),
  );
}

beforeEach(() => {
  fake = new FakeCloudbaseManager(ENV).install();
});
afterEach(() => fake.uninstall());

describe('cloudbase:setup — collections, indexes and permissions', () => {
  it('the files declare every collection the store uses, each within the cap with _id_', () => {
    expect(SPECS.map((s) => s.collection).sort()).toEqual([...COLLECTIONS].sort());
    for (const s of SPECS) expect({ name: s.collection, fits: s.indexes.length + 1 <= INDEX_LIMIT }).toEqual({ name: s.collection, fits: true });
  });

  it('an empty environment gets every collection, every index with its keys, directions and uniqueness, and ADMINONLY', async () => {
    const report = await setupCollections(manager(), SPECS);
    expect(state()).toEqual(expected(SPECS));
    expect(report.collectionsCreated.sort()).toEqual([...COLLECTIONS].sort());
    expect(report.indexesCreated).toHaveLength(SPECS.reduce((n, s) => n + s.indexes.length, 0));
    expect(report.permissionsSet.sort()).toEqual([...COLLECTIONS].sort());
    expect(fake.tables.get('api_clients')!.indexes.find((i) => i.Name === 'key_hash')).toEqual({ Name: 'key_hash', Keys: [{ Name: 'keyHash', Direction: '1' }], Unique: true });
    // One request creates all of a collection's indexes.
    expect(fake.writeRequests.filter((r) => r.action === 'UpdateTable' && r.data.TableName === 'concerns')).toHaveLength(1);
  });

  it('a second run reads and writes nothing', async () => {
    await setupCollections(manager(), SPECS);
    const before = fake.writeRequests.length;
    const report = await setupCollections(manager(), SPECS);
    expect(fake.writeRequests.length).toBe(before);
    expect(report).toEqual({ collectionsCreated: [], indexesCreated: [], indexesReplaced: [], undeclared: [], permissionsSet: [] });
    expect(state()).toEqual(expected(SPECS));
  });

  it('the prefix names every collection and permission', async () => {
    await setupCollections(manager(), SPECS, 'staging_');
    expect(state()).toEqual(expected(SPECS, 'staging_'));
  });

  it('a run cut short at any write is finished by the next run', async () => {
    await setupCollections(manager(), SPECS);
    const writes = fake.writeRequests.length;
    for (const at of [1, 2, Math.floor(writes / 2), writes - 1, writes]) {
      fake.uninstall();
      fake = new FakeCloudbaseManager(ENV).install();
      fake.failAtWrite = at;
      await expect(setupCollections(manager(), SPECS)).rejects.toThrow(/connection dropped/);
      fake.failAtWrite = null;
      await setupCollections(manager(), SPECS);
      expect({ at, state: state() }).toEqual({ at, state: expected(SPECS) });
    }
  });

  it('an index of a declared name with other keys is replaced; a wrong permission is set; an undeclared index is kept and reported', async () => {
    await setupCollections(manager(), SPECS);
    const concerns = fake.tables.get('concerns')!;
    concerns.indexes.find((i) => i.Name === 'sla_watch')!.Keys = [{ Name: 'sla.watchAt', Direction: '-1' }];
    fake.tables.get('outbox')!.permission = 'READONLY';
    fake.tables.get('feedback')!.indexes.push({ Name: 'by_hand', Keys: [{ Name: 'x', Direction: '1' }], Unique: false });
    const report = await setupCollections(manager(), SPECS);
    expect(report.indexesReplaced).toEqual(['concerns.sla_watch']);
    expect(report.permissionsSet).toEqual(['outbox']);
    expect(report.undeclared).toEqual(['feedback.by_hand']);
    const { feedback, ...rest } = state();
    const { feedback: wantFeedback, ...wantRest } = expected(SPECS);
    expect(rest).toEqual(wantRest);
    expect(feedback.indexes).toEqual([...wantFeedback.indexes, 'by_hand::x/1'].sort());
  });

  it('a collection that would pass the cap stops the run before any index changes, naming what to drop', async () => {
    await setupCollections(manager(), [{ collection: 'concerns', indexes: [] }]);
    const concerns = fake.tables.get('concerns')!;
    for (let n = 0; n < INDEX_LIMIT - 2; n++) concerns.indexes.push({ Name: `old_${n}`, Keys: [{ Name: `f${n}`, Direction: '1' }], Unique: false });
    const before = structuredClone([...fake.tables]);
    const writes = fake.writeRequests.length;
    await expect(setupCollections(manager(), SPECS)).rejects.toThrow(/no index changed: concerns would have \d+ indexes \(cap 20\); drop one of the undeclared old_0/);
    // Only the missing (empty) collections were created; no index and no permission changed.
    expect(fake.writeRequests.slice(writes).every((r) => r.action === 'CreateTable')).toBe(true);
    for (const [name, t] of before) expect(fake.tables.get(name)).toEqual(t);
  });

  it('a bad collection file stops the run before any request', () => {
    const specs = (json: unknown) => () => readCollectionSpecsFrom(json);
    expect(specs({ collection: 'x', indexes: Array.from({ length: INDEX_LIMIT }, (_, n) => ({ name: `i${n}`, unique: false, keys: [{ field: 'a', direction: 1 }] })) })).toThrow(/exceed the cap of 20/);
    expect(specs({ collection: 'x', indexes: [{ name: 'a', unique: false, keys: [] }] })).toThrow(/has no keys/);
    expect(specs({ collection: 'x', indexes: [{ name: 'a', unique: false, keys: [{ field: 'f', direction: 2 }] }] })).toThrow(/direction 1 or -1/);
    expect(specs({ collection: 'x', indexes: [{ name: '_id_', unique: false, keys: [{ field: 'f', direction: 1 }] }] })).toThrow(/reserved/);
    expect(specs({ collection: 'y', indexes: [] })).toThrow(/named as its file/);
    expect(fake.requests).toEqual([]);
  });
});

/** Checks one file's content as readCollectionSpecs would, through a temporary folder. */
function readCollectionSpecsFrom(json: unknown): CollectionSpec[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'jiefang-specs-'));
  try {
    writeFileSync(path.join(dir, 'x.json'), JSON.stringify(json));
    return readCollectionSpecs(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
