import { z } from 'zod';
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
  /** Which mini-program version a subscribe message opens. */
  JIEFANG_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
});

export type CloudConfig = z.infer<typeof schema> & { envId: string };

export function loadCloudConfig(env: Record<string, string | undefined> = process.env): CloudConfig {
  // cloudbaserc.json fills unset `{{env.X}}` with '': an empty value means "not set".
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')));
  if (!parsed.success) throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const envId = parsed.data.TCB_ENV ?? parsed.data.SCF_NAMESPACE;
  if (!envId) throw new Error('no CloudBase environment: TCB_ENV (or SCF_NAMESPACE inside a cloud function) is not set');
  return { ...parsed.data, envId };
}
