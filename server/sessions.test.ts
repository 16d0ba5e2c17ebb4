/**
 * Local session tokens (the dev login): signed, ending after their lifetime on an injected clock, ended
 * by the person's `me/delete` (not by a removal from the roster), and, in production mode, signed only with a configured secret.
 */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { loadConfig as load } from './config';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createHttpServer } from './http-server';
import { LocalIdentity } from './local-identity';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';

const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv);
const T0 = Date.parse('2026-11-30T02:00:00Z');
const HOUR = 3600_000;

describe('a session token', () => {
  let clock = T0;
  const identity = () => new LocalIdentity({ secret: 'a-secret-of-sixteen+', ttlMs: 12 * HOUR, now: () => new Date(clock) });
  beforeEach(() => {
    clock = T0;
  });

  it('names its openid and when it was issued', () => {
    const token = identity().issue(I.resident);
    clock += HOUR;
    expect(identity().verify(`Bearer ${token}`)).toEqual({ openid: I.resident, issuedAt: new Date(T0) });
  });

  it('ends 12 hours after it was issued', () => {
    const token = identity().issue(I.resident);
    clock = T0 + 12 * HOUR - 1;
    expect(identity().verify(`Bearer ${token}`).openid).toBe(I.resident);
    clock = T0 + 12 * HOUR;
    expect(() => identity().verify(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'AUTH.REQUIRED' }));
  });

  it('is refused when issued in the future, forged, re-dated or signed with another secret', () => {
    const token = identity().issue(I.resident);
    const [who, at, sig] = token.split('.');
    clock = T0 - 10 * 60_000;
    expect(() => identity().verify(`Bearer ${token}`)).toThrow(expect.objectContaining({ code: 'AUTH.REQUIRED' }));
    clock = T0;
    const admin = Buffer.from(I.townAdmin, 'utf8').toString('base64url');
    const later = (T0 + 11 * HOUR).toString(36);
    for (const forged of [`${admin}.${at}.${sig}`, `${who}.${later}.${sig}`, `${who}.${sig}`, new LocalIdentity({ secret: 'another-secret-16+', now: () => new Date(clock) }).issue(I.resident)]) {
      expect(() => identity().verify(`Bearer ${forged}`)).toThrow(expect.objectContaining({ code: 'AUTH.REQUIRED' }));
    }
  });
});

describe('sessions over the local HTTP server', () => {
  let rt: LocalRuntime;
  let server: http.Server;
  let base: string;
  let clock: number;
  beforeEach(async () => {
    clock = T0;
    rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', sessionSecret: 'a-secret-of-sixteen+', sessionHours: 12, now: () => new Date(clock) });
    server = createHttpServer(rt, { mode: 'local', staticDir: null });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
  });
  const post = (p: string, body: unknown, token?: string) =>
    fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const login = async (openid: string) => ((await (await post('/api/dev/login', { openid })).json()) as { data: { token: string } }).data.token;
  const profile = async (token: string) => (await post('/api/fn/concern', { action: 'me/profile', data: {} }, token)).json() as Promise<unknown>;

  it('serve calls for 12 hours, then answer AUTH.REQUIRED until the person signs in again', async () => {
    const token = await login(I.resident);
    clock += 11 * HOUR;
    expect(await profile(token)).toMatchObject({ ok: true, data: { openid: I.resident } });
    clock += HOUR;
    expect(await profile(token)).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    expect(await profile(await login(I.resident))).toMatchObject({ ok: true, data: { openid: I.resident } });
  });

  it('end with the account: after me/delete every earlier token is refused and creates nobody', async () => {
    const phone = await login('o-new-resident');
    const laptop = await login('o-new-resident');
    await post('/api/fn/concern', { action: 'concern/submit', data: { category: 'road', description: '路面塌陷', placeId: 'dz-xinan-1' } }, phone);
    clock += 1000;
    expect(await (await post('/api/fn/concern', { action: 'me/delete', data: { confirm: true } }, phone)).json()).toMatchObject({ ok: true });
    clock += 1000;
    for (const token of [phone, laptop]) expect(await profile(token)).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
    expect(await rt.store.directory.findUser('o-new-resident')).toBeNull();
    // A new sign-in is a new account; the old tokens stay refused.
    const fresh = await login('o-new-resident');
    expect(await profile(fresh)).toMatchObject({ ok: true });
    expect(await profile(phone)).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  it('outlast a removal from the roster: the removed person stays signed in as a resident and is told why staff actions are refused', async () => {
    // 吴委员 is seed staff with no resident record: his first call after the removal creates one.
    const token = await login(I.xichengStaff);
    const admin = await login(I.townAdmin);
    clock += HOUR;
    expect(await (await post('/api/fn/concern', { action: 'roster/remove', data: { openid: I.xichengStaff } }, admin)).json()).toMatchObject({ ok: true });
    clock += 1000;
    for (let i = 0; i < 2; i++) {
      const inbox = await post('/api/fn/concern', { action: 'concern/inbox', data: {} }, token);
      expect([inbox.status, await inbox.json()]).toMatchObject([403, { ok: false, code: 'AUTH.FORBIDDEN', details: { removed: true } }]);
      expect(await profile(token)).toMatchObject({ ok: true, data: { openid: I.xichengStaff, role: 'resident' } });
    }
    // A resident who was never on the roster is refused plainly.
    const plain = await (await post('/api/fn/concern', { action: 'concern/inbox', data: {} }, await login(I.resident))).json();
    expect(plain).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(plain).not.toHaveProperty('details');
  });

  it('end with the account even when the server restarts with the same secret', async () => {
    const token = await login(I.resident2);
    await post('/api/fn/concern', { action: 'me/delete', data: { confirm: true } }, token);
    const again = createLocalRuntime({ dbPath: ':memory:', seed: 'none', sessionSecret: 'a-secret-of-sixteen+', now: () => new Date(clock) });
    try {
      await expect(again.authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'AUTH.REQUIRED' });
    } finally {
      await again.close();
    }
  });
});

describe('the session settings', () => {
  it('last 12 hours by default and are checked at start', () => {
    expect(loadConfig({}).JIEFANG_SESSION_HOURS).toBe(12);
    expect(loadConfig({ JIEFANG_SESSION_HOURS: '2' }).JIEFANG_SESSION_HOURS).toBe(2);
    expect(() => loadConfig({ JIEFANG_SESSION_HOURS: '0' })).toThrow(/JIEFANG_SESSION_HOURS/);
  });

  it('need a secret of its own in production mode', () => {
    expect(() => loadConfig({ JIEFANG_MODE: 'production' })).toThrow(/JIEFANG_SESSION_SECRET: required in production mode/);
    expect(() => loadConfig({ JIEFANG_MODE: 'production', JIEFANG_SESSION_SECRET: 'short' })).toThrow(/JIEFANG_SESSION_SECRET/);
    expect(loadConfig({ JIEFANG_MODE: 'production', JIEFANG_SESSION_SECRET: 'a-secret-of-sixteen+' }).JIEFANG_SESSION_SECRET).toBe('a-secret-of-sixteen+');
  });
});
