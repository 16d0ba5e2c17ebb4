/**
 * For flow tests that run the same cases through the action router on both stores: a fresh SQLite runtime per
 * test, and one long-lived CloudBase runtime on the wire fake (as a warm container keeps it), both on the test
 * clock with the demo data. `rows` reads tables (SQLite) or collections (CloudBase) whole, for "nothing changed".
 */
import type { CloudRuntime } from './cloud-runtime';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';
import { useCloudRuntime } from './test-cloud-runtime';
import { GENEROUS_LIMITS } from './test-limits';

export type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;

export interface Backend {
  rt: () => LocalRuntime | CloudRuntime;
  /** Calls an action of the given function (the concern function by default). */
  callIn: <T>(fn: string, openid: string, action: string, data: unknown) => Promise<T>;
  rows: (names: readonly string[]) => Promise<unknown[]>;
}

export function onBothRuntimes(what: string, flows: (call: Call, backend: Backend) => void): void {
  const register = (rt: () => LocalRuntime | CloudRuntime, rows: Backend['rows']) => {
    const callIn = async <T,>(fn: string, openid: string, action: string, data: unknown) => (await rt().router.call(fn, action, data, openid)) as T;
    flows((openid, action, data) => callIn('concern', openid, action, data), { rt, callIn, rows });
  };
  describe(`${what} on SQLite`, () => {
    let rt: LocalRuntime;
    beforeEach(() => {
      rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
    });
    afterEach(() => rt.close());
    register(
      () => rt,
      async (tables) => tables.map((t) => rt.store.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()),
    );
  });
  describe(`${what} on CloudBase (the wire fake), one runtime as a warm container keeps it`, () => {
    const { cloud, runtime } = useCloudRuntime();
    register(runtime, async (collections) => collections.map((c) => cloud.wire().documents(c)));
  });
}
