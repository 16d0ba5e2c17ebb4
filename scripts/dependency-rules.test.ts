/**
 * The dependency rules (`npm run lint`): dependency-cruiser's rules in .dependency-cruiser.cjs and the
 * globals check, each tried on a small tree of files that break them and files that do not.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { globalUses, transportUses } from './check-globals';

const ROOT = path.resolve(__dirname, '..');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jiefang-deps-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the dependency-cruiser rules', () => {
  let violations: Array<{ rule: string; from: string; to: string }>;
  beforeAll(() => {
    const dir = tree({
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'esnext', moduleResolution: 'bundler', strict: true } }),
      'core/other.ts': 'export const other = 1;\n',
      'core/pure.ts': "import { z } from 'zod';\nimport { other } from './other';\nexport const s = z.number().default(other);\n",
      'core/fs.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
      'core/server-type.ts': "import type { Thing } from '../server/thing';\nexport type T = Thing;\n",
      'core/dynamic.ts': "export const load = () => import('./other');\n",
      'core/action-catalog.ts': "import type { T } from './server-type';\nexport const ACTION_FUNCTION: Record<string, T | string> = {};\n",
      'core/concerns/lifecycle.ts': "import { schemas } from '../schemas';\nexport const open = [schemas];\n",
      'core/schemas.ts': 'export const schemas = {};\n',
      'src/page.ts': [
        "import { ACTION_FUNCTION } from '../core/action-catalog';",
        "import { open } from '../core/concerns/lifecycle';",
        "import type { T } from '../core/server-type';",
        "import { schemas } from '../core/schemas';",
        "import { thing } from '../server/thing';",
        'export const page: [unknown, T | null, unknown, unknown, unknown] = [ACTION_FUNCTION, null, schemas, thing, open];',
        '',
      ].join('\n'),
      'server/thing.ts': "import { page } from '../src/page';\nexport interface Thing { id: string }\nexport const thing = () => page;\n",
      'server/sqlite-store.ts': 'export class SqliteStore {}\n',
      'server/cloudbase/store.ts': "import Database from 'better-sqlite3';\nimport { SqliteStore } from '../sqlite-store';\nexport const s = [Database, SqliteStore];\n",
      'server/store/board/sqlite-board.ts': 'export class SqliteBoard {}\n',
      'server/store/board/cloudbase-board.ts': "import { SqliteBoard } from './sqlite-board';\nexport const b = SqliteBoard;\n",
      'server/types-a.ts': "import type { B } from './types-b';\nexport interface A { b: B | null }\n",
      'server/types-b.ts': "import type { A } from './types-a';\nexport interface B { a: A | null }\n",
    });
    dirs.push(dir);
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
    let out: string;
    try {
      out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'core', 'src', 'server', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    } catch (e) {
      out = (e as { stdout: string }).stdout; // it exits non-zero when rules are broken, as here
    }
    const result = JSON.parse(out) as { summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> } };
    violations = result.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to.replace(/^.*node_modules\//, 'node_modules/') }));
  }, 60_000);
  const broken = (rule: string) => violations.filter((v) => v.rule === rule).map((v) => `${v.from} → ${v.to}`).sort();

  it('keep core/ pure: zod and core/ only, no Node built-in, nothing outside, nothing loaded at run time', () => {
    expect(broken('core-is-pure')).toEqual(['core/fs.ts → fs', 'core/server-type.ts → server/thing.ts']);
    expect(broken('core-no-dynamic-import')).toEqual(['core/dynamic.ts → core/other.ts']);
  });

  it('let the mini program reach the backend only through actions: no server/, core/ at run time only the pure client kernel', () => {
    expect(broken('src-reaches-the-backend-through-the-api-client')).toEqual(['src/page.ts → server/thing.ts']);
    expect(broken('src-imports-core-types-only')).toEqual(['src/page.ts → core/schemas.ts']);
    expect(broken('backend-never-imports-the-mini-program')).toEqual(['server/thing.ts → src/page.ts']);
    // What the client may import is pure itself: a type from anywhere is fine, a value from the rest of core/ is not.
    expect(broken('client-kernel-stays-pure')).toEqual(['core/concerns/lifecycle.ts → core/schemas.ts']);
  });

  it('keep SQLite out of the CloudBase store', () => {
    expect(broken('cloudbase-store-never-imports-sqlite')).toEqual([
      'server/cloudbase/store.ts → node_modules/better-sqlite3/lib/index.js',
      'server/cloudbase/store.ts → server/sqlite-store.ts',
      'server/store/board/cloudbase-board.ts → server/store/board/sqlite-board.ts',
    ]);
  });

  it('refuse a cycle at run time, not one of types only', () => {
    expect(broken('no-runtime-cycles').length).toBeGreaterThan(0);
    expect(violations.filter((v) => v.rule === 'no-runtime-cycles').every((v) => /^(src\/page|server\/thing)\.ts$/.test(v.from))).toBe(true);
  });
});

describe('the globals check of core/', () => {
  it('finds platform, I/O, clock and randomness globals, and not names that merely look like them', () => {
    const dir = tree({
      'core/bad.ts': [
        'export const env = process.env.X;',
        "export const get = () => fetch('https://example.invalid');",
        "export const log = () => console.log('x');",
        'export const now = () => Date.now();',
        'export const today = () => new Date();',
        'export const dice = () => Math.random();',
        'export const later = (f: () => void) => setTimeout(f, 10);',
        '',
      ].join('\n'),
      'core/fine.ts': [
        'export function inside(window: { start: number }) { return window.start; }',
        "export const parsed = (iso: string) => new Date(iso);",
        'const o = { console: 1, process: 2 };',
        'export const read = () => o.console + o.process;',
        'export const at = (ms: number) => Date.parse(new Date(ms).toISOString());',
        '',
      ].join('\n'),
    });
    dirs.push(dir);
    const uses = globalUses([path.join(dir, 'core/bad.ts'), path.join(dir, 'core/fine.ts')], dir);
    expect(uses.map((u) => `${u.file}:${u.line} ${u.use}`)).toEqual([
      'core/bad.ts:1 process',
      'core/bad.ts:2 fetch',
      'core/bad.ts:3 console',
      'core/bad.ts:4 Date.now()',
      'core/bad.ts:5 new Date()',
      'core/bad.ts:6 Math.random()',
      'core/bad.ts:7 setTimeout',
    ]);
  });
});

describe('the transport check of src/', () => {
  it('finds the backend called outside the API client, and lets services use storage and files', () => {
    const dir = tree({
      'src/services/api.ts': "declare const Taro: any;\nexport const call = () => Taro.cloud.callFunction({ name: 'concern' });\n",
      'src/services/photos.ts': "declare const Taro: any;\nexport const up = () => Taro.cloud.uploadFile({});\nexport const blob = () => fetch('blob:x');\n",
      'src/services/other.ts': "declare const Taro: any;\nexport const sneak = () => Taro.cloud.callFunction({ name: 'concern' });\n",
      'src/pages/home/index.tsx': "declare const Taro: any;\nexport const a = () => fetch('/api');\nexport const b = () => Taro.request({ url: '/api' });\nexport const c = { fetch: 1 }.fetch;\n",
    });
    dirs.push(dir);
    const files = ['src/services/api.ts', 'src/services/photos.ts', 'src/services/other.ts', 'src/pages/home/index.tsx'].map((f) => path.join(dir, f));
    expect(transportUses(files, dir).map((u) => `${u.file}:${u.line} ${u.use}`)).toEqual([
      'src/services/other.ts:2 Taro.cloud.callFunction',
      'src/pages/home/index.tsx:2 fetch',
      'src/pages/home/index.tsx:3 Taro.request',
    ]);
  });
});
