/**
 * `npm run test:cloudbase`: the repository contract (server/store/contract.ts) against a REAL CloudBase
 * environment, when TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are set. It works in
 * collections prefixed `contract_` (JIEFANG_TEST_PREFIX to change), emptied before each case; production
 * collections are never touched. Without the credentials it says so and does nothing.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { cloudbaseCredentials } from './cloudbase-setup';

if (!cloudbaseCredentials()) {
  console.log('test:cloudbase did nothing: set TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run the repository contract against a real CloudBase environment.');
  process.exit(0);
}
const root = path.resolve(__dirname, '..');
const r = spawnSync(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), '--config', path.join(root, 'jest.cloudbase.config.js'), '--runInBand'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
