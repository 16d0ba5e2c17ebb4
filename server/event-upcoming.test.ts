/**
 * Home's upcoming volunteer events (issue 17, item 5), `event/upcoming`, through the router on SQLite and
 * the cloud functions on the CloudBase wire fake: the open, published events a resident can still join near
 * their stated place (or a place they name), soonest first; none before they state a place; never another
 * village's, a cancelled one or one that has begun.
 */
import type { EventSummary } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { codeOf, describeOnBothStores, schedule, type World } from './test-action-world';

type Upcoming = { placeId: string | null; items: EventSummary[] };

describeOnBothStores((name, world) => {
  describe(`upcoming events near the resident on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });
    const upcoming = (who: string, data: Record<string, unknown> = {}) => w.call<Upcoming>('volunteer', 'event/upcoming', data, who);

    it('lists the joinable events of the teams of the resident’s place, soonest first, and none before a place is stated', async () => {
      const ev = await schedule(w);
      expect(await upcoming(I.resident2)).toEqual({ placeId: null, items: [] });

      await w.call('concern', 'me/setPlace', { placeId: 'dz-xicheng-daguo' }, I.resident2);
      const near = await upcoming(I.resident2);
      expect(near.placeId).toBe('dz-xicheng-daguo');
      expect(near.items.map((e) => e.id)).toContain(ev.id);
      const now = w.clock.now().toISOString();
      expect(near.items.every((e) => e.status === 'open' && e.startAt > now)).toBe(true);
      expect(near.items.map((e) => e.startAt)).toEqual([...near.items.map((e) => e.startAt)].sort());
      expect(near.items.find((e) => e.id === ev.id)).toMatchObject({ teamName: '大果党群清洁志愿服务队', myStatus: null });

      // Another village's resident does not see 大果's event; naming 大果 shows it.
      await w.call('concern', 'me/setPlace', { placeId: 'jj-dungen-1' }, I.resident);
      expect((await upcoming(I.resident)).items.map((e) => e.id)).not.toContain(ev.id);
      expect((await upcoming(I.resident, { placeId: 'dz-xicheng-daguo' })).items.map((e) => e.id)).toContain(ev.id);

      // Signed up, it says so; once it has begun it is no longer offered.
      await w.call('volunteer', 'event/signup', { eventId: ev.id }, I.resident2);
      expect((await upcoming(I.resident2)).items.find((e) => e.id === ev.id)?.myStatus).toBe('signed');
      w.clock.set(new Date(Date.parse(ev.startAt) + 60_000).toISOString());
      expect((await upcoming(I.resident2)).items.map((e) => e.id)).not.toContain(ev.id);
    });

    it('drops a cancelled event and refuses an unknown place, changing nothing', async () => {
      const ev = await schedule(w);
      await w.call('volunteer', 'event/cancelEvent', { id: ev.id, reason: '台风预警，活动取消' }, I.daguoLeader);
      expect((await upcoming(I.resident2, { placeId: 'dz-xicheng-daguo' })).items.map((e) => e.id)).not.toContain(ev.id);
      expect(await codeOf(upcoming(I.resident2, { placeId: 'nowhere' }))).toBe('GRID.PLACE_NOT_FOUND');
      expect(await codeOf(upcoming(I.resident2, { placeId: 'dz-xicheng-daguo', limit: 3 }))).toBe('VALIDATION.FAILED');
    });
  });
});
