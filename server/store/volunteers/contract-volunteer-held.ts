/**
 * Contract cases for held volunteer texts (an event's text or its cancellation reason waiting for a
 * moderator): listed by team, decided once per field. Called by describeStoreContract, after describeVolunteerContract.
 */
import type { Store } from '../../../core/ports';
import type { HoursAudit, VolunteerEvent } from '../../../core/volunteers/volunteer-model';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from '../../demo-data';
import { at, uid } from '../contract-fixtures';
import { membership, person, template, volunteerEvent } from './contract-volunteer';

export function describeHeldVolunteerTexts(current: () => Store): void {
  describe('held volunteer texts', () => {
    it('lists events with held texts or held cancellation reasons, by team, oldest first, and decides each field once', async () => {
      const store = current();
      const { events } = store;
      const heldText = volunteerEvent({ moderation: 'held', createdAt: at(5) });
      const otherTeam = volunteerEvent({ teamId: DEMO_TEAMS.dungen, moderation: 'held', createdAt: at(1) });
      const fine = volunteerEvent({ createdAt: at(0) });
      for (const e of [heldText, otherTeam, fine]) await events.createEvent(e);
      expect(await events.getEvent(heldText.id)).toEqual(heldText);
      await events.signUp(fine.id, person('o-vol-001'), null, at(1));
      expect(await events.cancelEvent(fine.id, { reason: '有事私聊', moderation: 'held', at: at(3) }, template('event_cancelled'))).toBe(1);
      expect(await events.getEvent(fine.id)).toMatchObject({ status: 'cancelled', moderation: 'published', cancelReason: '有事私聊', cancelModeration: 'held', cancelledAt: at(3) });

      expect((await events.heldEvents(null, 10)).map((e) => e.id)).toEqual([otherTeam.id, fine.id, heldText.id]);
      expect((await events.heldEvents([DEMO_TEAMS.daguo], 10)).map((e) => e.id)).toEqual([fine.id, heldText.id]);
      expect((await events.heldEvents([DEMO_TEAMS.daguo], 1)).map((e) => e.id)).toEqual([fine.id]);
      expect(await events.heldEvents([], 10)).toEqual([]);

      // Two moderators decide the same texts at once: one decision counts, and only its notice is queued.
      const notices = [0, 1].map(() => ({ ...template('event_reviewed'), id: uid('n'), recipientOpenid: I.daguoLeader }));
      const decisions = await Promise.all([events.decideEvent(heldText.id, 'event', 'published', [notices[0]]), events.decideEvent(heldText.id, 'event', 'rejected', [notices[1]])]);
      expect(decisions.filter(Boolean)).toHaveLength(1);
      const won = decisions[0] ? 0 : 1;
      expect(await events.getEvent(heldText.id)).toEqual({ ...heldText, moderation: won === 0 ? 'published' : 'rejected' });
      expect(await store.outbox.get(notices[won].id)).toMatchObject({ recipientOpenid: I.daguoLeader, kind: 'event_reviewed' });
      expect(await store.outbox.get(notices[1 - won].id)).toBeNull();
      // Each field moves only from held; the other field and the counters stay as they were.
      expect(await events.decideEvent(heldText.id, 'event', 'published', [])).toBe(false);
      expect(await events.decideEvent(heldText.id, 'cancelReason', 'published', [])).toBe(false);
      expect(await events.decideEvent(fine.id, 'event', 'rejected', [])).toBe(false);
      expect(await events.decideEvent('ev-missing', 'event', 'published', [])).toBe(false);
      expect(await events.decideEvent(fine.id, 'cancelReason', 'rejected', [])).toBe(true);
      expect(await events.getEvent(fine.id)).toMatchObject({ moderation: 'published', cancelReason: '有事私聊', cancelModeration: 'rejected', signedCount: 1 });
      expect((await events.heldEvents(null, 10)).map((e) => e.id)).toEqual([otherTeam.id]);
    });

    it("lists hours entries whose reason is held, by the event's team, and decides each once without touching the entry", async () => {
      const { events } = current();
      const [mine, theirs] = [volunteerEvent(), volunteerEvent({ teamId: DEMO_TEAMS.dungen })];
      for (const e of [mine, theirs]) {
        await events.createEvent(e);
        await events.signUp(e.id, person('o-vol-201'), null, at(1));
      }
      const entry = (e: VolunteerEvent, atSeconds: number, reason: string, reasonModeration: HoursAudit['reasonModeration']): HoursAudit => ({
        id: uid('h'),
        signUpId: `${e.id}_o-vol-201`,
        eventId: e.id,
        actorOpenid: I.daguoLeader,
        actorName: '罗队长',
        at: at(atSeconds),
        computedMinutes: 120,
        fromMinutes: null,
        toMinutes: 60,
        reason,
        reasonModeration,
      });
      const held = entry(mine, 200, '提前走了，有事私聊', 'held');
      const fine = entry(mine, 300, '提前离开', 'published');
      const elsewhere = entry(theirs, 100, '加我微信', 'held');
      await events.confirmHours(mine.id, [held]);
      await events.confirmHours(mine.id, [fine]);
      await events.confirmHours(theirs.id, [elsewhere]);
      expect(await events.hoursAudit(mine.id)).toEqual([held, fine]);
      expect((await events.heldHoursReasons(null, 10)).map((a) => a.id)).toEqual([elsewhere.id, held.id]);
      expect(await events.heldHoursReasons([DEMO_TEAMS.daguo], 10)).toEqual([held]);
      expect(await events.heldHoursReasons([], 10)).toEqual([]);

      const decisions = await Promise.all([events.decideHoursReason(held.id, 'published'), events.decideHoursReason(held.id, 'rejected')]);
      expect(decisions.filter(Boolean)).toHaveLength(1);
      expect(await events.decideHoursReason(held.id, 'published')).toBe(false);
      expect(await events.decideHoursReason(fine.id, 'rejected')).toBe(false);
      expect(await events.decideHoursReason('h-missing', 'published')).toBe(false);
      expect(await events.hoursAudit(mine.id)).toEqual([{ ...held, reasonModeration: decisions[0] ? 'published' : 'rejected' }, fine]);
      expect(await events.heldHoursReasons([DEMO_TEAMS.daguo], 10)).toEqual([]);
    });

    it('keeps an application note with its verdict, lists held notes by team, and decides each once', async () => {
      const { teams } = current();
      const held = membership(DEMO_TEAMS.daguo, 'o-vol-101', { note: '加我微信细聊', noteModeration: 'held', appliedAt: at(4) });
      const elsewhere = membership(DEMO_TEAMS.dungen, 'o-vol-102', { note: '私聊我', noteModeration: 'held', appliedAt: at(2) });
      const plain = membership(DEMO_TEAMS.daguo, 'o-vol-103', { note: '周末有空', appliedAt: at(1) });
      for (const m of [held, elsewhere, plain]) await teams.apply(m, []);
      expect(await teams.getMembership(DEMO_TEAMS.daguo, 'o-vol-101')).toEqual(held);
      expect(await teams.getMembership(DEMO_TEAMS.daguo, 'o-vol-103')).toEqual(plain);
      expect((await teams.heldNotes(null, 10)).map((m) => m.id)).toEqual([elsewhere.id, held.id]);
      expect(await teams.heldNotes([DEMO_TEAMS.daguo], 10)).toEqual([held]);
      expect(await teams.heldNotes([], 10)).toEqual([]);

      const decisions = await Promise.all([teams.decideNote(held.id, 'published'), teams.decideNote(held.id, 'rejected')]);
      expect(decisions.filter(Boolean)).toHaveLength(1);
      expect(await teams.decideNote(held.id, 'published')).toBe(false);
      expect(await teams.decideNote(plain.id, 'rejected')).toBe(false);
      expect(await teams.decideNote('team-x_o-missing', 'published')).toBe(false);
      expect(await teams.getMembership(DEMO_TEAMS.daguo, 'o-vol-101')).toEqual({ ...held, noteModeration: decisions[0] ? 'published' : 'rejected' });

      // Declined, then applying again: the new note and its verdict replace the old ones.
      await teams.transition(plain.id, ['pending'], 'declined', at(5), []);
      const again = { ...plain, note: '无抵押贷款', noteModeration: 'held' as const, appliedAt: at(6) };
      expect((await teams.apply(again, [])).changed).toBe(true);
      expect(await teams.getMembership(DEMO_TEAMS.daguo, 'o-vol-103')).toEqual({ ...again, status: 'pending', decidedAt: null });
      expect((await teams.heldNotes([DEMO_TEAMS.daguo], 10)).map((m) => m.id)).toEqual([plain.id]);
    });
  });
}
