/**
 * Composition root of the local cloud (dev server and tests): the SQLite store, the router, the local
 * identity. The cloud functions have their own root; both mount the same router.
 */
import { deliverDue, type DeliveryReport } from '../core/outbox';
import { createRouter, type Router } from '../core/router';
import { runSlaJob, type SlaRunReport } from '../core/sla-job';
import { DEFAULT_SLA, type SlaConfig } from '../core/sla';
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
  /** Runs the SLA job once: the same job as the `sla` cloud function's timer. */
  runSla(): Promise<SlaRunReport>;
  /** Runs the background jobs (outbox delivery every `ms`, the SLA job every `slaMs`) until close(). */
  startJobs(ms: number, slaMs?: number): void;
  close(): Promise<void>;
}

export interface LocalRuntimeOptions {
  dbPath: string;
  seed: 'demo' | 'none';
  sessionSecret?: string;
  now?: () => Date;
  sla?: SlaConfig;
}

export function createLocalRuntime(opts: LocalRuntimeOptions): LocalRuntime {
  const sla = opts.sla ?? DEFAULT_SLA;
  const store = new SqliteStore({ path: opts.dbPath, sla });
  const now = opts.now ?? (() => new Date());
  if (opts.seed === 'demo') seedDirectory(store.db, demoDirectory(now().toISOString()));
  const deps: Deps = { store, now, newId, sla };
  const router = createRouter(deps);
  const sender = new InAppSender(store.messages);
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  const deliverNotifications = () => deliverDue(store.outbox, sender, deps.now());
  const runSla = () => runSlaJob(deps, router.directory, deps.now());
  // One job run at a time; a failing run is logged and the next tick tries again.
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    const t = setInterval(() => {
      running = running.then(job).catch((e: unknown) => console.error(`[jiefang] ${name} run failed:`, e));
    }, ms);
    t.unref();
    timers.push(t);
  };
  return {
    store,
    deps,
    router,
    identity: new LocalIdentity(opts.sessionSecret),
    deliverNotifications,
    runSla,
    startJobs(ms, slaMs = 60_000) {
      if (timers.length > 0) return;
      every(ms, 'outbox', deliverNotifications);
      every(slaMs, 'sla', runSla);
    },
    async close() {
      for (const t of timers) clearInterval(t);
      await running;
      await store.close();
    },
  };
}
