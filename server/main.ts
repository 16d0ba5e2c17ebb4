/** `npm start`: the local cloud on one port — the H5 build, the action router, the dev login. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { backupDir, loadConfig } from './config';
import { DEMO_LOGIN_ORDER } from './demo-data';
import { createHttpServer } from './http-server';
import { WordListContentCheck } from './local-content-check';
import { LocalImageCheck } from './local-image-check';
import { createLocalRuntime } from './local-runtime';
import { listBackups, scheduleBackups } from './sqlite-backup';
import { DatabaseRefusedError } from './sqlite-durability';

const ROLE_TEXT: Record<string, string> = { resident: '居民', leader: '志愿队长', staff: '网格员/社委', office: '镇职能办', admin: '管理员' };

function main(): void {
  const config = loadConfig();
  if (config.JIEFANG_DB !== ':memory:') mkdirSync(path.dirname(path.resolve(config.JIEFANG_DB)), { recursive: true });
  // A missing database with backups beside it is a lost file, not a first start: never a fresh demo install.
  if (config.JIEFANG_DB !== ':memory:' && !existsSync(config.JIEFANG_DB) && listBackups(backupDir(config)).length > 0) {
    throw new DatabaseRefusedError(config.JIEFANG_DB, `the file is missing, but backups of it exist in ${backupDir(config)}`, `Restore the newest: npm run restore -- --latest (or move the backups away to begin an empty install).`);
  }
  const dataDir = config.JIEFANG_DB === ':memory:' ? path.resolve('data') : path.dirname(path.resolve(config.JIEFANG_DB));
  const rt = createLocalRuntime({
    dbPath: config.JIEFANG_DB,
    seed: config.JIEFANG_SEED,
    now: () => new Date(),
    sessionSecret: config.JIEFANG_SESSION_SECRET,
    sessionHours: config.JIEFANG_SESSION_HOURS,
    rateLimits: { writesPerMinute: config.JIEFANG_RATE_WRITES_PER_MINUTE, submitsPerHour: config.JIEFANG_RATE_SUBMITS_PER_HOUR },
    volunteer: { checkinMarginMinutes: config.JIEFANG_CHECKIN_MARGIN_MINUTES, reminderLeadMinutes: config.JIEFANG_REMINDER_LEAD_MINUTES },
    uploadsDir: path.join(dataDir, 'uploads'),
    ...(config.JIEFANG_WORD_LIST ? { contentCheck: WordListContentCheck.fromFile(config.JIEFANG_WORD_LIST) } : {}),
    ...(config.JIEFANG_TOPIC_SUPPORTS ? { topicSupports: config.JIEFANG_TOPIC_SUPPORTS } : {}),
    ...(config.JIEFANG_IMAGE_BLOCKLIST ? { imageBlocklist: LocalImageCheck.parse(readFileSync(config.JIEFANG_IMAGE_BLOCKLIST, 'utf8')) } : {}),
  });
  const server = createHttpServer(rt, {
    mode: config.JIEFANG_MODE,
    staticDir: config.JIEFANG_STATIC_DIR,
    ...(config.JIEFANG_CLIENT_IP_HEADER ? { clientIpHeader: config.JIEFANG_CLIENT_IP_HEADER } : {}),
    allowedOrigins: config.JIEFANG_ALLOWED_ORIGINS ?? [],
    requestsPerMinute: config.JIEFANG_RATE_REQUESTS_PER_MINUTE,
  });
  rt.startJobs(1000, config.JIEFANG_SLA_EVERY_SECONDS * 1000);
  const backups =
    config.JIEFANG_DB === ':memory:' || config.JIEFANG_BACKUP_EVERY_HOURS === 0
      ? null
      : scheduleBackups({ db: rt.store.db, dir: backupDir(config), everyMs: config.JIEFANG_BACKUP_EVERY_HOURS * 3_600_000, keep: config.JIEFANG_BACKUP_KEEP, now: () => new Date(), log: (l) => console.log(`[jiefang] ${l}`) });
  server.listen(config.PORT, config.HOST, () => void printBanner());
  // Rejections of the banner stay unhandled, as they were when it was the listen callback itself.
  async function printBanner() {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
    const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST;
    console.log(`\n街坊 Jiefang local cloud is running (${config.JIEFANG_MODE} mode, database ${config.JIEFANG_DB})`);
    console.log(`  App:    http://${host}:${port}/`);
    console.log(`  Health: http://${host}:${port}/healthz`);
    if (config.JIEFANG_MODE === 'local') {
      console.log('\nDemo identities (pick one on the login page; demo people and numbers are synthetic):');
      for (const openid of DEMO_LOGIN_ORDER) {
        const p = (await rt.router.call('concern', 'me/profile', {}, openid)) as { name: string; role: string; nodeName: string | null };
        console.log(`  ${openid.padEnd(26)} ${p.name}（${ROLE_TEXT[p.role] ?? p.role}）${p.nodeName ? ' · ' + p.nodeName : ''}`);
      }
    }
    console.log('\nPress Ctrl+C to stop.');
  }
  const stop = () => {
    server.close();
    void (backups?.stop() ?? Promise.resolve()).then(() => rt.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  main();
} catch (e: unknown) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
