import { z } from 'zod';

/** Configuration of the local cloud, from the environment, checked once at start. See .env.example. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  JIEFANG_MODE: z.enum(['local', 'production']).default('local'),
  JIEFANG_DB: z.string().min(1).default('data/jiefang.db'),
  JIEFANG_SEED: z.enum(['demo', 'none']).default('demo'),
  JIEFANG_STATIC_DIR: z.string().min(1).default('dist-h5'),
  JIEFANG_SESSION_SECRET: z.string().min(16).optional(),
  JIEFANG_RATE_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  JIEFANG_RATE_SUBMITS_PER_HOUR: z.coerce.number().int().min(1).default(20),
  // The holiday lists moved into the store (calendar/save): a deployment that still sets them is told so.
  JIEFANG_HOLIDAYS: z.undefined({ invalid_type_error: 'no longer read: holiday lists are data now, entered by a district admin (calendar/save); unset it' }),
  JIEFANG_MAKEUP_WORKDAYS: z.undefined({ invalid_type_error: 'no longer read: make-up workdays are data now, entered by a district admin (calendar/save); unset it' }),
  JIEFANG_SLA_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A word-list file for the local content check (see server/default-word-list.ts). */
  JIEFANG_WORD_LIST: z.string().min(1).optional(),
  JIEFANG_IMAGE_BLOCKLIST: z.string().min(1).optional(),
  JIEFANG_CHECKIN_MARGIN_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
  JIEFANG_REMINDER_LEAD_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
});

export type ServerConfig = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  return parsed.data;
}
