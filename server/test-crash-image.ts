/**
 * Test helper: the files a killed server leaves behind. A child process opens a local runtime on each given
 * database path, submits `writes` concerns through the router on each, and kills itself with SIGKILL while the
 * databases are open (so each keeps its write-ahead log and acknowledgement mark, as after a crash).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(__dirname, '..');

export function crashImage(dbPaths: readonly string[], writes: number): string[][] {
  const code = `
    const { createLocalRuntime } = require(${JSON.stringify(path.join(ROOT, 'server/local-runtime.ts'))});
    (async () => {
      const out = [];
      // Every runtime stays referenced until the kill: a store collected earlier would close its database
      // (better-sqlite3 closes on garbage collection), checkpoint and delete its log, and the "crash"
      // would leave a cleanly closed file instead (seen once under load).
      const open = (globalThis.openRuntimes = []);
      for (const dbPath of ${JSON.stringify(dbPaths)}) {
        const rt = createLocalRuntime({ dbPath, seed: 'demo', now: () => new Date('2026-03-02T02:00:00Z'), rateLimits: { writesPerMinute: 1e6, submitsPerHour: 1e6 } });
        const ids = [];
        for (let i = 0; i < ${writes}; i++) {
          const c = await rt.router.call('concern', 'concern/submit', { category: 'road', description: '崩溃测试 ' + i, placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
          ids.push(c.id);
        }
        out.push(ids);
        open.push(rt);
      }
      process.stdout.write(JSON.stringify(out), () => process.kill(process.pid, 'SIGKILL'));
    })().catch((e) => { console.error(e); process.exit(3); });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], { cwd: ROOT, encoding: 'utf8' });
  if (r.signal !== 'SIGKILL') throw new Error(`the writer did not crash as planned (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

/** Overwrites the first bytes of a table's root page in the file, as a disk fault would: for tests of damaged databases. */
export function damageTablePage(file: string, table: string): void {
  const db = new Database(file, { readonly: true });
  const root = db.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = ?`).pluck().get(table) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xee), 0, 64, (root - 1) * pageSize);
  closeSync(fd);
}
