/** `npm run bench -- volunteer` and `-- load`: volunteer sign-ups under contention and the sustained mixed load. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { callFunction, login, pct, rows, startServer } from './bench-common';

async function volunteerCall(base: string, token: string, action: string, data: unknown): Promise<{ ok: boolean; data?: Record<string, unknown>; code?: string }> {
  return (await callFunction<Record<string, unknown>>(base, 'volunteer', token, action, data)).body;
}

/**
 * Volunteer sign-ups through the local HTTP server (its own process, WAL file): 50 clients at once, each
 * signing up 20 different residents, first all on one event, then each client on its own event. Every
 * event has fewer places than sign-ups (waitlist on), so capacity is contended; over-booking counts
 * places granted beyond capacity, in the answers and in the stored counters.
 */
export async function volunteerSignups(clients = 50, perClient = 20) {
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
export async function mixedLoad(seconds = 60, clients = 50) {
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
      const { status, body } = await callFunction<Record<string, unknown>>(base, fn, token, action, data);
      latencies.push(performance.now() - s);
      requests++;
      if (status >= 500) serverErrors++;
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
