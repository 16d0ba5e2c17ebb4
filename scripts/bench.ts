/**
 * `npm run bench`: the numbers behind the project's speed and size goals, printed as one table.
 * Rows: weapp package sizes, each cloud function bundle, and the submit→inbox round trip through the
 * local HTTP server (a separate process on a WAL file, as `npm start` runs it) at 20 concurrent clients.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFunctions } from './build-functions';

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

async function functionSizes() {
  for (const f of await buildFunctions()) rows.push([`function ${f.name} (bundled index.js)`, kb(f.bytes), '']);
}

function startServer(dbPath: string): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      // The load is many writes per synthetic resident; lift the per-caller budgets so they measure the server.
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JIEFANG_DB: dbPath, JIEFANG_SEED: 'demo', JIEFANG_RATE_WRITES_PER_MINUTE: '100000', JIEFANG_RATE_SUBMITS_PER_HOUR: '100000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
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

function print() {
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ['metric', 'value', 'goal'][i].length));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
  console.log(line(['metric', 'value', 'goal']));
  console.log(`|${w.map((x) => '-'.repeat(x + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
}

async function main() {
  weappSizes();
  await functionSizes();
  await roundTrip();
  console.log(`\nJiefang bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores\n`);
  print();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
