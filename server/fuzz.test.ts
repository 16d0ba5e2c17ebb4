/**
 * Fuzzing every action's input (fast-check): whatever a client sends, the router answers with a clear
 * code — never a crash, never an internal error — and a rejected call writes nothing.
 */
import fc from 'fast-check';
import { ACTION_FUNCTION, type ActionName } from '../core/actions';
import type { ConcernDetail } from '../core/views';
import { PEOPLE_BY_ROLE, SAMPLES } from './action-samples';
import { memberRef } from '../core/volunteers/volunteer-codes';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { rowCounts } from './store-snapshot';
import { GENEROUS_LIMITS } from './test-limits';
import { testClock } from './test-clock';

jest.setTimeout(120_000);

let rt: LocalRuntime;
let concernId: string;
beforeAll(async () => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
  concernId = ((await rt.router.call('concern', 'concern/submit', { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' }, I.resident)) as ConcernDetail).id;
});
afterAll(() => rt.close());

/** Values that stress validators: odd strings, huge numbers, nesting, prototype keys. */
const nasty = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'constructor', '../../etc/passwd', "'; DROP TABLE concerns; --", '😀'.repeat(600), 'x'.repeat(5000)),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, -1, 2 ** 53),
  fc.constant(undefined),
);

/** A valid sample with one field replaced, dropped or added. */
function mutated(sample: Record<string, unknown>) {
  const keys = Object.keys(sample);
  return fc.oneof(
    fc.record({ key: keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('id'), value: nasty }).map(({ key, value }) => ({ ...sample, [key]: value })),
    keys.length > 0 ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(sample).filter(([x]) => x !== k))) : fc.constant({}),
    fc.record({ key: fc.oneof(fc.string(), fc.constantFrom('openid', 'role', 'status', '__proto__')), value: nasty }).map(({ key, value }) => ({ ...sample, [key]: value })),
  );
}

const KNOWN = /^(ok|[A-Z_]+(\.[A-Z_]+)?)$/;

describe.each(Object.keys(ACTION_FUNCTION) as ActionName[])('%s', (action) => {
  it('answers any input with a clear code and writes nothing when it refuses', async () => {
    const sample = SAMPLES[action]({ concernId, memberId: memberRef(rt.deps, `${DEMO_TEAMS.daguo}_${I.resident2}`) });
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, mutated(sample)), fc.constantFrom(...Object.values(PEOPLE_BY_ROLE), I.resident), async (input, openid) => {
        const before = rowCounts(rt.store.db);
        const got = await rt.router.call(ACTION_FUNCTION[action], action, input, openid).then(
          () => 'ok',
          (e: unknown) => (e as { code?: string }).code ?? `crash: ${String(e)}`,
        );
        expect(got).toMatch(KNOWN);
        expect(got).not.toBe('INTERNAL');
        if (got !== 'ok') expect(rowCounts(rt.store.db)).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });
});
