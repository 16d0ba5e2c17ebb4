/**
 * `npm run mutate` only (jest.mutate.config.js): during Stryker's dry run, records which mutants each
 * test file covers, so that a mutant is later tried against those files alone (./covering-files.js).
 *
 * Stryker's instrumented code counts, on the shared `__stryker__` object, how often each mutant was
 * reached: per test while a test runs, in `static` while modules load or hooks run. A file covers the
 * mutants its tests reached and those whose static count grew while it ran.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

type Counts = Record<string, number>;
interface StrykerContext {
  currentTestId?: string;
  mutantCoverage?: { static: Counts; perTest: Record<string, Counts> };
}

const root = globalThis as unknown as Record<string, unknown> & { __strykerGlobalNamespace__?: string };
const ctx = root[root.__strykerGlobalNamespace__ ?? '__stryker__'] as StrykerContext | undefined;

if (ctx && !process.env.__STRYKER_ACTIVE_MUTANT__) {
  const staticBefore: Counts = { ...(ctx.mutantCoverage?.static ?? {}) };
  const testIds = new Set<string>();
  const started = Date.now();

  afterEach(() => {
    if (ctx.currentTestId) testIds.add(ctx.currentTestId);
  });

  afterAll(() => {
    const coverage = ctx.mutantCoverage ?? { static: {}, perTest: {} };
    // `byTests`: reached while one of this file's tests ran; `onLoad`: only while modules loaded or hooks ran.
    const byTests = new Set<string>();
    for (const test of testIds) for (const id of Object.keys(coverage.perTest[test] ?? {})) byTests.add(id);
    const onLoad = Object.keys(coverage.static).filter((id) => coverage.static[id] !== staticBefore[id] && !byTests.has(id));
    const file = expect.getState().testPath ?? '';
    const dir = join(__dirname, '..', '..', '.mutate-coverage');
    mkdirSync(dir, { recursive: true });
    const name = createHash('sha1').update(file).digest('hex').slice(0, 16);
    writeFileSync(join(dir, `${name}.json`), JSON.stringify({ file, ms: Date.now() - started, byTests: [...byTests], onLoad }));
  });
}
