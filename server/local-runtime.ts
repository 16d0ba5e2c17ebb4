/**
 * Composition root of the local cloud (dev server and tests): the SQLite store, the router, the local
 * identity. The cloud functions have their own root; both mount the same router.
 */
import { deliverDue, type DeliveryReport } from '../core/concerns/outbox';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../core/policy';
import { createRouter, type Router } from '../core/router';
import { runSlaJob, type SlaRunReport } from '../core/concerns/sla-job';
import { DEFAULT_SLA, type SlaConfig } from '../core/concerns/sla';
import { MemoryRateLimiter } from './memory-rate-limiter';
import { sendReminders } from '../core/volunteers/volunteer-reminders';
import { DEFAULT_VOLUNTEER_SETTINGS, type VolunteerSettings } from '../core/volunteers/volunteer-model';
import { InAppSender } from './in-app-sender';
import type { ContentCheck, Deps } from '../core/ports';
import { demoDirectory, demoVolunteers } from './demo-data';
import { addApiClient, newApiKey } from './api-keys';
import { DEMO_API_CLIENTS } from './demo-open311';
import { deflateRawSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { hmacDigest, newId } from './ids';
import { AppError } from '../core/errors';
import { LocalIdentity } from './local-identity';
import { DEFAULT_WORD_LIST } from './default-word-list';
import { WordListContentCheck } from './local-content-check';
import { LocalImageCheck, type ImageBlocklist } from './local-image-check';
import { LocalPhotoStorage } from './local-photo-storage';
import { seedDirectory, seedVolunteers } from './seed';
import { SqliteStore } from './sqlite-store';
import { StorageGuard } from './sqlite-guard';
import { seedBoardSettings } from './store/board/sqlite-board';

const OUTBOX_BATCH = 100;

export interface LocalRuntime {
  store: SqliteStore;
  /** Storage faults as codes, checkpoints, the acknowledgement mark and the readiness query (sqlite-guard.ts). */
  storage: StorageGuard;
  router: Router;
  identity: LocalIdentity;
  /**
   * The openid of a bearer token (the dev login's session), or AUTH.REQUIRED: the token must be valid and
   * unexpired, and its person still there since it was issued — a resident's `me/delete` removes their
   * user record, so every session issued before it ends, even one signed with a fixed secret after a restart.
   */
  authenticate(authorization: string | undefined): Promise<string>;
  /** Photos on disk beside the database (served under /uploads/); null when no folder was given. */
  photos: LocalPhotoStorage | null;
  deps: Deps;
  /** Delivers the outbox once (to the in-app inbox); the server also runs it on an interval. */
  deliverNotifications(): Promise<DeliveryReport>;
  /** Runs the SLA job once: the same job as the `sla` cloud function's timer. */
  runSla(): Promise<SlaRunReport>;
  /** Queues the due event reminders once (each person once per event); the jobs run it on an interval. */
  sendReminders(): Promise<number>;
  /** Runs the background jobs (reminders then outbox delivery every `ms`, the SLA job every `slaMs`) until close(). */
  startJobs(ms: number, slaMs?: number): void;
  close(): Promise<void>;
}

export interface LocalRuntimeOptions {
  dbPath: string;
  seed: 'demo' | 'none';
  sessionSecret?: string;
  /** Lifetime of a dev-login session (JIEFANG_SESSION_HOURS); 12 hours when absent. */
  sessionHours?: number;
  /**
   * The clock: `() => new Date()` for the dev server; a test's own clock in tests (server/test-clock.ts),
   * so that no test reads the machine's date. Required, so no runtime gets the wall clock by accident.
   */
  now: () => Date;
  rateLimits?: RateLimits;
  sla?: SlaConfig;
  volunteer?: Partial<VolunteerSettings>;
  /** The content check of user text; the built-in demonstration word list when absent. */
  contentCheck?: ContentCheck;
  /** Folder for uploaded photos, e.g. data/uploads beside the database. */
  uploadsDir?: string;
  /** Digests of images the image check refuses or holds (JIEFANG_IMAGE_BLOCKLIST); none when absent. */
  imageBlocklist?: ImageBlocklist;
  /** 街坊议事 (yishi): supports a proposal needs per town (JIEFANG_TOPIC_SUPPORTS). */
  topicSupports?: Readonly<Record<string, number>>;
}

export function createLocalRuntime(opts: LocalRuntimeOptions): LocalRuntime {
  const sla = opts.sla ?? DEFAULT_SLA;
  const { now } = opts;
  const raw = new SqliteStore({ path: opts.dbPath, sla });
  const storage = new StorageGuard(raw, now);
  const store = storage.store;
  // Demo data goes only into a new file or one that already is a demo install (top-ups of later demo
  // features); a database file that existed with other data is never seeded over.
  if (opts.seed === 'demo' && (raw.fresh || isDemoInstall(raw))) {
    seedDirectory(store.db, demoDirectory(now().toISOString()));
    seedVolunteers(store.db, demoVolunteers(now(), () => newId('c').slice(-10)));
    for (const { client, key } of DEMO_API_CLIENTS) addApiClient(store.db, client, key, now().toISOString());
    seedBoardSettings(store.db, demoDirectory(now().toISOString()).nodes.filter((n) => n.kind === 'town').map((n) => n.id));
    storage.markCommitted();
  }
  const photos = opts.uploadsDir === undefined ? null : new LocalPhotoStorage(opts.uploadsDir);
  const deps: Deps = {
    store,
    ...(photos ? { photos, imageCheck: new LocalImageCheck(photos, opts.imageBlocklist) } : {}),
    now,
    newId,
    newApiKey,
    // Signs the short-lived check-in codes: the session secret when one is set (production requires it),
    // else a key of this process alone (codes live two minutes, so a restart costs a refresh).
    digest: hmacDigest(opts.sessionSecret !== undefined ? `codes:${opts.sessionSecret}` : randomBytes(32)),
    sla,
    rateLimiter: new MemoryRateLimiter(),
    rateLimits: opts.rateLimits ?? DEFAULT_RATE_LIMITS,
    volunteer: { ...DEFAULT_VOLUNTEER_SETTINGS, ...opts.volunteer },
    contentCheck: opts.contentCheck ?? new WordListContentCheck(DEFAULT_WORD_LIST),
    deflateRaw: (data) => new Uint8Array(deflateRawSync(data)),
    ...(opts.topicSupports ? { topicSupports: opts.topicSupports } : {}),
  };
  const router = createRouter(deps);
  const identity = new LocalIdentity({ secret: opts.sessionSecret, now, ...(opts.sessionHours ? { ttlMs: opts.sessionHours * 3600_000 } : {}) });
  const authenticate = async (authorization: string | undefined): Promise<string> => {
    const { openid, issuedAt } = identity.verify(authorization);
    // Staff are removed from the roster by the town admin, never by me/delete; a resident's record is
    // created at the dev login (before the token), so one created after the token is another account.
    if (await store.directory.findStaff(openid)) return openid;
    const user = await store.directory.findUser(openid);
    if (user && Date.parse(user.createdAt) <= issuedAt.getTime()) return openid;
    // Someone taken off the roster during the session (a staff member has no resident record until their
    // first call as a resident) stays signed in, as a resident: the app then says they were removed
    // instead of sending them to the login page.
    const departed = await store.directory.listDepartedStaff();
    if (departed.some((d) => d.openid === openid && Date.parse(d.removedAt) >= issuedAt.getTime())) return openid;
    throw new AppError('AUTH.REQUIRED', 'this session has ended');
  };
  const sender = new InAppSender(store.messages);
  const timers: NodeJS.Timeout[] = [];
  let running: Promise<unknown> = Promise.resolve();
  /** Drains what is due, a batch at a time, so a backlog after a restart clears in one run. */
  const deliverNotifications = async (): Promise<DeliveryReport> => {
    const total: DeliveryReport = { claimed: 0, sent: 0, failed: 0, dead: 0, noQuota: 0 };
    for (let batch = 0; batch < 50; batch++) {
      const r = await deliverDue(store.outbox, sender, deps.now(), OUTBOX_BATCH);
      total.claimed += r.claimed;
      total.sent += r.sent;
      total.failed += r.failed;
      total.dead += r.dead;
      total.noQuota += r.noQuota;
      if (r.claimed < OUTBOX_BATCH) break;
    }
    return total;
  };
  const reminders = () => sendReminders(deps, router.directory);
  const runSla = () => runSlaJob(deps, router.directory, deps.now());
  // One job run at a time; a failing run is logged and the next tick tries again.
  const every = (ms: number, name: string, job: () => Promise<unknown>) => {
    const t = setInterval(() => {
      running = running.then(job).catch((e: unknown) => {
        // A storage fault is logged once by the guard, not on every tick while it lasts.
        if (!(e instanceof AppError && e.code.startsWith('STORAGE.'))) console.error(`[jiefang] ${name} run failed:`, e);
      });
    }, ms);
    t.unref();
    timers.push(t);
  };
  return {
    store,
    storage,
    deps,
    router,
    identity,
    authenticate,
    photos,
    deliverNotifications,
    runSla,
    sendReminders: reminders,
    startJobs(ms, slaMs = 60_000) {
      if (timers.length > 0) return;
      // Reminders are queued first, so the same run delivers them. Job writes skip their own fsync (sqlite-guard.ts).
      every(ms, 'reminders and outbox', () => storage.background(() => reminders().then(deliverNotifications)));
      every(slaMs, 'sla', () => storage.background(runSla));
      // While the disk is full: checkpoint and try a write each tick, so writing resumes once space is back.
      every(ms, 'storage', async () => storage.recover());
    },
    async close() {
      for (const t of timers) clearInterval(t);
      await running;
      storage.close();
      await raw.close();
    },
  };
}

/** The database holds the demo district: it was seeded with demo data before. */
function isDemoInstall(store: SqliteStore): boolean {
  return store.db.prepare(`SELECT 1 FROM grid_nodes WHERE id = ?`).get(demoDirectory(new Date(0).toISOString()).nodes[0].id) !== undefined;
}
