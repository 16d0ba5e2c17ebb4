/**
 * @jest-environment node
 *
 * WeChat's own checks on the real weapp build (dist/, run `npm run build:weapp` first), through
 * miniprogram-ci offline: getCompiledResult (what an upload compiles), analyseCode (the module graph the
 * upload walks) and checkCodeQuality (DevTools' 代码质量 panel: sizes, compression, lazy code loading).
 * The project is signed with a throwaway RSA key; the network calls the tool makes (the upload whitelist,
 * getwhiteextlist) fail here and it falls back, so they are left out, not the checks. The package sizes it
 * reports are written to test-results/weapp-package-sizes.md, the source of the README's size table.
 * The tool runs in a child process (official-checks-child.ts), which exits when the checks are done: the
 * handles miniprogram-ci leaves open (a file watcher among them) end with it, so `npm test` needs no
 * --forceExit.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { OfficialChecks } from './official-checks-child';
import { DIST } from './harness';

const OUT = path.resolve(__dirname, '..', '..', 'test-results');
const MB = 1024 * 1024;

let checks: OfficialChecks;

/** Runs the checks in a child process (official-checks-child.ts): what miniprogram-ci leaves open ends with it. */
function runChecks(): Promise<OfficialChecks> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jiefang-checks-'));
  const outFile = path.join(dir, 'checks.json');
  const tsx = createRequire(__filename).resolve('tsx/cli');
  return new Promise<OfficialChecks>((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, path.join(__dirname, 'official-checks-child.ts'), DIST, outFile], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        if (code !== 0) throw new Error(`miniprogram-ci checks failed (exit ${String(code)}):\n${stderr.slice(-4000)}`);
        resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')) as OfficialChecks);
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error(`No weapp build at ${DIST}: run \`npm run build:weapp\` first.`);
  checks = await runChecks();
}, 600_000);

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

test('getCompiledResult compiles every page, component and file of the build without an error', () => {
  const files = checks.compiledFiles;
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as { pages: string[]; subPackages: { root: string; pages: string[] }[] };
  const pages = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
  for (const page of pages) for (const ext of ['js', 'json', 'wxml']) expect(files).toContain(`${page}.${ext}`);
  expect(files).toEqual(expect.arrayContaining(['app.js', 'app.json', 'app.wxss', 'base.wxml']));
  // Minified WXSS: no line breaks left in the app's stylesheet. (The WXML/WXSS compilers themselves are not
  // shipped with miniprogram-ci; WXML minification is checked by checkCodeQuality's WXML_COMPRESS_OPEN.)
  expect(checks.appWxss.length).toBeGreaterThan(0);
  expect(checks.appWxss).not.toContain('\n');
});

test('analyseCode finds no module error, and every page and subpackage of app.json in the graph', () => {
  const { modules } = checks;
  const broken = modules.filter((m) => (m.errors && m.errors.length > 0) || m.buildError).map((m) => ({ id: m.id, errors: m.errors, buildError: m.buildError }));
  expect(broken).toEqual([]);
  const ids = new Set(modules.map((m) => m.id));
  for (const page of ['pages/report/index', 'pages/concern/index', 'staff/pages/handle/index', 'volunteer/pages/event/index', 'account/pages/privacy/index']) {
    expect(ids.has(`Page:${page}.json`)).toBe(true);
  }
  expect(modules.filter((m) => m.type === 'SubPackage').map((m) => m.path).sort()).toEqual(['account/', 'staff/', 'volunteer/', 'yishi/']);
});

test('checkCodeQuality passes every check: package sizes within the limits, compression and lazy code loading on', () => {
  const items = checks.quality;
  const failed = items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`);
  expect(failed).toEqual([]);
  expect(items.map((i) => i.name)).toEqual(expect.arrayContaining(['PACKAGE_SIZE_LIMIT', 'JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN', 'LAZYCODE_LOADING_OPEN']));

  // The sizes, in bytes per package, against WeChat's limits as the tool knows them (MB).
  const sizes = items.find((i) => i.name === 'PACKAGE_SIZE_LIMIT')?.detail as Record<string, number>;
  const { MaxCodeSize, MaxSubpackageSubCodeSize, MaxSubpackageFullCodeSize } = checks.limits;
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
});
