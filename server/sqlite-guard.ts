/**
 * The storage guard around the SQLite store of a running server: storage faults become error codes, a full
 * disk triggers a checkpoint (so space the log held comes back, and writing resumes once the disk has room),
 * each answered write is recorded in the acknowledgement mark, and the readiness check runs a real query.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from '../core/errors';
import { AckMarker } from './sqlite-durability';
import type { SqliteStore } from './sqlite-store';

export type StorageState = 'ok' | 'full' | 'damaged';

export interface Readiness {
  ready: boolean;
  /** ok; full (reads work, writes are refused until space is back); damaged (restore a backup). */
  storage: StorageState;
  /** Why it is not ready, for the operator. */
  reason?: string;
}

/** The storage fault a thrown error stands for, by SQLite's (extended) result code; null for anything else. */
export function storageFault(e: unknown): 'full' | 'damaged' | null {
  // By name and code, not instanceof: the native module may build its errors in another realm (jest's sandboxes).
  const { code, name } = (typeof e === 'object' && e !== null ? e : {}) as { code?: unknown; name?: unknown };
  if (typeof code !== 'string' || name !== 'SqliteError') return null;
  if (code.startsWith('SQLITE_FULL')) return 'full';
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) return 'damaged';
  return null;
}

/** How often a failing write may trigger another checkpoint. */
const CHECKPOINT_EVERY_MS = 1000;

export class StorageGuard {
  /** The store with every repository method guarded; `db` stays the raw connection. */
  readonly store: SqliteStore;
  private state: StorageState = 'ok';
  private lastCheckpointAt = -Infinity;
  private readonly marker: AckMarker | null;
  private readonly probe;
  private readonly touch;
  /** Set while a background job runs (see background()). */
  private readonly job = new AsyncLocalStorage<true>();

  constructor(
    private readonly raw: SqliteStore,
    private readonly now: () => Date,
    private readonly log: (message: string) => void = (m) => console.error(`[jiefang] ${m}`),
  ) {
    this.marker = raw.db.memory ? null : new AckMarker(raw.db.name);
    // Reads rows of the directory and of the concerns table itself (a COUNT would read only an index).
    this.probe = raw.db.prepare(`SELECT (SELECT value FROM grid_meta WHERE key = 'grid_version'), (SELECT id FROM concerns ORDER BY rowid DESC LIMIT 1)`);
    this.touch = raw.db.transaction(() => {
      // A real write that changes nothing in the end (an UPDATE to the same value writes no page).
      raw.db.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`).run();
      raw.db.prepare(`UPDATE grid_meta SET value = value - 1 WHERE key = 'grid_version'`).run();
    });
    const wrapped = new Map<PropertyKey, unknown>();
    this.store = new Proxy(raw, {
      get: (target, prop) => {
        const value: unknown = Reflect.get(target, prop, target);
        if (prop === 'db' || typeof value !== 'object' || value === null) return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        if (!wrapped.has(prop)) wrapped.set(prop, this.wrapRepo(value));
        return wrapped.get(prop);
      },
    });
  }

  /**
   * Runs a background job (outbox delivery, reminders, the SLA job) whose writes nobody is answered about: its
   * commits skip their own fsync (`synchronous = NORMAL`), and are not recorded in the mark. Losing them to a
   * power cut is harmless (each job is idempotent and redoes them); the next answered write's fsync covers them,
   * as it syncs the whole log.
   */
  background<T>(job: () => Promise<T>): Promise<T> {
    return this.job.run(true, job);
  }

  /** Records what is committed now in the acknowledgement mark (after seeding, for instance). */
  markCommitted(): void {
    this.marker?.mark();
  }

  get storage(): StorageState {
    return this.state;
  }

  private wrapRepo<T extends object>(repo: T): T {
    return new Proxy(repo, {
      get: (target, prop) => {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          // better-sqlite3 commits inside the call's synchronous part, so the setting covers exactly this call's commits.
          const relaxed = this.job.getStore() === true && !this.raw.db.inTransaction;
          let out: unknown;
          try {
            if (relaxed) this.raw.db.pragma('synchronous = NORMAL');
            out = (value as (...a: unknown[]) => unknown).apply(target, args);
          } catch (e) {
            throw this.failed(e);
          } finally {
            if (relaxed) this.raw.db.pragma('synchronous = FULL');
          }
          const ok = (v: unknown) => (relaxed ? v : this.succeeded(v));
          if (out instanceof Promise) return out.then(ok, (e: unknown) => {
              throw this.failed(e);
            });
          return ok(out);
        };
      },
    });
  }

  private succeeded<V>(v: V): V {
    this.marker?.mark();
    return v;
  }

  /** Maps a storage fault to its code (nothing was written: SQLite rolled the statement back) and acts on it. */
  private failed(e: unknown): unknown {
    const fault = storageFault(e);
    if (fault === null) return e;
    if (fault === 'damaged') {
      if (this.state !== 'damaged') this.log(`the database ${this.raw.db.name} reports damage (${String(e)}); stop the server and restore a backup (npm run restore)`);
      this.state = 'damaged';
      return new AppError('STORAGE.DAMAGED', 'the database is damaged; nothing was written');
    }
    if (this.state === 'ok') this.log(`the disk of ${this.raw.db.name} is full (${String(e)}); writes are refused with STORAGE.FULL until space is back`);
    if (this.state !== 'damaged') this.state = 'full';
    this.checkpoint();
    return new AppError('STORAGE.FULL', 'the disk is full; nothing was written, try again later');
  }

  /**
   * Copies the write-ahead log into the database and empties it, at most once a second. While the disk is
   * full, the jobs call this every tick, so writing resumes when space is back even without traffic.
   */
  checkpoint(): void {
    const at = this.now().getTime();
    if (at - this.lastCheckpointAt < CHECKPOINT_EVERY_MS && at >= this.lastCheckpointAt) return;
    this.lastCheckpointAt = at;
    const r = this.raw.checkpoint();
    if (r.done) this.marker?.mark();
  }

  /** A write succeeded after a fault: the disk has room again. Called by the jobs' tick. */
  recover(): void {
    if (this.state !== 'full') return;
    // Not throttled: the tick's own interval paces it. A full checkpoint gives the log's space back.
    this.lastCheckpointAt = this.now().getTime();
    this.raw.checkpoint();
    try {
      // A tiny real write proves the disk takes writes again.
      this.touch.immediate();
      this.state = 'ok';
      this.marker?.mark();
      this.log(`the disk of ${this.raw.db.name} takes writes again`);
    } catch (e) {
      if (storageFault(e) === null) throw e;
    }
  }

  /** Readiness: a query that reads the directory and the newest concern, and the storage state. */
  readiness(): Readiness {
    if (this.state === 'damaged') return { ready: false, storage: 'damaged', reason: 'the database reported damage; restore a backup' };
    try {
      this.probe.get();
    } catch (e) {
      const fault = storageFault(e);
      if (fault === 'damaged') this.state = 'damaged';
      return { ready: false, storage: this.state, reason: e instanceof Error ? e.message : String(e) };
    }
    return { ready: true, storage: this.state };
  }

  /** On a clean stop: the log copied into the database and emptied, the mark saying nothing is at risk. */
  close(): void {
    const r = this.raw.checkpoint();
    if (!r.done) this.log(`could not empty the write-ahead log of ${this.raw.db.name} on stop (${r.reason}); it is replayed on the next start`);
    this.marker?.mark();
    this.marker?.close();
  }
}
