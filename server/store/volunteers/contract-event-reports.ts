/**
 * Contract cases for 举报 of volunteer event texts (issue 15): reports of kind `event` are kept, listed and
 * closed like the others, and an event's texts are taken down once, on a published event only, keeping
 * every text. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import { contentReport } from '../trust/contract-reports';
import { volunteerEvent } from './contract-volunteer';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at } from '../contract-fixtures';

export function describeEventReportContract(current: () => Store): void {
  describe('content reports of volunteer events (举报活动)', () => {
    it('keeps reports of kind event, one per person, apart from a concern of the same id', async () => {
      const { contentReports } = current();
      const ev = contentReport({ kind: 'event', itemId: 'ev-reported-1', concernId: 'ev-reported-1', at: at(2) });
      expect(await contentReports.add(ev)).toBe(true);
      expect(await contentReports.add({ ...ev, id: 'cr-again', reason: 'abuse' })).toBe(false);
      expect(await contentReports.add(contentReport({ kind: 'concern', itemId: 'ev-reported-1', concernId: 'ev-reported-1', at: at(3) }))).toBe(true);
      expect(await contentReports.open(['danzao'], 10)).toContainEqual(ev);
      expect(await contentReports.isOpen('event', ev.itemId, ['danzao'])).toBe(true);
      expect(await contentReports.isOpen('event', ev.itemId, ['jiujiang'])).toBe(false);
      expect(await contentReports.close('event', ev.itemId, 'removed', at(5), ['danzao'])).toBe(1);
      expect(await contentReports.isOpen('event', ev.itemId, null)).toBe(false);
      expect(await contentReports.isOpen('concern', ev.itemId, null)).toBe(true);
    });

    it('takes a published event’s texts down once, keeping them, and never a held one', async () => {
      const { events } = current();
      const fine = volunteerEvent({ title: '加微信领补贴', description: '扫码进群' });
      const held = volunteerEvent({ moderation: 'held' });
      await events.createEvent(fine);
      await events.createEvent(held);
      expect((await events.getEvent(fine.id))?.textRemovedAt).toBeNull();
      const downs = await Promise.all([events.takeDownText(fine.id, at(10)), events.takeDownText(fine.id, at(11))]);
      expect(downs.filter(Boolean)).toHaveLength(1);
      expect(await events.takeDownText(fine.id, at(12))).toBe(false);
      expect(await events.getEvent(fine.id)).toMatchObject({ title: '加微信领补贴', description: '扫码进群', moderation: 'published', status: 'open', createdBy: I.daguoLeader });
      expect([at(10), at(11)]).toContain((await events.getEvent(fine.id))?.textRemovedAt);
      expect(await events.takeDownText(held.id, at(10))).toBe(false);
      expect(await events.takeDownText('ev-missing', at(10))).toBe(false);
      expect((await events.getEvent(held.id))?.textRemovedAt).toBeNull();
    });
  });
}
