/**
 * Contract cases for the notification outbox (queue, claim and lease, sent and failed marks, the delivery
 * workers) and the in-app inbox of delivered messages. Called by describeStoreContract.
 */
import { deliverDue } from '../../../core/concerns/outbox';
import type { NotificationSender, Store } from '../../../core/ports';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at, concern, inboxMessage, notice } from '../contract-fixtures';

export function describeOutboxContract(current: () => Store): void {
  let store: Store;
  beforeEach(() => {
    store = current();
  });

  describe('outbox', () => {
    it('queues notifications with the concern and claims the due ones in order, leased against a second claim', async () => {
      const c = concern();
      const n = [notice(I.daguoGridWorker, at(2)), notice(I.daguoChair, at(1)), notice(I.envOffice, at(30))];
      await store.concerns.create(c, [], n);
      const claimed = await store.outbox.claimDue(at(10), at(70), 100);
      expect(claimed.map((x) => x.id)).toEqual([n[1].id, n[0].id]);
      expect(claimed[0]).toEqual({ ...n[1], status: 'pending', attempts: 0, nextAttemptAt: n[1].createdAt, lastError: null, sentAt: null });
      expect(await store.outbox.claimDue(at(20), at(80), 100)).toEqual([]);
      expect((await store.outbox.claimDue(at(71), at(131), 100)).map((x) => x.id)).toEqual([n[1].id, n[0].id, n[2].id]);
      expect(await store.outbox.claimDue(at(80), at(140), 1)).toEqual([]);
    });

    it('queues notices on their own once per id, however many times and at once they are queued', async () => {
      const n = [notice(I.townAdmin, at(1)), notice(I.daguoChair, at(2))];
      const added = await Promise.all([0, 1, 2].map(() => store.outbox.enqueue(n)));
      expect(added.reduce((a, b) => a + b, 0)).toBe(2);
      expect(await store.outbox.enqueue([])).toBe(0);
      // A notice already queued is left as it is, even after it was sent.
      await store.outbox.claimDue(at(5), at(65), 100);
      expect(await store.outbox.markSent(n[0].id, at(6), at(65))).toBe(true);
      expect(await store.outbox.enqueue([{ ...n[0], title: '改过的标题' }])).toBe(0);
      expect(await store.outbox.get(n[0].id)).toEqual({ ...n[0], status: 'sent', attempts: 0, nextAttemptAt: n[0].createdAt, lastError: null, sentAt: at(6) });
      expect(await store.outbox.get(n[1].id)).toMatchObject({ status: 'pending', title: n[1].title });
    });

    it('marks an item sent only under the lease that claimed it: a slow worker whose lease ran out stops, so nothing is sent twice but the item in flight', async () => {
      const c = concern();
      const n = Array.from({ length: 4 }, () => notice(I.daguoChair));
      await store.concerns.create(c, [], n);
      // A stale lease cannot mark an item sent.
      const [first] = await store.outbox.claimDue(at(1), at(61), 1);
      expect(await store.outbox.markSent(first.id, at(2), at(999))).toBe(false);
      await store.outbox.release([first.id], at(61));
      // Worker A claims all four at 10 s and is slow: while it sends the first, its lease runs out and B claims them at 80 s.
      const sent: Array<{ by: string; id: string }> = [];
      let slowA: Promise<unknown> = Promise.resolve();
      const sender = (by: string, onFirst?: () => Promise<unknown>): NotificationSender => ({
        async send(item) {
          sent.push({ by, id: item.id });
          if (onFirst && sent.filter((s) => s.by === by).length === 1) await onFirst();
        },
      });
      const b = () => deliverDue(store.outbox, sender('B'), new Date(Date.parse(at(80))));
      slowA = deliverDue(store.outbox, sender('A', b), new Date(Date.parse(at(10))));
      const reportA = (await slowA) as { sent: number };
      expect(reportA.sent).toBe(1);
      const byId = Object.entries(sent.reduce<Record<string, number>>((m, s) => ({ ...m, [s.id]: (m[s.id] ?? 0) + 1 }), {}));
      // The item A was sending when its lease ran out is sent twice (at least once, as ever); no other is.
      expect(byId.filter(([, k]) => k > 1).map(([id]) => id)).toEqual([sent[0].id]);
      expect(byId.map(([id]) => id).sort()).toEqual(n.map((x) => x.id).sort());
      for (const x of n) expect(await store.outbox.get(x.id)).toMatchObject({ status: 'sent' });
    });

    it('records a failed attempt only under the lease that claimed it: a slow worker whose lease ran out neither counts an attempt nor gives up the item another worker holds', async () => {
      const c = concern();
      const [a, b] = [notice(I.daguoChair), notice(I.daguoGridWorker)];
      await store.concerns.create(c, [], [a, b]);
      await store.outbox.claimDue(at(1), at(61), 100);
      // B claims both after A's lease ran out; A's late failures (one giving up) change nothing.
      expect((await store.outbox.claimDue(at(62), at(122), 100)).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      expect(await store.outbox.markFailed(a.id, '超时', null, at(61))).toBe(false);
      expect(await store.outbox.markFailed(b.id, '超时', at(200), at(61))).toBe(false);
      expect(await store.outbox.get(a.id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
      expect(await store.outbox.get(b.id)).toMatchObject({ status: 'pending', attempts: 0, lastError: null });
      // B's lease still holds them: its own results are recorded.
      expect(await store.outbox.markSent(a.id, at(63), at(122))).toBe(true);
      expect(await store.outbox.markFailed(b.id, '模板无效', at(300), at(122))).toBe(true);
      expect(await store.outbox.get(b.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(300), lastError: '模板无效' });
      // A lease never taken (an item not claimed) records nothing either.
      expect(await store.outbox.markFailed(b.id, 'x', null, at(122))).toBe(false);
      expect(await store.outbox.get(b.id)).toMatchObject({ status: 'pending', attempts: 1 });
    });

    it('stops a slow batch whose send failed after its lease ran out: the other worker sends the item, with no attempt counted', async () => {
      const c = concern();
      const n = Array.from({ length: 3 }, () => notice(I.daguoChair));
      await store.concerns.create(c, [], n);
      const sent: string[] = [];
      const good: NotificationSender = {
        async send(item) {
          sent.push(item.id);
        },
      };
      let reportB: unknown = null;
      // A claims at 10 s; its first send hangs until B (at 80 s, after A's lease) has sent everything, then fails.
      const slowFailing: NotificationSender = {
        async send() {
          reportB = await deliverDue(store.outbox, good, new Date(Date.parse(at(80))));
          throw new Error('网络超时');
        },
      };
      const reportA = await deliverDue(store.outbox, slowFailing, new Date(Date.parse(at(10))));
      expect(reportB).toMatchObject({ claimed: 3, sent: 3 });
      expect(reportA).toMatchObject({ claimed: 3, sent: 0, failed: 0, dead: 0 });
      expect(sent.sort()).toEqual(n.map((x) => x.id).sort());
      for (const x of n) expect(await store.outbox.get(x.id)).toMatchObject({ status: 'sent', attempts: 0, lastError: null });
    });

    it('gives each due item to exactly one of several workers claiming at once', async () => {
      const c = concern();
      const n = Array.from({ length: 9 }, () => notice(I.daguoChair));
      await store.concerns.create(c, [], n);
      const claims = await Promise.all([1, 2, 3].map(() => store.outbox.claimDue(at(10), at(70), 100)));
      const ids = claims.flat().map((x) => x.id);
      expect(ids.sort()).toEqual(n.map((x) => x.id).sort());
    });

    it('marks items sent, retries failures at the given time, and keeps given-up items as dead', async () => {
      const c = concern();
      const [a, b, d] = [notice(I.daguoChair), notice(I.daguoGridWorker), notice(I.envOffice)];
      await store.concerns.create(c, [], [a, b, d]);
      await store.outbox.claimDue(at(1), at(61), 100);
      expect(await store.outbox.markSent(a.id, at(2), at(61))).toBe(true);
      expect(await store.outbox.markFailed(b.id, 'x'.repeat(600), at(120), at(61))).toBe(true);
      expect(await store.outbox.markFailed(d.id, '模板无效', null, at(61))).toBe(true);
      expect(await store.outbox.get(a.id)).toMatchObject({ status: 'sent', sentAt: at(2), attempts: 0 });
      expect(await store.outbox.get(b.id)).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: at(120), lastError: 'x'.repeat(500) });
      expect(await store.outbox.get(d.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: '模板无效' });
      expect(await store.outbox.claimDue(at(100), at(160), 100)).toEqual([]);
      expect((await store.outbox.claimDue(at(120), at(180), 100)).map((x) => x.id)).toEqual([b.id]);
      // A late report about an item that is already sent changes nothing.
      expect(await store.outbox.markFailed(a.id, 'late', at(500), at(61))).toBe(false);
      expect(await store.outbox.get(a.id)).toMatchObject({ status: 'sent', attempts: 0, lastError: null });
      expect(await store.outbox.get('n-missing')).toBeNull();
    });

    it('gives back the leases of a failed batch at once, without an attempt, and leaves others alone', async () => {
      const c = concern();
      const [a, b, d] = [notice(I.daguoChair), notice(I.daguoGridWorker), notice(I.envOffice)];
      await store.concerns.create(c, [], [a, b, d]);
      expect(await store.outbox.claimDue(at(10), at(70), 2)).toHaveLength(2);
      expect(await store.outbox.markSent(a.id, at(11), at(70))).toBe(true);
      await store.outbox.release([a.id, b.id], at(70));
      expect(await store.outbox.get(a.id)).toMatchObject({ status: 'sent', attempts: 0 });
      // Due again at once, not after the lease; no attempt counted.
      const again = await store.outbox.claimDue(at(12), at(72), 100);
      expect(again.map((x) => x.id).sort()).toEqual([b.id, d.id].sort());
      expect(again.find((x) => x.id === b.id)).toMatchObject({ attempts: 0, lastError: null });
      // A release with a lease that is no longer ours changes nothing.
      await store.outbox.release([b.id, d.id], at(70));
      expect(await store.outbox.claimDue(at(13), at(73), 100)).toEqual([]);
      await store.outbox.release([], at(72));
    });
  });

  describe('in-app messages', () => {
    it('stores a delivered message once, even when delivered again after being read', async () => {
      const m = inboxMessage(I.resident, at(1));
      await Promise.all([store.messages.deliver(m), store.messages.deliver(m)]);
      expect(await store.messages.markRead(I.resident, [m.id], at(5))).toBe(1);
      await store.messages.deliver(m);
      expect((await store.messages.list(I.resident, { cursor: null, limit: 10 })).items).toEqual([{ ...m, readAt: at(5) }]);
    });

    it('pages newest first, counts unread, and marks read only what belongs to the person', async () => {
      const mine = [0, 1, 2, 3].map((i) => inboxMessage(I.resident, at(i)));
      const theirs = inboxMessage(I.resident2, at(9));
      for (const m of [...mine, theirs]) await store.messages.deliver(m);
      const first = await store.messages.list(I.resident, { cursor: null, limit: 3 });
      expect(first.items.map((m) => m.id)).toEqual([mine[3].id, mine[2].id, mine[1].id]);
      const second = await store.messages.list(I.resident, { cursor: first.nextCursor, limit: 3 });
      expect(second).toEqual({ items: [mine[0]], nextCursor: null });
      expect(await store.messages.unreadCount(I.resident)).toBe(4);
      expect(await store.messages.markRead(I.resident, [mine[0].id, theirs.id, mine[0].id], at(10))).toBe(1);
      expect(await store.messages.markRead(I.resident, [], at(10))).toBe(0);
      expect(await store.messages.unreadCount(I.resident)).toBe(3);
      expect(await store.messages.markRead(I.resident, null, at(11))).toBe(3);
      expect(await store.messages.markRead(I.resident, null, at(12))).toBe(0);
      expect(await store.messages.unreadCount(I.resident)).toBe(0);
      expect(await store.messages.unreadCount(I.resident2)).toBe(1);
    });
  });
}
