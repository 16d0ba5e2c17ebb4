/**
 * No silent truncation: a list answers all it should however many documents one request of the store
 * can carry (CloudBase: 1,000 per get and per aggregation). Part of the repository contract on every
 * store, and run again on CloudBase with a cap of 3 per request (cloudbase/paging.test.ts), where a
 * method that stopped at the cap would answer short.
 */
import type { ConcernMessage } from '../../core/model';
import type { Store } from '../../core/ports';
import { DEMO_IDENTITIES as I } from '../demo-data';
import { at, change, concern, message, ROUTE } from './contract-fixtures';
import { volunteerEvent } from './volunteers/contract-volunteer';

/** More than three pages of three. */
const MANY = 10;

export function describePagingContract(current: () => Store): void {
  describe('no silent truncation', () => {
    it('rate counts answer every group, past any per-request cap', async () => {
      const store = current();
      // One concern a month over MANY months: MANY groups.
      const months = Array.from({ length: MANY }, (_, n) => `2025-${String(n + 1).padStart(2, '0')}`);
      for (const m of months) await store.concerns.create(concern({ createdAt: `${m}-15T04:00:00.000Z`, updatedAt: `${m}-15T04:00:00.000Z` }), [], []);
      const rows = await store.concerns.rateCounts({ fromMonth: '2025-01', toMonth: '2025-12', node: { level: 'town', id: ROUTE.townId } });
      expect(rows.map((r) => [r.month, r.total])).toEqual(months.map((m) => [m, 1]));
    });

    it('held content lists every held description and message, oldest first, past any per-request cap', async () => {
      const store = current();
      const held = Array.from({ length: MANY }, (_, n) => concern({ moderation: 'held', createdAt: at(100 + 2 * n), updatedAt: at(100 + 2 * n) }));
      const withMessages = Array.from({ length: MANY }, (_, n) => concern({ createdAt: at(n), updatedAt: at(n) }));
      for (const c of [...held, ...withMessages]) await store.concerns.create(c, [], []);
      const messages: ConcernMessage[] = [];
      for (const [n, c] of withMessages.entries()) {
        const m = message(c, `待审回复${n}`, { authorOpenid: I.resident, authorName: '陈阿姨', authorRole: 'resident', at: at(101 + 2 * n), moderation: 'held' });
        await store.concerns.commit(c.id, 1, change({ messages: [m] }));
        messages.push(m);
      }
      const all = await store.concerns.heldContent(null, 4 * MANY);
      expect(all.map((h) => h.id)).toEqual(held.flatMap((c, n) => [c.id, messages[n].id]));
      expect((await store.concerns.heldContent([ROUTE.townId], MANY + 1)).map((h) => h.id)).toEqual(all.slice(0, MANY + 1).map((h) => h.id));
    });

    // Issue 22: reminders page past the cap too.
    it('due reminders come from every event starting in the window and every place of each, past any per-request cap', async () => {
      const { events } = current();
      const starts = Array.from({ length: MANY }, (_, n) => at(3600 + n));
      const ids: string[] = [];
      for (const [n, startAt] of starts.entries()) {
        const e = volunteerEvent({ startAt, endAt: at(7200 + n), signupDeadline: at(1800), capacity: MANY });
        ids.push(e.id);
        await events.createEvent(e);
        // Places only at the last two events: the first eight have nothing due.
        if (n >= MANY - 2) for (let k = 0; k < 5; k++) await events.signUp(e.id, { openid: `o-due-${n}-${k}`, name: `街坊${k}` }, null, at(1));
      }
      const due = await events.dueReminders(at(0), at(86400), 8);
      expect(due.map((d) => d.signUp.openid)).toEqual([...[0, 1, 2, 3, 4].map((k) => `o-due-${MANY - 2}-${k}`), ...[0, 1, 2].map((k) => `o-due-${MANY - 1}-${k}`)]);
      expect(due.map((d) => d.event.id)).toEqual([...Array(5).fill(ids[MANY - 2]), ...Array(3).fill(ids[MANY - 1])]);
    });
  });
}
