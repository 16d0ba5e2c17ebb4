/** The notification outbox on SQLite: queued with the transition, delivered to the in-app inbox, retried, never lost. */
import { AppError } from '../core/errors';
import { RETRY_MINUTES, deliverDue } from '../core/concerns/outbox';
import type { OutboxItem } from '../core/model';
import type { NotificationSender } from '../core/ports';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { InAppSender } from './in-app-sender';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';

let rt: LocalRuntime;
let clock: number;
beforeEach(() => {
  clock = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date(clock) });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = () => call(I.resident, 'concern/submit', { category: 'environment', description: '祠堂旁垃圾桶满了', placeId: 'dz-xicheng-daguo' });
const outboxRows = () => rt.store.db.prepare('SELECT recipient_openid, kind, status FROM outbox ORDER BY recipient_openid').all() as Array<{ recipient_openid: string; kind: string; status: string }>;
type Messages = { items: Array<{ id: string; kind: string; title: string; page: string; readAt: string | null }>; unread: number };

describe('the notification outbox', () => {
  it("tells the cooperative's staff, its grid worker and the lead office of a new concern, not the reporter", async () => {
    await report();
    expect(outboxRows().map((r) => [r.recipient_openid, r.kind])).toEqual(
      [
        [I.daguoChair, 'concern_assigned'],
        [I.daguoGridWorker, 'concern_assigned'],
        [I.envOffice, 'concern_assigned'],
      ].sort(),
    );
  });

  it("delivers a handler's reply to the reporter's in-app inbox, which they can read and mark read", async () => {
    const c = await report();
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/reply', { id: c.id, text: '已安排清运' });
    const run = await rt.deliverNotifications();
    // Three staff told of the new concern; the reporter told of the acceptance and of the reply.
    expect(run).toMatchObject({ sent: 5, failed: 0 });
    const inbox = await call<Messages>(I.resident, 'message/list');
    expect(inbox.unread).toBe(2);
    expect(inbox.items).toHaveLength(2);
    expect(inbox.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'concern_replied', title: '您的诉求有新回复', page: `/pages/concern/index?id=${c.id}`, readAt: null }),
        expect.objectContaining({ kind: 'concern_accepted', title: '您的诉求已签收', page: `/pages/concern/index?id=${c.id}`, readAt: null }),
      ]),
    );
    const replied = inbox.items.find((m) => m.kind === 'concern_replied')!;
    const read = await call<{ changed: number; unread: number }>(I.resident, 'message/markRead', { ids: [replied.id] });
    expect(read).toEqual({ changed: 1, unread: 1 });
    // Nobody else's message can be marked read through one's own call.
    const staffInbox = await call<Messages>(I.daguoGridWorker, 'message/list');
    expect((await call<{ changed: number }>(I.resident, 'message/markRead', { ids: [staffInbox.items[0].id] })).changed).toBe(0);
    expect((await call<Messages>(I.daguoGridWorker, 'message/list')).unread).toBe(1);
  });

  it('enqueues nothing for a move that was refused', async () => {
    const c = await report();
    const before = outboxRows().length;
    await expect(call(I.daguoChair, 'concern/resolve', { id: c.id, text: '直接办结' })).rejects.toMatchObject({ code: 'CONCERN.ILLEGAL_TRANSITION' });
    expect(outboxRows()).toHaveLength(before);
  });

  it('retries a failed send with growing waits, then keeps it as dead, never deleting it', async () => {
    await report();
    const failing: NotificationSender = { send: async () => Promise.reject(new Error('template quota exceeded')) };
    const first = await deliverDue(rt.store.outbox, failing, new Date(clock));
    expect(first).toMatchObject({ claimed: 3, failed: 3 });
    // Not due again until the first wait has passed.
    expect((await deliverDue(rt.store.outbox, failing, new Date(clock + 30_000))).claimed).toBe(0);
    for (const minutes of RETRY_MINUTES) {
      clock += minutes * 60_000 + 1;
      await deliverDue(rt.store.outbox, failing, new Date(clock));
    }
    const rows = rt.store.db.prepare('SELECT status, attempts, last_error FROM outbox').all() as Array<{ status: string; attempts: number; last_error: string }>;
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r).toEqual({ status: 'dead', attempts: RETRY_MINUTES.length + 1, last_error: 'template quota exceeded' });
  });

  it('recovers after a failure: the next attempt delivers', async () => {
    await report();
    let down = true;
    const flaky: NotificationSender = {
      send: async (item: OutboxItem) => {
        if (down) throw new Error('network');
        await new InAppSender(rt.store.messages).send(item);
      },
    };
    await deliverDue(rt.store.outbox, flaky, new Date(clock));
    down = false;
    clock += RETRY_MINUTES[0] * 60_000 + 1;
    expect(await deliverDue(rt.store.outbox, flaky, new Date(clock))).toMatchObject({ sent: 3 });
    expect(outboxRows().every((r) => r.status === 'sent')).toBe(true);
  });

  it('sends each item once when two workers run at the same time', async () => {
    await report();
    const sent: string[] = [];
    const sender: NotificationSender = { send: async (item) => void sent.push(item.id) };
    await Promise.all([deliverDue(rt.store.outbox, sender, new Date(clock)), deliverDue(rt.store.outbox, sender, new Date(clock))]);
    expect(sent).toHaveLength(3);
    expect(new Set(sent).size).toBe(3);
  });

  it('gives a batch back at once when our storage fails mid-batch (a full disk), counting no attempt', async () => {
    await report(); // three notices
    let sends = 0;
    const full: NotificationSender = {
      async send() {
        if (++sends === 2) throw new AppError('STORAGE.FULL', 'the disk is full; nothing was written');
      },
    };
    await expect(deliverDue(rt.store.outbox, full, new Date(clock))).rejects.toMatchObject({ code: 'STORAGE.FULL' });
    expect(outboxRows().map((r) => r.status).sort()).toEqual(['pending', 'pending', 'sent']);
    // Same moment, no 60 s lease to wait out: the two left are delivered, without an attempt counted.
    const attempts = rt.store.db.prepare(`SELECT attempts FROM outbox WHERE status = 'pending'`).pluck().all();
    expect(attempts).toEqual([0, 0]);
    expect(await deliverDue(rt.store.outbox, new InAppSender(rt.store.messages), new Date(clock))).toMatchObject({ claimed: 2, sent: 2 });
  });
});
