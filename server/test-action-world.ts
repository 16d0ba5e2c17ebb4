/**
 * The two worlds the volunteer-action and points tests run in (issue 20): the local runtime on SQLite, and
 * the `concern` and `volunteer` cloud functions on the CloudBase wire fake, each with the test's clock.
 * `describeOnBothStores` runs the same cases in both.
 */
import type { ActionView } from '../core/volunteers/action-views';
import type { Store } from '../core/ports';
import type { ConcernDetail, EventDetail } from '../core/views';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { DEMO_IDENTITIES as I, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock, type TestClock } from './test-clock';

export type Call = <T>(fn: 'concern' | 'volunteer', action: string, data: unknown, openid: string) => Promise<T>;
export interface World {
  call: Call;
  clock: TestClock;
  /** Titles of the notices queued for a person, oldest first. */
  notices(openid: string): Promise<string[]>;
  /** The world's store, for a test's setup that no action makes (h20b: points given to 200 people at once). */
  store(): Store;
}

export const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);
export const DAY = 86_400_000;
export const TEAM_NAME = '大果党群清洁志愿服务队';

/** A resident's environment report in 大果经济社, accepted by its chair. */
export async function report(w: World, who: string, description: string): Promise<string> {
  const c = await w.call<ConcernDetail>('concern', 'concern/submit', { category: 'environment', description, placeId: 'dz-xicheng-daguo' }, who);
  await w.call('concern', 'concern/accept', { id: c.id }, I.daguoChair);
  return c.id;
}

/** An event of the 大果 team tomorrow for two hours (scheduling the draft `actionId` when given). */
export async function schedule(w: World, actionId?: string): Promise<EventDetail & { action: ActionView | null }> {
  const start = new Date(w.clock.now().getTime() + DAY);
  return w.call('volunteer', 'event/create', {
    teamId: DEMO_TEAMS.daguo, title: '巷道清洁', description: '清理巷口垃圾', place: '大果巷口',
    startAt: start.toISOString(), endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(), capacity: 10, waitlist: false, openTo: 'all', ...(actionId ? { actionId } : {}),
  }, I.daguoLeader);
}

/** Signs these people up, checks them in a minute after the start and out a minute before the end, and ends the event. */
export async function attend(w: World, ev: EventDetail, people: readonly string[]): Promise<void> {
  for (const who of people) await w.call('volunteer', 'event/signup', { eventId: ev.id }, who);
  for (const instant of [Date.parse(ev.startAt) + 60_000, Date.parse(ev.endAt) - 60_000]) {
    w.clock.set(new Date(instant).toISOString());
    for (const who of people) {
      const { qr } = await w.call<{ qr: string }>('volunteer', 'event/checkinCode', { id: ev.id }, I.daguoLeader);
      await w.call('volunteer', 'event/scan', { code: qr }, who);
    }
  }
  w.clock.set(new Date(Date.parse(ev.endAt) + 60_000).toISOString());
}

/** The local runtime on SQLite in memory with the demo data (its word list holds 私聊 for review); close it after. */
export function localWorld(): World & { runtime: LocalRuntime } {
  const clock = testClock();
  const local = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS });
  return {
    runtime: local,
    clock,
    store: () => local.store,
    call: (fn, action, data, openid) => local.router.call(fn, action, data, openid) as never,
    notices: async (openid) => local.store.db.prepare(`SELECT title FROM outbox WHERE recipient_openid = ? ORDER BY created_at, id`).pluck().all(openid) as string[],
  };
}

export function describeOnBothStores(body: (name: string, world: () => World) => void): void {
  describe('on SQLite', () => {
    let world: ReturnType<typeof localWorld>;
    beforeEach(() => {
      world = localWorld();
    });
    afterEach(() => world.runtime.close());
    body('SQLite', () => world);
  });

  describe('on CloudBase', () => {
    const cloud = useCloudFunctions();
    useWechatPassing();
    let world: World;
    beforeEach(async () => {
      const clock = testClock();
      await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(clock.now(), (id) => `secret-${id}`));
      const runtime = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
      const handlers = { concern: createCloudHandler('concern', async () => runtime.router, cloudbaseIdentity), volunteer: createCloudHandler('volunteer', async () => runtime.router, cloudbaseIdentity) };
      world = {
        clock,
        store: () => cloud.store(),
        call: async <T,>(fn: 'concern' | 'volunteer', action: string, data: unknown, openid: string) => {
          const res = (await handlers[fn]({ action, data }, wechatContext(openid))) as { ok: boolean; data?: T; code?: string };
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- the function's refusal as the plain { code } object that the tests match whole
          if (!res.ok) throw { code: res.code };
          return res.data as T;
        },
        notices: async (openid) =>
          cloud
            .wire()
            .documents('outbox')
            .filter((d) => d.recipientOpenid === openid)
            .sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
            .map((d) => String(d.title)),
      };
    });
    body('CloudBase (wire fake)', () => world);
  });
}
