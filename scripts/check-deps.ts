/**
 * `npm run lint`: the dependency rules of the layout, checked on every import.
 * - core/ is pure: no platform SDKs, no Node built-ins, no I/O; it imports only core/ and zod.
 * - src/ (the mini program) imports core/ at run time only through core/actions.ts; the rest of core is
 *   `import type`, so schemas and server code never reach the bundle.
 * - server/ and cloudfunctions/ never import src/.
 */
import { isMain } from './is-main';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** Core modules of plain data (no zod, no logic) that the mini program may import at run time. */
const PLAIN_DATA = new Set(['core/actions', 'core/labels']);
const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/gm;

interface Finding {
  file: string;
  spec: string;
  rule: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(name)) out.push(p);
  }
  return out;
}

export function checkFile(file: string, source: string): Finding[] {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  const findings: Finding[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const typeOnly = Boolean(m[2]);
    const spec = m[3] ?? m[4] ?? m[5];
    if (!spec) continue;
    const resolved = spec.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/') : spec;
    if (rel.startsWith('core/') && !rel.endsWith('.test.ts')) {
      if (!spec.startsWith('.') && spec !== 'zod') findings.push({ file: rel, spec, rule: 'core/ may import only core/ and zod' });
      else if (spec.startsWith('.') && !resolved.startsWith('core/')) findings.push({ file: rel, spec, rule: 'core/ may not import outside core/' });
    }
    if (rel.startsWith('src/') && !rel.endsWith('.test.ts') && resolved.startsWith('core/') && !typeOnly && !PLAIN_DATA.has(resolved)) {
      findings.push({ file: rel, spec, rule: 'src/ may import core/ at run time only through core/actions and core/labels (use import type)' });
    }
    if ((rel.startsWith('server/') || rel.startsWith('cloudfunctions/')) && resolved.startsWith('src/')) {
      findings.push({ file: rel, spec, rule: 'the backend may not import the mini program' });
    }
    if (rel.startsWith('cloudfunctions/') && (spec === 'better-sqlite3' || /server\/(sqlite|local-|http-server)/.test(resolved))) {
      findings.push({ file: rel, spec, rule: 'a cloud function may not import the local store or server' });
    }
  }
  return findings;
}

if (isMain(__filename)) {
  const files = ['core', 'src', 'server', 'cloudfunctions'].flatMap((d) => walk(path.join(ROOT, d)));
  const findings = files.flatMap((f) => checkFile(f, readFileSync(f, 'utf8')));
  for (const f of findings) console.error(`${f.file}: imports '${f.spec}': ${f.rule}`);
  if (findings.length > 0) process.exit(1);
  console.log(`dependency rules hold in ${files.length} files`);
}
