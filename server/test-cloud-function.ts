/**
 * For tests that call a cloud function on the CloudBase wire fake: the environment a deployed function
 * sees, the demo directory seeded, a WeChat context for a person, and a call that answers the data or
 * throws `{code, details}` as the router does. Registers its own beforeEach/afterEach.
 */
import { uploadFolder } from '../core/concerns/photos';
import { hmacDigest } from './ids';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACTION_FUNCTION, type ActionName } from '../core/actions';
import type { createCloudRuntime } from './cloud-runtime';
import { resetCloudRuntime } from './cloud-runtime';
import { CloudbaseStore } from './cloudbase/store';
import { seedCloudbaseDirectory } from './cloudbase/seed';
import { demoDirectory } from './demo-data';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../test/fakes/cloudbase-db';

type CloudBase = NonNullable<Parameters<typeof createCloudRuntime>[1]>;

/** A cloud function's handler, whatever its event type (the call below builds an `{action, data}` event). */
type CloudFunction = (event: never, context: unknown) => Promise<unknown>;

export const TEST_APPID = 'wx0123456789abcdef';
/** The JIEFANG_CODE_SECRET the cloud-function tests deploy with. */
export const TEST_CODE_SECRET = 'test-code-secret-0123456789abcdef';
/** A file id in the person's upload folder as a function deployed with TEST_CODE_SECRET names it (me/profile's photoFolder). */
export const testPhotoId = (bucket: string, openid: string, name: string) => `cloud://${bucket}/${uploadFolder(hmacDigest(TEST_CODE_SECRET), openid)}${name}`;

/** Each function's deployed timeout in ms (cloudbaserc.json): the time budget of one call on the wire fake. */
export const FUNCTION_BUDGET_MS: Readonly<Record<string, number>> = Object.fromEntries(
  (JSON.parse(readFileSync(path.join(__dirname, '..', 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; timeout: number }> }).functions.map((f) => [f.name, f.timeout * 1000]),
);

export const wechatContext = (openid: string) => ({
  request_id: 'req-1',
  environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: TEST_APPID }),
});


export function useCloudFunctions(): { wire: () => FakeCloudbaseDb; app: () => CloudBase; store: () => CloudbaseStore; call: <T>(fn: CloudFunction, openid: string, action: string, data: unknown) => Promise<T> } {
  const saved = { ...process.env };
  let wire: FakeCloudbaseDb;
  let app: CloudBase;
  let store: CloudbaseStore;
  beforeEach(async () => {
    process.env.TCB_ENV = 'jiefang-test';
    process.env.JIEFANG_WX_APPID = TEST_APPID;
    process.env.JIEFANG_CODE_SECRET = TEST_CODE_SECRET;
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    app = fake.app;
    store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, demoDirectory('2026-11-30T00:00:00.000Z'));
  });
  afterEach(() => {
    process.env = { ...saved };
    wire.uninstall();
    resetCloudRuntime();
  });
  return {
    wire: () => wire,
    app: () => app,
    store: () => store,
    // One call is one invocation of its function: within that function's timeout in simulated time.
    call: async <T>(fn: CloudFunction, openid: string, action: string, data: unknown) => {
      const name = ACTION_FUNCTION[action as ActionName] ?? 'concern';
      const res = (await wire.limits.invoke(name, FUNCTION_BUDGET_MS[name], () => fn({ action, data } as never, wechatContext(openid)))) as { ok: boolean; data?: unknown; code?: string; details?: unknown };
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- the function's refusal as the plain { code } object that the tests match whole
      if (!res.ok) throw { code: res.code, details: res.details };
      return res.data as T;
    },
  };
}

/** WeChat's OpenAPI as a deployed function reaches it, answering every content check `pass`; registers its own hooks. */
export function useWechatPassing(): () => FakeCloudbaseApi {
  let api: FakeCloudbaseApi;
  beforeEach(() => {
    api = new FakeCloudbaseApi().install().onWxOpenApi(() => ({ errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }));
  });
  afterEach(() => api.uninstall());
  return () => api;
}
