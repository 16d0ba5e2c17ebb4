/**
 * The node project of jest.config.js alone, for StrykerJS (`npm run mutate`): mutants of core/ are
 * judged by the node tests (core unit tests and the router/store integration tests), never by the
 * browser or simulator suites.
 *
 * Left out: tests that check the working tree or spawn programs rather than exercise core/. Inside
 * Stryker's sandbox (.stryker-tmp/sandbox-*) they fail or judge the wrong files, so the dry run would
 * stop before any mutant is tried, and they could not kill a mutant of core/ anyway:
 * - scripts/dependency-rules.test.ts runs dependency-cruiser and the globals check on the checkout
 *   (the sandbox holds the instrumented copies of core/, which break the rules' view of the tree);
 * - scripts/action-catalog.test.ts compares core/action-catalog.ts with what the declarations generate,
 *   and the sandbox's copy carries Stryker's `// @ts-nocheck` line.
 */
const { projects } = require('./jest.config.js');

const node = projects.find((p) => p.displayName === 'node');
module.exports = {
  ...node,
  rootDir: __dirname,
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/scripts/dependency-rules\\.test\\.ts$',
    '<rootDir>/scripts/action-catalog\\.test\\.ts$',
  ],
  // Speed, not judgement (test/mutate/): the dry run records which files reach each mutant; a mutant is
  // then tried against those files only, quickest first, and the run stops at the first failure.
  setupFilesAfterEnv: ['<rootDir>/test/mutate/record-coverage.js'],
  filter: '<rootDir>/test/mutate/filter.js',
  testSequencer: '<rootDir>/test/mutate/sequencer.js',
  runner: '<rootDir>/test/mutate/bail-runner.js',
};
