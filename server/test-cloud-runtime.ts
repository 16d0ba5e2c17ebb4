/**
 * For tests of one long-lived CloudBase runtime (as a warm container holds it) on the wire fake, on the
 * test clock: the demo directory seeded, content checks passing. Registers its own hooks.
 */
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime, type CloudRuntime } from './cloud-runtime';
import { testClock } from './test-clock';
import { useCloudFunctions, useWechatPassing } from './test-cloud-function';

export function useCloudRuntime(): { cloud: ReturnType<typeof useCloudFunctions>; runtime: () => CloudRuntime } {
  const cloud = useCloudFunctions();
  useWechatPassing();
  let rt: CloudRuntime;
  beforeEach(() => {
    rt = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), testClock().now);
  });
  return { cloud, runtime: () => rt };
}
