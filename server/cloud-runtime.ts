/**
 * Composition root of the cloud functions: the CloudBase store, photo storage, WeChat content check
 * and subscribe-message sender, and the router, created once per warm container and checked before the
 * first call is served. A container whose configuration or database is not usable answers
 * SERVICE.UNAVAILABLE with a message that says why, and tries again on the next call.
 */
import tcb from '@cloudbase/node-sdk';
import { deflateRawSync } from 'node:zlib';
import { AppError } from '../core/errors';
import type { DirectoryCache } from '../core/directory/directory';
import { deliverDue, type DeliveryReport } from '../core/concerns/outbox';
import { DEFAULT_RATE_LIMITS } from '../core/policy';
import { DEFAULT_SLA } from '../core/concerns/sla';
import { DEFAULT_VOLUNTEER_SETTINGS } from '../core/volunteers/volunteer-model';
import type { ContentCheck, Deps, NotificationSender, PhotoStorage } from '../core/ports';
import { createRouter, type Router } from '../core/router';
import { loadCloudConfig, type CloudConfig } from './cloud-config';
import { errorCode } from './cloudbase/db';
import { CloudbaseRateLimiter } from './cloudbase/rate-limiter';
import { uploadFolder } from '../core/concerns/photos';
import { CloudbasePhotoStorage } from './cloudbase/storage';
import { CloudbaseStore } from './cloudbase/store';
import { hmacDigest, newId } from './ids';
import { newApiKey } from './api-keys';
import { WechatContentCheck, WechatImageCheck, WechatOpenApi, wxServerSdkInvoke } from './wechat-openapi';
import { InAppThenWechatSender, subscribeTemplateIdsOf, WechatSubscribeSender } from './wechat-subscribe-sender';
import { InAppSender } from './in-app-sender';

type CloudBase = ReturnType<typeof tcb.init>;

export interface CloudRuntime {
  config: CloudConfig;
  store: CloudbaseStore;
  rateLimiter: CloudbaseRateLimiter;
  router: Router;
  photos: PhotoStorage;
  contentCheck: ContentCheck;
  /** Null when no subscribe-message templates are configured: notices then stay queued. */
  sender: NotificationSender | null;
  deps: Deps;
  deliverNotifications(): Promise<DeliveryReport>;
}

/** `now` is the machine's clock in a deployed function; tests give their own. */
export function createCloudRuntime(config: CloudConfig, app: CloudBase = tcb.init({ env: config.envId }), now: () => Date = () => new Date()): CloudRuntime {
  const store = new CloudbaseStore({ db: app.database(), prefix: config.JIEFANG_COLLECTION_PREFIX });
  const rateLimiter = new CloudbaseRateLimiter(store.cb);
  const openapi = new WechatOpenApi(wxServerSdkInvoke(config.envId));
  const contentCheck = new WechatContentCheck(openapi);
  const digest = hmacDigest(config.JIEFANG_CODE_SECRET);
  const photos = new CloudbasePhotoStorage(app, (openid) => uploadFolder(digest, openid));
  const deps: Deps = {
    store,
    now,
    newId,
    newApiKey,
    digest,
    sla: DEFAULT_SLA,
    volunteer: DEFAULT_VOLUNTEER_SETTINGS,
    // Shared by every container of every function: a counter document per caller and window.
    rateLimiter,
    rateLimits: DEFAULT_RATE_LIMITS,
    contentCheck,
    photos,
    imageCheck: new WechatImageCheck(contentCheck, photos),
    deflateRaw: (data) => new Uint8Array(deflateRawSync(data)),
    ...(config.JIEFANG_TOPIC_SUPPORTS ? { topicSupports: config.JIEFANG_TOPIC_SUPPORTS } : {}),
    ...(config.JIEFANG_WX_TEMPLATES ? { subscribeTemplates: subscribeTemplateIdsOf(config.JIEFANG_WX_TEMPLATES) } : {}),
  };
  const sender = config.JIEFANG_WX_TEMPLATES
    ? new InAppThenWechatSender(new InAppSender(store.messages), new WechatSubscribeSender(openapi, config.JIEFANG_WX_TEMPLATES, config.JIEFANG_MINIPROGRAM_STATE))
    : null;
  return {
    config,
    store,
    rateLimiter,
    deps,
    router: createRouter(deps),
    photos,
    contentCheck,
    sender,
    async deliverNotifications() {
      if (!sender) throw new AppError('SERVICE.UNAVAILABLE', 'JIEFANG_WX_TEMPLATES is not configured; notices stay queued');
      return deliverDue(store.outbox, sender, deps.now());
    },
  };
}

/** Reads the grid version: proves the environment answers and the collections exist. */
async function checkStarts(rt: CloudRuntime): Promise<void> {
  try {
    const version = await rt.store.directory.gridVersion();
    if (version === 0) console.warn('[jiefang] the directory is empty: import the grid and roster (README, Deploy)');
  } catch (e) {
    const code = errorCode(e);
    if (code === 'DATABASE_COLLECTION_NOT_EXIST') throw new AppError('SERVICE.UNAVAILABLE', 'database collections are missing: create them from cloudbase/collections (README, Deploy)');
    throw new AppError('SERVICE.UNAVAILABLE', `the CloudBase database did not answer: ${code ?? (e instanceof Error ? e.message : String(e))}`);
  }
}

let warm: Promise<CloudRuntime> | null = null;

/** The runtime of this warm container, created and checked on first use. */
export function cloudRuntime(env: NodeJS.ProcessEnv = process.env): Promise<CloudRuntime> {
  warm ??= (async () => {
    let config: CloudConfig;
    try {
      config = loadCloudConfig(env);
    } catch (e) {
      throw new AppError('SERVICE.UNAVAILABLE', e instanceof Error ? e.message : String(e));
    }
    const rt = createCloudRuntime(config);
    await checkStarts(rt);
    return rt;
  })().catch((e: unknown) => {
    warm = null; // the next call tries again (e.g. after the collections were created)
    throw e;
  });
  return warm;
}

export async function cloudRouter(): Promise<Router> {
  return (await cloudRuntime()).router;
}

/** What the timer functions need: the same deps and grid cache as the router, and the rate counters to sweep. */
export async function cloudJobs(): Promise<{ deps: Deps; directory: DirectoryCache; rateLimiter: CloudbaseRateLimiter }> {
  const rt = await cloudRuntime();
  return { deps: rt.deps, directory: rt.router.directory, rateLimiter: rt.rateLimiter };
}

/** For tests: forget the warm runtime. */
export function resetCloudRuntime(): void {
  warm = null;
}
