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

const OUTBOX_BATCH = 100;

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
  /** Drains what is due, a batch at a time, so a backlog after a restart clears in one run. */
  const deliverNotifications = async (): Promise<DeliveryReport> => {
    const total: DeliveryReport = { claimed: 0, sent: 0, failed: 0, dead: 0 };
    for (let batch = 0; batch < 50; batch++) {
      const r = await deliverDue(store.outbox, sender, deps.now(), OUTBOX_BATCH);
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.failed += r.failed;
      total.dead += r.dead;
      if (r.claimed < OUTBOX_BATCH) break;
    }
    return total;
  };
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
