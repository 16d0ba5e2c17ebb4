import Database from 'better-sqlite3';
import { MIGRATIONS } from './sqlite-schema';
import { checkBeforeOpen, DatabaseRefusedError, quickCheck } from './sqlite-durability';

/**
 * Opens the database: checks an existing file before trusting it (see sqlite-durability.ts), enforces WAL with
 * an fsync per commit (`synchronous = FULL`: an answered write survives power loss) and foreign keys, and
 * applies pending migrations. `fresh` is true when no file (nor any trace of one) existed: a first start.
 */
export function openCheckedDatabase(path: string): { db: Database.Database; fresh: boolean } {
  const memory = path === ':memory:';
  const { fresh } = memory ? { fresh: true } : checkBeforeOpen(path);
  if (!fresh) {
    // A read-only probe first: a refused file must not be checkpointed or otherwise written by our close.
    let probe: Database.Database;
    try {
      probe = new Database(path, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new DatabaseRefusedError(path, `SQLite cannot open it (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      quickCheck(probe, path);
    } finally {
      probe.close();
    }
  }
  const db = new Database(path);
  try {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v]);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, fresh };
}

/** Opens the database as openCheckedDatabase does; for scripts that do not care whether it was new. */
export function openDatabase(path: string): Database.Database {
  return openCheckedDatabase(path).db;
}
