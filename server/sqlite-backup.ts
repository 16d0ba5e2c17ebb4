/**
 * Backups of the local store and restoring one. A backup is SQLite's online backup of the live database
 * (consistent, taken while the server writes), checked, fsynced and then renamed into place, so a backup
 * file either is whole or does not exist. A restore never deletes anything: the database it replaces is
 * kept beside it as `<db>.before-restore-<time>` (with its log, if any).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkBeforeOpen, DatabaseRefusedError, markPath, shmPath, walPath } from './sqlite-durability';
import { openCheckedDatabase } from './sqlite-open';

const NAME = /^jiefang-(\d{8}T\d{6}Z)\.db$/;

export interface BackupFile {
  file: string;
  /** When it was taken (from its name), ISO. */
  takenAt: string;
  bytes: number;
}

/** `jiefang-20261201T213000Z.db`: sortable, in UTC. */
export function backupName(at: Date): string {
  return `jiefang-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}.db`;
}

/** Backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => {
      const s = m[1];
      const takenAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
      return { file: path.join(dir, name), takenAt, bytes: statSync(path.join(dir, name)).size };
    })
    .sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

function fsyncPath(p: string, flags: 'r' | 'r+' = 'r') {
  const fd = openSync(p, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The integrity check of a database file on a read-only connection; throws naming the file. */
export function verifyDatabaseFile(file: string): void {
  checkBeforeOpen(file);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new DatabaseRefusedError(file, `SQLite cannot open it (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const rows = (db.pragma('integrity_check(20)') as Array<{ integrity_check: string }>).map((r) => r.integrity_check);
    if (rows.length !== 1 || rows[0] !== 'ok') throw new DatabaseRefusedError(file, `its integrity check found damage: ${rows.slice(0, 5).join('; ')}`);
  } catch (e) {
    if (e instanceof DatabaseRefusedError) throw e;
    throw new DatabaseRefusedError(file, `its integrity check failed (${e instanceof Error ? e.message : String(e)})`);
  } finally {
    db.close();
  }
}

/**
 * Takes a backup of the open database into `dir` and keeps the newest `keep` there. The copy is checked
 * before it gets its name; a failed one (a full disk, a damaged source) leaves no file behind and throws.
 */
export async function backupDatabase(db: Database.Database, dir: string, at: Date, keep: number): Promise<BackupFile> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupName(at));
  const partial = `${file}.partial`;
  try {
    await db.backup(partial);
    // A plain single file (rollback journal), so it can be copied anywhere as it is.
    const copy = new Database(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    verifyDatabaseFile(partial);
    fsyncPath(partial);
    renameSync(partial, file);
    fsyncPath(dir);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  for (const old of listBackups(dir).slice(Math.max(1, keep))) rmSync(old.file, { force: true });
  return { file, takenAt: at.toISOString(), bytes: statSync(file).size };
}

/** Takes a backup of the database file at `dbPath` from another process (read-only: it never checkpoints the live log). */
export async function backupFile(dbPath: string, dir: string, at: Date, keep: number): Promise<BackupFile> {
  if (!existsSync(dbPath)) throw new Error(`no database at ${dbPath}`);
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    return await backupDatabase(db, dir, at, keep);
  } finally {
    db.close();
  }
}

export interface RestoreReport {
  restored: string;
  /** Where the replaced database (and its log) now are; empty when there was none. */
  keptAside: string[];
  concerns: number;
}

/** The server is running on `dbPath` when another connection holds it: switching out of WAL mode needs it alone. */
function assertNotInUse(dbPath: string) {
  if (!existsSync(shmPath(dbPath))) return; // no wal-index: nobody has it open
  let db: Database.Database;
  try {
    db = new Database(dbPath, { fileMustExist: true, timeout: 0 });
  } catch {
    return; // it cannot even be opened: it is what the restore replaces
  }
  let mode: unknown = null;
  let code = '';
  try {
    // Copies the old log into the old file (kept aside below) and proves nobody else has it open.
    mode = db.pragma('journal_mode = DELETE', { simple: true });
  } catch (e) {
    // Not by instanceof: the native module may build its errors in another realm.
    code = String((e as { code?: string } | null)?.code ?? '');
  } finally {
    db.close();
  }
  // A damaged file may refuse the switch; anything else (busy, locked) means someone has it open.
  const damaged = code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
  if (mode !== 'delete' && !damaged) throw new Error(`the database ${dbPath} is in use (is the server running?): stop it, then restore`);
}

/**
 * Restores `backup` as the database at `dbPath`: the backup is checked whole first, the server must be
 * stopped, the replaced database is kept aside, and the restored file is opened once (migrations applied).
 */
export function restoreDatabase(backup: string, dbPath: string, at: Date): RestoreReport {
  if (!existsSync(backup)) throw new Error(`no backup at ${backup}`);
  verifyDatabaseFile(backup);
  assertNotInUse(dbPath);
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const keptAside: string[] = [];
  for (const p of [dbPath, walPath(dbPath), shmPath(dbPath), markPath(dbPath)]) {
    if (!existsSync(p)) continue;
    const aside = `${p}.before-restore-${stamp}`;
    renameSync(p, aside);
    keptAside.push(aside);
  }
  mkdirSync(path.dirname(path.resolve(dbPath)), { recursive: true });
  const incoming = `${dbPath}.restoring`;
  copyFileSync(backup, incoming);
  fsyncPath(incoming);
  renameSync(incoming, dbPath);
  fsyncPath(path.dirname(path.resolve(dbPath)));
  const { db } = openCheckedDatabase(dbPath);
  try {
    const concerns = db.prepare('SELECT COUNT(*) FROM concerns').pluck().get() as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { restored: dbPath, keptAside, concerns };
  } finally {
    db.close();
  }
}

export interface BackupSchedule {
  /** Stops the schedule after the backup in progress, if any. */
  stop(): Promise<void>;
}

/**
 * The server's backups: one soon after start when the newest is older than `everyMs` (or there is none),
 * then every `everyMs`. A failed backup is logged and tried at the next turn.
 */
export function scheduleBackups(opts: { db: Database.Database; dir: string; everyMs: number; keep: number; now: () => Date; log: (line: string) => void; firstDelayMs?: number }): BackupSchedule {
  let running: Promise<void> = Promise.resolve();
  const take = () => {
    running = running.then(async () => {
      try {
        const b = await backupDatabase(opts.db, opts.dir, opts.now(), opts.keep);
        opts.log(`backup written to ${b.file} (${(b.bytes / 1024).toFixed(0)} KB)`);
      } catch (e) {
        opts.log(`backup into ${opts.dir} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  };
  const newest = listBackups(opts.dir)[0];
  const due = !newest || opts.now().getTime() - Date.parse(newest.takenAt) >= opts.everyMs;
  const first = due ? setTimeout(take, opts.firstDelayMs ?? 10_000) : null;
  first?.unref();
  const every = setInterval(take, opts.everyMs);
  every.unref();
  return {
    async stop() {
      if (first) clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
