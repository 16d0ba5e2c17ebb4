/**
 * The half of the dependency rules that no import shows (`npm run lint`, after dependency-cruiser):
 * core/ reaches no platform, no I/O and no clock through a global. A name counts when the type checker
 * resolves it to a declaration outside the project (the DOM and Node typings, Taro's), so a parameter
 * called `window` is fine and `window.location` is not. `Date.now()`, `new Date()` without an argument
 * and `Math.random()` are refused too: core gets time and ids from its deps (`now`, `newId`).
 * In src/ (the mini program) the backend is reached through src/services/api.ts alone: `callFunction`
 * nowhere else, and no `fetch`, `XMLHttpRequest`, `Taro.request` or `Taro.cloud` outside src/services/.
 */
import path from 'node:path';
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { isMain } from './is-main';

const ROOT = path.resolve(__dirname, '..');

/** Globals of a platform or of I/O. */
export const FORBIDDEN_GLOBALS = new Set([
  'process', 'require', 'module', 'exports', '__dirname', '__filename', 'Buffer', 'global', 'globalThis',
  'window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest', 'WebSocket',
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'console', 'crypto', 'performance',
  'wx', 'Taro', 'getApp', 'getCurrentPages', 'App', 'Page', 'Component',
]);

export interface GlobalUse {
  file: string;
  line: number;
  use: string;
}

function declaredOutside(checker: ts.TypeChecker, id: ts.Identifier, inProject: (f: string) => boolean): boolean {
  const symbol = checker.getSymbolAtLocation(id);
  // An undeclared name is a global the typings do not know: still a global.
  if (!symbol) return true;
  const decls = symbol.getDeclarations() ?? [];
  return decls.length === 0 || decls.every((d) => !inProject(d.getSourceFile().fileName));
}

/** Every use of a forbidden global, of the clock or of randomness in these files. */
export function globalUses(files: string[], root = ROOT): GlobalUse[] {
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2021, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, skipLibCheck: true, types: ['node'], lib: ['lib.es2021.d.ts', 'lib.dom.d.ts'] });
  const checker = program.getTypeChecker();
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const inProject = (f: string) => !f.includes('/node_modules/');
  const out: GlobalUse[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const report = (node: ts.Node, use: string) =>
      out.push({ file: path.relative(root, sf.fileName).split(path.sep).join('/'), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, use });
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && isValueReference(node) && declaredOutside(checker, node, inProject)) report(node, node.text);
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const call = node.expression.getText(sf);
        if ((call === 'Date.now' || call === 'Math.random') && declaredOutside(checker, node.expression.expression as ts.Identifier, inProject)) report(node, `${call}()`);
      }
      if (ts.isNewExpression(node) && node.expression.getText(sf) === 'Date' && (node.arguments?.length ?? 0) === 0) report(node, 'new Date()');
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** A name read as a value: not a property name (`x.window`), a key, a type, or a declaration of its own. */
function isValueReference(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isMethodSignature(p)) && p.name === id) return false;
  if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isTypeQueryNode(p)) return false;
  if ((ts.isParameter(p) || ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p) || ts.isImportSpecifier(p)) && p.name === id) return false;
  return true;
}

/** Transport outside the API client in these files of src/ (a syntactic check: the names are distinctive). */
export function transportUses(files: string[], root = ROOT): GlobalUse[] {
  const out: GlobalUse[] = [];
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const inServices = rel.startsWith('src/services/');
    const isClient = rel === 'src/services/api.ts';
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2021, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const report = (node: ts.Node, use: string) => out.push({ file: rel, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, use });
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const text = node.getText(sf);
        if (node.name.text === 'callFunction' && !isClient) report(node, text);
        else if (!inServices && (text === 'Taro.request' || text === 'Taro.cloud')) report(node, text);
      }
      if (!inServices && ts.isIdentifier(node) && (node.text === 'fetch' || node.text === 'XMLHttpRequest') && isValueReference(node)) report(node, node.text);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

if (isMain(__filename)) {
  const files = walk(path.join(ROOT, 'core'));
  const uses = globalUses(files);
  for (const u of uses) console.error(`${u.file}:${u.line}: uses ${u.use}: core/ takes platform, I/O, time and ids from its deps only`);
  const pages = walk(path.join(ROOT, 'src'));
  const transport = transportUses(pages);
  for (const u of transport) console.error(`${u.file}:${u.line}: uses ${u.use}: the mini program reaches the backend through src/services/api.ts only`);
  if (uses.length + transport.length > 0) process.exit(1);
  console.log(`no platform, I/O or clock globals in ${files.length} core files; no transport outside the API client in ${pages.length} src files`);
}
