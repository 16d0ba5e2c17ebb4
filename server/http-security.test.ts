/**
 * The local HTTP server in a browser's terms: no `Access-Control-Allow-Origin: *` anywhere on the API (same
 * origin, or the allow-list, named exactly), nosniff and no framing on every answer, a CSP for the H5 page that
 * names its inline script by hash, and a budget for every request, reads included.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { loadConfig as load } from './config';
import { createHttpServer, type HttpServerOptions } from './http-server';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';

const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv);
const INLINE = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);';
const DEV_SERVER = 'http://127.0.0.1:10086';
const EVIL = 'https://evil.example';

let rt: LocalRuntime;
let server: http.Server;
let base: string;
let clock: number;
let staticDir: string;

beforeAll(() => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><title>街坊</title><script>${INLINE}</script><script defer src="/js/app.0123abcd.js"></script>`);
});
async function start(opts: Partial<HttpServerOptions> = {}) {
  clock = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date(clock), uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-up-')) });
  server = createHttpServer(rt, { mode: 'local', staticDir, ...opts });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  await new Promise((r) => server.close(r));
  await rt.close();
});

const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const login = async (openid: string, headers: Record<string, string> = {}) => ((await (await post('/api/dev/login', { openid }, headers)).json()) as { data: { token: string } }).data.token;

describe('cross-origin calls to the API', () => {
  it('never answer Access-Control-Allow-Origin: * — the page’s own origin needs none', async () => {
    await start();
    const token = await login(I.resident, { origin: base });
    const answers = [
      await fetch(`${base}/api/dev/identities`, { headers: { origin: base } }),
      await post('/api/dev/login', { openid: I.resident }, { origin: base }),
      await post('/api/fn/concern', { action: 'me/profile', data: {} }, { origin: base, authorization: `Bearer ${token}` }),
      await post('/api/fn/concern', { action: 'me/profile', data: {} }),
      await fetch(`${base}/api/fn/concern`, { method: 'OPTIONS', headers: { origin: base, 'access-control-request-method': 'POST' } }),
    ];
    for (const res of answers) expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(answers.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('from another origin are refused before anything runs: no login, no new resident, no CORS header', async () => {
    await start();
    const token = await login(I.resident);
    const answers = [
      await post('/api/dev/login', { openid: 'o-made-by-evil' }, { origin: EVIL }),
      await fetch(`${base}/api/dev/identities`, { headers: { origin: EVIL } }),
      await post('/api/fn/concern', { action: 'concern/submit', data: { category: 'road', description: '路面塌陷', placeId: 'dz-xinan-1' } }, { origin: EVIL, authorization: `Bearer ${token}` }),
      await fetch(`${base}/api/fn/concern`, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST' } }),
      // A look-alike of the page's origin is another origin.
      await post('/api/dev/login', { openid: 'o-made-by-evil' }, { origin: `${base}.evil.example` }),
    ];
    for (const res of answers) {
      expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([403, null]);
    }
    expect(await answers[0].json()).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await rt.store.directory.findUser('o-made-by-evil')).toBeNull();
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(0);
  });

  it('from an allow-listed origin get that origin named exactly, with Vary: Origin', async () => {
    await start({ allowedOrigins: [DEV_SERVER] });
    const pre = await fetch(`${base}/api/fn/concern`, { method: 'OPTIONS', headers: { origin: DEV_SERVER, 'access-control-request-method': 'POST' } });
    expect([pre.status, pre.headers.get('access-control-allow-origin'), pre.headers.get('vary')]).toEqual([204, DEV_SERVER, 'Origin']);
    const res = await post('/api/dev/login', { openid: I.resident }, { origin: DEV_SERVER });
    expect([res.status, res.headers.get('access-control-allow-origin')]).toEqual([200, DEV_SERVER]);
    expect((await post('/api/dev/login', { openid: I.resident }, { origin: EVIL })).status).toBe(403);
  });

  it('take the allow-list from JIEFANG_ALLOWED_ORIGINS, which refuses `*`', () => {
    expect(loadConfig({ JIEFANG_ALLOWED_ORIGINS: `${DEV_SERVER}, https://jiefang.example.cn` }).JIEFANG_ALLOWED_ORIGINS).toEqual([DEV_SERVER, 'https://jiefang.example.cn']);
    expect(() => loadConfig({ JIEFANG_ALLOWED_ORIGINS: '*' })).toThrow(/JIEFANG_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ JIEFANG_ALLOWED_ORIGINS: 'http://ok.example, *' })).toThrow(/never \*/);
  });
});

describe('the headers of every answer', () => {
  beforeEach(() => start());

  it('forbid sniffing and framing on the page, the API, assets and photos', async () => {
    const token = await login(I.resident);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d8f1b90000000049454e44ae426082', 'hex');
    const up = (await (await fetch(`${base}/api/upload`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' }, body: png })).json()) as { data: { url: string } };
    for (const p of ['/', '/#/pages/index/index', '/api/dev/identities', '/healthz', '/open311/v2/services.json?jurisdiction_id=danzao', up.data.url, '/no-such-file.js']) {
      const res = await fetch(base + p);
      expect([p, res.headers.get('x-content-type-options'), res.headers.get('x-frame-options'), res.headers.get('content-security-policy')]).toEqual([p, 'nosniff', 'DENY', expect.stringContaining("frame-ancestors 'none'")]);
    }
    const photo = await fetch(base + up.data.url);
    expect(photo.headers.get('content-security-policy')).toContain('sandbox');
    expect((await fetch(`${base}/api/dev/identities`)).headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('give the H5 page a policy that allows its own scripts and its inline script by hash, and no other script', async () => {
    const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    const hash = createHash('sha256').update(INLINE, 'utf8').digest('base64');
    const script = csp.split('; ').find((d) => d.startsWith('script-src '));
    expect(script).toBe(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("img-src 'self' data: blob: https:");
  });
});

describe('the request budget', () => {
  it('counts reads too, per person, and answers RATE_LIMITED past it until the minute is over', async () => {
    await start({ requestsPerMinute: 5 });
    const token = await login(I.resident);
    const other = await login(I.resident2);
    const profile = (t: string) => post('/api/fn/concern', { action: 'me/profile', data: {} }, { authorization: `Bearer ${t}` });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await profile(token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await (await profile(token)).json()).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect((await profile(other)).status).toBe(200);
    clock += 61_000;
    expect((await profile(token)).status).toBe(200);
  });

  it('counts the dev login and refused tokens per address', async () => {
    await start({ requestsPerMinute: 3 });
    for (let i = 0; i < 3; i++) expect((await post('/api/dev/login', { openid: `o-${i}` })).status).toBe(200);
    expect((await post('/api/dev/login', { openid: 'o-4' })).status).toBe(429);
    expect((await post('/api/fn/concern', { action: 'me/profile', data: {} }, { authorization: 'Bearer forged.0.x' })).status).toBe(429);
  });

  it('is 600 requests a minute by default', () => {
    expect(loadConfig({}).JIEFANG_RATE_REQUESTS_PER_MINUTE).toBe(600);
  });
});
