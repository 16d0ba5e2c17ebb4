/**
 * `npm run mutate` only (jest `runner`): while a mutant is tried, the files run one by one and the run
 * stops at the first file with a failure — the mutant is killed, the rest would only cost time. Stryker
 * turns Jest's own `bail` off because it cannot be used through runCLI.
 */
const TestRunner = require('jest-runner').default;
const { activeMutant } = require('./covering-files');

module.exports = class BailOnFirstFailure extends TestRunner {
  async runTests(tests, watcher, options) {
    if (!activeMutant() || !options.serial) return super.runTests(tests, watcher, options);
    let failed = false;
    const offSuccess = this.on('test-file-success', ([, result]) => {
      if (result.numFailingTests > 0 || result.testExecError) failed = true;
    });
    const offFailure = this.on('test-file-failure', () => {
      failed = true;
    });
    try {
      for (const test of tests) {
        if (failed || watcher.isInterrupted()) break;
        await super.runTests([test], watcher, options);
      }
    } finally {
      offSuccess();
      offFailure();
    }
  }
};
