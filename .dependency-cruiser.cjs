/**
 * The dependency rules of the layout (`npm run lint`, with scripts/check-globals.ts for what is no import).
 * Paths are relative to the repository root. Tests may reach across (they wire fakes), so most rules
 * leave `*.test.ts` out.
 */
const TESTS = '\\.test\\.tsx?$';
/** The pure part of core/ the mini program may import at run time (plain data and pure functions). */
const CLIENT_KERNEL = '^core/(action-catalog|limits|labels|beijing|errors|concerns/lifecycle|topics/topic-model)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ imports only core/ and zod: no platform SDK, no Node built-in, no I/O library.',
      severity: 'error',
      from: { path: '^core/', pathNot: TESTS },
      to: { pathNot: ['^core/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'core-no-dynamic-import',
      comment: 'core/ loads nothing at run time: no import(), no require().',
      severity: 'error',
      from: { path: '^core/', pathNot: TESTS },
      to: { dependencyTypes: ['dynamic-import', 'require', 'exotic-require'] },
    },
    {
      name: 'src-reaches-the-backend-through-the-api-client',
      comment:
        'The mini program never imports the backend (server/, cloudfunctions/, the store SDKs); it calls actions through src/services/api.ts.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: ['^server/', '^cloudfunctions/', '^scripts/', '(^|/)node_modules/(better-sqlite3|@cloudbase/node-sdk|wx-server-sdk|@cloudbase/manager-node)/'] },
    },
    {
      name: 'src-imports-core-types-only',
      comment: 'At run time the mini program takes from core/ only the generated action catalogue, the labels (plain data), the Beijing-time kernel and the concern lifecycle (pure functions); the rest is `import type`, so schemas and server code never reach the bundle.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: '^core/', pathNot: CLIENT_KERNEL, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'client-kernel-stays-pure',
      comment: 'What the mini program may import from core/ at run time imports, at run time, only itself: the action catalogue is generated plain data (scripts/gen-action-catalog.ts), never the declarations and their handlers.',
      severity: 'error',
      from: { path: CLIENT_KERNEL },
      to: { pathNot: CLIENT_KERNEL, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'backend-never-imports-the-mini-program',
      severity: 'error',
      from: { path: '^(core|server|cloudfunctions|scripts)/' },
      to: { path: '^src/' },
    },
    {
      name: 'cloudbase-store-never-imports-sqlite',
      comment: 'The CloudBase store (server/cloudbase/ and each aggregate\'s server/store/<aggregate>/cloudbase-*.ts) and the cloud functions run without SQLite: no better-sqlite3, no SQLite store module, no local server.',
      severity: 'error',
      from: { path: ['^(server/cloudbase|cloudfunctions)/', '^server/store/[^/]+/cloudbase-'], pathNot: TESTS },
      to: { path: ['(^|/)node_modules/better-sqlite3/', '^server/(sqlite-|local-|http-server)', '^server/store/[^/]+/sqlite-'] },
    },
    {
      name: 'no-runtime-cycles',
      comment: 'No module depends on itself at run time. (Type-only cycles remain in core/: a service types its input by action name through core/action-registry.ts, which imports the declarations and so the services; see the README.)',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist', '^test-results/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
