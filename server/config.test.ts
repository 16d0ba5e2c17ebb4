import { DEFAULT_CALENDAR } from '../core/sla';
import { backupDir, loadConfig as load, slaConfig } from './config';

const loadConfig = (env: Record<string, string>) => load(env as NodeJS.ProcessEnv);

describe('the SLA settings of the local cloud', () => {
  it('use the built-in holiday calendar by default and run the job every minute', () => {
    const config = loadConfig({});
    expect(slaConfig(config).calendar).toEqual(DEFAULT_CALENDAR);
    expect(config.JIEFANG_SLA_EVERY_SECONDS).toBe(60);
  });

  it('take holiday and make-up workday lists from the environment', () => {
    const config = loadConfig({ JIEFANG_HOLIDAYS: '2027-01-01, 2027-02-08', JIEFANG_MAKEUP_WORKDAYS: '2027-02-13' });
    expect(slaConfig(config).calendar).toMatchObject({ holidays: ['2027-01-01', '2027-02-08'], makeupWorkdays: ['2027-02-13'] });
  });

  it('refuse a malformed date at start', () => {
    expect(() => loadConfig({ JIEFANG_HOLIDAYS: '2027-1-1' })).toThrow(/JIEFANG_HOLIDAYS/);
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
