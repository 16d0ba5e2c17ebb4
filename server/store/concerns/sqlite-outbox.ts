import type Database from 'better-sqlite3';
import type { InboxMessage, Notification, OutboxItem } from '../../../core/model';
import type { MessageRepo, OutboxRepo, PageQuery } from '../../../core/ports';
import type { Page } from '../../../core/views';
import { keysetPage } from '../../sqlite-paging';

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);

/** The notification columns both the outbox and the in-app inbox store. */
function toNotification(r: Row): Notification {
  return {
    id: r.id as string,
    recipientOpenid: r.recipient_openid as string,
    kind: r.kind as Notification['kind'],
    title: r.title as string,
    body: r.body as string,
    page: r.page as string,
    createdAt: r.created_at as string,
  };
}

function toItem(r: Row): OutboxItem {
  return {
    ...toNotification(r),
    status: r.status as OutboxItem['status'],
    attempts: r.attempts as number,
    nextAttemptAt: r.next_attempt_at as string,
    lastError: s(r.last_error),
    sentAt: s(r.sent_at),
  };
}

function toMessage(r: Row): InboxMessage {
  return { ...toNotification(r), readAt: s(r.read_at) };
}

/** Prepared insert used by every domain transaction that queues notifications. */
export function outboxEnqueuer(db: Database.Database): (ns: readonly Notification[]) => void {
  const insert = db.prepare(`INSERT INTO outbox (id, recipient_openid, kind, title, body, page, created_at, status, attempts, next_attempt_at)
    VALUES (@id, @recipientOpenid, @kind, @title, @body, @page, @createdAt, 'pending', 0, @createdAt)`);
  return (ns) => {
    for (const n of ns) insert.run(n);
  };
}

export class SqliteOutbox implements OutboxRepo {
  private readonly q;
  private readonly claimTx;
  private readonly enqueueTx;
  private readonly releaseTx;

  constructor(db: Database.Database) {
    this.q = {
      due: db.prepare(`SELECT * FROM outbox WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
        ORDER BY next_attempt_at, id LIMIT @limit`),
      lease: db.prepare(`UPDATE outbox SET lease_until = ? WHERE id = ?`),
      sent: db.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?, lease_until = NULL WHERE id = ? AND status = 'pending' AND lease_until = ?`),
      failed: db.prepare(`UPDATE outbox SET attempts = attempts + 1, last_error = @error, lease_until = NULL,
        status = CASE WHEN @next IS NULL THEN 'dead' ELSE 'pending' END, next_attempt_at = COALESCE(@next, next_attempt_at)
        WHERE id = @id AND status = 'pending' AND lease_until = @leaseUntil`),
      get: db.prepare(`SELECT * FROM outbox WHERE id = ?`),
      insertOnce: db.prepare(`INSERT INTO outbox (id, recipient_openid, kind, title, body, page, created_at, status, attempts, next_attempt_at)
        VALUES (@id, @recipientOpenid, @kind, @title, @body, @page, @createdAt, 'pending', 0, @createdAt) ON CONFLICT(id) DO NOTHING`),
      release: db.prepare(`UPDATE outbox SET lease_until = NULL WHERE id = ? AND lease_until = ? AND status = 'pending'`),
    };
    this.enqueueTx = db.transaction((ns: Notification[]) => ns.reduce((added, n) => added + this.q.insertOnce.run(n).changes, 0));
    this.releaseTx = db.transaction((ids: readonly string[], leaseUntil: string) => {
      for (const id of ids) this.q.release.run(id, leaseUntil);
    });
    this.claimTx = db.transaction((now: string, leaseUntil: string, limit: number) => {
      const rows = (this.q.due.all({ now, limit }) as Row[]).map(toItem);
      for (const r of rows) this.q.lease.run(leaseUntil, r.id);
      return rows;
    });
  }

  async enqueue(notifications: Notification[]): Promise<number> {
    return this.enqueueTx.immediate(notifications);
  }
  async claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]> {
    return this.claimTx.immediate(now, leaseUntil, limit);
  }
  async markSent(id: string, at: string, leaseUntil: string): Promise<boolean> {
    return this.q.sent.run(at, id, leaseUntil).changes === 1;
  }
  async markFailed(id: string, error: string, nextAttemptAt: string | null, leaseUntil: string): Promise<boolean> {
    return this.q.failed.run({ id, error: error.slice(0, 500), next: nextAttemptAt, leaseUntil }).changes === 1;
  }
  async release(ids: readonly string[], leaseUntil: string): Promise<void> {
    this.releaseTx(ids, leaseUntil);
  }
  async get(id: string): Promise<OutboxItem | null> {
    const r = this.q.get.get(id) as Row | undefined;
    return r ? toItem(r) : null;
  }
}

export class SqliteMessages implements MessageRepo {
  private readonly q;
  constructor(private readonly db: Database.Database) {
    this.q = {
      insert: db.prepare(`INSERT INTO inbox_messages (id, recipient_openid, kind, title, body, page, created_at, read_at)
        VALUES (@id, @recipientOpenid, @kind, @title, @body, @page, @createdAt, @readAt) ON CONFLICT(id) DO NOTHING`),
      unread: db.prepare(`SELECT COUNT(*) FROM inbox_messages WHERE recipient_openid = ? AND read_at IS NULL`).pluck(),
      readAll: db.prepare(`UPDATE inbox_messages SET read_at = ? WHERE recipient_openid = ? AND read_at IS NULL`),
      readOne: db.prepare(`UPDATE inbox_messages SET read_at = ? WHERE recipient_openid = ? AND id = ? AND read_at IS NULL`),
    };
  }

  async deliver(m: InboxMessage): Promise<void> {
    this.q.insert.run(m);
  }
  async list(openid: string, page: PageQuery): Promise<Page<InboxMessage>> {
    return keysetPage(this.db, 'inbox_messages', 'recipient_openid = ?', [openid], page, toMessage);
  }
  async unreadCount(openid: string): Promise<number> {
    return this.q.unread.get(openid) as number;
  }
  async markRead(openid: string, ids: string[] | null, at: string): Promise<number> {
    if (ids === null) return this.q.readAll.run(at, openid).changes;
    return this.db.transaction(() => ids.reduce((n, id) => n + this.q.readOne.run(at, openid, id).changes, 0))();
  }
}
