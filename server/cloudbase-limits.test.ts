/**
 * Issue 22, item 1, at the inputs' maximum sizes, through the deployed functions on the CloudBase wire
 * fake with its limits on (test/fakes/cloudbase-limits.ts: 10–30 ms per request from a seeded generator, in simulated time, a
 * transaction's 30 s lifetime, each function's timeout from cloudbaserc.json): a 500-ticket hotline
 * file, an event with 1,000 holders cancelled, hours of 1,000 people confirmed. Each finishes within its
 * function's timeout and no transaction carries more than 50 writes.
 */
import type { AttendanceView, HotlineImportView } from '../core/views';
import { TX_WRITES } from './cloudbase/chunks';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { DEMO_IDENTITIES as I, DEMO_POINTS, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { volunteerEvent } from './store/volunteers/contract-volunteer';
import { FUNCTION_BUDGET_MS, useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock } from './test-clock';
import type { WireRequest } from '../test/fakes/cloudbase-db';
import { WireLimits, writesPerTransaction } from '../test/fakes/cloudbase-limits';

const cloud = useCloudFunctions();
useWechatPassing();
beforeEach(() => {
  cloud.wire().limits = new WireLimits({ latencyMs: [10, 30], seed: 2022 });
});



/** Calls `fn` as one invocation of its function, with its deployed timeout, on a runtime with this clock. */
function caller(name: 'concern' | 'volunteer', clock: ReturnType<typeof testClock>) {
  const rt = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
  const fn = createCloudHandler(name, async () => rt.router, cloudbaseIdentity);
  return async <T>(openid: string, action: string, data: unknown): Promise<{ data: T; simulatedMs: number; requests: WireRequest[] }> => {
    const wire = cloud.wire();
    const from = wire.requests.length;
    const started = wire.limits.now;
    const res = (await wire.limits.invoke(name, FUNCTION_BUDGET_MS[name], () => fn({ action, data }, wechatContext(openid)))) as { ok: boolean; data?: T; code?: string; message?: string };
    if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`);
    return { data: res.data as T, simulatedMs: wire.limits.now - started, requests: wire.requests.slice(from) };
  };
}

it('imports a 500-ticket hotline file within the concern function’s timeout, no transaction over 50 writes', async () => {
  const concern = caller('concern', testClock('2026-12-02T01:00:00.000Z'));
  const rows = Array.from({ length: 500 }, (_, i) => `NH${String(i).padStart(4, '0')},environment,村口垃圾堆放第${i}处,${DEMO_POINTS.daguo.lat},${DEMO_POINTS.daguo.lng},,`);
  const csv = ['ticket,category,description,lat,lng,address', ...rows].join('\r\n');
  const out = await concern<HotlineImportView>(I.townAdmin, 'concern/importHotline', { csv });
  expect(out.data).toMatchObject({ created: 500, existing: 0 });
  expect(out.simulatedMs).toBeLessThan(FUNCTION_BUDGET_MS.concern);
  expect(Math.max(...writesPerTransaction(out.requests))).toBeLessThanOrEqual(TX_WRITES);
  expect(cloud.wire().documents('concerns').filter((d) => d.source === '12345')).toHaveLength(500);
  const again = await concern<HotlineImportView>(I.townAdmin, 'concern/importHotline', { csv });
  expect(again.data).toMatchObject({ created: 0, existing: 500 });
}, 120_000);

describe('an event with 1,000 people', () => {
  const clock = testClock('2026-12-02T01:00:00.000Z');
  async function fullEvent() {
    const { events } = cloud.store();
    await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(new Date('2026-12-01T00:00:00.000Z'), (id) => `secret-${id}`));
    const e = volunteerEvent({ id: 'ev-big-0001', teamId: DEMO_TEAMS.daguo, capacity: 1000, waitlist: false, startAt: '2026-12-02T02:00:00.000Z', endAt: '2026-12-02T04:00:00.000Z', signupDeadline: '2026-12-02T01:30:00.000Z', createdBy: I.daguoLeader });
    await events.createEvent(e);
    for (let i = 0; i < 1000; i++) await events.signUp(e.id, { openid: `o-big-${String(i).padStart(4, '0')}`, name: `街坊${i}` }, null, '2026-12-01T00:00:00.000Z');
    return e;
  }

  it('is cancelled within the volunteer function’s timeout, each person told once, no transaction over 50 writes', async () => {
    const e = await fullEvent();
    const volunteer = caller('volunteer', clock);
    const out = await volunteer<{ notified: number }>(I.daguoLeader, 'event/cancelEvent', { id: e.id, reason: '台风预警' });
    expect(out.data).toEqual({ notified: 1000 });
    expect(out.simulatedMs).toBeLessThan(FUNCTION_BUDGET_MS.volunteer);
    expect(Math.max(...writesPerTransaction(out.requests))).toBeLessThanOrEqual(TX_WRITES);
    const notices = cloud.wire().documents('outbox').filter((d) => d.kind === 'event_cancelled');
    expect(new Set(notices.map((d) => d.recipientOpenid)).size).toBe(1000);
    expect(notices).toHaveLength(1000);
  }, 120_000);

  it('has its hours confirmed within the volunteer function’s timeout, no transaction over 50 writes', async () => {
    const e = await fullEvent();
    clock.set('2026-12-02T05:00:00.000Z');
    const volunteer = caller('volunteer', clock);
    const out = await volunteer<AttendanceView>(I.daguoLeader, 'event/confirmHours', { eventId: e.id });
    expect(out.simulatedMs).toBeLessThan(FUNCTION_BUDGET_MS.volunteer);
    expect(Math.max(...writesPerTransaction(out.requests))).toBeLessThanOrEqual(TX_WRITES);
    expect(cloud.wire().documents('vol_hours_audit').filter((d) => d.eventId === e.id)).toHaveLength(1000);
  }, 120_000);
});
