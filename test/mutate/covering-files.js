/**
 * `npm run mutate` only: what record-coverage.js wrote during the dry run, read once per Stryker worker.
 * Maps each mutant to the test files that reach it, and each file to how long it took.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

/** Where record-coverage.js writes one record per test file (git-ignored). */
const COVERAGE_DIR = join(__dirname, '..', '..', '.mutate-coverage');
let loaded = null;

/**
 * `byMutant`: the files that reach each mutant; `byTests`: those among them whose tests reach it (rather
 * than only their module loading or hooks); `ms`: how long each file took.
 * @returns {{ byMutant: Map<string, Set<string>>, byTests: Map<string, Set<string>>, ms: Map<string, number> } | null}
 */
function coveringFiles() {
  if (loaded) return loaded;
  if (!existsSync(COVERAGE_DIR)) return null;
  const byMutant = new Map();
  const byTests = new Map();
  const ms = new Map();
  const add = (map, id, file) => {
    if (!map.has(id)) map.set(id, new Set());
    map.get(id).add(file);
  };
  for (const name of readdirSync(COVERAGE_DIR)) {
    const record = JSON.parse(readFileSync(join(COVERAGE_DIR, name), 'utf8'));
    ms.set(record.file, record.ms);
    for (const id of record.byTests) {
      add(byMutant, id, record.file);
      add(byTests, id, record.file);
    }
    for (const id of record.onLoad) add(byMutant, id, record.file);
  }
  loaded = { byMutant, byTests, ms };
  return loaded;
}

/** The mutant Stryker is trying in this run, or undefined in the dry run. */
function activeMutant() {
  return process.env.__STRYKER_ACTIVE_MUTANT__;
}

module.exports = { COVERAGE_DIR, coveringFiles, activeMutant };
