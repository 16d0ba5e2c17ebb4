import { topicSupportsSetting } from './topic-config';
import { z } from 'zod';
import { DEFAULT_GATEWAY_IP_HEADER } from './client-address';
import { templatesSchema } from './wechat-subscribe-sender';

/**
 * Configuration of the cloud functions, from the function's environment variables (cloudbaserc.json
 * `envVariables`), checked once per warm container before the first call is served.
 */
const json = <T extends z.ZodTypeAny>(inner: T) =>
  z.string().transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be JSON' });
      return z.NEVER;
    }
  }).pipe(inner);

const schema = z.object({
  /** The CloudBase environment id; inside a cloud function CloudBase sets it (TCB_ENV / SCF_NAMESPACE). */
  TCB_ENV: z.string().min(1).optional(),
  SCF_NAMESPACE: z.string().min(1).optional(),
  /** Prefixed to every collection name; empty in production. */
  JIEFANG_COLLECTION_PREFIX: z.string().regex(/^[a-z0-9_]*$/, 'lower-case letters, digits and _ only').default(''),
  /** Subscribe-message templates per notification kind (see README); unset: notices stay queued. */
  JIEFANG_WX_TEMPLATES: json(templatesSchema).optional(),
  /** The mini program's AppID: a call's identity (WX_APPID) and WeChat's pushes (appid) must name it. */
  JIEFANG_WX_APPID: z.string().regex(/^wx[0-9a-f]{16}$/, 'must be the mini program AppID, wx and 16 hex digits'),
  /** The mini program's original id (gh_…), when known: a push's ToUserName may name it instead of the AppID. */
  JIEFANG_WX_ORIGINAL_ID: z.string().regex(/^gh_[0-9A-Za-z]{6,32}$/, 'must be the original id, gh_ and letters or digits').optional(),
  /**
   * The request header in which CloudBase's HTTP access gateway gives Open311 the client's address; of a list
   * (X-Forwarded-For) the last value, the one the gateway appended, is taken.
   */
  JIEFANG_CLIENT_IP_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name').default(DEFAULT_GATEWAY_IP_HEADER),
  /**
   * The server secret that signs the short-lived check-in codes (HMAC-SHA256); the same in every function,
   * so a code shown by one container is checked by another. 32+ characters, e.g. `openssl rand -hex 32`.
   */
  JIEFANG_CODE_SECRET: z.string().min(32, 'must be 32 characters or more (e.g. openssl rand -hex 32)'),
  /** 街坊议事 (yishi): supports a proposal needs per town, `town:n,…` (server/topic-config.ts). */
  JIEFANG_TOPIC_SUPPORTS: topicSupportsSetting.optional(),
  /** Which mini-program version a subscribe message opens. */
  JIEFANG_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
});

export type CloudConfig = z.infer<typeof schema> & { envId: string };

export function loadCloudConfig(env: Record<string, string | undefined> = process.env): CloudConfig {
  // cloudbaserc.json fills unset `{{env.X}}` with '': an empty value means "not set".
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(set);
  const noEnv = set.TCB_ENV === undefined && set.SCF_NAMESPACE === undefined ? ['no CloudBase environment: TCB_ENV (or SCF_NAMESPACE inside a cloud function) is not set'] : [];
  if (!parsed.success) throw new Error(`invalid configuration: ${[...noEnv, ...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)].join('; ')}`);
  const envId = parsed.data.TCB_ENV ?? parsed.data.SCF_NAMESPACE;
  if (!envId) throw new Error(noEnv[0]);
  return { ...parsed.data, envId };
}
