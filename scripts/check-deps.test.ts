import path from 'node:path';
import { checkFile } from './check-deps';

const at = (rel: string) => path.resolve(__dirname, '..', rel);

describe('the dependency rules', () => {
  it('refuse a platform SDK or a Node built-in in core/', () => {
    expect(checkFile(at('core/x.ts'), "import Taro from '@tarojs/taro';")).toHaveLength(1);
    expect(checkFile(at('core/x.ts'), "import fs from 'node:fs';")).toHaveLength(1);
    expect(checkFile(at('core/x.ts'), "import { SqliteStore } from '../server/sqlite-store';")).toHaveLength(1);
  });

  it('allow core/ to import core/ and zod', () => {
    expect(checkFile(at('core/x.ts'), "import { z } from 'zod';\nimport { AppError } from './errors';")).toEqual([]);
  });

  it('let the mini program import core/ at run time only through the action map', () => {
    expect(checkFile(at('src/services/api.ts'), "import { ACTION_FUNCTION } from '../../core/actions';")).toEqual([]);
    expect(checkFile(at('src/services/api.ts'), "import type { Concern } from '../../core/model';")).toEqual([]);
    expect(checkFile(at('src/services/api.ts'), "import { schemas } from '../../core/schemas';")).toHaveLength(1);
  });

  it('keep the local store out of cloud functions', () => {
    expect(checkFile(at('cloudfunctions/concern/index.ts'), "import Database from 'better-sqlite3';")).toHaveLength(1);
  });
});
