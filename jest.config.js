/**
 * Three kinds of tests, one runner:
 * - node: core unit tests and integration tests through the router on SQLite (beside the code);
 * - weapp: the real weapp build loaded in miniprogram-simulate (jsdom);
 * - e2e: the H5 build driven in Debian's Chromium through the local server.
 * `npm test` builds both targets first, so the weapp and e2e projects test what ships.
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2021' } }];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/core', '<rootDir>/server', '<rootDir>/cloudfunctions', '<rootDir>/scripts', '<rootDir>/src/services'],
      testMatch: ['**/*.test.ts'],
      // The CloudBase SDK's "am I in Tencent Cloud?" lookup fails at once, as off-cloud (see the file).
      // Property tests run with a known seed (test/fast-check-seed.ts: FC_SEED=<n> replays, FC_SEED=random explores).
      setupFiles: ['<rootDir>/test/fakes/offline-metadata.ts', '<rootDir>/test/fast-check-seed.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
    {
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/weapp'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
  ],
};
