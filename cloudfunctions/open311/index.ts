/**
 * Cloud function `open311`: Open311 GeoReport v2 over CloudBase HTTP access (route `/open311`), for the
 * district 12345 platform and other client systems. Served by core/open311/open311.ts, like the local server.
 */
import { cloudJobs, cloudRuntime } from '../../server/cloud-runtime';
import { createOpen311Function } from '../../server/open311-function';
import { open311Env } from '../../server/open311-xml';

export const main = createOpen311Function(async () => {
  const [{ deps, directory }, { config }] = await Promise.all([cloudJobs(), cloudRuntime()]);
  return { ...open311Env(deps, directory), clientIpHeader: config.JIEFANG_CLIENT_IP_HEADER };
});
