/** `npm run bench` (all) and `npm run bench -- inbox`: the submit→inbox round trip and concern/inbox against a bare Node server. */
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { api, login, pct, rows, startServer } from './bench-common';

export async function roundTrip(clients = 20, perClient = 50) {
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
export async function inboxVersusBare(clients = 20, perClient = 100) {
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
