/**
 * Cloud function `notify` (timer trigger, every minute): queues the volunteer event reminders that are
 * due (each person once), then delivers the due notices of the outbox as WeChat subscribe messages.
 * Safe to overlap with itself: reminders are marked conditionally and items are leased when claimed.
 * Runs only for its timer trigger's event; refuses any call that comes from a person.
 */
import { sendReminders } from '../../core/volunteers/volunteer-reminders';
import { createTimerHandler, TIMER_TRIGGERS } from '../../server/cloud-function';
import { personInvoked } from '../../server/cloud-identity';
import { cloudRuntime } from '../../server/cloud-runtime';

export const main = createTimerHandler(
  'notify',
  TIMER_TRIGGERS.notify,
  async () => {
    const rt = await cloudRuntime();
    const reminded = await sendReminders(rt.deps, rt.router.directory);
    const report = await rt.deliverNotifications();
    console.log('[jiefang:notify]', JSON.stringify({ reminded, ...report }));
    return { reminded, ...report };
  },
  personInvoked,
);
