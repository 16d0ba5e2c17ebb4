/**
 * Composition root of the local cloud (dev server and tests): the SQLite store, the router, the local
 * identity. The cloud functions have their own root; both mount the same router.
 */
import { deliverDue, type DeliveryReport } from '../core/outbox';
import { createRouter, type Router } from '../core/router';
import { sendReminders } from '../core/volunteer-service';
import { DEFAULT_VOLUNTEER_SETTINGS, type VolunteerSettings } from '../core/volunteer-model';
import { InAppSender } from './in-app-sender';
import type { Deps } from '../core/ports';
import { demoDirectory, demoVolunteers } from './demo-data';
import { newId } from './ids';
import { LocalIdentity } from './local-identity';
import { seedDirectory, seedVolunteers } from './seed';
import { SqliteStore } from './sqlite-store';

export interface LocalRuntime {
  store: SqliteStore;
  router: Router;
  identity: LocalIdentity;
  deps: Deps;
  /** Delivers the outbox once (to the in-app inbox); the server also runs it on an interval. */
  deliverNotifications(): Promise<DeliveryReport>;
  /** Queues the due event reminders once (each person once per event); the jobs run it on an interval. */
  sendReminders(): Promise<number>;
  /** Runs the background jobs every `ms` until close(). */
  startJobs(ms: number): void;
  close(): Promise<void>;
}

export interface LocalRuntimeOptions {
  dbPath: string;
  seed: 'demo' | 'none';
  sessionSecret?: string;
  now?: () => Date;
  volunteer?: Partial<VolunteerSettings>;
}

export function createLocalRuntime(opts: LocalRuntimeOptions): LocalRuntime {
  const store = new SqliteStore({ path: opts.dbPath });
  const now = opts.now ?? (() => new Date());
  if (opts.seed === 'demo') {
    seedDirectory(store.db, demoDirectory(now().toISOString()));
    seedVolunteers(store.db, demoVolunteers(now(), () => newId('c').slice(-10)));
  }
  const deps: Deps = { store, now, newId, volunteer: { ...DEFAULT_VOLUNTEER_SETTINGS, ...opts.volunteer } };
  const sender = new InAppSender(store.messages);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  const deliverNotifications = () => deliverDue(store.outbox, sender, deps.now());
  const reminders = () => sendReminders(deps);
  return {
    store,
    deps,
    router: createRouter(deps),
    identity: new LocalIdentity(opts.sessionSecret),
    deliverNotifications,
    sendReminders: reminders,
    startJobs(ms) {
      if (timer) return;
      timer = setInterval(() => {
        // One run at a time; a failing run is logged and the next tick tries again.
        // Reminders are queued first, so the same run delivers them.
        running = running
          .then(reminders)
          .catch((e: unknown) => console.error('[jiefang] reminder run failed:', e))
          .then(deliverNotifications)
          .catch((e: unknown) => console.error('[jiefang] outbox run failed:', e));
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
