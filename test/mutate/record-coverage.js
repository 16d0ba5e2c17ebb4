/**
 * `npm run mutate` only (jest.mutate.config.js): during Stryker's dry run, records which mutants each
 * test file covers, so that a mutant is later tried against those files alone (./covering-files.js).
 *
 * Stryker's instrumented code counts, on the shared `__stryker__` object, how often each mutant was
 * reached: per test while a test runs, in `static` while modules load or hooks run. A file covers the
 * mutants its tests reached and those whose static count grew while it ran.
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { COVERAGE_DIR, activeMutant } = require('./covering-files');

const ctx = globalThis[globalThis.__strykerGlobalNamespace__ ?? '__stryker__'];

if (ctx && !activeMutant()) {
  const staticBefore = { ...(ctx.mutantCoverage?.static ?? {}) };
  const testIds = new Set();
  const started = Date.now();

  afterEach(() => {
    if (ctx.currentTestId) testIds.add(ctx.currentTestId);
  });

  afterAll(() => {
    const coverage = ctx.mutantCoverage ?? { static: {}, perTest: {} };
    // `byTests`: reached while one of this file's tests ran; `onLoad`: only while modules loaded or hooks ran.
    const byTests = new Set();
    for (const test of testIds) for (const id of Object.keys(coverage.perTest[test] ?? {})) byTests.add(id);
    const onLoad = Object.keys(coverage.static).filter((id) => coverage.static[id] !== staticBefore[id] && !byTests.has(id));
    const file = expect.getState().testPath ?? '';
    mkdirSync(COVERAGE_DIR, { recursive: true });
    const name = createHash('sha1').update(file).digest('hex').slice(0, 16);
    writeFileSync(join(COVERAGE_DIR, `${name}.json`), JSON.stringify({ file, ms: Date.now() - started, byTests: [...byTests], onLoad }));
  });
}
