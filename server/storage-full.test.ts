/**
 * A full disk, through the local HTTP server: on a 3 MB tmpfs where the platform lets the test mount one
 * (root on Linux), else SQLite's own SQLITE_FULL from a page limit (`PRAGMA max_page_count`). Writes answer
 * STORAGE.FULL (503, Retry-After) and store nothing, reads keep working, writing resumes once space is
 * back, and a clean stop leaves no log behind. Every acknowledged write is there afterwards.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, rmSync, statSync, unlinkSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createHttpServer } from './http-server';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { walPath } from './sqlite-durability';
import { GENEROUS_LIMITS } from './test-limits';

jest.setTimeout(60_000);

/** A small disk to fill and free again: a real tmpfs, or the database's page limit standing in for one. */
interface SmallDisk {
  kind: 'tmpfs' | 'page limit';
  dir: string;
  fill(db: Database.Database): void;
  free(db: Database.Database): void;
  dispose(): void;
}

function smallDisk(): SmallDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-full-'));
  const mounted = process.platform === 'linux' && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir]).status === 0;
  if (mounted) {
    const filler = path.join(dir, 'filler');
    return {
      kind: 'tmpfs',
      dir,
      fill() {
        const chunk = Buffer.alloc(16 * 1024, 1);
        for (;;) {
          try {
            appendFileSync(filler, chunk);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
            throw e;
          }
        }
        // The last partial chunk may leave a few bytes; take them too.
        for (let n = 4096; n >= 1; n = Math.floor(n / 2)) {
          try {
            for (;;) appendFileSync(filler, Buffer.alloc(n, 1));
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
          }
        }
      },
      free() {
        unlinkSync(filler);
      },
      dispose() {
        spawnSync('umount', [dir]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  return {
    kind: 'page limit',
    dir,
    fill(db) {
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    },
    free(db) {
      db.pragma('max_page_count = 1073741823');
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let disk: SmallDisk;
let rt: LocalRuntime;
let server: http.Server;
let base: string;
let clock = Date.parse('2026-03-02T02:00:00Z');

beforeAll(async () => {
  disk = smallDisk();
  rt = createLocalRuntime({ dbPath: path.join(disk.dir, 'jiefang.db'), seed: 'demo', now: () => new Date(clock), rateLimits: GENEROUS_LIMITS });
  server = createHttpServer(rt, { mode: 'local', staticDir: null });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await rt.close();
  disk.dispose();
});

async function post(p: string, body: unknown, token?: string) {
  const res = await fetch(base + p, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { ok: boolean; code?: string; message?: string; data?: { id?: string; token?: string; status?: string } } };
}
const health = async () => {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as unknown };
};

it(`answers STORAGE.FULL on a full disk, keeps reads working, resumes when space is back, and loses nothing`, async () => {
  const token = (await post('/api/dev/login', { openid: 'demo-resident-chen' })).body.data!.token!;
  const submit = (n: number) => {
    clock += 2000; // the guard checkpoints at most once a second of its clock
    return post('/api/fn/concern', { action: 'concern/submit', data: { category: 'road', description: `满盘测试 ${n}`, placeId: 'dz-xicheng-daguo' } }, token);
  };
  const acknowledged: string[] = [];
  for (let n = 0; n < 3; n++) {
    const r = await submit(n);
    expect(r.body.ok).toBe(true);
    acknowledged.push(r.body.data!.id!);
  }

  disk.fill(rt.store.db);
  // The log may still have room for a write or two; then every write is refused with the code.
  let refused: Awaited<ReturnType<typeof submit>> | null = null;
  for (let n = 3; n < 200 && refused === null; n++) {
    const r = await submit(n);
    if (r.body.ok) acknowledged.push(r.body.data!.id!);
    else refused = r;
  }
  expect(refused).toMatchObject({ status: 503, retryAfter: '30', body: { ok: false, code: 'STORAGE.FULL' } });
  expect((await submit(999)).body.code).toBe('STORAGE.FULL');
  expect(rt.storage.storage).toBe('full');

  // Reads keep working; the readiness check says the store is degraded, not down.
  for (const id of acknowledged) {
    expect((await post('/api/fn/concern', { action: 'concern/get', data: { id } }, token)).body).toMatchObject({ ok: true, data: { status: 'assigned' } });
  }
  expect(await health()).toEqual({ status: 200, body: { ok: true, data: { status: 'degraded', storage: 'full' } } });

  disk.free(rt.store.db);
  rt.storage.recover(); // what the jobs' tick runs while the disk is full
  expect(rt.storage.storage).toBe('ok');
  expect(await health()).toEqual({ status: 200, body: { ok: true, data: { status: 'ok', storage: 'ok' } } });
  for (let n = 0; n < 3; n++) {
    const r = await submit(1000 + n);
    expect(r.body.ok).toBe(true);
    acknowledged.push(r.body.data!.id!);
  }
  // The explicit checkpoint gave the log's space back.
  const wal = walPath(path.join(disk.dir, 'jiefang.db'));
  expect(statSync(wal).size).toBeLessThan(512 * 1024);
  // The outbox, held up by the full disk, delivers everything at once.
  await rt.deliverNotifications();
  expect(rt.store.db.prepare(`SELECT COUNT(*) FROM outbox WHERE status <> 'sent'`).pluck().get()).toBe(0);

  await new Promise((r) => server.close(r));
  await rt.close();
  expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
  rt = createLocalRuntime({ dbPath: path.join(disk.dir, 'jiefang.db'), seed: 'demo', now: () => new Date(clock), rateLimits: GENEROUS_LIMITS });
  server = createHttpServer(rt, { mode: 'local', staticDir: null });
  const stored = rt.store.db.prepare(`SELECT id FROM concerns WHERE reporter_openid = 'demo-resident-chen' ORDER BY id`).pluck().all() as string[];
  // Exactly what was acknowledged: nothing lost, nothing half-written from the refused writes.
  expect(stored.sort()).toEqual([...acknowledged].sort());
  expect(['tmpfs', 'page limit']).toContain(disk.kind);
});
