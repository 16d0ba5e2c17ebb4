/**
 * `npm run mutate` only (jest `testSequencer`): while a mutant is tried, the files whose tests reach it
 * run before those that only load it, each group quickest first, so the first failure (./bail-runner.js
 * stops there) comes as cheaply as it can.
 */
const Sequencer = require('@jest/test-sequencer').default;
const { coveringFiles, activeMutant } = require('./covering-files');

module.exports = class ReachingThenQuickest extends Sequencer {
  sort(tests) {
    const record = activeMutant() ? coveringFiles() : null;
    if (!record) return super.sort(tests);
    const reaching = record.byTests.get(activeMutant()) ?? new Set();
    const group = (test) => (reaching.has(test.path) ? 0 : 1);
    const ms = (test) => record.ms.get(test.path) ?? Number.MAX_SAFE_INTEGER;
    return [...tests].sort((a, b) => group(a) - group(b) || ms(a) - ms(b) || a.path.localeCompare(b.path));
  }
};
