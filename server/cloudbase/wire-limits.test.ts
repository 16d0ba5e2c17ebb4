/**
 * The wire fake fails where the real service fails (issue 22, item 8; test/fakes/cloudbase-limits.ts),
 * in simulated time: requests take their latency, a transaction dies after 30 s, a call past its
 * function's timeout is cut off, and requests over the in-flight cap are refused.
 */
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import { LIMIT_CODE, WireLimits } from '../../test/fakes/cloudbase-limits';
import type { FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { chunkByWrites } from './chunks';
import { CloudbaseDb, errorCode } from './db';

let wire: FakeCloudbaseDb;
let cb: CloudbaseDb;
beforeEach(async () => {
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  cb = new CloudbaseDb(fake.db);
  await cb.createCollections();
});
afterEach(() => wire.uninstall());

const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => errorCode(e) ?? (e instanceof Error ? e.message : String(e)));

it('adds up the latency of requests awaited one after another, and overlaps those in flight together', async () => {
  wire.limits = new WireLimits({ latencyMs: 15 });
  await cb.getDoc('meta', 'a');
  await cb.getDoc('meta', 'b');
  expect(wire.limits.now).toBe(30);
  await Promise.all(['c', 'd', 'e', 'f'].map((id) => cb.getDoc('meta', id)));
  expect(wire.limits.now).toBe(45);
});

it('draws latencies from a seeded range, the same each run', () => {
  const draws = (seed: number) => {
    const l = new WireLimits({ latencyMs: [10, 30], seed });
    return Array.from({ length: 50 }, () => l.latency());
  };
  expect(draws(7)).toEqual(draws(7));
  expect(Math.min(...draws(7))).toBeGreaterThanOrEqual(10);
  expect(Math.max(...draws(7))).toBeLessThanOrEqual(30);
  expect(new Set(draws(7)).size).toBeGreaterThan(5);
});

it('ends a transaction that lives past 30 s with DATABASE_TRANSACTION_FAIL, and keeps none of its writes', async () => {
  wire.limits = new WireLimits({ latencyMs: 1000 });
  const long = cb.transaction(async (tx) => {
    for (let i = 0; i < 40; i++) await tx.set('meta', { _id: `m${i}`, n: i });
  });
  expect(await codeOf(long)).toBe('DATABASE_TRANSACTION_FAIL');
  expect(wire.documents('meta')).toEqual([]);
  // The same writes in chunks of 25 each commit well inside the lifetime.
  for (const chunk of chunkByWrites(Array.from({ length: 40 }, (_, i) => i), () => 1, 0, 25)) {
    await cb.transaction(async (tx) => {
      for (const i of chunk) await tx.set('meta', { _id: `m${i}`, n: i });
    });
  }
  expect(wire.documents('meta')).toHaveLength(40);
});

it('cuts off a call whose requests run past its function’s time budget', async () => {
  wire.limits = new WireLimits({ latencyMs: 15 });
  const ten = async () => {
    for (let i = 0; i < 10; i++) await cb.getDoc('meta', `x${i}`);
    return 'done';
  };
  expect(await wire.limits.invoke('concern', 200, ten)).toBe('done');
  await expect(wire.limits.invoke('concern', 100, ten)).rejects.toThrow(/ran past its time budget/);
  // Outside an invocation (a test's own setup) there is no budget.
  expect(await ten()).toBe('done');
});

it('refuses a request over the cap of requests in flight with a limit error', async () => {
  wire.limits = new WireLimits({ latencyMs: 15, maxInFlight: 2 });
  const codes = await Promise.all(['a', 'b', 'c'].map((id) => codeOf(cb.getDoc('meta', id))));
  expect(codes.sort()).toEqual([LIMIT_CODE, 'ok', 'ok']);
  expect(wire.limits.peakInFlight).toBe(2);
});

it('groups work into transactions of at most 50 writes, in order', () => {
  const chunks = chunkByWrites(Array.from({ length: 120 }, (_, i) => i), (i) => (i % 3 === 0 ? 3 : 1), 1);
  expect(chunks.flat()).toEqual(Array.from({ length: 120 }, (_, i) => i));
  for (const c of chunks) expect(c.reduce((n, i) => n + (i % 3 === 0 ? 3 : 1), 0)).toBeLessThanOrEqual(49);
  expect(() => chunkByWrites([1], () => 51)).toThrow(RangeError);
  expect(chunkByWrites([], () => 1)).toEqual([]);
});
