/**
 * The Open311 test setups, shared by the Open311 test files: the local HTTP server on an in-memory SQLite
 * store with the demo data, and a CloudBase runtime on the wire fake with the demo directory and clients.
 * Clocks are injected; nothing reads the wall clock.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime, type CloudRuntime } from './cloud-runtime';
import { addCloudbaseApiClient, seedCloudbaseDirectory } from './cloudbase/seed';
import { CloudbaseStore } from './cloudbase/store';
import { demoDirectory } from './demo-data';
import { DEMO_API_CLIENTS } from './demo-open311';
import { createHttpServer } from './http-server';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../test/fakes/cloudbase-db';

/** The fields of a GeoReport v2 service request, sorted. */
export const REQUEST_FIELDS = ['service_request_id', 'status', 'status_notes', 'service_name', 'service_code', 'description', 'agency_responsible', 'service_notice', 'requested_datetime', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url'].sort();
/** A W3C datetime in Beijing time, as every Open311 answer writes it. */
export const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

export interface LocalOpen311 {
  rt: LocalRuntime;
  /** `http://127.0.0.1:<port>/open311/` */
  root: string;
  stop(): Promise<void>;
}

export async function startLocalOpen311(now: () => Date): Promise<LocalOpen311> {
  const rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now, rateLimits: GENEROUS_LIMITS, uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-open311-')) });
  const server: http.Server = createHttpServer(rt, { mode: 'local', staticDir: null });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    rt,
    root: `http://127.0.0.1:${(server.address() as AddressInfo).port}/open311/`,
    async stop() {
      await new Promise((r) => server.close(r));
      await rt.close();
    },
  };
}

export interface CloudOpen311 {
  rt: CloudRuntime;
  wire: FakeCloudbaseDb;
  clientIpHeader: string;
}

/** A cloud runtime on the CloudBase wire fake, its collections made and seeded with the demo directory and API clients. */
export async function cloudOpen311(now: () => Date): Promise<CloudOpen311> {
  const fake = fakeCloudbaseApp();
  const config = loadCloudConfig({ TCB_ENV: 'jiefang-test', JIEFANG_WX_APPID: 'wx0123456789abcdef' });
  const rt = createCloudRuntime(config, fake.app);
  rt.deps.now = now;
  await rt.store.cb.createCollections();
  await seedCloudbaseDirectory(new CloudbaseStore({ db: fake.db }).cb, demoDirectory('2026-11-30T00:00:00.000Z'));
  for (const { client, key } of DEMO_API_CLIENTS) await addCloudbaseApiClient(rt.store.cb, client, key, '2026-11-30T00:00:00.000Z');
  return { rt, wire: fake.wire, clientIpHeader: config.JIEFANG_CLIENT_IP_HEADER };
}
