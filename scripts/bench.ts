/**
 * `npm run bench`: the numbers behind the project's speed and size goals, printed as one table.
 * Rows: weapp package sizes, each cloud function bundle, and the submit→inbox round trip through the
 * local HTTP server (a separate process on a WAL file, as `npm start` runs it) at 20 concurrent clients,
 * and routing by location over synthetic tilings of 100…100,000 grids. `npm run bench -- routing` runs
 * only the routing rows.
 * and volunteer sign-ups under contention for places at 50 concurrent clients.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { GridIndex } from '../core/directory/grid';
import { LocationIndex, type Boundary } from '../core/directory/locate';
import type { Category, GridNode, LatLng } from '../core/model';
import { routeConcern } from '../core/concerns/routing';
import type { ConcernSla, RouteDecision } from '../core/model';
import { buildFunctions } from './build-functions';
import { cloudbaseBench } from './bench-cloudbase';
import { notifyBench } from './bench-notify';
import { createLocalRuntime, type LocalRuntime } from '../server/local-runtime';
import { backupDatabase } from '../server/sqlite-backup';
import { AckMarker, quickCheck } from '../server/sqlite-durability';

const ROOT = path.resolve(__dirname, '..');
type Row = [metric: string, value: string, goal: string];
const rows: Row[] = [];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

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

function startServer(dbPath: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      // The load is many writes per synthetic resident; lift the per-caller budgets so they measure the server.
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JIEFANG_DB: dbPath, JIEFANG_SEED: 'demo', JIEFANG_RATE_WRITES_PER_MINUTE: '100000', JIEFANG_RATE_SUBMITS_PER_HOUR: '100000', ...extraEnv },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /App:\s+(http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ child, base: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

async function api(base: string, token: string, action: string, data: unknown): Promise<{ ok: boolean; data?: unknown }> {
  const res = await fetch(`${base}/api/fn/concern`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
  return (await res.json()) as { ok: boolean; data?: unknown };
}

async function login(base: string, openid: string): Promise<string> {
  const res = await fetch(`${base}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function roundTrip(clients = 20, perClient = 50) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-bench-'));
  const { child, base } = await startServer(path.join(dir, 'bench.db'));
  try {
    const staff = await login(base, 'demo-staff-daguo-huang');
    const tokens = await Promise.all(Array.from({ length: clients }, (_, i) => login(base, `bench-resident-${i}`)));
    const latencies: number[] = [];
    let errors = 0;
    const t0 = performance.now();
    await Promise.all(
      tokens.map(async (token) => {
        for (let i = 0; i < perClient; i++) {
          const s = performance.now();
          const sub = await api(base, token, 'concern/submit', { category: 'environment', description: `压测诉求 ${i}`, placeId: 'dz-xicheng-daguo' });
          const inbox = await api(base, staff, 'concern/inbox', { limit: 20 });
          if (!sub.ok || !inbox.ok) errors++;
          latencies.push(performance.now() - s);
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const n = latencies.length;
    rows.push([`submit→inbox round trips/s (${clients} clients, ${n} trips)`, (n / secs).toFixed(0), '']);
    rows.push(['  HTTP requests/s', ((2 * n) / secs).toFixed(0), '']);
    rows.push(['  round trip p50 / p99', `${pct(latencies, 50).toFixed(1)} / ${pct(latencies, 99).toFixed(1)} ms`, '']);
    rows.push(['  errors', String(errors), '0']);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 22, item 9: `concern/inbox` through the local HTTP server at `clients` concurrent clients against a
 * bare Node server answering the same bytes in the same run — what the server adds over HTTP itself
 * (caller, directory, categories and staff from the per-process caches, the store's query, the JSON).
 */
async function inboxVersusBare(clients = 20, perClient = 100) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-bench-inbox-'));
  // One staff member polling 4,000 times a minute: the per-person request budget lifted too, to measure the server.
  const { child, base } = await startServer(path.join(dir, 'bench.db'), { JIEFANG_RATE_REQUESTS_PER_MINUTE: '1000000' });
  const bare = http.createServer();
  try {
    const resident = await login(base, 'bench-inbox-resident');
    for (let i = 0; i < 20; i++) await api(base, resident, 'concern/submit', { category: 'environment', description: `收件箱压测诉求 ${i}`, placeId: 'dz-xicheng-daguo' });
    const staff = await login(base, 'demo-staff-daguo-huang');
    const body = JSON.stringify({ action: 'concern/inbox', data: { limit: 20 } });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${staff}` };
    const first = await fetch(`${base}/api/fn/concern`, { method: 'POST', headers, body });
    const bytes = Buffer.from(await first.arrayBuffer());
    bare.on('request', (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
        res.end(bytes);
      });
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareBase = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;
    const run = async (url: string) => {
      const latencies: number[] = [];
      let errors = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          for (let i = 0; i < perClient; i++) {
            const t = performance.now();
            const res = await fetch(url, { method: 'POST', headers, body });
            const got = Buffer.from(await res.arrayBuffer());
            if (!res.ok || got.length === 0) errors++;
            latencies.push(performance.now() - t);
          }
        }),
      );
      const perSecond = latencies.length / ((performance.now() - t0) / 1000);
      latencies.sort((a, b) => a - b);
      return { perSecond, p50: pct(latencies, 50), p99: pct(latencies, 99), errors };
    };
    // Warm both, then measure each once.
    await run(bareBase);
    await run(`${base}/api/fn/concern`);
    const b = await run(bareBase);
    const ours = await run(`${base}/api/fn/concern`);
    rows.push([`concern/inbox via the local server, ${clients} clients (${clients * perClient} calls, ${bytes.length} B)`, `${ours.perSecond.toFixed(0)} req/s`, '']);
    rows.push(['  p50 / p99', `${ours.p50.toFixed(1)} / ${ours.p99.toFixed(1)} ms`, 'p99 ≤ 20 ms']);
    rows.push(['  bare Node server, same bytes', `${b.perSecond.toFixed(0)} req/s (p99 ${b.p99.toFixed(1)} ms)`, '']);
    rows.push(['  ratio to bare', `${(ours.perSecond / b.perSecond).toFixed(2)}×`, '≥ 0.5×']);
    rows.push(['  errors', String(ours.errors + b.errors), '0']);
  } finally {
    bare.close();
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A town tiled by n square grids of 0.001° (about 100 m), k × k with k = ceil(√n), around 丹灶镇. */
function tiling(n: number): { grid: GridIndex; boundaries: Boundary[]; box: [number, number, number, number] } {
  const k = Math.ceil(Math.sqrt(n));
  const d = 0.001;
  const [lng0, lat0] = [112.9, 23.0];
  const nodes: GridNode[] = [
    { id: 't', kind: 'town', name: '合成镇', parentId: null },
    { id: 'v', kind: 'village', name: '合成村', parentId: 't' },
  ];
  const boundaries: Boundary[] = [];
  for (let i = 0; i < n; i++) {
    const x = lng0 + (i % k) * d;
    const y = lat0 + Math.floor(i / k) * d;
    const id = `g${i}`;
    nodes.push({ id, kind: 'grid', name: id, parentId: 'v' });
    // Neighbours share edges exactly: corners come from the same integer steps.
    const [x1, y1] = [lng0 + ((i % k) + 1) * d, lat0 + (Math.floor(i / k) + 1) * d];
    boundaries.push({ nodeId: id, geometry: { type: 'Polygon', coordinates: [[[x, y], [x1, y], [x1, y1], [x, y1], [x, y]]] } });
  }
  return { grid: new GridIndex(nodes), boundaries, box: [lng0, lat0, lng0 + k * d, lat0 + Math.floor(n / k) * d] }; // full rows only
}

/** Deterministic pseudo-random points (mulberry32), so every run routes the same points. */
function points(box: [number, number, number, number], count: number, seed = 42): LatLng[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => ({ lng: box[0] + rnd() * (box[2] - box[0]), lat: box[1] + rnd() * (box[3] - box[1]) }));
}

function routingBench() {
  const category: Category = { townId: 't', code: 'environment', name: '人居环境', kind: 'complaint', leadOfficeCode: null, ackHours: null, resolveDays: null, enabled: true };
  const perRoute: Record<number, number> = {};
  for (const n of [100, 1_000, 10_000, 100_000]) {
    const { grid, boundaries, box } = tiling(n);
    const t0 = performance.now();
    const where = new LocationIndex(grid, boundaries);
    const build = performance.now() - t0;
    const time = (pts: LatLng[], locate: (p: LatLng) => ReturnType<LocationIndex['locate']>) => {
      let routed = 0;
      const s = performance.now();
      for (const p of pts) if (routeConcern(grid, [], { located: locate(p), placeId: null, category }).gridId !== null) routed++;
      const us = ((performance.now() - s) * 1000) / pts.length;
      if (routed !== pts.length) throw new Error(`only ${routed} of ${pts.length} points routed to a grid`);
      return us;
    };
    const warm = points(box, 2_000, 7);
    time(warm, (p) => where.locate(p));
    const indexed = time(points(box, 50_000), (p) => where.locate(p));
    // The naive scan is linear: fewer points keep the run short at large n.
    const naivePts = points(box, Math.max(50, Math.min(20_000, Math.floor(2e7 / n))), 9);
    time(naivePts.slice(0, 20), (p) => where.locateNaive(p));
    const naive = time(naivePts, (p) => where.locateNaive(p));
    perRoute[n] = indexed;
    const vs100 = n === 100 ? '' : ` (${(indexed / perRoute[100]).toFixed(2)}× of 100)`;
    const goal = n === 100_000 ? '≤ 3× of 100 grids; ≥ 100× faster than naive' : '';
    rows.push([`route by location, ${n.toLocaleString('en')} grids: indexed / naive`, `${indexed.toFixed(2)} / ${naive.toFixed(1)} µs${vs100}, ${(naive / indexed).toFixed(0)}× faster`, goal]);
    rows.push([`  index build, ${n.toLocaleString('en')} grids`, `${build.toFixed(1)} ms`, '']);
  }
}

/**
 * The SLA job and the staff inbox at scale: 1,000,000 concerns written straight into a temp SQLite file
 * (prepared statements, one transaction), 100,000 of them open and 1,000 of those overdue. Times the
 * inbox through the router (cursor paging, most urgent first) and one SLA run, which must find the
 * overdue ones by index without touching the 900,000 closed ones.
 */
async function cycleBench(total = 1_000_000, open = 100_000, overdue = 1_000) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-cycle-'));
  const now = new Date('2026-12-01T02:00:00Z');
  const rt = createLocalRuntime({ dbPath: path.join(dir, 'cycle.db'), seed: 'demo', now: () => now });
  try {
    const grid = new GridIndex(await rt.store.directory.listNodes());
    const coops = (await rt.store.directory.listNodes()).filter((n) => n.kind === 'cooperative');
    const routes = coops.map((c): RouteDecision => {
      const p = grid.placement(c.id);
      return { step: 'place', townId: p.town!.id, villageId: p.village!.id, cooperativeId: c.id, gridId: `${c.id}-g`, coOfficeId: `${p.town!.id}-environment`, reasonCode: 'PLACE_COOPERATIVE', reason: '压测数据' };
    });
    const iso = (ms: number) => new Date(ms).toISOString();
    const sla = (created: number, watch: number | null, closed: boolean): ConcernSla => ({
      round: 1,
      ackDueAt: iso(created + 4 * 3600_000),
      resolveDueAt: iso(created + 15 * 86_400_000),
      ackedAt: closed ? iso(created + 3600_000) : null,
      resolvedAt: closed ? iso(created + 86_400_000) : null,
      ackMissed: false,
      resolveMissed: false,
      overdue: false,
      firstResponse: closed ? 'in_time' : 'pending',
      dueAt: closed ? null : iso(watch!),
      watchAt: closed ? null : iso(watch!),
    });
    const insert = rt.store.db.prepare(`INSERT INTO concerns (id, reporter_openid, category, description, place_id, lat, lng, photos, status, route,
      town_id, village_id, cooperative_id, grid_id, co_office_id, created_at, updated_at, version, request_id, sla, due_at, watch_at, overdue, first_response, rating, rating_value)
      VALUES (?, ?, 'environment', '压测诉求', ?, NULL, NULL, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NULL, ?, ?, ?, 0, ?, NULL, NULL)`);
    const t0 = performance.now();
    const start = now.getTime() - 365 * 86_400_000;
    rt.store.db.transaction(() => {
      for (let i = 0; i < total; i++) {
        const isOpen = i >= total - open;
        const created = start + Math.floor((i / total) * 364 * 86_400_000);
        const r = routes[i % routes.length];
        // The last `overdue` open ones were due an hour ago; the other open ones are due later.
        const watch = isOpen ? (i >= total - overdue ? now.getTime() - 3600_000 : now.getTime() + ((i % 1000) + 1) * 60_000) : null;
        const s = sla(created, watch, !isOpen);
        insert.run(`b${i.toString(36).padStart(8, '0')}`, `bench-r${i % 5000}`, r.cooperativeId, isOpen ? 'assigned' : 'closed', JSON.stringify(r),
          r.townId, r.villageId, r.cooperativeId, r.gridId, r.coOfficeId, iso(created), iso(created), JSON.stringify(s), s.dueAt, s.watchAt, s.firstResponse);
      }
    })();
    rt.store.db.exec('ANALYZE');
    rows.push([`cycle: generate ${total.toLocaleString('en')} concerns (${open.toLocaleString('en')} open)`, `${((performance.now() - t0) / 1000).toFixed(1)} s`, '']);

    const time = async (n: number, f: () => Promise<unknown>) => {
      const ms: number[] = [];
      for (let i = 0; i < n; i++) {
        const s0 = performance.now();
        await f();
        ms.push(performance.now() - s0);
      }
      ms.sort((a, b) => a - b);
      return `${pct(ms, 50).toFixed(2)} / ${pct(ms, 99).toFixed(2)} ms`;
    };
    const inbox = (openid: string, data: Record<string, unknown>) => rt.router.call('concern', 'concern/inbox', data, openid) as Promise<{ nextCursor: string | null }>;
    rows.push(['  inbox 待办 p50/p99, cooperative (first page of 20)', await time(300, () => inbox('demo-staff-daguo-huang', { limit: 20 })), '']);
    rows.push(['  inbox 待办 p50/p99, town dispatcher (first page)', await time(300, () => inbox('demo-staff-danzao-dispatch', { limit: 20 })), '']);
    rows.push(['  inbox 全部 p50/p99, cooperative (first page)', await time(300, () => inbox('demo-staff-daguo-huang', { scope: 'all', limit: 20 })), '']);
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) cursor = (await inbox('demo-staff-daguo-huang', { scope: 'all', limit: 20, ...(cursor ? { cursor } : {}) })).nextCursor;
    rows.push(['  inbox 全部 p50/p99, cooperative (page 51 by cursor)', await time(300, () => inbox('demo-staff-daguo-huang', { scope: 'all', limit: 20, ...(cursor ? { cursor } : {}) })), '']);
    rows.push(...(await workbenchRows(rt, time)));
    const plan = rt.store.db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM concerns WHERE watch_at IS NOT NULL AND watch_at <= ? ORDER BY watch_at, id LIMIT 200`).all(now.toISOString()) as Array<{ detail: string }>;
    rows.push(['  SLA job query plan', plan.map((p) => p.detail).join('; '), 'index, no scan']);

    const q0 = performance.now();
    quickCheck(rt.store.db, 'cycle.db');
    rows.push([`  start-up integrity check (quick_check), ${total.toLocaleString('en')} concerns`, `${((performance.now() - q0) / 1000).toFixed(2)} s`, '']);

    const s1 = performance.now();
    // As the server's timer runs it: a background job, whose commits skip their own fsync.
    const run = await rt.storage.background(() => rt.runSla());
    rows.push([`SLA job over ${open.toLocaleString('en')} open concerns (${overdue.toLocaleString('en')} overdue)`, `${((performance.now() - s1) / 1000).toFixed(2)} s, ${run.escalated} escalated`, '< 2 s']);
    const s2 = performance.now();
    const again = await rt.runSla();
    rows.push(['  SLA job run again (nothing due)', `${(performance.now() - s2).toFixed(1)} ms, ${again.escalated} escalated`, '0 escalated']);
  } finally {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The workbench on the cycle's data: `concern/inboxCounts` (three COUNTs over the open-inbox due index
 * ranges) and a filtered first page, for a cooperative and for the town (every open concern of the town).
 */
async function workbenchRows(rt: LocalRuntime, time: (n: number, f: () => Promise<unknown>) => Promise<string>): Promise<Row[]> {
  const call = (openid: string, action: string, data: Record<string, unknown>) => rt.router.call('concern', action, data, openid);
  return [
    ['  inboxCounts p50/p99, cooperative', await time(100, () => call('demo-staff-daguo-huang', 'concern/inboxCounts', {})), ''],
    ['  inboxCounts p50/p99, town dispatcher', await time(20, () => call('demo-staff-danzao-dispatch', 'concern/inboxCounts', {})), ''],
    ['  inbox 已超期 p50/p99, town dispatcher (first page)', await time(100, () => call('demo-staff-danzao-dispatch', 'concern/inbox', { filter: 'overdue', limit: 20 })), ''],
    ['  inbox 今天到期 p50/p99, cooperative (first page)', await time(100, () => call('demo-staff-daguo-huang', 'concern/inbox', { filter: 'dueToday', limit: 20 })), ''],
  ];
}

async function volunteerCall(base: string, token: string, action: string, data: unknown): Promise<{ ok: boolean; data?: Record<string, unknown>; code?: string }> {
  const res = await fetch(`${base}/api/fn/volunteer`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
  return (await res.json()) as { ok: boolean; data?: Record<string, unknown>; code?: string };
}

/**
 * Volunteer sign-ups through the local HTTP server (its own process, WAL file): 50 clients at once, each
 * signing up 20 different residents, first all on one event, then each client on its own event. Every
 * event has fewer places than sign-ups (waitlist on), so capacity is contended; over-booking counts
 * places granted beyond capacity, in the answers and in the stored counters.
 */
async function volunteerSignups(clients = 50, perClient = 20) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-bench-'));
  const { child, base } = await startServer(path.join(dir, 'bench.db'));
  try {
    const leader = await login(base, 'demo-leader-daguo-luo');
    const start = new Date(Date.now() + 7 * 86_400_000);
    const createEvent = async (capacity: number) => {
      const r = await volunteerCall(base, leader, 'event/create', {
        teamId: 'team-daguo-clean',
        title: '压测活动',
        description: '',
        place: '大果祠堂',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        capacity,
        waitlist: true,
        openTo: 'all',
      });
      if (!r.ok) throw new Error(`event/create failed: ${r.code}`);
      return r.data!.id as string;
    };
    for (const [label, spread] of [
      ['one event', false],
      [`${clients} events`, true],
    ] as const) {
      const total = clients * perClient;
      const capacity = spread ? perClient / 2 : total / 2;
      const events = spread ? await Promise.all(Array.from({ length: clients }, () => createEvent(capacity))) : [await createEvent(capacity)];
      const tokens = await Promise.all(Array.from({ length: total }, (_, i) => login(base, `bench-vol-${spread ? 's' : 'o'}-${i}`)));
      const granted = new Map<string, number>();
      let errors = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          const eventId = events[spread ? c : 0];
          for (let i = 0; i < perClient; i++) {
            const r = await volunteerCall(base, tokens[c * perClient + i], 'event/signup', { eventId });
            if (!r.ok) errors++;
            else if (r.data!.status === 'signed') granted.set(eventId, (granted.get(eventId) ?? 0) + 1);
          }
        }),
      );
      const secs = (performance.now() - t0) / 1000;
      let overBooked = 0;
      for (const id of events) {
        const e = await volunteerCall(base, leader, 'event/get', { id });
        overBooked += Math.max(0, (granted.get(id) ?? 0) - capacity) + Math.max(0, (e.data!.signedCount as number) - capacity);
      }
      rows.push([`sign-ups/s, ${clients} clients on ${label} (${total} sign-ups, ${capacity} places each)`, (total / secs).toFixed(0), '']);
      rows.push(['  over-booked places / errors', `${overBooked} / ${errors}`, '0 / 0']);
    }
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Sustained mixed load through the local HTTP server: 50 clients for 60 s, each a resident who
 * submits concerns, comments on them and signs up for events, while committee members read their
 * inbox. Afterwards every acknowledged write is looked up in the database file: none may be missing.
 */
async function mixedLoad(seconds = 60, clients = 50) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-load-'));
  const dbPath = path.join(dir, 'load.db');
  const { child, base } = await startServer(dbPath);
  try {
    const leader = await login(base, 'demo-leader-daguo-luo');
    const start = new Date(Date.now() + 7 * 86_400_000);
    const events: string[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await volunteerCall(base, leader, 'event/create', {
        teamId: 'team-daguo-clean', title: `压测活动${i}`, description: '', place: '大果祠堂',
        startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        capacity: 1000, waitlist: true, openTo: 'all',
      });
      if (!r.ok) throw new Error(`event/create failed: ${r.code}`);
      events.push(r.data!.id as string);
    }
    const staff = await Promise.all(['demo-staff-daguo-huang', 'demo-staff-daguo-liang', 'demo-staff-xicheng-wu', 'demo-office-dz-env'].map((o) => login(base, o)));
    const residents = await Promise.all(Array.from({ length: clients }, (_, i) => login(base, `load-resident-${i}`)));
    const latencies: number[] = [];
    let requests = 0;
    let refused = 0;
    let serverErrors = 0;
    const acked = { submits: 0, comments: 0, signups: 0 };
    const post = async (fn: string, token: string, action: string, data: unknown) => {
      const s = performance.now();
      const res = await fetch(`${base}/api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
      const body = (await res.json()) as { ok: boolean; data?: Record<string, unknown> };
      latencies.push(performance.now() - s);
      requests++;
      if (res.status >= 500) serverErrors++;
      else if (!body.ok) refused++;
      return body;
    };
    const until = performance.now() + seconds * 1000;
    const t0 = performance.now();
    await Promise.all(
      residents.map(async (token, i) => {
        const mine: string[] = [];
        let nextEvent = 0;
        for (let n = 0; performance.now() < until; n++) {
          const pick = n % 10;
          if (pick < 4 || mine.length === 0) {
            const r = await post('concern', token, 'concern/submit', { category: 'environment', description: `压测诉求 ${i}-${n}`, placeId: 'dz-xicheng-daguo' });
            if (r.ok) {
              acked.submits++;
              mine.push(r.data!.id as string);
            }
          } else if (pick < 7) {
            await post('concern', staff[n % staff.length], 'concern/inbox', { limit: 20 });
          } else if (pick < 9) {
            const r = await post('concern', token, 'concern/reply', { id: mine[n % mine.length], text: `补充说明 ${n}` });
            if (r.ok) acked.comments++;
          } else if (nextEvent < events.length) {
            const r = await post('volunteer', token, 'event/signup', { eventId: events[nextEvent++] });
            if (r.ok) acked.signups++;
          }
        }
      }),
    );
    const secs = (performance.now() - t0) / 1000;
    const db = new Database(dbPath, { readonly: true });
    const stored = {
      submits: db.prepare(`SELECT COUNT(*) FROM concerns WHERE reporter_openid LIKE 'load-resident-%'`).pluck().get() as number,
      comments: db.prepare(`SELECT COUNT(*) FROM concern_messages WHERE author_openid LIKE 'load-resident-%'`).pluck().get() as number,
      signups: db.prepare(`SELECT COUNT(*) FROM vol_signups WHERE openid LIKE 'load-resident-%' AND status <> 'cancelled'`).pluck().get() as number,
    };
    db.close();
    const lost = Math.max(0, acked.submits - stored.submits) + Math.max(0, acked.comments - stored.comments) + Math.max(0, acked.signups - stored.signups);
    latencies.sort((a, b) => a - b);
    rows.push([`mixed load, ${clients} clients × ${seconds} s (submit/inbox/reply/sign-up)`, `${(requests / secs).toFixed(0)} requests/s`, '']);
    rows.push(['  latency p50 / p99', `${pct(latencies, 50).toFixed(1)} / ${pct(latencies, 99).toFixed(1)} ms`, '']);
    rows.push(['  5xx / refused with a code', `${serverErrors} / ${refused}`, '0 5xx']);
    rows.push(['  acknowledged writes (submit, reply, sign-up) / lost', `${acked.submits + acked.comments + acked.signups} / ${lost}`, '0 lost']);
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
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
