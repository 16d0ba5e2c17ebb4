/**
 * `npm run restore -- <backup file>` (or `-- --latest`): restores a backup as the local database. The server
 * must be stopped; the backup is checked whole first; the database it replaces is kept beside it as
 * `<db>.before-restore-<time>`, never deleted.
 *
 *   JIEFANG_DB=data/jiefang.db npm run restore -- data/backups/jiefang-20261201T020000Z.db
 */
import { backupDir, loadConfig } from '../server/config';
import { listBackups, restoreDatabase } from '../server/sqlite-backup';
import { isMain } from './is-main';

export function runRestore(argv: readonly string[], env: NodeJS.ProcessEnv, now: () => Date, out: (line: string) => void): void {
  const config = loadConfig(env);
  const arg = argv.find((a) => !a.startsWith('--'));
  const backup = argv.includes('--latest') ? listBackups(backupDir(config))[0]?.file : arg;
  if (!backup) throw new Error(`name a backup file (npm run restore -- <file>) or --latest; backups: npm run backup -- --list (${backupDir(config)})`);
  const r = restoreDatabase(backup, config.JIEFANG_DB, now());
  out(`restored ${backup} as ${r.restored} (${r.concerns} concerns)`);
  for (const p of r.keptAside) out(`kept the replaced file as ${p}`);
}

if (isMain(__filename)) {
  try {
    runRestore(process.argv.slice(2), process.env, () => new Date(), (l) => console.log(l));
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
