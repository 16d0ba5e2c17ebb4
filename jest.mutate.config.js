/**
 * The node project of jest.config.js alone, for StrykerJS (`npm run mutate`): mutants of core/ are
 * judged by the node tests (core unit tests and the router/store integration tests), never by the
 * browser or simulator suites.
 */
const { projects } = require('./jest.config.js');

const node = projects.find((p) => p.displayName === 'node');
module.exports = { ...node, rootDir: __dirname };
