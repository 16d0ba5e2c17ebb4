/**
 * Cloud function `sla`: the SLA timer. Its config.json timer trigger runs it every 10 minutes; it moves
 * every overdue concern one level up, once (see core/sla-job.ts), and removes the rate-limit counters of
 * ended windows. Refuses calls from the mini program.
 */
import { runSlaJob } from '../../core/sla-job';
import { createTimerHandler } from '../../server/cloud-function';
import { cloudbaseIdentity } from '../../server/cloud-identity';
import { cloudJobs } from '../../server/cloud-runtime';

export const main = createTimerHandler(
  'sla',
  async () => {
    const { deps, directory, rateLimiter } = await cloudJobs();
    const now = deps.now();
    const report = await runSlaJob(deps, directory, now);
    return { ...report, rateCountersSwept: await rateLimiter.sweep(now) };
  },
  cloudbaseIdentity,
);
