/**
 * `npm run backup`: a backup of the local database, taken while the server runs (SQLite's online backup),
 * checked and kept in the backup folder (the newest JIEFANG_BACKUP_KEEP). `npm run backup -- --list` lists them.
 *
 *   JIEFANG_DB=data/jiefang.db npm run backup [-- --to <folder>] [-- --list]
 */
import { backupDir, loadConfig } from '../server/config';
import { backupFile, listBackups } from '../server/sqlite-backup';
import { isMain } from './is-main';

export async function runBackup(argv: readonly string[], env: NodeJS.ProcessEnv, now: () => Date, out: (line: string) => void): Promise<void> {
  const config = loadConfig(env);
  const to = argv.indexOf('--to');
  const dir = to >= 0 && argv[to + 1] ? argv[to + 1] : backupDir(config);
  if (argv.includes('--list')) {
    const all = listBackups(dir);
    if (all.length === 0) out(`no backups in ${dir}`);
    for (const b of all) out(`${b.file}  ${b.takenAt}  ${(b.bytes / 1024).toFixed(0)} KB`);
    return;
  }
  const b = await backupFile(config.JIEFANG_DB, dir, now(), config.JIEFANG_BACKUP_KEEP);
  out(`backup of ${config.JIEFANG_DB} written to ${b.file} (${(b.bytes / 1024).toFixed(0)} KB, checked)`);
  out(`restore it with: npm run restore -- ${b.file}`);
}

if (isMain(__filename)) {
  runBackup(process.argv.slice(2), process.env, () => new Date(), (l) => console.log(l)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
