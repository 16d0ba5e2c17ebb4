import { topicSupportsSetting } from './topic-config';
import path from 'node:path';
import { z } from 'zod';
import { ORIGIN_RE } from './http-security';

/** Origins (scheme://host[:port]) as browsers send them, comma-separated; `*` is not an origin. */
const originList = z
  .string()
  .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
  .pipe(z.array(z.string().regex(ORIGIN_RE, 'origins must be scheme://host[:port], lower-case, comma-separated (never *)')));

/** Configuration of the local cloud, from the environment, checked once at start. See .env.example. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  JIEFANG_MODE: z.enum(['local', 'production']).default('local'),
  JIEFANG_DB: z.string().min(1).default('data/jiefang.db'),
  /** Unset: `demo` in local mode, `none` in production (where `demo` is refused, see below). */
  JIEFANG_SEED: z.enum(['demo', 'none']).optional(),
  JIEFANG_STATIC_DIR: z.string().min(1).default('dist-h5'),
  JIEFANG_SESSION_SECRET: z.string().min(16).optional(),
  /** Lifetime of a dev-login session token. */
  JIEFANG_SESSION_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  JIEFANG_RATE_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  JIEFANG_RATE_SUBMITS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  // The holiday lists moved into the store (calendar/save): a deployment that still sets them is told so.
  JIEFANG_HOLIDAYS: z.undefined({ invalid_type_error: 'no longer read: holiday lists are data now, entered by a district admin (calendar/save); unset it' }),
  JIEFANG_MAKEUP_WORKDAYS: z.undefined({ invalid_type_error: 'no longer read: make-up workdays are data now, entered by a district admin (calendar/save); unset it' }),
  /** API requests of any kind (reads too) per person a minute, or per address before sign-in. */
  JIEFANG_RATE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Pages of these origins may call the API besides the page's own (e.g. the H5 dev server). */
  JIEFANG_ALLOWED_ORIGINS: originList.optional(),
  JIEFANG_SLA_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A word-list file for the local content check (see server/default-word-list.ts). */
  JIEFANG_WORD_LIST: z.string().min(1).optional(),
  JIEFANG_IMAGE_BLOCKLIST: z.string().min(1).optional(),
  /** 街坊议事 (yishi): supports a proposal needs per town, `town:n,…` (server/topic-config.ts). */
  JIEFANG_TOPIC_SUPPORTS: topicSupportsSetting.optional(),
  /** Behind a reverse proxy: the header it writes the client's address into (of a list, the last value). Unset: the socket's address. */
  JIEFANG_CLIENT_IP_HEADER: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name').optional(),
  JIEFANG_CHECKIN_MARGIN_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
  JIEFANG_REMINDER_LEAD_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
  /** Hours between the server's backups of the database (0: none). See README, Backups. */
  JIEFANG_BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(24 * 7).default(24),
  /** Folder of the backups; default `backups/` beside the database. */
  JIEFANG_BACKUP_DIR: z.string().min(1).optional(),
  /** How many backups are kept (the oldest are removed). */
  JIEFANG_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
});

/**
 * Rules across keys: a production server never holds demo people or demo Open311 keys, and its
 * sessions survive a restart only as long as they are signed with a secret of its own.
 */
const checked = schema
  .superRefine((c, ctx) => {
    if (c.JIEFANG_MODE !== 'production') return;
    if (c.JIEFANG_SEED === 'demo') ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['JIEFANG_SEED'], message: 'demo data (demo people, demo Open311 keys) is refused in production mode; use none' });
    if (c.JIEFANG_SESSION_SECRET === undefined) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['JIEFANG_SESSION_SECRET'], message: 'required in production mode (16+ characters)' });
  })
  .transform((c) => ({ ...c, JIEFANG_SEED: c.JIEFANG_SEED ?? (c.JIEFANG_MODE === 'production' ? 'none' : 'demo') }));

export type ServerConfig = z.output<typeof checked>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = checked.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  return parsed.data;
}

/** Where the backups of the database go. */
export function backupDir(config: ServerConfig): string {
  return config.JIEFANG_BACKUP_DIR ?? path.join(path.dirname(path.resolve(config.JIEFANG_DB)), 'backups');
}
