/**
 * Guessing Open311 keys: a wrong api_key counts against the budget of the client's address, taken from the
 * gateway's trusted header (its last X-Forwarded-For value), never from the first value the client wrote.
 * On SQLite over the local HTTP server and on the CloudBase wire fake through the `open311` function adapter,
 * with an injected clock.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { OPEN311_LIMITS } from '../core/open311/open311';
import { open311Env } from './open311-xml';
import { clientAddress } from './client-address';
import { DEMO_OPEN311 } from './demo-open311';
import { createHttpServer } from './http-server';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { createOpen311Function } from './open311-function';
import { cloudOpen311 } from './test-open311';
import type { FakeCloudbaseDb } from '../test/fakes/cloudbase-db';

const KEY = DEMO_OPEN311.hotline.key;
const WRONG = OPEN311_LIMITS.wrongKeysPerHour;
const T0 = Date.parse('2026-11-30T02:10:00Z');

describe('the client address', () => {
  it.each([
    ['the last X-Forwarded-For value', { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' }, 'x-forwarded-for', '203.0.113.7'],
    ['the last of repeated headers', { 'x-forwarded-for': ['6.6.6.6', '203.0.113.7'] }, 'x-forwarded-for', '203.0.113.7'],
    ['a header named in any case', { 'X-Real-IP': '2001:db8::1' }, 'x-real-ip', '2001:db8::1'],
    ['the fallback when no header is trusted', { 'x-forwarded-for': '6.6.6.6' }, undefined, '127.0.0.1'],
    ['the fallback when the header is missing', {}, 'x-forwarded-for', '127.0.0.1'],
    ['the fallback for a value that is no address', { 'x-forwarded-for': '6.6.6.6, evil<script>' }, 'x-forwarded-for', '127.0.0.1'],
  ])('is %s', (_name, headers, header, want) => {
    expect(clientAddress(headers, header, '127.0.0.1')).toBe(want);
  });
});

describe('wrong keys on SQLite, over the local HTTP server', () => {
  let rt: LocalRuntime;
  let server: http.Server;
  let base: string;
  let clock: number;
  async function start(clientIpHeader?: string) {
    clock = T0;
    rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date(clock) });
    server = createHttpServer(rt, { mode: 'local', staticDir: null, ...(clientIpHeader ? { clientIpHeader } : {}) });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
  const list = async (key: string, xff: string) => (await fetch(`${base}/open311/v2/requests.json?api_key=${encodeURIComponent(key)}`, { headers: { 'x-forwarded-for': xff } })).status;

  it('are 403 up to the budget of an address, then 429 for every key from there — the right one too — until the hour ends', async () => {
    await start('x-forwarded-for');
    const statuses = [];
    // The attacker writes a new first X-Forwarded-For value each time; the proxy appends the same address.
    for (let i = 0; i <= WRONG; i++) statuses.push(await list(`guess-${i}`, `10.9.${i}.1, 198.51.100.7`));
    expect(statuses).toEqual([...Array<number>(WRONG).fill(403), 429]);
    expect(await list(KEY, '198.51.100.7')).toBe(429);
    // Another address is not affected.
    expect(await list(KEY, '198.51.100.8')).toBe(200);
    clock += 3600_000 + 1;
    expect(await list(KEY, '198.51.100.7')).toBe(200);
  });

  it('count on the socket address when no proxy header is trusted, whatever X-Forwarded-For says', async () => {
    await start();
    for (let i = 0; i < WRONG; i++) expect(await list(`guess-${i}`, `10.9.${i}.1`)).toBe(403);
    expect(await list('guess-last', '10.10.10.10')).toBe(429);
    expect(await list(KEY, '10.10.10.11')).toBe(429);
  });
});

describe('wrong keys on CloudBase, through the open311 function', () => {
  let wire: FakeCloudbaseDb;
  let clock: number;
  let main: ReturnType<typeof createOpen311Function>;
  beforeEach(async () => {
    clock = T0;
    const cloud = await cloudOpen311(() => new Date(clock));
    wire = cloud.wire;
    main = createOpen311Function(async () => ({ ...open311Env(cloud.rt.deps, cloud.rt.router.directory), clientIpHeader: cloud.clientIpHeader }));
  });
  afterEach(() => wire.uninstall());
  const list = async (key: string, xff: string) =>
    (await main({ path: '/open311/v2/requests.json', httpMethod: 'GET', headers: { 'X-Forwarded-For': xff }, queryStringParameters: { api_key: key }, body: null, isBase64Encoded: false })).statusCode;

  it('count every wrong key of an address in the shared counters, whatever first value the client writes', async () => {
    const statuses = [];
    for (let i = 0; i <= WRONG; i++) statuses.push(await list(`guess-${i}`, `10.9.${i}.1, 203.0.113.7`));
    expect(statuses).toEqual([...Array<number>(WRONG).fill(403), 429]);
    expect(await list(KEY, '203.0.113.7')).toBe(429);
    expect(await list(KEY, '10.0.0.1, 203.0.113.8')).toBe(200);
    // One counter document per address and window, named by a hash (no address stored in the clear).
    expect(wire.documents('rate_limits').map((d) => d.count)).toContain(WRONG);
    expect(JSON.stringify(wire.documents('rate_limits'))).not.toContain('203.0.113.7');
    clock += 3600_000;
    expect(await list(KEY, '203.0.113.7')).toBe(200);
  });
});
