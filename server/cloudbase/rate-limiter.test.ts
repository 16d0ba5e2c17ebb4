/** The shared rate limiter on the CloudBase wire fake: one counter per key and window, taken atomically. */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { CloudbaseRateLimiter } from './rate-limiter';
import { CloudbaseStore } from './store';

let wire: FakeCloudbaseDb;
let limiter: CloudbaseRateLimiter;
beforeEach(async () => {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  limiter = new CloudbaseRateLimiter(store.cb);
});
afterEach(() => wire.uninstall());

const T = new Date('2026-11-30T02:00:00.000Z');
const later = (s: number) => new Date(T.getTime() + s * 1000);

describe('the CloudBase rate limiter', () => {
  it('grants exactly the limit to many callers of one key at once, as separate containers would', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => limiter.take('submit:o-flood', 10, 60, T)));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(wire.documents('rate_limits')).toEqual([expect.objectContaining({ count: 10, expiresAt: later(60).toISOString() })]);
  });

  it.each([
    ['the same window', 59, false],
    ['the next window', 60, true],
  ])('refuses a spent key within the window and grants it again in the next (%s)', async (_what, seconds, granted) => {
    for (let i = 0; i < 3; i++) expect(await limiter.take('k', 3, 60, T)).toBe(true);
    expect(await limiter.take('k', 3, 60, T)).toBe(false);
    expect(await limiter.take('k', 3, 60, later(seconds))).toBe(granted);
  });

  it('counts keys and window lengths apart, and refuses everything with a zero budget', async () => {
    expect(await limiter.take('a', 1, 60, T)).toBe(true);
    expect(await limiter.take('a', 1, 60, T)).toBe(false);
    expect(await limiter.take('b', 1, 60, T)).toBe(true);
    expect(await limiter.take('a', 1, 3600, T)).toBe(true);
    expect(await limiter.take('c', 0, 60, T)).toBe(false);
  });

  it('keeps no caller key in the clear, and sweeps counters of ended windows', async () => {
    await limiter.take('submit:o-private-openid', 5, 60, T);
    await limiter.take('submit:o-private-openid', 5, 3600, T);
    expect(JSON.stringify(wire.documents('rate_limits'))).not.toContain('o-private-openid');
    expect(await limiter.sweep(later(60))).toBe(0);
    expect(await limiter.sweep(later(61))).toBe(1);
    expect(wire.documents('rate_limits')).toHaveLength(1);
  });
});

describe('what the CloudBase rate limiter costs', () => {
  const sentDuring = async (op: () => Promise<unknown>) => {
    const from = wire.requests.length;
    await op();
    return wire.requests.slice(from).map((r) => r.action.replace('database.', ''));
  };

  it('takes the first of a window with one write and each next one with one conditional update', async () => {
    expect(await sentDuring(() => limiter.take('w:o-1', 5, 60, T))).toEqual(['insertDocument']);
    expect(await sentDuring(() => limiter.take('w:o-1', 5, 60, T))).toEqual(['modifyAndReturnDoc']);
  });

  it("counts against a window another container opened, then needs one request there too", async () => {
    const other = new CloudbaseRateLimiter((limiter as unknown as { cb: ConstructorParameters<typeof CloudbaseRateLimiter>[0] }).cb);
    expect(await other.take('w:o-2', 5, 60, T)).toBe(true);
    expect(await sentDuring(() => limiter.take('w:o-2', 5, 60, T))).toEqual(['insertDocument', 'modifyAndReturnDoc']);
    expect(await sentDuring(() => limiter.take('w:o-2', 5, 60, T))).toEqual(['modifyAndReturnDoc']);
    expect(wire.documents('rate_limits')).toEqual([expect.objectContaining({ count: 3 })]);
  });

  it('refuses a spent window after one update and one read, and starts over when the counter was removed', async () => {
    expect(await limiter.take('w:o-3', 1, 60, T)).toBe(true);
    expect(await sentDuring(async () => expect(await limiter.take('w:o-3', 1, 60, T)).toBe(false))).toEqual(['modifyAndReturnDoc', 'getDocument']);
    await limiter.sweep(later(3600));
    expect(wire.documents('rate_limits')).toEqual([]);
    expect(await limiter.take('w:o-3', 1, 60, T)).toBe(true);
    expect(wire.documents('rate_limits')).toEqual([expect.objectContaining({ count: 1 })]);
  });
});
