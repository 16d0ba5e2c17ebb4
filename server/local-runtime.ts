/**
 * Composition root of the local cloud (dev server and tests): the SQLite store, the router, the local
 * identity. The cloud functions have their own root; both mount the same router.
 */
import { deliverDue, type DeliveryReport } from '../core/outbox';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../core/policy';
import { createRouter, type Router } from '../core/router';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { InAppSender } from './in-app-sender';
import type { Deps } from '../core/ports';
import { demoDirectory } from './demo-data';
import { newId } from './ids';
import { LocalIdentity } from './local-identity';
import { seedDirectory } from './seed';
import { SqliteStore } from './sqlite-store';

export interface LocalRuntime {
  store: SqliteStore;
  router: Router;
  identity: LocalIdentity;
  deps: Deps;
  /** Delivers the outbox once (to the in-app inbox); the server also runs it on an interval. */
  deliverNotifications(): Promise<DeliveryReport>;
  /** Runs the background jobs every `ms` until close(). */
  startJobs(ms: number): void;
  close(): Promise<void>;
}

export interface LocalRuntimeOptions {
  dbPath: string;
  seed: 'demo' | 'none';
  sessionSecret?: string;
  now?: () => Date;
  rateLimits?: RateLimits;
}

export function createLocalRuntime(opts: LocalRuntimeOptions): LocalRuntime {
  const store = new SqliteStore({ path: opts.dbPath });
  const now = opts.now ?? (() => new Date());
  if (opts.seed === 'demo') seedDirectory(store.db, demoDirectory(now().toISOString()));
  const deps: Deps = { store, now, newId, rateLimiter: new MemoryRateLimiter(), rateLimits: opts.rateLimits ?? DEFAULT_RATE_LIMITS };
  const sender = new InAppSender(store.messages);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const deliverNotifications = () => deliverDue(store.outbox, sender, deps.now());
  return {
    store,
    deps,
    router: createRouter(deps),
    identity: new LocalIdentity(opts.sessionSecret),
    deliverNotifications,
    startJobs(ms) {
      if (timer) return;
      timer = setInterval(() => {
        // One run at a time; a failing run is logged and the next tick tries again.
        running = running.then(deliverNotifications).catch((e: unknown) => console.error('[jiefang] outbox run failed:', e));
      }, ms);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      await running;
      await store.close();
    },
  };
}
