/**
 * The local HTTP server under storage damage and slow clients: the readiness check runs a query and says
 * when the database is damaged (calls answer STORAGE.DAMAGED, never a bare 500), and a request that trickles
 * in is cut off with 408 after the request or header timeout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createHttpServer, DEFAULT_HTTP_TIMEOUTS, type HttpServerOptions } from './http-server';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { damageTablePage } from './test-crash-image';
import { GENEROUS_LIMITS } from './test-limits';

jest.setTimeout(30_000);

let dir: string;
let rt: LocalRuntime | null = null;
let server: http.Server | null = null;

async function serve(dbPath: string, opts: Partial<HttpServerOptions> = {}): Promise<string> {
  rt = createLocalRuntime({ dbPath, seed: 'demo', now: () => new Date('2026-03-02T02:00:00Z'), rateLimits: GENEROUS_LIMITS });
  server = createHttpServer(rt, { mode: 'local', staticDir: null, ...opts });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-http-durability-'));
});
afterEach(async () => {
  if (server) await new Promise((r) => server!.close(r));
  if (rt) await rt.close();
  server = null;
  rt = null;
  rmSync(dir, { recursive: true, force: true });
});

describe('the readiness check', () => {
  it('answers 200 after a query on a healthy database', async () => {
    const base = await serve(':memory:');
    const res = await fetch(`${base}/healthz`);
    expect([res.status, await res.json()]).toEqual([200, { ok: true, data: { status: 'ok', storage: 'ok' } }]);
  });

  it('answers 503 STORAGE.DAMAGED once a page turns out damaged, and calls answer the code instead of a 500', async () => {
    const file = path.join(dir, 'jiefang.db');
    const first = createLocalRuntime({ dbPath: file, seed: 'demo', now: () => new Date('2026-03-02T01:00:00Z'), rateLimits: GENEROUS_LIMITS });
    await first.router.call('concern', 'concern/submit', { category: 'road', description: '路灯不亮', placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
    await first.close();
    const base = await serve(file);
    // Damage the concerns table behind the running server (its start check passed on the healthy file).
    damageTablePage(file, 'concerns');
    // A write by another connection makes the server drop its page cache, so it reads the damaged page.
    const other = new Database(file);
    other.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`).run();
    other.close();

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ ok: false, code: 'STORAGE.DAMAGED' });
    const login = (await (await fetch(`${base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'demo-resident-chen' }) })).json()) as { data: { token: string } };
    const call = await fetch(`${base}/api/fn/concern`, { method: 'POST', headers: { authorization: `Bearer ${login.data.token}` }, body: JSON.stringify({ action: 'concern/listMine', data: {} }) });
    expect(call.status).toBe(503);
    expect(await call.json()).toMatchObject({ ok: false, code: 'STORAGE.DAMAGED' });
  });
});

describe('slow clients', () => {
  /** Sends `head` then one byte of `trickle` every 50 ms; answers what the server wrote before it closed. */
  function trickle(base: string, head: string, drip: string): Promise<string> {
    const { port } = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1');
      let got = '';
      let i = 0;
      let timer: NodeJS.Timeout | undefined;
      socket.on('connect', () => {
        socket.write(head);
        timer = setInterval(() => {
          if (!socket.destroyed && i < drip.length) socket.write(drip[i++]);
        }, 50);
      });
      socket.on('data', (c: Buffer) => (got += c.toString()));
      socket.on('error', reject);
      socket.on('close', () => {
        clearInterval(timer);
        resolve(got);
      });
    });
  }

  const timeouts = { requestMs: 600, headersMs: 300, keepAliveMs: 200, checkEveryMs: 50 };

  it('cuts off a request body that trickles in with 408', async () => {
    const base = await serve(':memory:', { timeouts });
    const token = rt!.identity.issue('demo-resident-chen');
    const head = `POST /api/fn/concern HTTP/1.1\r\nHost: local\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n`;
    const answer = await trickle(base, head, `{"action":"concern/listMine","data":{}}`.padEnd(500, ' '));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off request headers that trickle in with 408', async () => {
    const base = await serve(':memory:', { timeouts });
    const answer = await trickle(base, 'GET /healthz HTTP/1.1\r\n', 'X-Slow: ' + 'a'.repeat(400));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('holds a mini program call at most 30 s and an idle keep-alive socket 4 s by default', async () => {
    await serve(':memory:');
    expect(DEFAULT_HTTP_TIMEOUTS).toEqual({ requestMs: 30_000, headersMs: 10_000, keepAliveMs: 4_000, checkEveryMs: 1_000 });
    expect([server!.requestTimeout, server!.headersTimeout, server!.keepAliveTimeout, server!.timeout]).toEqual([30_000, 10_000, 4_000, 60_000]);
  });
});
