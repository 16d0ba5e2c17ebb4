/**
 * Contract cases for 举报: one report per person and item, a town's open reports oldest first, closing an
 * item's reports once, and taking a reported text down (published → rejected) only in the moderator's
 * towns. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import type { ContentReport } from '../../../core/trust/report-model';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at, change, concern, event, message, uid } from '../contract-fixtures';

export function contentReport(over: Partial<ContentReport> = {}): ContentReport {
  return { id: uid('cr'), kind: 'concern', itemId: 'c-reported-1', concernId: 'c-reported-1', townId: 'danzao', reporterOpenid: I.resident2, reason: 'ad', at: at(1), status: 'open', decidedAt: null, ...over };
}

export function describeReportContract(current: () => Store): void {
  describe('content reports (举报)', () => {
    it('keeps one report per person and item, and lists the open ones of the given towns oldest first', async () => {
      const { contentReports } = current();
      const first = contentReport({ at: at(2) });
      const other = contentReport({ reporterOpenid: I.resident, reason: 'abuse', at: at(1) });
      const message = contentReport({ kind: 'message', itemId: 'm-reported-1', at: at(3) });
      const elsewhere = contentReport({ itemId: 'c-reported-jj', concernId: 'c-reported-jj', townId: 'jiujiang', at: at(4) });
      for (const r of [first, other, message, elsewhere]) expect(await contentReports.add(r)).toBe(true);
      // The same person again, even with another reason and id: nothing is written.
      expect(await contentReports.add({ ...first, id: uid('cr'), reason: 'other', at: at(9) })).toBe(false);
      // A report of the same id as a message's is another item.
      expect(await contentReports.add(contentReport({ kind: 'message', itemId: first.itemId, at: at(5) }))).toBe(true);

      expect((await contentReports.open(['danzao'], 10)).map((r) => r.id).slice(0, 3)).toEqual([other.id, first.id, message.id]);
      expect(await contentReports.open(['danzao'], 10)).toHaveLength(4);
      expect(await contentReports.open(null, 10)).toContainEqual(elsewhere);
      expect(await contentReports.open(['jiujiang'], 10)).toEqual([elsewhere]);
      expect(await contentReports.open([], 10)).toEqual([]);
      expect(await contentReports.open(null, 2)).toHaveLength(2);
    });

    it("closes an item's open reports once, only in the given towns, and a report after the decision opens it again", async () => {
      const { contentReports } = current();
      const a = contentReport();
      const b = contentReport({ reporterOpenid: I.resident });
      const msg = contentReport({ kind: 'message', itemId: a.itemId });
      for (const r of [a, b, msg]) await contentReports.add(r);
      expect(await contentReports.isOpen('concern', a.itemId, ['jiujiang'])).toBe(false);
      expect(await contentReports.isOpen('concern', a.itemId, [])).toBe(false);
      expect(await contentReports.isOpen('concern', a.itemId, ['danzao'])).toBe(true);
      expect(await contentReports.isOpen('concern', 'c-other', null)).toBe(false);
      expect(await contentReports.close('concern', a.itemId, 'kept', at(10), ['jiujiang'])).toBe(0);
      expect(await contentReports.close('concern', a.itemId, 'kept', at(10), [])).toBe(0);
      const closed = await Promise.all([contentReports.close('concern', a.itemId, 'kept', at(10), ['danzao']), contentReports.close('concern', a.itemId, 'removed', at(11), null)]);
      expect(closed.sort()).toEqual([0, 2]);
      expect(await contentReports.close('concern', a.itemId, 'kept', at(12), null)).toBe(0);
      expect(await contentReports.isOpen('concern', a.itemId, null)).toBe(false);
      expect(await contentReports.isOpen('message', a.itemId, null)).toBe(true);
      // The message's report is another item's: still open.
      expect(await contentReports.open(null, 10)).toEqual([msg]);
      // A kept text reported again by someone new is open again; those who reported it before cannot repeat it.
      expect(await contentReports.add({ ...a, id: uid('cr'), at: at(20) })).toBe(false);
      const fresh = contentReport({ reporterOpenid: I.daguoChair, at: at(20) });
      expect(await contentReports.add(fresh)).toBe(true);
      expect((await contentReports.open(null, 10)).map((r) => r.id)).toEqual([msg.id, fresh.id]);
    });

    it('takes a published description or message down (published → rejected) only in the given towns, once', async () => {
      const store = current();
      const dz = concern();
      await store.concerns.create(dz, [event(dz, 'submitted')], []);
      const reply = message(dz, '加微信领补贴');
      await store.concerns.commit(dz.id, 1, change({ messages: [reply] }));
      const held = message(dz, '待审核的话', { moderation: 'held', at: at(3) });
      await store.concerns.commit(dz.id, 2, change({ messages: [held] }));

      expect(await store.concerns.decideModeration('concern', dz.id, 'rejected', ['jiujiang'], 'published')).toBe(false);
      expect(await store.concerns.decideModeration('message', reply.id, 'rejected', ['jiujiang'], 'published')).toBe(false);
      // A held message is not published: it waits in the queue as it is.
      expect(await store.concerns.decideModeration('message', held.id, 'rejected', null, 'published')).toBe(false);
      const downs = await Promise.all([store.concerns.decideModeration('message', reply.id, 'rejected', ['danzao'], 'published'), store.concerns.decideModeration('message', reply.id, 'rejected', null, 'published')]);
      expect(downs.filter(Boolean)).toHaveLength(1);
      expect(await store.concerns.decideModeration('concern', dz.id, 'rejected', ['danzao'], 'published')).toBe(true);
      expect(await store.concerns.decideModeration('concern', dz.id, 'rejected', null, 'published')).toBe(false);
      expect(await store.concerns.get(dz.id)).toMatchObject({ moderation: 'rejected', description: dz.description, version: 3 });
      expect((await store.concerns.thread(dz.id)).map((m) => [m.text, m.moderation])).toEqual([
        ['加微信领补贴', 'rejected'],
        ['待审核的话', 'held'],
      ]);
    });
  });
}
