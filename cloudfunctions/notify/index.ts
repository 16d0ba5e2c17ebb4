/**
 * Cloud function `notify` (timer trigger, every minute): queues the volunteer event reminders that are
 * due (each person once), then delivers the due notices of the outbox as WeChat subscribe messages.
 * Safe to overlap with itself: reminders are marked conditionally and items are leased when claimed.
 */
import { sendReminders } from '../../core/volunteer-service';
import { cloudRuntime } from '../../server/cloud-runtime';

export async function main(): Promise<unknown> {
  const rt = await cloudRuntime();
  const reminded = await sendReminders(rt.deps);
  const report = await rt.deliverNotifications();
  console.log('[jiefang:notify]', JSON.stringify({ reminded, ...report }));
  return { reminded, ...report };
}
