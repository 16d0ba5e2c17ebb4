/**
 * Composition root of the local cloud (dev server and tests): the SQLite store, the router, the local
 * identity. The cloud functions have their own root; both mount the same router.
 */
import { createRouter, type Router } from '../core/router';
import type { Deps } from '../core/ports';
import { demoDirectory } from './demo-data';
import { newId } from './ids';
import { LocalIdentity } from './local-identity';
import { seedDirectory } from './seed';
import { SqliteStore } from './sqlite-store';

export interface LocalRuntime {
  store: SqliteStore;
  router: Router;
  identity: LocalIdentity;
  deps: Deps;
  close(): Promise<void>;
}

export interface LocalRuntimeOptions {
  dbPath: string;
  seed: 'demo' | 'none';
  sessionSecret?: string;
  now?: () => Date;
}

export function createLocalRuntime(opts: LocalRuntimeOptions): LocalRuntime {
  const store = new SqliteStore({ path: opts.dbPath });
  const now = opts.now ?? (() => new Date());
  if (opts.seed === 'demo') seedDirectory(store.db, demoDirectory(now().toISOString()));
  const deps: Deps = { store, now, newId };
  return {
    store,
    deps,
    router: createRouter(deps),
    identity: new LocalIdentity(opts.sessionSecret),
    close: () => store.close(),
  };
}
