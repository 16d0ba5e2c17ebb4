import type { OutboxRepo, NotificationSender } from './ports';

/** Waits between attempts, in minutes; after the last one an item is given up (kept as dead). */
export const RETRY_MINUTES: readonly number[] = [1, 5, 15, 60, 240, 720];
/** How long a claimed item is reserved for the worker that claimed it. */
export const LEASE_SECONDS = 60;

export interface DeliveryReport {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
}

/**
 * Delivers the due notifications once. Safe to run from several places at once (a timer function and
 * a local interval): items are leased when claimed, so each is sent by one worker.
 */
export async function deliverDue(outbox: OutboxRepo, sender: NotificationSender, now: Date, limit = 100): Promise<DeliveryReport> {
  const at = now.toISOString();
  const items = await outbox.claimDue(at, new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString(), limit);
  const report: DeliveryReport = { claimed: items.length, sent: 0, failed: 0, dead: 0 };
  for (const item of items) {
    try {
      await sender.send(item);
      await outbox.markSent(item.id, at);
      report.sent++;
    } catch (e) {
      const wait = RETRY_MINUTES[item.attempts];
      const next = wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
      await outbox.markFailed(item.id, e instanceof Error ? e.message : String(e), next);
      if (next === null) report.dead++;
      else report.failed++;
    }
  }
  return report;
}
