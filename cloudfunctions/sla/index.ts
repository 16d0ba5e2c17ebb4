/**
 * Cloud function `sla`: the SLA timer. Its config.json timer trigger runs it every 10 minutes; it moves
 * every overdue concern one level up, once (see core/sla-job.ts). Refuses calls from the mini program.
 */
import { runSlaJob } from '../../core/sla-job';
import { createTimerHandler } from '../../server/cloud-function';
import { cloudbaseIdentity } from '../../server/cloud-identity';
import { cloudJobs } from '../../server/cloud-runtime';

export const main = createTimerHandler(
  'sla',
  async () => {
    const { deps, directory } = await cloudJobs();
    return runSlaJob(deps, directory, deps.now());
  },
  cloudbaseIdentity,
);
