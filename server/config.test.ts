import { backupDir, loadConfig as load } from './config';

const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv);

describe('the SLA settings of the local cloud', () => {
  it('run the job every minute by default', () => {
    expect(loadConfig({}).JIEFANG_SLA_EVERY_SECONDS).toBe(60);
  });

  it('refuse the old holiday variables at start, since the lists are data entered in the app now', () => {
    expect(() => loadConfig({ JIEFANG_HOLIDAYS: '2027-01-01' })).toThrow(/JIEFANG_HOLIDAYS: no longer read/);
    expect(() => loadConfig({ JIEFANG_MAKEUP_WORKDAYS: '2027-02-13' })).toThrow(/JIEFANG_MAKEUP_WORKDAYS: no longer read/);
  });
});

describe('the backup settings of the local cloud', () => {
  it('back up daily into backups/ beside the database and keep seven by default', () => {
    const config = loadConfig({ JIEFANG_DB: '/srv/jiefang/jiefang.db' });
    expect([config.JIEFANG_BACKUP_EVERY_HOURS, config.JIEFANG_BACKUP_KEEP, backupDir(config)]).toEqual([24, 7, '/srv/jiefang/backups']);
    expect(backupDir(loadConfig({ JIEFANG_BACKUP_DIR: '/mnt/backup' }))).toBe('/mnt/backup');
  });

  it('refuse a negative interval or keeping no backup at start', () => {
    expect(() => loadConfig({ JIEFANG_BACKUP_EVERY_HOURS: '-1' })).toThrow(/JIEFANG_BACKUP_EVERY_HOURS/);
    expect(() => loadConfig({ JIEFANG_BACKUP_KEEP: '0' })).toThrow(/JIEFANG_BACKUP_KEEP/);
  });
});
