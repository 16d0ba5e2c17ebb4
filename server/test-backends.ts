/**
 * The two backends a flow test runs on: the router on SQLite, and the `concern` cloud function on the
 * CloudBase store over the wire fake (identity from the function context, the demo directory, calendar
 * and public-board settings seeded). Both run on the clock the test gives; a text with 加我微信 is held by
 * the local word list and by the fake msgSecCheck alike.
 */
import { AppError, type ErrorCode } from '../core/errors';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { cloudbaseIdentityFor } from './cloud-identity';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseBoardSettings, seedCloudbaseCalendar, seedCloudbaseDirectory } from './cloudbase/seed';
import { CloudbaseStore } from './cloudbase/store';
import { demoDirectory } from './demo-data';
import { createLocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import type { Notification } from '../core/model';
import type { OutboxRepo } from '../core/ports';
import { deliverDue } from '../core/concerns/outbox';
import { InAppSender } from './in-app-sender';

export interface Backend {
  call(openid: string, action: string, data: unknown): Promise<unknown>;
  /** Turns a town's public board off, as the town's settings would. */
  boardOff(townId: string): Promise<void>;
  /** Every notice written so far (the outbox), oldest first. Leases them: a test calls either this or `deliver`. */
  notices(): Promise<Notification[]>;
  /** Delivers the queued notices to the in-app 消息 list, as the notify job does. */
  deliver(): Promise<void>;
  close(): Promise<void>;
}

export type Clock = () => Date;

const FAR = '2999-01-01T00:00:00.000Z';

/**
 * Every notice queued in the outbox so far, oldest first. New ones are claimed with a far lease (the test
 * sends none) and remembered, since a store need not answer a leased item again.
 */
function queued(outbox: OutboxRepo): () => Promise<Notification[]> {
  const seen = new Map<string, Notification>();
  return async () => {
    for (const { id, recipientOpenid, kind, title, body, page, createdAt } of await outbox.claimDue(FAR, FAR, 1000)) seen.set(id, { id, recipientOpenid, kind, title, body, page, createdAt });
    return [...seen.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  };
}

export async function sqliteBackend(now: Clock): Promise<Backend> {
  const rt = createLocalRuntime({ dbPath: ':memory:', now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
  return {
    call: (openid, action, data) => rt.router.call('concern', action, data, openid),
    boardOff: async (townId) => void rt.store.db.prepare(`UPDATE town_settings SET public_board = 0 WHERE town_id = ?`).run(townId),
    notices: queued(rt.deps.store.outbox),
    deliver: async () => void (await rt.deliverNotifications()),
    close: async () => rt.close(),
  };
}

export async function cloudbaseBackend(now: Clock): Promise<Backend> {
  const saved = { ...process.env };
  const appid = 'wx0123456789abcdef';
  Object.assign(process.env, { TCB_ENV: 'jiefang-test', JIEFANG_WX_APPID: appid, JIEFANG_CODE_SECRET: 'test-code-secret-0123456789abcdef' });
  const fake = fakeCloudbaseApp();
  const api = new FakeCloudbaseApi().install().onWxOpenApi((apiName, body) =>
    apiName === 'security.msgSecCheck' ? { errcode: 0, errmsg: 'ok', result: { suggest: String(body.content).includes('加我微信') ? 'review' : 'pass', label: 100 } } : { errcode: -1, errmsg: `unexpected ${apiName}` },
  );
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  const directory = demoDirectory('2026-11-20T00:00:00.000Z');
  await seedCloudbaseDirectory(store.cb, directory);
  await seedCloudbaseCalendar(store.directory);
  // As `npm run cloudbase:setup -- --demo` does: the board on in every demo town.
  await seedCloudbaseBoardSettings(store.cb, directory.nodes.filter((n) => n.kind === 'town').map((n) => n.id));
  const rt = createCloudRuntime(loadCloudConfig(process.env), fake.app, now);
  rt.deps.rateLimits = GENEROUS_LIMITS;
  const handler = createCloudHandler('concern', async () => rt.router, cloudbaseIdentityFor(appid));
  const context = (openid: string) => ({ request_id: 'req-1', function_name: 'concern', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: appid }) });
  return {
    async call(openid, action, data) {
      const res = (await handler({ action, data }, context(openid))) as { ok: true; data: unknown } | { ok: false; code: ErrorCode; message: string; details?: unknown };
      if (!res.ok) throw new AppError(res.code, res.message, res.details);
      return res.data;
    },
    boardOff: async (townId) => void (await store.cb.updateWhere('town_settings', { _id: townId }, { publicBoard: false })),
    notices: queued(rt.deps.store.outbox),
    // Without subscribe templates a deployed function keeps notices queued; the in-app half is what 消息 shows.
    deliver: async () => void (await deliverDue(rt.store.outbox, new InAppSender(rt.store.messages), now())),
    async close() {
      api.uninstall();
      fake.wire.uninstall();
      process.env = saved;
    },
  };
}

export const BACKENDS = [
  ['SQLite, through the router', sqliteBackend],
  ['CloudBase, through the concern cloud function on the wire fake', cloudbaseBackend],
] as const;
