/**
 * Durability: the real server process, under a write load, killed with SIGKILL and restarted on the same
 * database. Every acknowledged write is there, no concern is half-written, and the outbox resumes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');
// Run the server as one process (node with tsx's loader), so SIGKILL hits the server itself, not a wrapper.
const SECRET = 'crash-test-session-secret-0123456789';
let dir: string;
let child: ChildProcess | null = null;

function start(dbPath: string): Promise<{ proc: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        JIEFANG_DB: dbPath,
        JIEFANG_SESSION_SECRET: SECRET,
        JIEFANG_RATE_WRITES_PER_MINUTE: '100000',
        JIEFANG_RATE_SUBMITS_PER_HOUR: '100000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /App:\s+(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ proc, base: m[1] });
    });
    proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before it was ready: ${out}`)));
  });
}

async function post(base: string, p: string, body: unknown, token?: string) {
  const res = await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return (await res.json()) as { ok: boolean; data?: { id?: string; token?: string; status?: string; timeline?: unknown[] } };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-crash-'));
});
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

it('keeps every acknowledged write and no half-written concern across a SIGKILL, and resumes the outbox', async () => {
  const dbPath = path.join(dir, 'jiefang.db');
  const first = await start(dbPath);
  child = first.proc;
  const tokens: string[] = [];
  for (let i = 0; i < 8; i++) tokens.push((await post(first.base, '/api/dev/login', { openid: `crash-resident-${i}` })).data!.token!);

  const acknowledged: Array<{ id: string; token: string }> = [];
  let killed = false;
  const clients = tokens.map(async (token, i) => {
    for (let n = 0; !killed; n++) {
      try {
        const r = await post(first.base, '/api/fn/concern', { action: 'concern/submit', data: { category: 'road', description: `压力测试 ${i}-${n}`, placeId: 'dz-xicheng-daguo' } }, token);
        if (r.ok && r.data?.id) acknowledged.push({ id: r.data.id, token });
      } catch {
        return; // the connection died with the server: this write was never acknowledged
      }
    }
  });
  // Kill it mid-load once enough writes were answered (each is fsynced, so how fast depends on the disk).
  while (acknowledged.length <= 30) await new Promise((r) => setTimeout(r, 20));
  const exited = new Promise((r) => first.proc.once('exit', r));
  killed = true;
  first.proc.kill('SIGKILL');
  await Promise.all([exited, ...clients]);
  expect(acknowledged.length).toBeGreaterThan(20);

  const second = await start(dbPath);
  child = second.proc;
  for (const { id, token } of acknowledged) {
    const r = await post(second.base, '/api/fn/concern', { action: 'concern/get', data: { id } }, token);
    expect([id, r.ok, r.data?.status]).toEqual([id, true, 'assigned']);
  }

  const db = new Database(dbPath, { readonly: true });
  try {
    // Every stored concern, acknowledged or not, has its submit and routing events: nothing half-written.
    const partial = db.prepare(`SELECT c.id FROM concerns c WHERE (SELECT COUNT(*) FROM concern_events e WHERE e.concern_id = c.id) <> 2`).all();
    expect(partial).toEqual([]);
    const stored = db.prepare('SELECT COUNT(*) FROM concerns').pluck().get() as number;
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    // The restarted server's job delivers what the killed one left in the outbox.
    const pending = () => db.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'pending'`).pluck().get() as number;
    const deadline = Date.now() + 20_000;
    while (pending() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(pending()).toBe(0);
    expect(db.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'sent'`).pluck().get()).toBe((db.prepare('SELECT COUNT(*) FROM outbox').pluck().get() as number));
  } finally {
    db.close();
  }
});
