import { loadConfig as load } from './config';

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
