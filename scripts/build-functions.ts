/**
 * `npm run build:functions`: bundles each cloud function with core/ and server/ (esbuild) into
 * dist-functions/<name>/ — index.js, package.json, config.json — a folder that deploys on its own.
 */
import { isMain } from './is-main';
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_NAMES } from '../core/actions';
import { TIMER_TRIGGERS } from '../server/cloud-function';
import { OPENAPI } from '../server/wechat-openapi';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist-functions');

export interface FunctionConfig {
  timeout: number;
  memorySize: number;
  /** WeChat OpenAPIs the function calls (cloud call); without them a call fails with -604101. */
  openapi: string[];
  triggers?: Array<{ name: string; type: 'timer'; config: string }>;
}

/** Functions that serve no action of the action map: they run on a timer. */
export const TIMER_FUNCTIONS = ['notify', 'sla'] as const;
/** Functions behind CloudBase HTTP access (no WeChat caller): Open311 for client systems. */
export const HTTP_FUNCTIONS = ['open311'] as const;
/** Functions WeChat's message push calls: photo check verdicts. */
export const PUSH_FUNCTIONS = ['mediacheck'] as const;
export const ALL_FUNCTIONS: readonly string[] = [...FUNCTION_NAMES, ...TIMER_FUNCTIONS, ...HTTP_FUNCTIONS, ...PUSH_FUNCTIONS];

/**
 * Per-function deployment settings, written into each function's config.json. cloudbaserc.json (for
 * `tcb fn deploy`) carries the same settings; a test keeps the two in step.
 */
export const FUNCTION_CONFIG: Record<string, FunctionConfig> = {
  // 60 s (issue 22): the admin imports live here; a 500-ticket hotline file at 15 ms per request takes
  // ~16 s of database time (server/cloudbase-limits.test.ts), past the usual 10 s.
  concern: { timeout: 60, memorySize: 256, openapi: [OPENAPI.msgSecCheck, OPENAPI.mediaCheckAsync] },
  // Timers: 7-field cron (second minute hour day month weekday year), Asia/Shanghai.
  // The SLA timer: every 10 minutes; a run over 100,000 open concerns takes well under its timeout.
  sla: { timeout: 60, memorySize: 256, openapi: [], triggers: [{ name: TIMER_TRIGGERS.sla, type: 'timer', config: '0 */10 * * * * *' }] },
  // 30 s (issue 22): cancelling an event of 1,000 people or confirming their hours (cloudbase-limits.test.ts).
  volunteer: { timeout: 30, memorySize: 256, openapi: [OPENAPI.msgSecCheck] },
  // Open311 GeoReport v2 for client systems (the district 12345 platform): HTTP access, route /open311.
  // No OpenAPI permission: a posted description has no WeChat user, whom msgSecCheck needs (an openid seen
  // in the last 2 hours), so the content check holds it for manual moderation without a call.
  open311: { timeout: 10, memorySize: 256, openapi: [] },
  // WeChat's message push of photo check verdicts (mediaCheckAsync): settles the pending checks.
  mediacheck: { timeout: 10, memorySize: 256, openapi: [] },
  // Delivers queued notices every minute.
  notify: { timeout: 60, memorySize: 256, openapi: [OPENAPI.subscribeSend], triggers: [{ name: TIMER_TRIGGERS.notify, type: 'timer', config: '0 * * * * * *' }] },
};


export async function buildFunctions(outDir = OUT): Promise<Array<{ name: string; bytes: number }>> {
  rmSync(outDir, { recursive: true, force: true });
  const results: Array<{ name: string; bytes: number }> = [];
  for (const name of ALL_FUNCTIONS) {
    const dir = path.join(outDir, name);
    mkdirSync(dir, { recursive: true });
    const res = await build({
      entryPoints: [path.join(ROOT, 'cloudfunctions', name, 'index.ts')],
      outfile: path.join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      metafile: true,
      // The local store must never be pulled into a cloud function.
      external: ['better-sqlite3'],
      // wx-server-sdk (the OpenAPI path) pins its own node-sdk; bundle the one node-sdk the store uses.
      alias: { '@cloudbase/node-sdk': path.join(ROOT, 'node_modules', '@cloudbase', 'node-sdk') },
      logLevel: 'warning',
    });
    const inputs = Object.keys(res.metafile.inputs);
    const local = inputs.filter((i) => /better-sqlite3|server\/(sqlite|local-|http-server|seed|demo-data)/.test(i));
    if (local.length > 0) throw new Error(`function ${name} bundles local-only modules: ${local.join(', ')}`);
    const cfg = FUNCTION_CONFIG[name];
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: {} }, null, 2) + '\n');
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ permissions: { openapi: cfg.openapi }, ...(cfg.triggers ? { triggers: cfg.triggers } : {}), timeout: cfg.timeout, memorySize: cfg.memorySize }, null, 2) + '\n',
    );
    results.push({ name, bytes: res.metafile.outputs[Object.keys(res.metafile.outputs)[0]].bytes });
  }
  return results;
}

if (isMain(__filename)) {
  buildFunctions().then(
    (rs) => {
      for (const r of rs) console.log(`dist-functions/${r.name}/index.js  ${(r.bytes / 1024).toFixed(1)} KB`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
