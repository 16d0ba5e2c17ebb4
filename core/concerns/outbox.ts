import { AppError } from '../errors';
import type { OutboxRepo, NotificationSender } from '../ports';

/** Waits between attempts, in minutes; after the last one an item is given up (kept as dead). */
export const RETRY_MINUTES: readonly number[] = [1, 5, 15, 60, 240, 720];
/** How long a claimed item is reserved for the worker that claimed it. */
export const LEASE_SECONDS = 60;

export interface DeliveryReport {
  claimed: number;
  sent: number;
  failed: number;
  dead: number;
  /** Refused because the recipient holds no subscription for it (WeChat 43101): given up at once, never retried. */
  noQuota: number;
}

/**
 * Thrown by a sender when the channel refuses a notice for good because the recipient has not subscribed
 * (no one-time quota left: WeChat's 43101). Retrying cannot help until they accept again, so the item is
 * given up at once; the in-app 消息 list still has it.
 */
export class NoSubscriptionQuota extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoSubscriptionQuota';
  }
}

/**
 * Delivers the due notifications once. Safe to run from several places at once (a timer function and
 * a local interval): items are leased when claimed, so each is sent by one worker.
 */
export async function deliverDue(outbox: OutboxRepo, sender: NotificationSender, now: Date, limit = 100): Promise<DeliveryReport> {
  const at = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_SECONDS * 1000).toISOString();
  const items = await outbox.claimDue(at, leaseUntil, limit);
  const report: DeliveryReport = { claimed: items.length, sent: 0, failed: 0, dead: 0, noQuota: 0 };
  let settled = 0;
  try {
    for (const item of items) {
      try {
        await sender.send(item);
      } catch (e) {
        // Our own storage failing is no failed attempt of this item: the whole batch stops (below).
        if (isStorageFault(e)) throw e;
        if (e instanceof NoSubscriptionQuota) {
          const stillMine = await outbox.markFailed(item.id, e.message, null, leaseUntil);
          settled++;
          if (!stillMine) break;
          report.noQuota++;
          continue;
        }
        const wait = RETRY_MINUTES[item.attempts];
        const next = wait === undefined ? null : new Date(now.getTime() + wait * 60_000).toISOString();
        const stillMine = await outbox.markFailed(item.id, e instanceof Error ? e.message : String(e), next, leaseUntil);
        settled++;
        // As for markSent below: the lease ran out, so the rest of the batch is another worker's.
        if (!stillMine) break;
        if (next === null) report.dead++;
        else report.failed++;
        continue;
      }
      const stillMine = await outbox.markSent(item.id, at, leaseUntil);
      settled++;
      report.sent++;
      // A slow batch whose lease ran out: another worker holds these items now and sends them itself.
      if (!stillMine) break;
    }
  } catch (e) {
    // The batch failed as a whole: give the unsettled items back now instead of holding them for the lease.
    // An item whose send went through but whose markSent did not may be sent again (at least once). A release
    // that fails too (the disk still full) leaves the lease to run out; the batch's own error is the one thrown.
    await outbox.release(items.slice(settled).map((i) => i.id), leaseUntil).catch(() => undefined);
    throw e;
  }
  return report;
}

function isStorageFault(e: unknown): boolean {
  return e instanceof AppError && e.code.startsWith('STORAGE.');
}
