/**
 * Faults of the database file at start: an empty, foreign, truncated or damaged file, and write-ahead logs
 * that lost acknowledged writes after a crash. Each is refused with a message naming the file, and nothing
 * in it changes; a healthy crash image starts with every acknowledged write.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { DatabaseRefusedError, markPath, scanWal, walPath } from './sqlite-durability';
import { crashImage, damageTablePage } from './test-crash-image';
import { GENEROUS_LIMITS } from './test-limits';

jest.setTimeout(60_000);

const NOW = new Date('2026-03-02T02:00:00Z');
let dir: string;
const open: LocalRuntime[] = [];

function runtime(dbPath: string): LocalRuntime {
  const rt = createLocalRuntime({ dbPath, seed: 'demo', now: () => NOW, rateLimits: GENEROUS_LIMITS });
  open.push(rt);
  return rt;
}

const digest = (file: string) => (existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent');
/** The bytes of the database and its side files, to show that a refusal changed nothing. */
const snapshot = (file: string) => [file, walPath(file), markPath(file)].map(digest);

function refusal(dbPath: string): DatabaseRefusedError {
  try {
    runtime(dbPath);
  } catch (e) {
    if (e instanceof DatabaseRefusedError) return e;
    throw e;
  }
  throw new Error(`${dbPath} was opened`);
}

async function submitSome(rt: LocalRuntime, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = (await rt.router.call('concern', 'concern/submit', { category: 'road', description: `测试诉求 ${i}`, placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen')) as { id: string };
    ids.push(c.id);
  }
  return ids;
}

async function stored(rt: LocalRuntime, ids: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const id of ids) if (await rt.store.concerns.get(id)) found.push(id);
  return found;
}

/** A database written by a server that then stopped cleanly: one file, no log. */
async function cleanDatabase(name: string, concerns = 3): Promise<{ file: string; ids: string[] }> {
  const file = path.join(dir, name);
  const rt = runtime(file);
  const ids = await submitSome(rt, concerns);
  await rt.close();
  return { file, ids };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-durability-'));
});
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('at start, the local store', () => {
  it('creates and seeds a database only where no file existed, and commits with an fsync in WAL mode', async () => {
    const file = path.join(dir, 'jiefang.db');
    const rt = runtime(file);
    expect(rt.store.fresh).toBe(true);
    expect(rt.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(rt.store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const [id] = await submitSome(rt, 1);
    await rt.close();
    const again = runtime(file);
    expect(again.store.fresh).toBe(false);
    expect(await stored(again, [id])).toEqual([id]);
  });

  it('stops cleanly with the log emptied into the database file', async () => {
    const { file } = await cleanDatabase('clean.db');
    expect(existsSync(walPath(file)) ? statSync(walPath(file)).size : 0).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(3);
    db.close();
  });

  it('refuses a 0-byte file, naming it, and never seeds it', () => {
    const file = path.join(dir, 'empty.db');
    writeFileSync(file, '');
    const e = refusal(file);
    expect(e.message).toContain(file);
    expect(e.problem).toMatch(/empty \(0 bytes\)/);
    expect(e.message).toMatch(/npm run restore/);
    expect(statSync(file).size).toBe(0);
    expect(existsSync(walPath(file))).toBe(false);
  });

  it('refuses a missing file when traces of an earlier install remain beside it', async () => {
    const { file } = await cleanDatabase('gone.db');
    unlinkSync(file);
    const e = refusal(file);
    expect(e.problem).toMatch(/missing/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a file that is not an SQLite database', () => {
    const file = path.join(dir, 'other.db');
    writeFileSync(file, 'PK\u0003\u0004 this is a zip, not a database'.repeat(40));
    const before = snapshot(file);
    expect(refusal(file).problem).toMatch(/not an SQLite database/);
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a truncated file and leaves it as it was', async () => {
    const { file } = await cleanDatabase('truncated.db');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    const before = snapshot(file);
    const e = refusal(file);
    expect(e.problem).toMatch(/truncated/);
    expect(e.message).toContain(file);
    expect(snapshot(file)).toEqual(before);
  });

  it('refuses a file with a damaged page (integrity check) and leaves it as it was', async () => {
    const { file } = await cleanDatabase('damaged.db');
    damageTablePage(file, 'concerns');
    const before = snapshot(file);
    const e = refusal(file);
    expect(e.problem).toMatch(/integrity check/);
    expect(snapshot(file)).toEqual(before);
  });
});

describe('after a crash, the local store', () => {
  const images = (names: string[], writes: number) => {
    const files = names.map((n) => path.join(dir, n));
    const ids = crashImage(files, writes);
    for (const f of files) expect(statSync(walPath(f)).size).toBeGreaterThan(0);
    return files.map((file, i) => ({ file, ids: ids[i] }));
  };

  it('replays an intact log: every acknowledged write is there', async () => {
    const [{ file, ids }] = images(['intact.db'], 10);
    const rt = runtime(file);
    expect(await stored(rt, ids)).toEqual(ids);
  });

  it('starts when another program checkpointed the log after the crash (the mark is not a false alarm)', async () => {
    const [{ file, ids }] = images(['checkpointed.db'], 10);
    const other = new Database(file);
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close(); // the last connection removes the log
    expect(existsSync(walPath(file))).toBe(false);
    const rt = runtime(file);
    expect(await stored(rt, ids)).toEqual(ids);
  });

  it('refuses a log whose tail was cut off, a deleted log, and a log damaged in the middle', () => {
    const [cut, deleted, damaged] = images(['cut.db', 'deleted.db', 'damaged.db'], 10);

    const committed = scanWal(readFileSync(walPath(cut.file)));
    const frame = 24 + committed.pageSize;
    truncateSync(walPath(cut.file), 32 + Math.floor(committed.committedFrames / 2) * frame + 100);
    const cutBefore = snapshot(cut.file);
    const e1 = refusal(cut.file);
    expect(e1.problem).toMatch(/tail was lost/);
    expect(e1.message).toContain(walPath(cut.file));
    expect(snapshot(cut.file)).toEqual(cutBefore);

    unlinkSync(walPath(deleted.file));
    const e2 = refusal(deleted.file);
    expect(e2.problem).toMatch(/missing/);
    expect(existsSync(walPath(deleted.file))).toBe(false);

    // Damage one frame early in the log; without the mark, the frames after it still give it away.
    unlinkSync(markPath(damaged.file));
    const fd = openSync(walPath(damaged.file), 'r+');
    writeSync(fd, Buffer.alloc(16, 0x5a), 0, 16, 32 + 3 * frame + 24 + 100);
    closeSync(fd);
    const damagedBefore = snapshot(damaged.file);
    expect(refusal(damaged.file).problem).toMatch(/damaged: \d+ committed transactions/);
    expect(snapshot(damaged.file)).toEqual(damagedBefore);
  });
});

describe('each acknowledged write', () => {
  /** fsync/fdatasync calls of a process that opens a store and makes `writes` submits, counted by strace. */
  function syncsFor(writes: number): number {
    const file = path.join(dir, `syncs-${writes}.db`);
    const trace = path.join(dir, `syncs-${writes}.trace`);
    const code = `
      const { createLocalRuntime } = require(${JSON.stringify(path.join(__dirname, 'local-runtime.ts'))});
      (async () => {
        const rt = createLocalRuntime({ dbPath: ${JSON.stringify(file)}, seed: 'demo', now: () => new Date('2026-03-02T02:00:00Z'), rateLimits: { writesPerMinute: 1e6, submitsPerHour: 1e6 } });
        for (let i = 0; i < ${writes}; i++) await rt.router.call('concern', 'concern/submit', { category: 'road', description: '同步 ' + i, placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
        await rt.close();
      })();`;
    const r = spawnSync('strace', ['-f', '-qq', '-e', 'trace=fsync,fdatasync', '-o', trace, process.execPath, '--import', 'tsx', '-e', code], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`traced writer failed: ${r.stderr}`);
    return readFileSync(trace, 'utf8').split('\n').filter((l) => /\b(fsync|fdatasync)\(/.test(l) && !/unfinished|resumed/.test(l)).length;
  }

  it('is synced to disk before it is answered: at least one fsync per write (strace), on a WAL with synchronous = FULL', async () => {
    const rt = runtime(path.join(dir, 'pragma.db'));
    expect([rt.store.db.pragma('journal_mode', { simple: true }), rt.store.db.pragma('synchronous', { simple: true })]).toEqual(['wal', 2]);
    if (spawnSync('strace', ['-V']).status !== 0) {
      console.warn('strace is not installed: the fsync count is not measured here (apt-get install strace)');
      return;
    }
    const n = 40;
    expect(syncsFor(n) - syncsFor(0)).toBeGreaterThanOrEqual(n);
  });
});

describe('a background job', () => {
  it('commits without its own fsync and without moving the mark; answered writes keep both', async () => {
    const file = path.join(dir, 'jobs.db');
    const rt = runtime(file);
    await submitSome(rt, 1);
    const seen: number[] = [];
    const raw = rt.store.db;
    // Observe the setting inside the call, as the repository sees it when it commits.
    const outbox = Object.getPrototypeOf(rt.store.outbox) as { claimDue: (...a: unknown[]) => Promise<unknown> };
    const claimDue = outbox.claimDue;
    outbox.claimDue = function (this: unknown, ...a: unknown[]) {
      seen.push(raw.pragma('synchronous', { simple: true }) as number);
      return claimDue.apply(this, a);
    };
    try {
      const markBefore = readFileSync(markPath(file));
      await rt.storage.background(() => rt.deliverNotifications());
      expect(readFileSync(markPath(file))).toEqual(markBefore);
      expect(raw.pragma('synchronous', { simple: true })).toBe(2);
      await rt.deliverNotifications();
      expect(seen).toEqual([1, 2]); // NORMAL inside the job, FULL for the rest
      await submitSome(rt, 1);
      expect(readFileSync(markPath(file))).not.toEqual(markBefore);
    } finally {
      outbox.claimDue = claimDue;
    }
  });
});
