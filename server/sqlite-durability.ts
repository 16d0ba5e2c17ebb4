/**
 * What the local store checks before it trusts a database file, and the record that lets it notice a
 * write-ahead log that lost acknowledged writes.
 *
 * Invariants:
 * - A database file that exists is never replaced, emptied or seeded: it opens whole or the start is refused.
 * - Every commit is in the WAL on disk (fsync, `synchronous = FULL`) before the caller is answered.
 * - The acknowledgement mark (`<db>-ack`) is only ever a lower bound of what is committed, so it never
 *   refuses a healthy database; it is written after the commit it describes, without an fsync of its own.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import type Database from 'better-sqlite3';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_MAGIC_LE = 0x377f0682;
const WAL_MAGIC_BE = 0x377f0683;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The start was refused: `file` is damaged or incomplete. Nothing was written to it. */
export class DatabaseRefusedError extends Error {
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string, advice: string = restoreAdvice(file)) {
    super(
      `数据库文件 ${file} 已损坏或不完整，服务没有启动，文件也未做任何修改。\n` +
        `Refusing to open the database ${file}: ${problem}.\n${advice}`,
    );
    this.name = 'DatabaseRefusedError';
    this.file = file;
    this.problem = problem;
  }
}

function restoreAdvice(file: string): string {
  return (
    `Nothing was changed. Keep the damaged file for inspection and restore the newest backup:\n` +
    `  npm run restore -- <backup file>     (backups: npm run backup -- --list; JIEFANG_DB=${file})\n` +
    `To begin an empty install instead, move ${file} and its -wal, -shm and -ack files away first.`
  );
}

export const walPath = (file: string) => `${file}-wal`;
export const shmPath = (file: string) => `${file}-shm`;
export const markPath = (file: string) => `${file}-ack`;

function sizeOf(file: string): number | null {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
}

export interface WalScan {
  /** The header is intact (magic, version, checksum); when false nothing in the log is used by SQLite. */
  headerValid: boolean;
  salts: Buffer;
  pageSize: number;
  /** Frames SQLite will replay: up to and including the last valid commit frame. */
  committedFrames: number;
  /** Commit frames of the current log that lie beyond a damaged frame, which SQLite would silently drop. */
  commitsAfterDamage: number;
}

/** Reads a write-ahead log held in memory as SQLite's recovery does (https://sqlite.org/fileformat2.html#walformat). */
export function scanWal(bytes: Buffer): WalScan {
  return scanWalWith(bytes.length, (buf, at) => bytes.copy(buf, 0, at, at + buf.length));
}

/** Reads a write-ahead log file frame by frame (a log can be large after a crash); an absent file scans as empty. */
export function scanWalFile(file: string): WalScan {
  const size = sizeOf(file);
  if (size === null || size === 0) return scanWalWith(0, () => 0);
  const fd = openSync(file, 'r');
  try {
    return scanWalWith(size, (buf, at) => readSync(fd, buf, 0, buf.length, at));
  } finally {
    closeSync(fd);
  }
}

function scanWalWith(length: number, read: (buf: Buffer, at: number) => number): WalScan {
  const none: WalScan = { headerValid: false, salts: Buffer.alloc(8), pageSize: 0, committedFrames: 0, commitsAfterDamage: 0 };
  if (length < WAL_HEADER) return none;
  const head = Buffer.alloc(WAL_HEADER);
  read(head, 0);
  const magic = head.readUInt32BE(0);
  const pageSize = head.readUInt32BE(8);
  if ((magic !== WAL_MAGIC_LE && magic !== WAL_MAGIC_BE) || head.readUInt32BE(4) !== 3007000) return none;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return none;
  const bigEndian = (magic & 1) === 1;
  const sum: [number, number] = [0, 0];
  checksum(head, 0, 24, bigEndian, sum);
  if (sum[0] !== head.readUInt32BE(24) || sum[1] !== head.readUInt32BE(28)) return none;
  const salts = Buffer.from(head.subarray(16, 24));
  const frameSize = FRAME_HEADER + pageSize;
  const frame = Buffer.alloc(frameSize);
  let index = 0;
  let committedFrames = 0;
  let offset = WAL_HEADER;
  for (; offset + frameSize <= length; offset += frameSize, index++) {
    read(frame, offset);
    if (!frame.subarray(8, 16).equals(salts)) break;
    checksum(frame, 0, 8, bigEndian, sum);
    checksum(frame, FRAME_HEADER, frameSize, bigEndian, sum);
    if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) break;
    if (frame.readUInt32BE(4) !== 0) committedFrames = index + 1;
  }
  // A torn final transaction (a crash mid-append) has at most one commit frame; two or more commits of this
  // log after the break mean acknowledged transactions sit behind a damaged frame.
  let commitsAfterDamage = 0;
  const header = Buffer.alloc(FRAME_HEADER);
  for (let o = offset + frameSize; o + frameSize <= length; o += frameSize) {
    read(header, o);
    if (header.subarray(8, 16).equals(salts) && header.readUInt32BE(4) !== 0) commitsAfterDamage++;
  }
  return { headerValid: true, salts, pageSize, committedFrames, commitsAfterDamage: commitsAfterDamage >= 2 ? commitsAfterDamage : 0 };
}

/** SQLite's WAL checksum, continued from `sum` over bytes [from, to). */
function checksum(b: Buffer, from: number, to: number, bigEndian: boolean, sum: [number, number]) {
  let [s1, s2] = sum;
  for (let i = from; i < to; i += 8) {
    const x0 = bigEndian ? b.readUInt32BE(i) : b.readUInt32LE(i);
    const x1 = bigEndian ? b.readUInt32BE(i + 4) : b.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  sum[0] = s1;
  sum[1] = s2;
}

/** What `<db>-ack` records after an acknowledged write: the log generation, its committed frames, how many of them were in the database file. */
export interface AckMark {
  salts: Buffer;
  mxFrame: number;
  backfilled: number;
  /** The database file's mtime (ms) when the mark was taken: a later checkpoint by anyone changes it. */
  dbMtimeMs: number;
}

const MARK_MAGIC = 0x4a46414b; // "JFAK"
const MARK_BYTES = 32;

export function encodeMark(m: AckMark): Buffer {
  const b = Buffer.alloc(MARK_BYTES);
  b.writeUInt32BE(MARK_MAGIC, 0);
  m.salts.copy(b, 4, 0, 8);
  b.writeUInt32BE(m.mxFrame, 12);
  b.writeUInt32BE(m.backfilled, 16);
  b.writeDoubleBE(m.dbMtimeMs, 20);
  b.writeUInt32BE(0, 28);
  return b;
}

export function decodeMark(b: Buffer): AckMark | null {
  if (b.length < MARK_BYTES || b.readUInt32BE(0) !== MARK_MAGIC) return null;
  return { salts: Buffer.from(b.subarray(4, 12)), mxFrame: b.readUInt32BE(12), backfilled: b.readUInt32BE(16), dbMtimeMs: b.readDoubleBE(20) };
}

/**
 * Checks a database file before SQLite opens it. Answers whether it is a fresh install (no file and no
 * trace of one); throws DatabaseRefusedError for an empty, foreign, truncated file or a log that lost
 * acknowledged writes.
 */
export function checkBeforeOpen(file: string): { fresh: boolean } {
  const size = sizeOf(file);
  if (size === null) {
    const traces = [walPath(file), shmPath(file), markPath(file)].filter((p) => existsSync(p));
    if (traces.length > 0) throw new DatabaseRefusedError(file, `the file is missing, but ${traces.join(', ')} of an earlier install exist`);
    return { fresh: true };
  }
  if (size === 0) throw new DatabaseRefusedError(file, 'the file is empty (0 bytes); it is not seeded over');
  const head = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (size < 100 || !head.subarray(0, 16).equals(SQLITE_MAGIC)) throw new DatabaseRefusedError(file, 'it is not an SQLite database (its header is damaged or it is another kind of file)');
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw new DatabaseRefusedError(file, `its header names an impossible page size (${rawPageSize})`);
  const walBytes = sizeOf(walPath(file)) ?? 0;
  const scan = scanWalFile(walPath(file));
  if (scan.headerValid && scan.commitsAfterDamage > 0) {
    throw new DatabaseRefusedError(file, `its write-ahead log ${walPath(file)} is damaged: ${scan.commitsAfterDamage} committed transactions lie after a damaged frame and would be lost`);
  }
  if (!scan.headerValid || scan.committedFrames === 0) {
    // Without a log to replay, the file alone must hold every page its header counts.
    const pages = head.readUInt32BE(28);
    if (size % pageSize !== 0 || (pages > 0 && size < pages * pageSize)) {
      throw new DatabaseRefusedError(file, `it is truncated: its header counts ${pages} pages of ${pageSize} bytes (${pages * pageSize} bytes), the file has ${size}`);
    }
  }
  const markBytes = existsSync(markPath(file)) ? readFileSync(markPath(file)) : null;
  const mark = markBytes ? decodeMark(markBytes) : null;
  if (mark && mark.mxFrame > mark.backfilled) {
    const sameLog = scan.headerValid && scan.salts.equals(mark.salts);
    const dbUntouched = statSync(file).mtimeMs === mark.dbMtimeMs;
    if (sameLog && scan.committedFrames < mark.mxFrame) {
      throw new DatabaseRefusedError(file, `its write-ahead log ${walPath(file)} ends at frame ${scan.committedFrames}, but ${mark.mxFrame} frames had been acknowledged: its tail was lost or damaged`);
    }
    if (!sameLog && dbUntouched) {
      throw new DatabaseRefusedError(
        file,
        `its write-ahead log ${walPath(file)} is ${walBytes === 0 ? 'missing' : 'replaced or damaged'}, but it held ${mark.mxFrame - mark.backfilled} acknowledged frames not yet copied into the database`,
        `${restoreAdvice(file)}\nIf another program has checkpointed this database since, ${markPath(file)} is out of date: remove it and start again.`,
      );
    }
  }
  return { fresh: false };
}

/** `PRAGMA quick_check` on an open database; throws DatabaseRefusedError naming the file and what it found. */
export function quickCheck(db: Database.Database, file: string): void {
  let rows: string[];
  try {
    rows = (db.pragma('quick_check(20)') as Array<{ quick_check: string }>).map((r) => r.quick_check);
  } catch (e) {
    throw new DatabaseRefusedError(file, `its integrity check failed (${e instanceof Error ? e.message : String(e)})`);
  }
  if (rows.length !== 1 || rows[0] !== 'ok') throw new DatabaseRefusedError(file, `its integrity check found damage: ${rows.slice(0, 5).join('; ')}`);
}

/** The wal-index is in the machine's byte order. */
const native32 = (b: Buffer, at: number) => (os.endianness() === 'LE' ? b.readUInt32LE(at) : b.readUInt32BE(at));

/**
 * Keeps `<db>-ack` up to date: after each acknowledged write, the log generation and committed frame count
 * read from the wal-index (`-shm`, https://sqlite.org/walformat.html#the_wal_index_file_format).
 */
export class AckMarker {
  private shmFd: number | null = null;
  private markFd: number | null = null;
  private last: Buffer | null = null;
  private readonly head = Buffer.alloc(136);

  constructor(private readonly file: string) {}

  /** Records the committed state if it changed since the last mark. Never throws: a mark is an aid, not a write. */
  mark(): void {
    try {
      if (this.shmFd === null) this.shmFd = openSync(shmPath(this.file), 'r');
      if (readSync(this.shmFd, this.head, 0, 136, 0) < 136) return;
      // Two copies of the index header: equal unless a writer is updating them right now.
      if (!this.head.subarray(0, 48).equals(this.head.subarray(48, 96))) return;
      const state = Buffer.concat([this.head.subarray(16, 20), this.head.subarray(32, 40), this.head.subarray(96, 100)]);
      if (this.last?.equals(state)) return;
      const mark = encodeMark({
        salts: this.head.subarray(32, 40),
        mxFrame: native32(this.head, 16),
        backfilled: native32(this.head, 96),
        dbMtimeMs: statSync(this.file).mtimeMs,
      });
      if (this.markFd === null) this.markFd = openSync(markPath(this.file), 'w');
      writeSync(this.markFd, mark, 0, mark.length, 0);
      this.last = state;
    } catch {
      // No -shm yet (nothing written) or the folder is read-only: the next write tries again.
    }
  }

  close(): void {
    for (const fd of [this.shmFd, this.markFd]) if (fd !== null) closeSync(fd);
    this.shmFd = null;
    this.markFd = null;
  }
}
