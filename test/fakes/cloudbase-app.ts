/**
 * A CloudBase app for tests: the real `@cloudbase/node-sdk`, initialised with dummy credentials, whose
 * database requests go to the in-process wire fake. Nothing leaves the process.
 */
import tcb from '@cloudbase/node-sdk';
import { FakeCloudbaseDb } from './cloudbase-db';

export function fakeCloudbaseApp() {
  const wire = new FakeCloudbaseDb().install();
  const app = tcb.init({ env: 'jiefang-test', secretId: 'fake-secret-id', secretKey: 'fake-secret-key' });
  return { app, db: app.database(), wire };
}
