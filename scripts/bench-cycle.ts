/** `npm run bench -- cycle`: the SLA job and the staff inbox over 1,000,000 concerns. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GridIndex } from '../core/directory/grid';
import type { ConcernSla, RouteDecision } from '../core/model';
import { createLocalRuntime, type LocalRuntime } from '../server/local-runtime';
import { quickCheck } from '../server/sqlite-durability';
import { pct, rows, type Row } from './bench-common';

/**
 * The SLA job and the staff inbox at scale: 1,000,000 concerns written straight into a temp SQLite file
 * (prepared statements, one transaction), 100,000 of them open and 1,000 of those overdue. Times the
 * inbox through the router (cursor paging, most urgent first) and one SLA run, which must find the
 * overdue ones by index without touching the 900,000 closed ones.
 */
export async function cycleBench(total = 1_000_000, open = 100_000, overdue = 1_000) {
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
