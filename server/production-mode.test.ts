/**
 * A production-mode server never seeds demo people or demo Open311 keys: the seed defaults to none there,
 * and `JIEFANG_SEED=demo` (or a missing session secret) stops it at start. The real server is started.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig as load } from './config';

jest.setTimeout(30_000);

const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv);
const ROOT = path.resolve(__dirname, '..');
const SECRET = 'production-test-secret-0123456789';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-prod-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function withoutJiefang(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('JIEFANG_')) delete env[k];
  return env;
}

/** Starts server/main.ts; resolves with its base URL once it listens, or with its exit code and output if it stops. */
function start(env: Record<string, string>) {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    // This process's environment without any JIEFANG_ setting of its own, then the test's.
    env: { ...withoutJiefang(), PORT: '0', HOST: '127.0.0.1', JIEFANG_DB: path.join(dir, 'j.db'), JIEFANG_STATIC_DIR: dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise<{ base: string; stop: () => Promise<void> } | { code: number | null; out: string }>((resolve) => {
    let out = '';
    const stop = () => new Promise<void>((r) => {
      proc.once('exit', () => r());
      proc.kill('SIGTERM');
    });
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /App:\s+(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ base: m[1], stop });
    });
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code: number | null) => resolve({ code, out }));
  });
}

describe('a production-mode server', () => {
  it('defaults to no seed, and keeps `demo` for local mode', () => {
    expect(loadConfig({ JIEFANG_MODE: 'production', JIEFANG_SESSION_SECRET: SECRET }).JIEFANG_SEED).toBe('none');
    expect(loadConfig({}).JIEFANG_SEED).toBe('demo');
    expect(loadConfig({ JIEFANG_SEED: 'none' }).JIEFANG_SEED).toBe('none');
  });

  it('refuses to start with JIEFANG_SEED=demo, writing no database', async () => {
    const res = await start({ JIEFANG_MODE: 'production', JIEFANG_SESSION_SECRET: SECRET, JIEFANG_SEED: 'demo' });
    expect(res).toEqual({ code: 1, out: expect.stringMatching(/JIEFANG_SEED: demo data .* refused in production mode/) });
    expect(() => new Database(path.join(dir, 'j.db'), { fileMustExist: true })).toThrow();
  });

  it('refuses to start without a session secret', async () => {
    expect(await start({ JIEFANG_MODE: 'production' })).toEqual({ code: 1, out: expect.stringContaining('JIEFANG_SESSION_SECRET: required in production mode') });
  });

  it('starts with no demo person, no demo Open311 key and no dev login', async () => {
    const res = await start({ JIEFANG_MODE: 'production', JIEFANG_SESSION_SECRET: SECRET });
    if (!('base' in res)) throw new Error(`the server did not start: ${res.out}`);
    try {
      expect(await (await fetch(`${res.base}/api/dev/login`, { method: 'POST', body: JSON.stringify({ openid: 'demo-admin-danzao' }) })).json()).toMatchObject({ ok: false, code: 'AUTH.DEV_LOGIN_DISABLED' });
    } finally {
      await res.stop();
    }
    const db = new Database(path.join(dir, 'j.db'), { readonly: true });
    try {
      const count = (t: string) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get();
      expect(['staff', 'users', 'api_clients', 'vol_teams', 'grid_nodes'].map(count)).toEqual([0, 0, 0, 0, 0]);
    } finally {
      db.close();
    }
  });
});
