import type { InboxMessage, Notification, OutboxItem } from '../../../core/model';
import type { MessageRepo, OutboxRepo, PageQuery } from '../../../core/ports';
import type { Page } from '../../../core/views';
import { mapBounded, type CloudbaseDb, type StoredDoc } from '../../cloudbase/db';

const str = (v: unknown): string | null => (v === null || v === undefined ? null : `${v as string | number}`);

/**
 * An outbox document. `leaseUntil` is the ISO time until which a worker holds the item, '' when free:
 * a string in both cases, so "free or expired" is one indexed `lte` comparison.
 */
export function outboxDoc(n: Notification): StoredDoc {
  return {
    _id: n.id,
    recipientOpenid: n.recipientOpenid,
    kind: n.kind,
    title: n.title,
    body: n.body,
    page: n.page,
    createdAt: n.createdAt,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: n.createdAt,
    leaseUntil: '',
    lastError: null,
    sentAt: null,
  };
}

/** The notification fields an outbox document and an inbox message share. */
function toNotification(d: StoredDoc): Notification {
  return {
    id: d._id,
    recipientOpenid: String(d.recipientOpenid),
    kind: d.kind as Notification['kind'],
    title: String(d.title),
    body: String(d.body),
    page: String(d.page),
    createdAt: String(d.createdAt),
  };
}

function toItem(d: StoredDoc): OutboxItem {
  return {
    ...toNotification(d),
    status: d.status as OutboxItem['status'],
    attempts: Number(d.attempts),
    nextAttemptAt: String(d.nextAttemptAt),
    lastError: str(d.lastError),
    sentAt: str(d.sentAt),
  };
}

export class CloudbaseOutbox implements OutboxRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  /**
   * Reads the due items, then leases each with a compare-and-set on the lease it saw: of two workers
   * that read the same item, exactly one lease succeeds, and only the items it leased are returned.
   */
  async claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]> {
    const _ = this.cb._;
    const due = await this.cb.find('outbox', { status: 'pending', nextAttemptAt: _.lte(now), leaseUntil: _.lte(now) }, [['nextAttemptAt', 'asc'], ['_id', 'asc']], limit);
    const leased = await mapBounded(due, (d) => this.cb.conditionalUpdate('outbox', { _id: d._id, status: 'pending', leaseUntil: String(d.leaseUntil) }, { leaseUntil }));
    return due.filter((_d, i) => leased[i]).map(toItem);
  }
  /**
   * One read of which ids are queued already (a job that runs every few minutes finds them all, and
   * writes nothing), then one `createOnce` per new notice, so two runs at once still queue each once.
   */
  async enqueue(notifications: Notification[]): Promise<number> {
    if (notifications.length === 0) return 0;
    const queued = new Set((await this.cb.readAll('outbox', { _id: this.cb._.in(notifications.map((n) => n.id)) }, { _id: true })).map((d) => d._id));
    const created = await mapBounded(
      notifications.filter((n) => !queued.has(n.id)),
      (n) => this.cb.createOnce('outbox', outboxDoc(n)),
    );
    return created.filter((c) => c.created).length;
  }
  /** One conditional update on the caller's lease. */
  async markSent(id: string, at: string, leaseUntil: string): Promise<boolean> {
    return this.cb.conditionalUpdate('outbox', { _id: id, status: 'pending', leaseUntil }, { status: 'sent', sentAt: at, leaseUntil: '' });
  }
  /** One conditional update on the caller's lease, as markSent. */
  async markFailed(id: string, error: string, nextAttemptAt: string | null, leaseUntil: string): Promise<boolean> {
    return this.cb.conditionalUpdate(
      'outbox',
      { _id: id, status: 'pending', leaseUntil },
      {
        attempts: this.cb._.inc(1),
        lastError: error.slice(0, 500),
        leaseUntil: '',
        status: nextAttemptAt === null ? 'dead' : 'pending',
        ...(nextAttemptAt === null ? {} : { nextAttemptAt }),
      },
    );
  }
  async release(ids: readonly string[], leaseUntil: string): Promise<void> {
    if (ids.length === 0) return;
    await this.cb.updateWhere('outbox', { _id: this.cb._.in([...ids]), status: 'pending', leaseUntil }, { leaseUntil: '' });
  }
  async get(id: string): Promise<OutboxItem | null> {
    const d = await this.cb.getDoc('outbox', id);
    return d ? toItem(d) : null;
  }
}

function toMessage(d: StoredDoc): InboxMessage {
  return {
    ...toNotification(d),
    readAt: str(d.readAt),
  };
}

export class CloudbaseMessages implements MessageRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async deliver(m: InboxMessage): Promise<void> {
    const { id, ...rest } = m;
    await this.cb.createOnce('inbox_messages', { _id: id, ...rest });
  }
  async list(openid: string, page: PageQuery): Promise<Page<InboxMessage>> {
    return this.cb.page('inbox_messages', { recipientOpenid: openid }, page, toMessage);
  }
  async unreadCount(openid: string): Promise<number> {
    return this.cb.count('inbox_messages', { recipientOpenid: openid, readAt: null });
  }
  async markRead(openid: string, ids: string[] | null, at: string): Promise<number> {
    if (ids !== null && ids.length === 0) return 0;
    const filter = ids === null ? { recipientOpenid: openid, readAt: null } : { recipientOpenid: openid, readAt: null, _id: this.cb._.in(ids) };
    return this.cb.updateWhere('inbox_messages', filter, { readAt: at });
  }
}
