/**
 * `npm run bench`: the numbers behind the project's speed and size goals, printed as one table.
 * Rows: weapp package sizes, each cloud function bundle, and the submit→inbox round trip through the
 * local HTTP server (a separate process on a WAL file, as `npm start` runs it) at 20 concurrent clients,
 * and volunteer sign-ups under contention for places at 50 concurrent clients.
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
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JIEFANG_DB: dbPath, JIEFANG_SEED: 'demo' },
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
  await volunteerSignups();
  console.log(`\nJiefang bench — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores\n`);
  print();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
