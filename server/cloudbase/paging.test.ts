/**
 * The CloudBase store never cuts an answer at CloudBase's cap of documents per request: with the wire
 * fake and the store both at 3 per request (instead of 1,000), the paging contract still gets every
 * group and every held item, and a read asking one request for more than the cap throws.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import type { Store } from '../../core/ports';
import { demoDirectory } from '../demo-data';
import { at, concern } from '../store/contract-fixtures';
import { describePagingContract } from '../store/contract-paging';
import { seedCloudbaseDirectory } from './seed';
import { BOUNDARIES_PER_REQUEST } from '../store/directory/cloudbase-directory';
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

describe('grid boundaries on CloudBase', () => {
  it(`are read ${BOUNDARIES_PER_REQUEST} at a time, however many there are, and none is left out`, async () => {
    const fake = fakeCloudbaseApp();
    try {
      const big = new CloudbaseStore({ db: fake.db });
      await big.cb.createCollections();
      const square = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
      for (let i = 0; i < 2 * BOUNDARIES_PER_REQUEST + 7; i++) await big.cb.coll('grid_boundaries').add({ _id: `g-${String(i).padStart(3, '0')}`, geometry: JSON.stringify(square) });
      const from = fake.wire.requests.length;
      const all = await big.directory.listBoundaries();
      expect(all).toHaveLength(2 * BOUNDARIES_PER_REQUEST + 7);
      const limits = fake.wire.requests.slice(from).map((r) => (r.params as { limit?: number } | undefined)?.limit);
      expect(limits).toEqual([BOUNDARIES_PER_REQUEST, BOUNDARIES_PER_REQUEST, BOUNDARIES_PER_REQUEST]);
    } finally {
      fake.wire.uninstall();
    }
  });
});
