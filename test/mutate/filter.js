/**
 * `npm run mutate` only (jest `filter`): a mutant is tried against the test files that reach it, not
 * every file that imports its module (Stryker's findRelatedTests). Without a record, every file runs.
 */
const { coveringFiles, activeMutant } = require('./covering-files');

module.exports = (testPaths) => {
  const id = activeMutant();
  const files = id ? coveringFiles()?.byMutant.get(id) : undefined;
  const covering = files ? testPaths.filter((path) => files.has(path)) : [];
  // A mutant no recorded file reaches (there should be none) is tried against every related file.
  const kept = covering.length > 0 ? covering : testPaths;
  return { filtered: kept.map((test) => ({ test })) };
};
