import { DEFAULT_CALENDAR } from '../core/sla';
import { loadConfig as load, slaConfig } from './config';

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
