/**
 * Which repository methods the contract exercises. `repositoryMethods` reads core/ports.ts and the
 * core/<aggregate>/repo.ts files it re-exports with the TypeScript compiler and lists every method of every
 * repository the `Store` interface names (`directory.listNodes`, `board.plusOne`, …); `recordingStore` wraps a store so that every call the
 * contract makes on a repository is noted. The contract's last case compares the two: a repository method
 * without a case fails it, so a new method cannot land untested on either store.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { Store } from '../../core/ports';

const PORTS = path.resolve(__dirname, '../../core/ports.ts');

/** core/ports.ts with the repository files it re-exports (`export * from './<aggregate>/repo'`), as one source text. */
function portsSource(): string {
  const ports = readFileSync(PORTS, 'utf8');
  const repos = [...ports.matchAll(/^export \* from '(\.\/[\w/-]*repo)';$/gm)].map((m) => path.resolve(path.dirname(PORTS), `${m[1]}.ts`)).sort();
  if (repos.length === 0) throw new Error('core/ports.ts re-exports no repository file');
  return [ports, ...repos.map((f) => readFileSync(f, 'utf8'))].join('\n');
}

/** `repo.method` for every method of every repository member of `Store`, sorted. */
export function repositoryMethods(source = portsSource()): string[] {
  const file = ts.createSourceFile(PORTS, source, ts.ScriptTarget.ES2022, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  file.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) interfaces.set(n.name.text, n);
  });
  const store = interfaces.get('Store');
  if (!store) throw new Error('core/ports.ts declares no Store interface');
  const out: string[] = [];
  for (const member of store.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const repo = interfaces.get(member.type.typeName.getText(file));
    if (!repo) throw new Error(`Store.${member.name.getText(file)} is not an interface of core/ports.ts`);
    for (const m of repo.members) {
      const callable = ts.isMethodSignature(m) || (ts.isPropertySignature(m) && m.type !== undefined && ts.isFunctionTypeNode(m.type));
      if (callable && m.name) out.push(`${member.name.getText(file)}.${m.name.getText(file)}`);
    }
  }
  return out.sort();
}

/**
 * The store with every repository method call noted in `calls` (as `repo.method`). Calls a repository
 * makes on itself are not noted: only what the contract asks for counts.
 */
export function recordingStore(store: Store, calls: Set<string>): Store {
  const repos = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof key !== 'string' || value === null || typeof value !== 'object') return value;
      if (!repos.has(key)) {
        const repo = value as Record<string, unknown>;
        repos.set(
          key,
          new Proxy(repo, {
            get(r, method) {
              const fn: unknown = Reflect.get(r, method);
              if (typeof method !== 'string' || typeof fn !== 'function') return fn;
              return (...args: unknown[]) => {
                calls.add(`${key}.${method}`);
                return (fn as (...a: unknown[]) => unknown).apply(r, args);
              };
            },
          }),
        );
      }
      return repos.get(key);
    },
  });
}
