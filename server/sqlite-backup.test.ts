/**
 * Backups and restoring them, tested by restoring: a backup taken while the server writes comes back
 * exactly; a restore refuses a running server and a damaged backup, and keeps what it replaces.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runBackup } from '../scripts/backup';
import { runRestore } from '../scripts/restore';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { backupDatabase, backupName, listBackups, restoreDatabase, scheduleBackups } from './sqlite-backup';
import { DatabaseRefusedError, walPath } from './sqlite-durability';
import { GENEROUS_LIMITS } from './test-limits';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..');
const T0 = Date.parse('2026-03-02T02:00:00Z');
let dir: string;
let file: string;
let backups: string;
const open: LocalRuntime[] = [];

function runtime(): LocalRuntime {
  const rt = createLocalRuntime({ dbPath: file, seed: 'demo', now: () => new Date(T0), rateLimits: GENEROUS_LIMITS });
  open.push(rt);
  return rt;
}

async function submit(rt: LocalRuntime, text: string): Promise<string> {
  const c = (await rt.router.call('concern', 'concern/submit', { category: 'road', description: `路面问题：${text}`, placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen')) as { id: string };
  return c.id;
}

const concernIds = (dbFile: string) => {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT id FROM concerns ORDER BY id').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
};

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-backup-'));
  file = path.join(dir, 'jiefang.db');
  backups = path.join(dir, 'backups');
});
afterEach(async () => {
  for (const rt of open.splice(0)) await rt.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a backup', () => {
  it('taken while the server writes restores to exactly what the database held then, keeping the replaced file aside', async () => {
    const rt = runtime();
    const before = [await submit(rt, '备份前一'), await submit(rt, '备份前二')];
    const b = await backupDatabase(rt.store.db, backups, new Date(T0), 7);
    expect(path.basename(b.file)).toBe('jiefang-20260302T020000Z.db');
    const after = await submit(rt, '备份后');
    await rt.close();

    const report = restoreDatabase(b.file, file, new Date(T0 + 60_000));
    expect(report.concerns).toBe(2);
    expect(concernIds(file)).toEqual([...before].sort());
    // Nothing stored is lost: the replaced database, with the later concern, is kept beside it.
    const aside = report.keptAside.find((p) => p.startsWith(`${file}.before-restore-`) && !p.includes('-wal') && !p.includes('-ack'));
    expect(aside).toBeDefined();
    expect(concernIds(aside!)).toEqual([...before, after].sort());

    const again = runtime();
    expect(await again.store.concerns.get(before[0])).not.toBeNull();
    expect(await again.store.concerns.get(after)).toBeNull();
  });

  it('is one checked file, and only the newest are kept', async () => {
    const rt = runtime();
    for (let i = 0; i < 4; i++) await backupDatabase(rt.store.db, backups, new Date(T0 + i * 3_600_000), 3);
    const all = listBackups(backups);
    expect(all.map((b) => path.basename(b.file))).toEqual([3, 2, 1].map((h) => backupName(new Date(T0 + h * 3_600_000))));
    expect(readdirSync(backups).sort()).toEqual(all.map((b) => path.basename(b.file)).sort()); // no -wal, -shm or .partial
    const db = new Database(all[0].file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('of a damaged database fails and leaves no file', async () => {
    const rt = runtime();
    await submit(rt, '一条');
    const root = rt.store.db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'concerns'`).pluck().get() as number;
    await rt.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (root - 1) * 4096);
    closeSync(fd);
    const db = new Database(file, { readonly: true });
    await expect(backupDatabase(db, backups, new Date(T0), 7)).rejects.toThrow(DatabaseRefusedError);
    db.close();
    expect(existsSync(backups) ? readdirSync(backups) : []).toEqual([]);
  });

  it('runs on the server’s schedule when the newest is older than the interval', async () => {
    const rt = runtime();
    const lines: string[] = [];
    const s = scheduleBackups({ db: rt.store.db, dir: backups, everyMs: 3_600_000, keep: 7, now: () => new Date(T0), log: (l) => lines.push(l), firstDelayMs: 0 });
    while (listBackups(backups).length === 0 && lines.length === 0) await new Promise((r) => setTimeout(r, 20));
    await s.stop();
    expect(lines).toEqual([expect.stringMatching(/^backup written to .*jiefang-20260302T020000Z\.db/)]);
    // The next start, within the hour, takes none.
    const quiet: string[] = [];
    const t = scheduleBackups({ db: rt.store.db, dir: backups, everyMs: 3_600_000, keep: 7, now: () => new Date(T0 + 60_000), log: (l) => quiet.push(l), firstDelayMs: 0 });
    await new Promise((r) => setTimeout(r, 100));
    await t.stop();
    expect(quiet).toEqual([]);
  });
});

describe('a restore', () => {
  it('refuses while a server has the database open, and changes nothing', async () => {
    const rt = runtime();
    const id = await submit(rt, '运行中');
    const b = await backupDatabase(rt.store.db, backups, new Date(T0), 7);
    await submit(rt, '又一条');
    expect(() => restoreDatabase(b.file, file, new Date(T0))).toThrow(/in use \(is the server running\?\)/);
    expect(await rt.store.concerns.get(id)).not.toBeNull();
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('refuses a damaged or truncated backup before touching the database', async () => {
    const rt = runtime();
    await submit(rt, '原有');
    const b = await backupDatabase(rt.store.db, backups, new Date(T0), 7);
    await rt.close();
    truncateSync(b.file, Math.floor(statSync(b.file).size / 2));
    const before = concernIds(file);
    expect(() => restoreDatabase(b.file, file, new Date(T0))).toThrow(/truncated/);
    writeFileSync(path.join(backups, 'empty.db'), '');
    expect(() => restoreDatabase(path.join(backups, 'empty.db'), file, new Date(T0))).toThrow(/empty/);
    expect(concernIds(file)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.includes('before-restore'))).toEqual([]);
  });

  it('replaces a database that was refused at start, and the server starts on the restored one', async () => {
    const rt = runtime();
    const id = await submit(rt, '损坏前');
    const b = await backupDatabase(rt.store.db, backups, new Date(T0), 7);
    await rt.close();
    truncateSync(file, 4096 * 3);
    expect(() => runtime()).toThrow(DatabaseRefusedError);
    restoreDatabase(b.file, file, new Date(T0));
    expect(existsSync(walPath(file)) ? statSync(walPath(file)).size : 0).toBe(0);
    expect(await runtime().store.concerns.get(id)).not.toBeNull();
  });
});

describe('npm run backup and npm run restore', () => {
  it('back up, list and restore the database named by JIEFANG_DB', async () => {
    const rt = runtime();
    const id = await submit(rt, '脚本');
    await rt.close();
    const env = { JIEFANG_DB: file, JIEFANG_BACKUP_KEEP: '2' } as unknown as NodeJS.ProcessEnv;
    const out: string[] = [];
    await runBackup([], env, () => new Date(T0), (l) => out.push(l));
    await runBackup(['--list'], env, () => new Date(T0), (l) => out.push(l));
    expect(out.join('\n')).toContain(path.join(backups, 'jiefang-20260302T020000Z.db'));
    truncateSync(file, 0);
    runRestore(['--latest'], env, () => new Date(T0 + 1000), (l) => out.push(l));
    expect(concernIds(file)).toEqual([id]);
    expect(() => runRestore([], env, () => new Date(T0), () => undefined)).toThrow(/name a backup file/);
  });

  it('are wired in package.json and run as scripts', () => {
    const r = spawnSync('npm', ['run', '--silent', 'backup', '--', '--list'], { cwd: ROOT, env: { ...process.env, JIEFANG_DB: file }, encoding: 'utf8' });
    expect([r.status, r.stdout.trim()]).toEqual([0, `no backups in ${backups}`]);
  });
});
