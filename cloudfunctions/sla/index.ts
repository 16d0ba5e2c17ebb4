/**
 * Cloud function `sla`: the SLA timer. Its config.json timer trigger runs it every 10 minutes; it moves
 * every overdue concern one level up, once (see core/concerns/sla-job.ts), sets the place counters of open
 * volunteer events back to what their sign-ups hold where a crashed sign-up left them off
 * (server/cloudbase/reconcile.ts), and removes the rate-limit counters of ended windows. Runs only for its timer trigger's event; refuses any call that comes from a person.
 */
import { runSlaJob } from '../../core/concerns/sla-job';
import { createTimerHandler, TIMER_TRIGGERS } from '../../server/cloud-function';
import { personInvoked } from '../../server/cloud-identity';
import { cloudJobs } from '../../server/cloud-runtime';

export const main = createTimerHandler(
  'sla',
  TIMER_TRIGGERS.sla,
  async () => {
    const { deps, directory, rateLimiter } = await cloudJobs();
    const now = deps.now();
    const report = await runSlaJob(deps, directory, now);
    return { ...report, rateCountersSwept: await rateLimiter.sweep(now) };
  },
  personInvoked,
);
