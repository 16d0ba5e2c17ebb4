/**
 * Capacity under concurrency, through the real store: 200 sign-ups at once for 50 places. Through the
 * router with Promise.all (every call awaits several reads before it reaches the store, so the calls
 * interleave), and through the local HTTP server with 200 concurrent requests on a WAL file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { EventDetail, SignUpResult } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createHttpServer } from './http-server';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';

const PEOPLE = 200;
const PLACES = 50;
const people = Array.from({ length: PEOPLE }, (_, i) => `crowd-${String(i).padStart(3, '0')}`);

const EVENT = {
  teamId: DEMO_TEAMS.daguo,
  title: '大扫除',
  description: '',
  place: '大果祠堂',
  startAt: '2099-05-03T09:00:00+08:00',
  endAt: '2099-05-03T11:00:00+08:00',
  capacity: PLACES,
  openTo: 'all',
};

function outcome(p: Promise<unknown>): Promise<string> {
  return p.then(
    (r) => (r as SignUpResult).status,
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
}

const tally = (xs: string[]) => xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x]: (m[x] ?? 0) + 1 }), {});

describe('sign-ups through the router, 200 at once for 50 places', () => {
  let rt: LocalRuntime;
  beforeEach(() => {
    rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo' });
  });
  afterEach(() => rt.close());

  const call = <T>(openid: string, action: string, data: unknown) => rt.router.call('volunteer', action, data, openid) as Promise<T>;
  const create = (waitlist: boolean) => call<EventDetail>(I.daguoLeader, 'event/create', { ...EVENT, waitlist });

  /** Records the order in which calls reach the store's reads and its atomic sign-up. */
  function traceStore() {
    const trace: Array<['read' | 'signUp', string]> = [];
    const events = rt.store.events;
    const getSignUp = events.getSignUp.bind(events);
    const signUp = events.signUp.bind(events);
    events.getSignUp = (eventId, openid) => {
      trace.push(['read', openid]);
      return getSignUp(eventId, openid);
    };
    events.signUp = (eventId, person, requestId, at) => {
      trace.push(['signUp', person.openid]);
      return signUp(eventId, person, requestId, at);
    };
    return trace;
  }

  it('with a waitlist: exactly 50 signed and 150 waiting in arrival order; 10 cancellations promote exactly the first 10 waiting', async () => {
    const e = await create(true);
    const trace = traceStore();
    const results = await Promise.all(people.map((p) => call<SignUpResult>(p, 'event/signup', { eventId: e.id })));
    expect(tally(results.map((r) => r.status))).toEqual({ signed: PLACES, waitlisted: PEOPLE - PLACES });

    // The calls really interleaved: many had read before the first one reached the atomic step.
    expect(trace.findIndex(([op]) => op === 'signUp')).toBeGreaterThan(10);

    const stored = await rt.store.events.listSignUps(e.id); // in arrival order
    const arrivalOrder = trace.filter(([op]) => op === 'signUp').map(([, who]) => who);
    expect(stored.map((s) => s.openid)).toEqual(arrivalOrder);
    expect(stored.map((s) => s.arrival)).toEqual(Array.from({ length: PEOPLE }, (_, i) => i + 1));
    expect(stored.map((s) => s.status)).toEqual([...Array(PLACES).fill('signed'), ...Array(PEOPLE - PLACES).fill('waitlisted')]);
    // Each waiting person was told their place in the queue, and the places follow arrival.
    const position = new Map(people.map((p, i) => [p, results[i].position]));
    expect(stored.slice(PLACES).map((s) => position.get(s.openid))).toEqual(Array.from({ length: PEOPLE - PLACES }, (_, i) => i + 1));
    expect(await call<EventDetail>(I.resident, 'event/get', { id: e.id })).toMatchObject({ signedCount: PLACES, waitlistCount: PEOPLE - PLACES });

    // 10 signed people cancel at once: exactly the first 10 waiting move up, and are told.
    const leaving = stored.slice(0, PLACES).filter((_, i) => i % 5 === 0).map((s) => s.openid);
    expect(leaving).toHaveLength(10);
    const firstWaiting = stored.slice(PLACES, PLACES + 10).map((s) => s.openid);
    const cancels = await Promise.all(leaving.map((p) => call<{ promoted: boolean }>(p, 'event/cancel', { eventId: e.id })));
    expect(cancels.every((c) => c.promoted)).toBe(true);
    const after = await rt.store.events.listSignUps(e.id);
    const signedNow = after.filter((s) => s.status === 'signed').map((s) => s.openid);
    expect(signedNow).toHaveLength(PLACES);
    expect(signedNow.filter((p) => firstWaiting.includes(p)).sort()).toEqual([...firstWaiting].sort());
    expect(after.filter((s) => s.status === 'waitlisted').map((s) => s.openid)).toEqual(stored.slice(PLACES + 10).map((s) => s.openid));
    const promotedNotices = rt.store.db.prepare(`SELECT recipient_openid FROM outbox WHERE kind = 'event_promoted'`).pluck().all() as string[];
    expect(promotedNotices.sort()).toEqual([...firstWaiting].sort());
    expect(await call<EventDetail>(I.resident, 'event/get', { id: e.id })).toMatchObject({ signedCount: PLACES, waitlistCount: PEOPLE - PLACES - 10 });
  });

  it('without a waitlist: exactly 50 succeed and 150 get EVENT.FULL', async () => {
    const e = await create(false);
    const results = await Promise.all(people.map((p) => outcome(call(p, 'event/signup', { eventId: e.id }))));
    expect(tally(results)).toEqual({ signed: PLACES, 'EVENT.FULL': PEOPLE - PLACES });
    expect((await rt.store.events.listSignUps(e.id)).map((s) => s.status)).toEqual(Array(PLACES).fill('signed'));
    expect((await rt.store.events.getEvent(e.id))?.signedCount).toBe(PLACES);
  });

  it('gives one person one place however many times they retry at once', async () => {
    const e = await create(false);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => outcome(call(I.resident, 'event/signup', { eventId: e.id, requestId: i % 2 ? 'req-same-00001' : `req-other-${String(i).padStart(4, '0')}` }))));
    expect(new Set(results)).toEqual(new Set(['signed']));
    expect(await rt.store.events.listSignUps(e.id)).toHaveLength(1);
    expect((await rt.store.events.getEvent(e.id))?.signedCount).toBe(1);
  });
});

describe('sign-ups through the local HTTP server, 200 concurrent requests for 50 places', () => {
  let rt: LocalRuntime;
  let server: http.Server;
  let base: string;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-signup-'));
    rt = createLocalRuntime({ dbPath: path.join(dir, 'test.db'), now: testClock().now, seed: 'demo' });
    server = createHttpServer(rt, { mode: 'local', staticDir: null });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function post(token: string, action: string, data: unknown): Promise<{ ok: boolean; data?: SignUpResult & EventDetail; code?: string }> {
    const res = await fetch(`${base}/api/fn/volunteer`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, data }) });
    return (await res.json()) as { ok: boolean; data?: SignUpResult & EventDetail; code?: string };
  }
  const login = async (openid: string) => {
    const res = await fetch(`${base}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    return ((await res.json()) as { data: { token: string } }).data.token;
  };

  it.each([
    [true, { signed: PLACES, waitlisted: PEOPLE - PLACES }],
    [false, { signed: PLACES, 'EVENT.FULL': PEOPLE - PLACES }],
  ])('with waitlist %s ends with exactly 50 places taken', async (waitlist, expected) => {
    const leader = await login(I.daguoLeader);
    const created = await post(leader, 'event/create', { ...EVENT, waitlist });
    const eventId = created.data!.id;
    const tokens = await Promise.all(people.map(login));
    const answers = await Promise.all(tokens.map((t) => post(t, 'event/signup', { eventId })));
    expect(tally(answers.map((a) => (a.ok ? a.data!.status : a.code!)))).toEqual(expected);
    const got = await post(leader, 'event/get', { id: eventId });
    expect(got.data).toMatchObject({ signedCount: PLACES, waitlistCount: waitlist ? PEOPLE - PLACES : 0 });
    const stored = await rt.store.events.listSignUps(eventId);
    expect(stored.filter((s) => s.status === 'signed')).toHaveLength(PLACES);
    expect(stored.slice(0, PLACES).every((s) => s.status === 'signed')).toBe(true);
    // 201 logins and 201 requests over real sockets: a guard against a hang, not a speed goal (that is the bench's).
  }, 60_000);
});
