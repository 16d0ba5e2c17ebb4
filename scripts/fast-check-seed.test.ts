import fc from 'fast-check';
import { DEFAULT_FC_SEED, fastCheckSeed } from '../test/fast-check-seed';

describe('the seed of the property tests', () => {
  it('is fixed by default, so every run tries the same inputs', () => {
    expect(fastCheckSeed({})).toEqual({ seed: DEFAULT_FC_SEED, chosen: false });
    expect(fastCheckSeed({ FC_SEED: ' ' })).toEqual({ seed: DEFAULT_FC_SEED, chosen: false });
  });

  it('replays the seed a failure printed', () => {
    expect(fastCheckSeed({ FC_SEED: '-1234567' })).toEqual({ seed: -1234567, chosen: false });
  });

  it('explores with a random seed when asked, and says it chose it', () => {
    expect(fastCheckSeed({ FC_SEED: 'random' }, () => 0.5)).toEqual({ seed: 2 ** 30, chosen: true });
  });

  it('refuses a seed that is not an integer', () => {
    expect(() => fastCheckSeed({ FC_SEED: '12abc' })).toThrow('FC_SEED must be an integer or "random", not "12abc"');
    expect(() => fastCheckSeed({ FC_SEED: '1.5' })).toThrow('FC_SEED must be an integer');
  });

  it('is the seed every property of this run uses, and a failure reports it for the replay', () => {
    const configured = fc.readConfigureGlobal().seed;
    expect(Number.isInteger(configured)).toBe(true);
    if (process.env.FC_SEED !== 'random') expect(configured).toBe(fastCheckSeed(process.env).seed);
    const run = fc.check(fc.property(fc.integer(), (n) => n < 100));
    expect(run.failed).toBe(true);
    expect(run.seed).toBe(configured);
    // The same seed finds the same counterexample again.
    expect(fc.check(fc.property(fc.integer(), (n) => n < 100), { seed: run.seed }).counterexample).toEqual(run.counterexample);
  });
});
