/** What the `npm run bench` sections share: the table's rows, the local server in its own process, and its HTTP calls. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
export type Row = [metric: string, value: string, goal: string];
export const rows: Row[] = [];
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function startServer(dbPath: string, extraEnv: Record<string, string> = {}): Promise<{ child: ChildProcess; base: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      // The load is many writes per synthetic resident, and up to 1,000 dev logins from one address at once;
      // lift the per-caller and per-address budgets so they measure the server.
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', JIEFANG_DB: dbPath, JIEFANG_SEED: 'demo', JIEFANG_RATE_WRITES_PER_MINUTE: '100000', JIEFANG_RATE_SUBMITS_PER_HOUR: '100000', JIEFANG_RATE_REQUESTS_PER_MINUTE: '100000', ...extraEnv },
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

/** One action through the local server's `POST /api/fn/<fn>`: the HTTP status and the answer. */
export async function callFunction<D = unknown>(base: string, fn: string, token: string, action: string, data: unknown): Promise<{ status: number; body: { ok: boolean; data?: D; code?: string } }> {
  const res = await fetch(`${base}/api/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: D; code?: string } };
}

/** A `concern` action's answer. */
export async function api(base: string, token: string, action: string, data: unknown): Promise<{ ok: boolean; data?: unknown }> {
  return (await callFunction(base, 'concern', token, action, data)).body;
}

export async function login(base: string, openid: string): Promise<string> {
  const res = await fetch(`${base}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
