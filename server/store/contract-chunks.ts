/**
 * Contract cases for work sized by user input (issue 22, item 1): a hotline file at its 500-ticket cap,
 * a roster and a boundary import, an event cancelled with many holders and hours confirmed for many
 * people — each larger than one CloudBase transaction carries (server/cloudbase/chunks.ts), so on
 * CloudBase they run in several, and on every store they end as one whole step does. Called by
 * describeStoreContract.
 */
import type { BoundaryImportPlan } from '../../core/directory/boundary-import';
import type { PolygonGeometry } from '../../core/directory/geo';
import type { EventCancellation, NewConcern, NoticeTemplate, Store } from '../../core/ports';
import { LIMITS } from '../../core/schemas';
import type { HoursAudit } from '../../core/volunteers/volunteer-model';
import { DEMO_IDENTITIES as I } from '../demo-data';
import { at, concern, event, notice, uid } from './contract-fixtures';
import { volunteerEvent } from './volunteers/contract-volunteer';

const ticket = (n: number): NewConcern => {
  const c = concern({ source: '12345', reporterOpenid: 'open311-12345', requestId: `BIG${String(n).padStart(4, '0')}` });
  return { concern: c, events: [event(c, 'submitted', { actorOpenid: c.reporterOpenid, actorName: '12345热线', actorRole: 'resident' })], notifications: [{ ...notice(I.daguoChair), id: `n-big-${n}` }] };
};
const square = (lng: number, lat: number, d: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const openid = (i: number) => `o-many-${String(i).padStart(4, '0')}`;
const template = (): NoticeTemplate => ({ id: uid('n'), kind: 'event_cancelled', title: '活动已取消', body: '活动已取消：台风', page: '/volunteer/pages/event/index?id=e1', createdAt: at(10) });
const cancellation: EventCancellation = { reason: '台风', moderation: 'published', at: at(3) };

export function describeChunkContract(current: () => Store): void {
  describe('work larger than one transaction', () => {
    it(`imports a hotline file of ${LIMITS.hotlineRowsMax} tickets whole, and a re-run adds nothing`, async () => {
      const store = current();
      const items = range(LIMITS.hotlineRowsMax).map(ticket);
      const first = await store.concerns.createMany(items);
      expect(first.created.map((c) => c.id)).toEqual(items.map((it) => it.concern.id));
      expect(first.existing).toEqual([]);
      for (const n of [0, 249, LIMITS.hotlineRowsMax - 1]) {
        expect(await store.concerns.timeline(items[n].concern.id)).toEqual(items[n].events);
        expect(await store.outbox.get(`n-big-${n}`)).toMatchObject({ recipientOpenid: I.daguoChair, status: 'pending' });
      }
      const again = await store.concerns.createMany(range(LIMITS.hotlineRowsMax).map(ticket));
      expect({ created: again.created.length, existing: again.existing.map((c) => c.id) }).toEqual({ created: 0, existing: items.map((it) => it.concern.id) });
    });

    it('refuses a large file whose last ticket cannot be stored before writing any of it', async () => {
      const store = current();
      const taken = concern({ id: 'c-taken-big' });
      await store.concerns.create(taken, [], []);
      const items = [...range(120).map(ticket), { ...ticket(120), concern: { ...ticket(120).concern, id: 'c-taken-big' } }];
      expect(await store.concerns.createMany(items).then(() => 'stored', () => 'refused')).toBe('refused');
      for (const n of [0, 60, 119]) expect(await store.concerns.get(items[n].concern.id)).toBeNull();
      expect(await store.outbox.get('n-big-0')).toBeNull();
      expect(await store.concerns.get('c-taken-big')).toEqual(taken);
    });

    it('cancels an event with 120 holders: each is told once, and cancelling again tells nobody', async () => {
      const store = current();
      const { events } = store;
      const e = volunteerEvent({ capacity: 100 });
      await events.createEvent(e);
      for (const i of range(120)) await events.signUp(e.id, { openid: openid(i), name: `街坊${i}` }, null, at(1));
      const tpl = template();
      expect(await events.cancelEvent(e.id, cancellation, tpl)).toBe(120);
      for (const i of [0, 99, 100, 119]) expect(await store.outbox.get(`${tpl.id}_${openid(i)}`)).toMatchObject({ recipientOpenid: openid(i), kind: 'event_cancelled', status: 'pending' });
      const later = template();
      expect(await events.cancelEvent(e.id, cancellation, later)).toBeNull();
      expect(await store.outbox.get(`${later.id}_${openid(0)}`)).toBeNull();
      expect(await events.getEvent(e.id)).toMatchObject({ status: 'cancelled', cancelReason: '台风', signedCount: 100, waitlistCount: 20 });
    });

    it('confirms hours for 120 people in the order given', async () => {
      const { events } = current();
      const e = volunteerEvent({ capacity: 120 });
      await events.createEvent(e);
      for (const i of range(120)) await events.signUp(e.id, { openid: openid(i), name: `街坊${i}` }, null, at(1));
      const entries: HoursAudit[] = range(120)
        .reverse()
        .map((i) => ({ id: uid('h'), signUpId: `${e.id}_${openid(i)}`, eventId: e.id, actorOpenid: I.daguoLeader, actorName: '罗队长', at: at(100), computedMinutes: 120, fromMinutes: null, toMinutes: 60 + i, reason: null, reasonModeration: 'published' }));
      await events.confirmHours(e.id, entries);
      expect(await events.hoursAudit(e.id)).toEqual(entries);
      expect(await events.getSignUp(e.id, openid(7))).toMatchObject({ confirmedMinutes: 67, confirmedAt: at(100) });
      const stray = { ...entries[0], id: uid('h'), signUpId: `${e.id}_o-nobody` };
      await expect(events.confirmHours(e.id, [...entries.slice(0, 60).map((x) => ({ ...x, id: uid('h'), toMinutes: 1 })), stray])).rejects.toThrow();
      expect(await events.getSignUp(e.id, openid(119))).toMatchObject({ confirmedMinutes: 179 });
      expect(await events.hoursAudit(e.id)).toHaveLength(120);
    });

    it('applies a roster of 300 people and a boundary file of 120 new places, the grid version bumped once', async () => {
      const { directory } = current();
      const v = await directory.gridVersion();
      const staff = range(200).map((i) => ({ openid: openid(i), name: `委员${i}`, role: 'staff' as const, nodeId: 'dz-xinan-2', phone: null }));
      const pending = range(100).map((i) => ({ phone: `1390000${String(i).padStart(4, '0')}`, name: `待绑定${i}`, role: 'staff' as const, nodeId: 'dz-xinan-1' }));
      expect(await directory.applyRosterImport({ staff, pending }, v)).toBe(true);
      expect(await directory.gridVersion()).toBe(v);
      expect(await directory.findStaff(openid(199))).toEqual(staff[199]);
      expect(await directory.claimPendingStaff('o-claims-99', pending[99].phone)).toMatchObject({ name: '待绑定99' });

      const plan: BoundaryImportPlan = {
        scopeNodeId: 'dz-xicheng',
        newNodes: range(120).map((i) => ({ id: `dz-xicheng-many-${i}`, kind: 'cooperative', name: `新社${i}`, parentId: 'dz-xicheng' })),
        boundaries: range(120).map((i) => ({ nodeId: `dz-xicheng-many-${i}`, geometry: square(112.9 + (i % 12) * 0.002, 23 + Math.floor(i / 12) * 0.002, 0.001) })),
      };
      expect(await directory.applyBoundaryImport(plan, v)).toBe(true);
      expect(await directory.gridVersion()).toBe(v + 1);
      const nodes = new Set((await directory.listNodes()).map((n) => n.id));
      expect(plan.newNodes.every((n) => nodes.has(n.id))).toBe(true);
      const inScope = (await directory.listBoundaries()).filter((b) => b.nodeId.startsWith('dz-xicheng'));
      expect(inScope).toEqual([...plan.boundaries].sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1)));
      expect(await directory.applyBoundaryImport(plan, v)).toBe(false);
    });
  });
}
