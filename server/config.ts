import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_CALENDAR, DEFAULT_SLA, type SlaConfig } from '../core/sla';

const dateList = z
  .string()
  .transform((v) => v.split(',').map((d) => d.trim()).filter((d) => d.length > 0))
  .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be YYYY-MM-DD, comma-separated')));

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
  JIEFANG_HOLIDAYS: dateList.optional(),
  JIEFANG_MAKEUP_WORKDAYS: dateList.optional(),
  JIEFANG_SLA_EVERY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** A word-list file for the local content check (see server/default-word-list.ts). */
  JIEFANG_WORD_LIST: z.string().min(1).optional(),
  JIEFANG_IMAGE_BLOCKLIST: z.string().min(1).optional(),
  JIEFANG_CHECKIN_MARGIN_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(30),
  JIEFANG_REMINDER_LEAD_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(24 * 60),
  /** Hours between the server's backups of the database (0: none). See README, Backups. */
  JIEFANG_BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(24 * 7).default(24),
  /** Folder of the backups; default `backups/` beside the database. */
  JIEFANG_BACKUP_DIR: z.string().min(1).optional(),
  /** How many backups are kept (the oldest are removed). */
  JIEFANG_BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
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

/** SLA clocks from the configuration: the built-in calendar unless the holiday lists are set. */
export function slaConfig(config: ServerConfig): SlaConfig {
  return {
    ...DEFAULT_SLA,
    calendar: {
      ...DEFAULT_CALENDAR,
      holidays: config.JIEFANG_HOLIDAYS ?? DEFAULT_CALENDAR.holidays,
      makeupWorkdays: config.JIEFANG_MAKEUP_WORKDAYS ?? DEFAULT_CALENDAR.makeupWorkdays,
    },
  };
}

/** Where the backups of the database go. */
export function backupDir(config: ServerConfig): string {
  return config.JIEFANG_BACKUP_DIR ?? path.join(path.dirname(path.resolve(config.JIEFANG_DB)), 'backups');
}
