/** The local HTTP contract that the H5 build and the browser tests rely on. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { createHttpServer } from './http-server';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';

let rt: LocalRuntime;
let server: http.Server;
let base: string;
let staticDir: string;

async function start(mode: 'local' | 'production') {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo' });
  server = createHttpServer(rt, { mode, staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(() => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>街坊</title>');
  writeFileSync(path.join(staticDir, 'app.0123abcd.js'), 'console.log(1)');
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  await rt.close();
});

const post = (p: string, body: unknown, token?: string) =>
  fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function login(openid: string): Promise<string> {
  const res = await post('/api/dev/login', { openid });
  const body = (await res.json()) as { data: { token: string } };
  return body.data.token;
}

describe('the local HTTP contract', () => {
  beforeEach(() => start('local'));

  it('answers /healthz with 200', async () => {
    expect((await fetch(base + '/healthz')).status).toBe(200);
  });

  it('lists demo identities with role, node and node name', async () => {
    const body = (await (await fetch(base + '/api/dev/identities')).json()) as { ok: boolean; data: Array<Record<string, unknown>> };
    expect(body.ok).toBe(true);
    const roles = new Set(body.data.map((i) => i.role));
    expect([...roles].sort()).toEqual(['admin', 'leader', 'office', 'resident', 'staff']);
    for (const i of body.data.filter((x) => x.role !== 'leader')) expect(Object.keys(i).sort()).toEqual(['name', 'nodeId', 'nodeName', 'openid', 'photoFolder', 'role']);
    // A team leader is listed with the team's village or cooperative and the team id.
    const leaders = body.data.filter((i) => i.role === 'leader');
    for (const i of leaders) expect(Object.keys(i).sort()).toEqual(['name', 'nodeId', 'nodeName', 'openid', 'photoFolder', 'role', 'teamId']);
    expect(leaders.map((i) => [i.nodeId, i.nodeName, i.teamId])).toEqual([
      ['dz-xicheng-daguo', '大果经济社', 'team-daguo-clean'],
      ['jj-dungen', '敦根社区', 'team-dungen-jiefang'],
    ]);
    const staffByNode = body.data.filter((i) => i.role === 'staff').map((i) => i.nodeId);
    expect(staffByNode).toContain('dz-xicheng-daguo');
    expect(staffByNode).toContain('dz-xinan-1');
  });

  it('runs an action for a logged-in caller and returns {ok:true, data}', async () => {
    const token = await login('demo-resident-chen');
    const res = await post('/api/fn/concern', { action: 'concern/submit', data: { category: 'road', description: '路灯不亮', placeId: 'dz-xinan-1' } }, token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { id: string; status: string; route: { cooperativeId: string; reason: string } } };
    expect(body.ok).toBe(true);
    expect(body.data.route.cooperativeId).toBe('dz-xinan-1');
  });

  it('makes a new resident of an unknown openid, so tests can make many residents', async () => {
    const token = await login('e2e-resident-42');
    const res = await post('/api/fn/concern', { action: 'me/profile', data: {} }, token);
    expect(((await res.json()) as { data: { role: string } }).data.role).toBe('resident');
  });

  const refusals: Array<[string, () => Promise<Response>, number, string]> = [
    ['a call without a token', () => post('/api/fn/concern', { action: 'me/profile', data: {} }), 401, 'AUTH.REQUIRED'],
    ['a forged token', () => post('/api/fn/concern', { action: 'me/profile', data: {} }, 'ZGVtby1hZG1pbi1kYW56YW8.forged'), 401, 'AUTH.REQUIRED'],
    ['a body that is not JSON', async () => post('/api/fn/concern', '{oops', await login('demo-resident-chen')), 400, 'VALIDATION.FAILED'],
    ['a body without an action', async () => post('/api/fn/concern', { data: {} }, await login('demo-resident-chen')), 400, 'VALIDATION.FAILED'],
    ['an unknown action', async () => post('/api/fn/concern', { action: 'concern/nope', data: {} }, await login('demo-resident-chen')), 404, 'ACTION.UNKNOWN'],
    ['identity smuggled in data', async () => post('/api/fn/concern', { action: 'concern/listMine', data: { openid: 'demo-resident-li' } }, await login('demo-resident-chen')), 400, 'VALIDATION.FAILED'],
    ['a login with a bad openid', () => post('/api/dev/login', { openid: '../../x' }), 400, 'VALIDATION.FAILED'],
  ];

  it.each(refusals)('refuses %s with a clear code and a 4xx status', async (_n, send, status, code) => {
    const res = await send();
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ ok: false, code });
  });

  it('serves the H5 build, falls back to index.html, and never serves files outside it', async () => {
    const index = await fetch(base + '/');
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(await index.text()).toContain('街坊');
    expect((await fetch(base + '/app.0123abcd.js')).headers.get('cache-control')).toContain('immutable');
    const traversal = await fetch(base + '/..%2f..%2fetc%2fpasswd');
    expect(await traversal.text()).not.toContain('root:');
  });
});

describe('production mode', () => {
  beforeEach(() => start('production'));

  it('refuses the dev login and the identity list', async () => {
    const res = await post('/api/dev/login', { openid: 'demo-admin-danzao' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, code: 'AUTH.DEV_LOGIN_DISABLED' });
    expect((await fetch(base + '/api/dev/identities')).status).toBe(403);
  });
});
