/**
 * The CloudBase store never cuts an answer at CloudBase's cap of documents per request: with the wire
 * fake and the store both at 3 per request (instead of 1,000), the paging contract still gets every
 * group and every held item, and a read asking one request for more than the cap throws.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import type { Store } from '../../core/ports';
import { demoDirectory } from '../demo-data';
import { at, concern } from '../store-contract-fixtures';
import { describePagingContract } from '../store-contract-paging';
import { seedCloudbaseDirectory } from './seed';
import { CloudbaseStore } from './store';

const CAP = 3;
let wire: FakeCloudbaseDb;
let store: CloudbaseStore;

beforeEach(async () => {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  wire.maxPerRequest = CAP;
  store = new CloudbaseStore({ db: fake.db, pageSize: CAP });
  await store.cb.createCollections();
  await seedCloudbaseDirectory(store.cb, demoDirectory(at(-3600)));
});
afterEach(() => wire.uninstall());

describe(`CloudBase at ${CAP} documents per request`, () => {
  describePagingContract((): Store => store);

  it('no request asks for more than the cap, and a read that would need more throws', async () => {
    for (let n = 0; n < 2 * CAP; n++) await store.concerns.create(concern({ moderation: 'held', createdAt: at(n), updatedAt: at(n) }), [], []);
    const from = wire.requests.length;
    expect(await store.concerns.heldContent(null, 100)).toHaveLength(2 * CAP);
    const limits = wire.requests.slice(from).map((r) => (r.params as { limit?: number } | undefined)?.limit).filter((l): l is number => typeof l === 'number');
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBeLessThanOrEqual(CAP);
    await expect(store.cb.find('concerns', {}, [['_id', 'asc']], CAP + 1)).rejects.toThrow(RangeError);
  });
});
