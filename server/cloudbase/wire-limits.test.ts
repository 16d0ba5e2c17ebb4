/**
 * The wire fake fails where the real service fails (issue 22, item 8; test/fakes/cloudbase-limits.ts),
 * in simulated time: requests take their latency, a transaction dies after 30 s, a call past its
 * function's timeout is cut off, and requests over the in-flight cap are refused.
 */
import { processReturn } from '@cloudbase/node-sdk/dist/utils/utils';
import { fakeCloudbaseApp } from '../../test/fakes/cloudbase-app';
import { LIMIT_CODE, WireLimits } from '../../test/fakes/cloudbase-limits';
import { RESPONSE_TOO_LARGE_CODE, type FakeCloudbaseDb } from '../../test/fakes/cloudbase-db';
import { chunkByWrites } from './chunks';
import { CloudbaseDb, errorCode, MAX_GET } from './db';
import { backoffMs, RETRY } from './retry';
import { unserved } from '../../test/fakes/cloudbase-indexes';

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

it('refuses a request over the cap of requests in flight with EXCEED_RATELIMIT, which the store sends again after a jittered pause', async () => {
  wire.limits = new WireLimits({ latencyMs: 15, maxInFlight: 2 });
  const raw = (id: string) => codeOf(wire.handle('database.getDocument', { collectionName: 'meta', queryType: 'DOC', query: JSON.stringify({ _id: id }) }).then((r) => {
    if ((r as { code?: string }).code) throw r;
  }));
  expect((await Promise.all(['a', 'b', 'c'].map(raw))).sort()).toEqual([LIMIT_CODE, 'ok', 'ok']);
  const pauses: number[] = [];
  const store = new CloudbaseDb(cb.db, '', MAX_GET, async (ms) => {
    pauses.push(ms);
    await new Promise((r) => setImmediate(r));
  });
  const from = wire.requests.length;
  expect(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((id) => store.getDoc('meta', id)))).toEqual([null, null, null, null, null]);
  expect(wire.requests.length - from).toBeGreaterThan(5);
  expect(pauses.length).toBe(wire.requests.length - from - 5);
  expect(wire.limits.peakInFlight).toBe(2);
});

describe('retries (issue 22, item 2)', () => {
  const recorder = () => {
    const pauses: number[] = [];
    return { pauses, sleep: async (ms: number) => void pauses.push(ms) };
  };
  /** Makes the next `n` requests of `action` fail with `code` before they run. */
  function failNext(action: string, code: string, n: number) {
    const handle = wire.handle.bind(wire);
    let left = n;
    wire.handle = async (a, params) => {
      if (a === action && left > 0) {
        left--;
        return processReturn({ code, message: `${code} (test)`, requestId: 'fake-x' });
      }
      return handle(a, params);
    };
  }

  it('pauses a random time below a cap that doubles with each attempt, up to 2 s', () => {
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, () => 0.999))).toEqual([39, 79, 159, 319, 639, 1998]);
    expect(backoffMs(3, () => 0)).toBe(0);
  });

  it('sends a read again after a timeout, but not a write, which may have run', async () => {
    const { pauses, sleep } = recorder();
    const store = new CloudbaseDb(cb.db, '', MAX_GET, sleep);
    failNext('database.getDocument', 'SERVER_TIMEOUT', 2);
    expect(await store.getDoc('meta', 'x')).toBeNull();
    expect(pauses).toHaveLength(2);
    failNext('database.modifyDocument', 'SERVER_TIMEOUT', 1);
    expect(await codeOf(store.updateWhere('meta', { _id: 'x' }, { n: 1 }))).toBe('SERVER_TIMEOUT');
    failNext('database.modifyDocument', 'EXCEED_RATELIMIT', 1);
    expect(await store.updateWhere('meta', { _id: 'x' }, { n: 1 })).toBe(0);
    expect(pauses).toHaveLength(3);
  });

  it('runs a transaction again after a pause on a write conflict, instead of at once as the SDK does', async () => {
    const { pauses, sleep } = recorder();
    const store = new CloudbaseDb(cb.db, '', MAX_GET, sleep);
    await cb.add('meta', { _id: 'hot', n: 0 });
    await Promise.all(Array.from({ length: 5 }, () => store.transaction(async (tx) => {
      const d = await tx.get('meta', 'hot');
      await tx.update('meta', 'hot', { n: Number(d!.n) + 1 });
    })));
    expect(wire.documents('meta')).toEqual([{ _id: 'hot', n: 5 }]);
    expect(pauses.length).toBeGreaterThan(0);
  });

  it('gives up after RETRY.attempts attempts and throws the last failure', async () => {
    const { pauses, sleep } = recorder();
    const store = new CloudbaseDb(cb.db, '', MAX_GET, sleep);
    failNext('database.getDocument', 'EXCEED_RATELIMIT', 100);
    expect(await codeOf(store.getDoc('meta', 'x'))).toBe('EXCEED_RATELIMIT');
    expect(RETRY.attempts).toBe(16);
    expect(pauses).toHaveLength(RETRY.attempts - 1);
  });
});

it('groups work into transactions of at most 50 writes, in order', () => {
  const chunks = chunkByWrites(Array.from({ length: 120 }, (_, i) => i), (i) => (i % 3 === 0 ? 3 : 1), 1);
  expect(chunks.flat()).toEqual(Array.from({ length: 120 }, (_, i) => i));
  for (const c of chunks) expect(c.reduce((n, i) => n + (i % 3 === 0 ? 3 : 1), 0)).toBeLessThanOrEqual(49);
  expect(() => chunkByWrites([1], () => 51)).toThrow(RangeError);
  expect(chunkByWrites([], () => 1)).toEqual([]);
});

describe('declared indexes (our policy: the fake refuses what no index serves)', () => {
  it('serves a filter on an index’s first key, and a sort that follows its keys after the equality-pinned ones, either direction', () => {
    expect(unserved('vol_signups', { openid: 'o-1' })).toBeNull();
    expect(unserved('vol_events', { status: 'open', startAt: { $gt: 'a' } }, [['startAt', 1], ['_id', 1]])).toBeNull();
    expect(unserved('concerns', { 'route.townId': 'danzao', createdAt: { $lt: 'z' } }, [['createdAt', -1], ['_id', -1]])).toBeNull();
    expect(unserved('concerns', { messages: { $elemMatch: { id: 'm-1', moderation: 'held' } } })).toBeNull();
    expect(unserved('vol_signups', { eventId: 'e', status: { $in: ['signed'] }, _id: { $gt: 'x' } }, [['_id', 1]])).toBeNull();
  });

  it('refuses a filter no index leads with, a sort no index follows, and a whole-collection aggregation', () => {
    expect(unserved('vol_signups', { name: '街坊' })).toMatch(/no declared index of vol_signups/);
    expect(unserved('vol_events', { status: 'open' }, [['createdAt', 1]])).toMatch(/sorted by/);
    expect(unserved('concerns', { $or: [{ 'route.townId': 'danzao' }, { category: 'road' }] })).not.toBeNull();
    expect(unserved('outbox', {})).not.toBeNull();
    // Small collections read whole are not checked.
    expect(unserved('staff', { name: 'x' })).toBeNull();
    // No list of known exceptions: concerns by creation time alone stay refused (every caller scopes a search).
    expect(unserved('concerns', { createdAt: { $gte: 'a', $lt: 'z' } }, [['createdAt', -1], ['_id', -1]])).not.toBeNull();
    expect(unserved('concerns', { createdAt: { $gte: 'a' }, $or: [{ 'route.townId': 'danzao' }, { 'route.coOfficeId': 'o' }] }, [['createdAt', -1], ['_id', -1]])).toBeNull();
  });

  it('answers DATABASE_QUERY_NOT_INDEXED on the wire', async () => {
    expect(await codeOf(cb.find('vol_signups', { name: '街坊' }, [], 10))).toBe('DATABASE_QUERY_NOT_INDEXED');
    expect(await cb.find('vol_signups', { openid: 'o-1' }, [], 10)).toEqual([]);
  });
});

/** The SDK's own transaction (runTransaction without our retries), as db.ts uses it. */
interface SdkTx {
  collection(name: string): { add(d: Record<string, unknown>): Promise<unknown>; where(q: unknown): { get(): Promise<unknown> } };
}
const sdkTransaction = (fn: (t: SdkTx) => Promise<void>) => (cb.db.runTransaction as unknown as (f: (t: SdkTx) => Promise<void>, times: number) => Promise<void>).call(cb.db, fn, 0);

describe('sizes and unique indexes (issue 22, item 8)', () => {
  it('refuses a document over 16 MiB when it is inserted, updated or written in a transaction, and keeps nothing of it', async () => {
    expect(wire.maxDocumentBytes).toBe(16 * 1024 * 1024);
    const big = 'x'.repeat(16 * 1024 * 1024);
    expect(await codeOf(cb.add('meta', { _id: 'big', text: big }))).toBe('DATABASE_REQUEST_FAILED');
    expect(wire.documents('meta')).toEqual([]);
    // Just under the cap is stored.
    await cb.add('meta', { _id: 'near', text: 'x'.repeat(16 * 1024 * 1024 - 100) });
    wire.maxDocumentBytes = 2000;
    await cb.add('meta', { _id: 'grows', items: [] });
    const push = (n: number) => cb.updateWhere('meta', { _id: 'grows' }, { items: cb._.push(Array.from({ length: n }, (_, i) => `item-${i}`)) });
    expect(await push(10)).toBe(1);
    expect(await codeOf(push(300))).toBe('DATABASE_REQUEST_FAILED');
    expect(wire.documents('meta').find((d) => d._id === 'grows')!.items).toHaveLength(10);
    const tx = cb.transaction(async (t) => {
      await t.set('meta', { _id: 'small', n: 1 });
      await t.set('meta', { _id: 'large', text: 'y'.repeat(3000) });
    });
    expect(await codeOf(tx)).toBe('DATABASE_REQUEST_FAILED');
    expect(wire.documents('meta').map((d) => d._id).sort()).toEqual(['grows', 'near']);
  });

  it('refuses an answer over 16 MB instead of cutting it short, so a store must page large documents', async () => {
    expect(wire.maxResponseBytes).toBe(16 * 1024 * 1024);
    wire.maxResponseBytes = 50_000;
    for (let i = 0; i < 20; i++) await cb.add('grid_boundaries', { _id: `b-${String(i).padStart(2, '0')}`, geometry: 'g'.repeat(5000) });
    expect(await codeOf(cb.find('grid_boundaries', {}, [], 20))).toBe(RESPONSE_TOO_LARGE_CODE);
    expect(await cb.find('grid_boundaries', {}, [], 5)).toHaveLength(5);
    expect(await codeOf(cb.aggregate('grid_boundaries', [{ $match: {} }]))).toBe(RESPONSE_TOO_LARGE_CODE);
    // Reading 5 a request stays under the cap and answers every document.
    expect((await cb.readAll('grid_boundaries', {}, undefined, 5)).map((d) => d._id)).toEqual(Array.from({ length: 20 }, (_, i) => `b-${String(i).padStart(2, '0')}`));
  });

  it('keeps a unique index: a second document with the same key is refused, in or out of a transaction, and a commit racing another is too', async () => {
    await cb.add('vol_person_codes', { _id: 'o-1', code: 'K1' });
    expect(await codeOf(cb.add('vol_person_codes', { _id: 'o-2', code: 'K1' }))).toBe('DATABASE_REQUEST_FAILED');
    expect(await codeOf(cb.updateWhere('vol_person_codes', { _id: 'o-1' }, { code: 'K1' }))).toBe('ok');
    await cb.add('vol_person_codes', { _id: 'o-2', code: 'K2' });
    expect(await codeOf(cb.updateWhere('vol_person_codes', { _id: 'o-2' }, { code: 'K1' }))).toBe('DATABASE_REQUEST_FAILED');
    // Two writes of one transaction clash with each other.
    const both = sdkTransaction(async (t) => {
      await t.collection('vol_person_codes').add({ _id: 'o-3', code: 'K3' });
      await t.collection('vol_person_codes').add({ _id: 'o-4', code: 'K3' });
    });
    expect(await codeOf(both)).toMatch(/E11000|DATABASE_REQUEST_FAILED/);
    // A transaction whose key another writer committed meanwhile fails at its commit.
    const racing = sdkTransaction(async (t) => {
      await t.collection('vol_person_codes').add({ _id: 'o-5', code: 'K5' });
      await cb.add('vol_person_codes', { _id: 'o-6', code: 'K5' });
    });
    expect(await codeOf(racing)).toMatch(/E11000|DATABASE_REQUEST_FAILED/);
    expect(wire.documents('vol_person_codes').map((d) => [d._id, d.code]).sort()).toEqual([['o-1', 'K1'], ['o-2', 'K2'], ['o-6', 'K5']]);
  });

  it('names its refusal of a WHERE query inside a transaction as our policy', async () => {
    const tx = sdkTransaction(async (t) => {
      await t.collection('vol_signups').where({ openid: 'o-1' }).get();
    });
    await expect(tx).rejects.toThrow(/our policy/);
  });
});
