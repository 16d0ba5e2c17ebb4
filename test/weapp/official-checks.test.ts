/**
 * @jest-environment node
 *
 * WeChat's own checks on the real weapp build (dist/, run `npm run build:weapp` first), through
 * miniprogram-ci offline: getCompiledResult (what an upload compiles), analyseCode (the module graph the
 * upload walks) and checkCodeQuality (DevTools' 代码质量 panel: sizes, compression, lazy code loading).
 * The project is signed with a throwaway RSA key; the network calls the tool makes (the upload whitelist,
 * getwhiteextlist) fail here and it falls back, so they are left out, not the checks. The package sizes it
 * reports are written to test-results/weapp-package-sizes.md, the source of the README's size table.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { DIST } from './harness';

// analyseCode leaves a chokidar watcher on the project open (for DevTools' live analysis), which would keep
// Jest from exiting: record every watcher the tool opens, as the tool resolves chokidar, and close them after.
type Watcher = { close: () => Promise<void> | void };
const here = createRequire(__filename);
const chokidarPath = createRequire(here.resolve('miniprogram-ci')).resolve('chokidar');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const chokidar = require(chokidarPath) as { watch: (...args: unknown[]) => Watcher };
const watchers: Watcher[] = [];
const watch = chokidar.watch;
chokidar.watch = (...args: unknown[]) => {
  const w = watch(...args);
  watchers.push(w);
  return w;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const ci = require('miniprogram-ci') as MiniprogramCi;
// The tool's own defaults for the account's attributes, so it does not download them (TOOLCHAIN.md).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config') as { DefaultProjectAttr: ProjectAttr };

interface ProjectAttr {
  setting: { MaxCodeSize: number; MaxSubpackageSubCodeSize: number; MaxSubpackageFullCodeSize: number };
}
interface AnalysedModule {
  id: string;
  type: string;
  path: string;
  errors?: unknown[];
  buildError?: unknown;
}
interface QualityItem {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}
interface MiniprogramCi {
  Project: new (opts: Record<string, unknown>) => unknown;
  getCompiledResult: (opts: { project: unknown; setting: Record<string, boolean> }, zipPath?: string) => Promise<Record<string, string | Buffer>>;
  analyseCode: (project: unknown) => Promise<{ files: { path: string; size: number }[]; modules: AnalysedModule[] }>;
  checkCodeQuality: (project: unknown) => Promise<QualityItem[]>;
}

const OUT = path.resolve(__dirname, '..', '..', 'test-results');
const MB = 1024 * 1024;

let project: unknown;
let keyDir: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error(`No weapp build at ${DIST}: run \`npm run build:weapp\` first.`);
  keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-ci-'));
  // A throwaway upload key: the offline checks need one to construct the project, nothing is uploaded.
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPath = path.join(keyDir, 'private.key');
  fs.writeFileSync(privateKeyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  project = new ci.Project({
    appid: 'wx0000000000000000',
    type: 'miniProgram',
    projectPath: DIST,
    privateKeyPath,
    ignores: ['node_modules/**/*'],
    attr: async () => DefaultProjectAttr,
  });
});

afterAll(async () => {
  await Promise.all(watchers.map((w) => w.close()));
  fs.rmSync(keyDir, { recursive: true, force: true });
});

test('the dist project config is what DevTools and the CI read: root dist/, cloud functions one folder up, minified', () => {
  const cfg = JSON.parse(fs.readFileSync(path.join(DIST, 'project.config.json'), 'utf8')) as { miniprogramRoot: string; cloudfunctionRoot: string; setting: Record<string, boolean> };
  const root = JSON.parse(fs.readFileSync(path.resolve(DIST, '..', 'project.config.json'), 'utf8')) as typeof cfg;
  expect(cfg.miniprogramRoot).toBe('./');
  // Both project files name the same functions folder, each from where it lies.
  expect(path.resolve(DIST, cfg.cloudfunctionRoot)).toBe(path.resolve(DIST, '..', root.cloudfunctionRoot));
  expect(path.resolve(DIST, '..', root.miniprogramRoot)).toBe(DIST);
  expect({ ...cfg.setting }).toEqual({ ...root.setting });
  expect(cfg.setting).toEqual(expect.objectContaining({ minified: true, minifyWXML: true, minifyWXSS: true }));
});

test('the map marker icon is a file of the package, not a data: URI', () => {
  expect(fs.existsSync(path.join(DIST, 'assets', 'marker.png'))).toBe(true);
  const report = fs.readFileSync(path.join(DIST, 'pages', 'report', 'index.js'), 'utf8');
  expect(report).toContain('/assets/marker.png');
  expect(report).not.toContain('data:image/png');
});

test('getCompiledResult compiles every page, component and file of the build without an error', async () => {
  const compiled = await ci.getCompiledResult({ project, setting: { es6: false, minify: true, minifyWXML: true, minifyWXSS: true } });
  const files = Object.keys(compiled);
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
  const pages = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  for (const page of pages) for (const ext of ['js', 'json', 'wxml']) expect(files).toContain(`${page}.${ext}`);
  expect(files).toEqual(expect.arrayContaining(['app.js', 'app.json', 'app.wxss', 'base.wxml']));
  // Minified WXSS: no line breaks left in the app's stylesheet. (The WXML/WXSS compilers themselves are not
  // shipped with miniprogram-ci; WXML minification is checked by checkCodeQuality's WXML_COMPRESS_OPEN.)
  expect(String(compiled['app.wxss'])).not.toContain('\n');
}, 240_000);

test('analyseCode finds no module error, and every page and subpackage of app.json in the graph', async () => {
  const { modules } = await ci.analyseCode(project);
  const broken = modules.filter((m) => (m.errors && m.errors.length > 0) || m.buildError).map((m) => ({ id: m.id, errors: m.errors, buildError: m.buildError }));
  expect(broken).toEqual([]);
  const ids = new Set(modules.map((m) => m.id));
  for (const page of ['pages/report/index', 'pages/concern/index', 'staff/pages/handle/index', 'volunteer/pages/event/index', 'account/pages/privacy/index']) {
    expect(ids.has(`Page:${page}.json`)).toBe(true);
  }
  expect(modules.filter((m) => m.type === 'SubPackage').map((m) => m.path).sort()).toEqual(['account/', 'staff/', 'volunteer/']);
}, 240_000);

test('checkCodeQuality passes every check: package sizes within the limits, compression and lazy code loading on', async () => {
  const items = await ci.checkCodeQuality(project);
  const failed = items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`);
  expect(failed).toEqual([]);
  expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN']));

  // The sizes, in bytes per package, against WeChat's limits as the tool knows them (MB).
  const sizes = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number>;
  const { MaxCodeSize, MaxSubpackageSubCodeSize, MaxSubpackageFullCodeSize } = DefaultProjectAttr.setting;
  const { __APP__: main, ...subs } = sizes;
  expect(main).toBeLessThanOrEqual(MaxCodeSize * MB);
  for (const size of Object.values(subs)) expect(size).toBeLessThanOrEqual(MaxSubpackageSubCodeSize * MB);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  expect(total).toBeLessThanOrEqual(MaxSubpackageFullCodeSize * MB);

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [
    ['main package', kb(main), `≤ ${MaxCodeSize * 1024} KB`],
    ...Object.entries(subs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([root, size]) => [`subpackage ${root}`, kb(size), `≤ ${MaxSubpackageSubCodeSize * 1024} KB`]),
    ['whole app', kb(total), `≤ ${MaxSubpackageFullCodeSize * 1024} KB`],
  ];
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(
    path.join(OUT, 'weapp-package-sizes.md'),
    ['| package (miniprogram-ci checkCodeQuality) | size | WeChat limit |', '|---|---|---|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n') + '\n',
  );
}, 240_000);
