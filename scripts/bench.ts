/**
 * `npm run bench`: the numbers behind the project's speed and size goals, printed as one table.
 * Rows: weapp package sizes, each cloud function bundle, and the submit→inbox round trip through the
 * local HTTP server (a separate process on a WAL file, as `npm start` runs it) at 20 concurrent clients,
 * and routing by location over synthetic tilings of 100…100,000 grids. `npm run bench -- routing` runs
 * only the routing rows.
 * and volunteer sign-ups under contention for places at 50 concurrent clients.
 * Sections live beside this file: bench-inbox.ts, bench-routing.ts, bench-cycle.ts, bench-load.ts (volunteer, load),
 * bench-cloudbase.ts, bench-notify.ts; what they share is in bench-common.ts.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from './build-functions';
import { cloudbaseBench } from './bench-cloudbase';
import { kb, pct, ROOT, rows } from './bench-common';
import { cycleBench } from './bench-cycle';
import { inboxVersusBare, roundTrip } from './bench-inbox';
import { mixedLoad, volunteerSignups } from './bench-load';
import { notifyBench } from './bench-notify';
import { routingBench } from './bench-routing';
import { createLocalRuntime } from '../server/local-runtime';
import { backupDatabase } from '../server/sqlite-backup';
import { AckMarker } from '../server/sqlite-durability';

function dirBytes(dir: string, skip: (rel: string) => boolean = () => false, base = dir): number {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const rel = path.relative(base, p).split(path.sep).join('/');
    if (skip(rel)) continue;
    total += statSync(p).isDirectory() ? dirBytes(p, skip, base) : statSync(p).size;
  }
  return total;
}

function weappSizes() {
  const dist = path.join(ROOT, 'dist');
  if (!existsSync(path.join(dist, 'app.json'))) {
    const r = spawnSync('npm', ['run', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('weapp build failed');
  }
  const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const main = dirBytes(dist, (rel) => roots.some((r) => rel === r || rel.startsWith(r + '/')));
  rows.push(['weapp main package', kb(main), '≤ 2,048 KB (WeChat limit)']);
  for (const r of roots) rows.push([`weapp subpackage ${r}/`, kb(dirBytes(path.join(dist, r))), '≤ 2,048 KB']);
}

/** Median cold `require` time of a module, each measured in a fresh node process. */
function coldRequireMs(target: string, runs = 7): number {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(target)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6))`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`require(${target}) failed: ${r.stderr}`);
    times.push(Number(r.stdout));
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Each bundled function's size and cold require time, against requiring @cloudbase/node-sdk alone. */
async function functionSizes() {
  const built = await buildFunctions();
  const sdk = coldRequireMs('@cloudbase/node-sdk');
  rows.push(['cold require @cloudbase/node-sdk (median of 7)', `${sdk.toFixed(0)} ms`, '']);
  for (const f of built) {
    rows.push([`function ${f.name} (bundled index.js)`, kb(f.bytes), '']);
    const ms = coldRequireMs(path.join(ROOT, 'dist-functions', f.name, 'index.js'));
    rows.push([`  cold require (median of 7)`, `${ms.toFixed(0)} ms (${(ms / sdk).toFixed(2)}× SDK)`, '≤ 1.2× SDK']);
  }
}

/**
 * Interop (issue 9): Open311 GET requests.json returning 1,000 requests, a 500-ticket hotline CSV import,
 * and exports of 5,000 concerns as .xlsx and CSV; in process on an in-memory store.
 */
async function interopBench() {
  const { handleOpen311 } = await import('../core/open311/open311');
  const { open311Env } = await import('../server/open311-xml');
  const { DEMO_OPEN311 } = await import('../server/demo-open311');
  const limits = { writesPerMinute: 1e9, submitsPerHour: 1e9 };
  const rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date(), rateLimits: limits });
  try {
    const env = open311Env(rt.deps, rt.router.directory);
    const header = 'ticket,category,description,lat,lng,address';
    const csv = [header, ...Array.from({ length: 500 }, (_, i) => `B${i},environment,第${i}张工单：村口垃圾待清运,,,丹灶镇西城社区大果经济社`)].join('\n');
    let t = performance.now();
    await rt.router.call('concern', 'concern/importHotline', { csv }, 'demo-admin-danzao');
    rows.push(['hotline CSV import, 500 tickets (one transaction)', `${(performance.now() - t).toFixed(0)} ms`, '']);
    // 5,000 concerns under 大果 (copies of the imported ones), with a handler reply each of the first 500.
    const seedRows = await rt.store.concerns.search({ createdFrom: '0000', createdTo: '9999' }, 500);
    await rt.store.concerns.createMany(
      Array.from({ length: 4500 }, (_, i) => ({ concern: { ...seedRows[i % 500], id: `bench${i}`, requestId: null }, events: [], notifications: [] })),
    );
    const q = { api_key: DEMO_OPEN311.hotline.key };
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 20; i++) {
      t = performance.now();
      const res = await handleOpen311(env, { method: 'GET', path: 'v2/requests.json', query: q, body: null, contentType: null });
      times.push(performance.now() - t);
      bytes = res.body.length;
    }
    times.sort((a, b) => a - b);
    rows.push(['Open311 GET requests.json, 1,000 results p50 / p99', `${pct(times, 50).toFixed(1)} / ${pct(times, 99).toFixed(1)} ms (${kb(bytes)})`, '']);
    for (const format of ['xlsx', 'csv'] as const) {
      t = performance.now();
      const f = (await rt.router.call('concern', 'export/concerns', { format }, 'demo-admin-danzao')) as { base64: string; rows: number };
      rows.push([`export/concerns ${format}, ${f.rows.toLocaleString('en')} rows`, `${(performance.now() - t).toFixed(0)} ms, ${kb((f.base64.length * 3) / 4)}`, '']);
    }
  } finally {
    await rt.close();
  }
}

/**
 * UX rows: what the H5 build ships for the first page (JS and CSS, bytes and gzip), time until the
 * report form is interactive in headless Chromium on localhost (median of 5 cold loads), and the weapp
 * main package against the 1,024 KB goal with the largest subpackage.
 */
async function uxBench() {
  const { gzipSync } = await import('node:zlib');
  const { chromium } = await import('playwright-core');
  const { createHttpServer } = await import('../server/http-server');
  const staticDir = path.join(ROOT, 'dist-h5');
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    const r = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('h5 build failed');
  }
  const rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date() });
  const server = createHttpServer(rt, { mode: 'local', staticDir });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const token = rt.identity.issue('demo-resident-chen');
    const fresh = async () => {
      const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
      await context.addInitScript((t) => localStorage.setItem('jiefang.token', JSON.stringify({ data: t })), token);
      return { context, page: await context.newPage() };
    };
    // First page: every script and stylesheet fetched until the home page shows.
    const shipped = { js: [0, 0], css: [0, 0] };
    {
      const { context, page } = await fresh();
      const bodies: Array<Promise<void>> = [];
      page.on('response', (res) => {
        const type = res.request().resourceType();
        if (type !== 'script' && type !== 'stylesheet') return;
        bodies.push(
          res.body().then((b) => {
            const k = type === 'script' ? 'js' : 'css';
            shipped[k][0] += b.length;
            shipped[k][1] += gzipSync(b).length;
          }),
        );
      });
      await page.goto(`${base}/#/pages/index/index`);
      await page.getByText('我要反映').first().waitFor();
      await Promise.all(bodies);
      await context.close();
    }
    rows.push(['H5 first page JavaScript (bytes / gzip)', `${kb(shipped.js[0])} / ${kb(shipped.js[1])}`, '']);
    rows.push(['H5 first page CSS (bytes / gzip)', `${kb(shipped.css[0])} / ${kb(shipped.css[1])}`, '']);
    // Report form interactive: from navigation until a village can be tapped.
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const { context, page } = await fresh();
      const t0 = performance.now();
      await page.goto(`${base}/#/pages/report/index`);
      await page.locator('taro-button-core', { hasText: '西城社区' }).first().waitFor();
      times.push(performance.now() - t0);
      await context.close();
    }
    times.sort((a, b) => a - b);
    rows.push(['H5 report form interactive (median of 5, cold)', `${times[2].toFixed(0)} ms`, '']);
  } finally {
    await browser.close();
    await new Promise((r) => server.close(r));
    await rt.close();
  }
  const dist = path.join(ROOT, 'dist');
  if (existsSync(path.join(dist, 'app.json'))) {
    const app = JSON.parse(readFileSync(path.join(dist, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> };
    const roots = (app.subPackages ?? []).map((x) => x.root.replace(/\/$/, ''));
    const main = dirBytes(dist, (rel) => roots.some((r) => rel === r || rel.startsWith(r + '/')));
    const subs = roots.map((r) => [r, dirBytes(path.join(dist, r))] as const).sort((a, b) => b[1] - a[1]);
    rows.push(['ux: weapp main package', kb(main), '≤ 1,024 KB']);
    if (subs[0]) rows.push([`ux: largest subpackage (${subs[0][0]}/)`, kb(subs[0][1]), '≤ 2,048 KB']);
  }
}

/**
 * The cost of a durable write: `concern/submit` through the router one after another on a WAL file, with an
 * fsync per commit (synchronous = FULL, what the store runs) and without (NORMAL, what it ran before: an
 * answered write could be lost to a power cut); a bare one-row commit both ways; the acknowledgement mark;
 * a backup.
 */
async function durabilityBench(writes = 300) {
  const submitMs = async (sync: 'FULL' | 'NORMAL') => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-durable-'));
    const rt = createLocalRuntime({ dbPath: path.join(dir, 'j.db'), seed: 'demo', now: () => new Date('2026-12-01T02:00:00Z'), rateLimits: { writesPerMinute: 1e9, submitsPerHour: 1e9 } });
    rt.store.db.pragma(`synchronous = ${sync}`);
    try {
      const submit = (i: number) => rt.router.call('concern', 'concern/submit', { category: 'road', description: `耐久测试 ${i}`, placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
      for (let i = 0; i < 20; i++) await submit(i);
      const ms: number[] = [];
      for (let i = 0; i < writes; i++) {
        const t = performance.now();
        await submit(i);
        ms.push(performance.now() - t);
      }
      const b0 = performance.now();
      const b = await backupDatabase(rt.store.db, path.join(dir, 'backups'), new Date('2026-12-01T02:00:00Z'), 1);
      const backup = `${(performance.now() - b0).toFixed(0)} ms, ${kb(b.bytes)}`;
      return { ms, mean: ms.reduce((a, x) => a + x, 0) / ms.length, backup };
    } finally {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const full = await submitMs('FULL');
  const normal = await submitMs('NORMAL');
  const sorted = (ms: number[]) => [...ms].sort((a, b) => a - b);
  rows.push([`durable write: concern/submit one at a time, synchronous = FULL (p50 / p99, ${writes} writes)`, `${pct(sorted(full.ms), 50).toFixed(2)} / ${pct(sorted(full.ms), 99).toFixed(2)} ms`, '']);
  rows.push([`  the same with synchronous = NORMAL (before; lost on power cut)`, `${pct(sorted(normal.ms), 50).toFixed(2)} / ${pct(sorted(normal.ms), 99).toFixed(2)} ms`, '']);
  rows.push([`  cost of durability per write (mean FULL − mean NORMAL)`, `${(full.mean - normal.mean).toFixed(2)} ms (${(full.mean / normal.mean).toFixed(1)}×)`, '']);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-commit-'));
  try {
    const commit = (sync: 'FULL' | 'NORMAL', mark: boolean) => {
      const file = path.join(dir, `${sync}-${mark}.db`);
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${sync}`);
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
      const ins = db.prepare('INSERT INTO t (v) VALUES (?)');
      const marker = mark ? new AckMarker(file) : null;
      const n = 300;
      let commitMs = 0;
      let markMs = 0;
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        ins.run('x'.repeat(200));
        const m = performance.now();
        marker?.mark();
        commitMs += m - t;
        markMs += performance.now() - m;
      }
      marker?.close();
      db.close();
      return { commitUs: (commitMs * 1000) / n, markUs: (markMs * 1000) / n };
    };
    const [f, nm] = [commit('FULL', true), commit('NORMAL', false)];
    rows.push(['  one-row commit, FULL / NORMAL (the fsync alone)', `${f.commitUs.toFixed(0)} / ${nm.commitUs.toFixed(0)} µs`, '']);
    rows.push(['  acknowledgement mark (-ack) per write', `${f.markUs.toFixed(1)} µs`, '']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push([`backup (npm run backup), demo data + ${writes + 20} concerns`, full.backup, '']);
}

function print() {
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['metric', 'value', 'goal'][i].length));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  console.log(line(['metric', 'value', 'goal']));
  console.log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

async function main() {
  // `npm run bench -- <section>` runs one section: functions, inbox, routing, cycle, volunteer, load, interop, durability, ux, cloudbase, notify.
  const only = process.argv[2];
  const all = only === undefined;
  if (all) weappSizes();
  if (all || only === 'functions') await functionSizes();
  if (all) await roundTrip();
  if (all || only === 'inbox') await inboxVersusBare();
  if (all || only === 'routing') routingBench();
  if (all || only === 'cycle') await cycleBench();
  if (all || only === 'volunteer') await volunteerSignups();
  if (all || only === 'load') await mixedLoad();
  if (all || only === 'interop') await interopBench();
  if (all || only === 'durability') await durabilityBench();
  if (all || only === 'ux') await uxBench();
  if (all || only === 'cloudbase') await cloudbaseBench(rows);
  // trust4 (issue 15): notices WeChat refuses for no subscription (43101).
  if (all || only === 'notify') await notifyBench(rows);
  console.log(`\nJiefang bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores\n`);
  print();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});