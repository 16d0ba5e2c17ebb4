/**
 * `npm run bench -- cloudbase`: what an action costs on CloudBase. The main actions run through the real
 * cloud functions (`cloudfunctions/concern`, `cloudfunctions/volunteer`) on the CloudBase wire fake, in a
 * warm container, and each database request the SDK sends is counted:
 * - total requests, and reads among them (the basic plan's daily quota is counted in reads);
 * - sequential requests: the longest chain of requests each of which started after the previous one
 *   answered — what the caller waits for, since requests in parallel overlap;
 * - the simulated time: the fake's simulated clock across the call, each request taking 10–30 ms drawn
 *   from a generator with a fixed seed (so the table is reproducible; requests in flight together
 *   overlap, cloudbase-limits.ts), plus the action's own CPU time measured here; the functions' cold start
 *   is in the functions rows.
 * Then the reads of a resident's and a committee member's typical day against the basic plan.
 */
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { main as volunteerFunction } from '../cloudfunctions/volunteer/index';
import { DEMO_EVENTS, DEMO_IDENTITIES as I, demoDirectory, demoVolunteers } from '../server/demo-data';
import { CloudbaseStore } from '../server/cloudbase/store';
import { seedCloudbaseCalendar, seedCloudbaseDirectory, seedCloudbaseVolunteers } from '../server/cloudbase/seed';
import { resetCloudRuntime } from '../server/cloud-runtime';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { WireLimits } from '../test/fakes/cloudbase-limits';

type Row = [metric: string, value: string, goal: string];

/** Simulated latency of one database request: drawn in this range (issue 22: 10–30 ms in the bench)… */
export const REQUEST_MS: readonly [number, number] = [10, 30];
/** …by the fake's generator with this seed. */
export const LATENCY_SEED = 22;
/** The basic plan's database reads per day. */
export const BASIC_PLAN_DAILY_READS = 50_000;

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments']);
const APPID = 'wx0123456789abcdef';

export interface ActionCost {
  total: number;
  reads: number;
  sequential: number;
  /** Simulated milliseconds the call's requests took (the fake's clock across the call). */
  dbMs: number;
  cpuMs: number;
}

/**
 * Counts requests of one call. `depth` is the chain length of a request: one more than the deepest
 * request that had answered when it started.
 */
class Meter {
  private maxDone = 0;
  private current: { total: number; reads: number; deepest: number } | null = null;

  /** Set by `BENCH_TRACE=<action name>`: each request of that action is printed with its depth. */
  trace: ((line: string) => void) | null = null;

  seen(action: string, params?: unknown): () => void {
    const depth = this.maxDone + 1;
    if (this.current && this.trace) this.trace(`  ${depth} ${action} ${describe(params)}`);
    if (this.current) {
      this.current.total++;
      if (READS.has(action)) this.current.reads++;
      this.current.deepest = Math.max(this.current.deepest, depth);
    }
    return () => {
      this.maxDone = Math.max(this.maxDone, depth);
    };
  }

  async measure(run: () => Promise<unknown>, clock: () => number): Promise<ActionCost> {
    this.maxDone = 0;
    this.current = { total: 0, reads: 0, deepest: 0 };
    const sim = clock();
    const t = performance.now();
    const out = (await run()) as { ok?: boolean; code?: string };
    const cpuMs = performance.now() - t;
    const dbMs = clock() - sim;
    const c = this.current;
    this.current = null;
    if (out && out.ok === false) throw new Error(`bench action refused: ${out.code}`);
    return { total: c.total, reads: c.reads, sequential: c.deepest, dbMs, cpuMs };
  }
}

/** The collection and, for a query, the filter's keys of a request, for a trace. */
function describe(params: unknown): string {
  const p = (params ?? {}) as { collectionName?: string; query?: string; transactionId?: string };
  const keys = typeof p.query === 'string' ? Object.keys(safeJson(p.query)).join(',') : '';
  return [p.collectionName ?? '', keys && `{${keys}}`, p.transactionId ? '(tx)' : ''].filter(Boolean).join(' ');
}

function safeJson(s: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const contextFor = (openid: string, fn: string) => ({
  request_id: 'bench',
  function_name: fn,
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: APPID }),
});

/** Runs the concern and volunteer actions `rounds` times each; returns the median cost per action. */
export async function measureCloudbaseActions(rounds = 5): Promise<Map<string, ActionCost>> {
  process.env.TCB_ENV = 'jiefang-bench';
  process.env.JIEFANG_WX_APPID = APPID;
  process.env.JIEFANG_CODE_SECRET ??= 'bench-code-secret-0123456789abcdef';
  resetCloudRuntime();
  const fake = fakeCloudbaseApp();
  const api = new FakeCloudbaseApi().install().onWxOpenApi((name) => (name === 'security.msgSecCheck' ? { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } } : { errcode: 0, errmsg: 'ok' }));
  const meter = new Meter();
  const wire = fake.wire;
  wire.limits = new WireLimits({ latencyMs: REQUEST_MS, seed: LATENCY_SEED });
  const handle = wire.handle.bind(wire);
  wire.handle = async (action, params) => {
    const done = meter.seen(action, params);
    try {
      return await handle(action, params);
    } finally {
      done();
    }
  };
  try {
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, demoDirectory(new Date().toISOString()));
    await seedCloudbaseCalendar(store.directory);
    await seedCloudbaseVolunteers(store.cb, demoVolunteers(new Date(), (eventId) => `code-${eventId}`));

    const samples = new Map<string, ActionCost[]>();
    const call = async (name: string, openid: string, action: string, data: unknown = {}) => {
      const fn = action.startsWith('team/') || action.startsWith('event/') || action.startsWith('volunteer/') ? volunteerFunction : concernFunction;
      const fnName = fn === volunteerFunction ? 'volunteer' : 'concern';
      let result: unknown;
      meter.trace = process.env.BENCH_TRACE === name ? (line) => process.stderr.write(`${line}\n`) : null;
      if (meter.trace) meter.trace(`${name}:`);
      const cost = await meter.measure(async () => (result = await fn({ action, data }, contextFor(openid, fnName))), () => wire.limits.now);
      samples.set(name, [...(samples.get(name) ?? []), cost]);
      return (result as { data: unknown }).data;
    };
    const staff = I.daguoChair;
    // Warm the containers first: the first call of each function builds its runtime.
    await call('warm', I.resident, 'me/profile');
    await call('warm', I.resident, 'team/list');
    // 街坊议事 (issue 21): 大果经济社's committee opens a topic with three options; each bench resident states
    // their place (not measured), then votes and reads the topic.
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const topic = (await call('warm', staff, 'topic/create', { placeId: 'dz-xicheng-daguo', title: '村口空地怎么用', background: '', options: ['停车场', '小公园', '保持原样'], deadline })) as { id: string };
    for (let i = 0; i < rounds; i++) {
      const resident = `bench-resident-${i}`;
      const sub = (await call('concern/submit', resident, 'concern/submit', { category: 'environment', description: `祠堂旁垃圾桶满了，第${i + 1}次`, placeId: 'dz-xicheng-daguo', requestId: `req-bench-${i}-0001` })) as { id: string };
      await call('concern/inbox', staff, 'concern/inbox', {});
      await call('concern/inboxCounts', staff, 'concern/inboxCounts', {});
      await call('concern/get (staff)', staff, 'concern/get', { id: sub.id });
      await call('concern/accept', staff, 'concern/accept', { id: sub.id, requestId: `req-bench-${i}-0002` });
      await call('concern/reply', staff, 'concern/reply', { id: sub.id, text: '已安排清运，今天下午处理', requestId: `req-bench-${i}-0003` });
      await call('concern/resolve', staff, 'concern/resolve', { id: sub.id, text: '垃圾已清运完毕', requestId: `req-bench-${i}-0004` });
      await call('concern/get (resident)', resident, 'concern/get', { id: sub.id });
      await call('concern/rate', resident, 'concern/rate', { id: sub.id, rating: 'satisfied', requestId: `req-bench-${i}-0005` });
      await call('concern/listMine', resident, 'concern/listMine', {});
      await call('message/list', resident, 'message/list', {});
      await call('me/profile', resident, 'me/profile', {});
      await call('team/list', resident, 'team/list', {});
      await call('volunteer/mine', resident, 'volunteer/mine', {});
      await call('event/signup', resident, 'event/signup', { eventId: DEMO_EVENTS.dungenVisit, requestId: `req-bench-${i}-0006` });
      await call('warm', resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
      await call('topic/vote', resident, 'topic/vote', { id: topic.id, optionId: `o${(i % 3) + 1}` });
      await call('topic/get', resident, 'topic/get', { id: topic.id });
    }
    samples.delete('warm');
    const out = new Map<string, ActionCost>();
    for (const [name, xs] of samples) {
      out.set(name, { total: median(xs.map((x) => x.total)), reads: median(xs.map((x) => x.reads)), sequential: median(xs.map((x) => x.sequential)), dbMs: median(xs.map((x) => x.dbMs)), cpuMs: median(xs.map((x) => x.cpuMs)) });
    }
    return out;
  } finally {
    wire.uninstall();
    api.uninstall();
    resetCloudRuntime();
  }
}

/** Goals of the CloudBase issue: sequential requests per action, where one is set. */
const SEQUENTIAL_GOALS: Readonly<Record<string, number>> = {
  'concern/submit': 6,
  'concern/inbox': 3,
  'concern/get (staff)': 3,
  'concern/get (resident)': 3,
  'event/signup': 3,
};

/** A typical day: how often each person calls each action. */
export const RESIDENT_DAY: Readonly<Record<string, number>> = { 'concern/submit': 1, 'concern/get (resident)': 3, 'concern/listMine': 2, 'message/list': 3, 'me/profile': 3, 'concern/rate': 1, 'team/list': 1, 'volunteer/mine': 1 };
export const STAFF_DAY: Readonly<Record<string, number>> = { 'me/profile': 5, 'concern/inbox': 20, 'concern/inboxCounts': 10, 'concern/get (staff)': 20, 'concern/accept': 5, 'concern/reply': 5, 'concern/resolve': 5 };

export function dayReads(costs: ReadonlyMap<string, ActionCost>, day: Readonly<Record<string, number>>): number {
  return Object.entries(day).reduce((sum, [name, n]) => sum + n * (costs.get(name)?.reads ?? 0), 0);
}

export async function cloudbaseBench(rows: Row[]): Promise<void> {
  const costs = await measureCloudbaseActions();
  for (const [name, c] of costs) {
    const simulated = c.dbMs + c.cpuMs;
    const seqGoal = SEQUENTIAL_GOALS[name];
    const goal = [seqGoal !== undefined ? `≤ ${seqGoal} sequential` : '', 'p50 ≤ 150 ms'].filter(Boolean).join(', ');
    rows.push([`CloudBase ${name}: requests total / reads / sequential; simulated ms (of it requests)`, `${c.total} / ${c.reads} / ${c.sequential}; ${simulated.toFixed(0)} ms (${c.dbMs})`, goal]);
  }
  const cycle = ['concern/submit', 'concern/get (staff)', 'concern/accept', 'concern/reply', 'concern/resolve', 'concern/get (resident)', 'concern/rate'].reduce((s, n) => s + (costs.get(n)?.total ?? 0), 0);
  rows.push(["CloudBase one concern's life (submit → rate, 7 calls), requests", String(cycle), '']);
  const resident = dayReads(costs, RESIDENT_DAY);
  const staff = dayReads(costs, STAFF_DAY);
  const pctOf = (n: number) => `${((100 * n) / BASIC_PLAN_DAILY_READS).toFixed(2)} %`;
  rows.push([`CloudBase reads of a resident's day (${Object.values(RESIDENT_DAY).reduce((a, b) => a + b, 0)} calls)`, `${resident} (${pctOf(resident)} of 50k)`, '']);
  rows.push([`CloudBase reads of a committee member's day (${Object.values(STAFF_DAY).reduce((a, b) => a + b, 0)} calls)`, `${staff} (${pctOf(staff)} of 50k)`, '≤ 1 % of the basic plan']);
}
