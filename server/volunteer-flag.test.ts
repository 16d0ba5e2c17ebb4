/**
 * Teams propose (issue 20, item 3), through the router on SQLite and through the `volunteer` and `concern`
 * cloud functions on the CloudBase wire fake: the 大果 team's leader flags a place 需要整治 from the team's
 * event; it becomes a concern of 大果经济社 filed by the leader's own account with `source: 'team'`, routed,
 * clocked and notified like any report, and it enters the same cycle (the committee can hand it back to the
 * team). Nobody else may flag, and a refused flag writes nothing.
 */
import type { ActionView } from '../core/volunteers/action-views';
import type { ConcernDetail, ConcernSummary, Page } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { codeOf, describeOnBothStores, schedule, TEAM_NAME, type World } from './test-action-world';

const FLAG = '巷尾空地杂物堆积，蚊虫多，需要整治';

describeOnBothStores((name, world) => {
  describe(`a leader flags a place on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });
    const mine = async (who: string) => (await w.call<Page<ConcernSummary>>('concern', 'concern/listMine', {}, who)).items.map((c) => c.id);

    it('files a concern of the team’s place as the leader’s report, marked 志愿服务队发现, in the same cycle', async () => {
      const { call } = w;
      const ev = await schedule(w);
      const flagged = await call<ConcernDetail>('volunteer', 'event/flagPlace', { eventId: ev.id, description: FLAG }, I.daguoLeader);
      expect(flagged).toMatchObject({ source: 'team', mine: true, category: 'environment', placeId: 'dz-xicheng-daguo', status: 'assigned', description: FLAG });
      expect(flagged.route).toMatchObject({ cooperativeId: 'dz-xicheng-daguo' });
      expect(flagged.timeline.find((e) => e.type === 'submitted')?.note).toBe(`志愿服务队发现：${TEAM_NAME}`);
      expect(await mine(I.daguoLeader)).toEqual([flagged.id]);
      // Routed like any report: the cooperative's committee is told and sees where it came from.
      expect(await w.notices(I.daguoChair)).toContain('新诉求待签收');
      const seen = await call<ConcernDetail>('concern', 'concern/get', { id: flagged.id }, I.daguoChair);
      expect(seen).toMatchObject({ source: 'team', reporterName: flagged.reporterName });
      expect(seen.sla.ackDueAt).not.toBeNull();

      // The committee accepts it and hands it to the team that found it.
      await call('concern', 'concern/accept', { id: flagged.id }, I.daguoChair);
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [flagged.id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      expect(draft).toMatchObject({ status: 'draft', concernIds: [flagged.id] });
      const back = await call<ConcernDetail>('concern', 'concern/get', { id: flagged.id }, I.daguoLeader);
      expect(back.volunteerAction).toMatchObject({ status: 'draft', teamName: TEAM_NAME });
      expect(back.source).toBe('team');
    });

    it('lets only a leader of the event’s team flag, from an event that stands, and writes nothing otherwise', async () => {
      const { call } = w;
      const ev = await schedule(w);
      for (const who of [I.resident, I.resident2, I.daguoChair, I.envOffice, I.townAdmin]) {
        expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: ev.id, description: FLAG }, who))).toBe('AUTH.FORBIDDEN');
      }
      // 敦根社区街坊会's leader leads another team.
      expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: ev.id, description: FLAG }, I.dungenLeader))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: 'ev-none', description: FLAG }, I.daguoLeader))).toBe('EVENT.NOT_FOUND');
      expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: ev.id, description: '脏' }, I.daguoLeader))).toBe('CONCERN.DESCRIPTION_TOO_SHORT');
      expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: ev.id, description: FLAG, category: 'no_such_kind' }, I.daguoLeader))).toBe('CATEGORY.UNKNOWN');
      expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: ev.id, description: FLAG, extra: 1 }, I.daguoLeader))).toBe('VALIDATION.FAILED');
      await call('volunteer', 'event/cancelEvent', { id: ev.id, reason: '台风预警' }, I.daguoLeader);
      expect(await codeOf(call('volunteer', 'event/flagPlace', { eventId: ev.id, description: FLAG }, I.daguoLeader))).toBe('EVENT.CANCELLED');
      expect(await mine(I.daguoLeader)).toEqual([]);
      expect(await w.notices(I.daguoChair)).not.toContain('新诉求待签收');
    });

    it('answers a retried flag with the concern stored the first time', async () => {
      const ev = await schedule(w);
      const input = { eventId: ev.id, description: FLAG, requestId: 'flag-retry-0001' };
      const first = await w.call<ConcernDetail>('volunteer', 'event/flagPlace', input, I.daguoLeader);
      const again = await w.call<ConcernDetail>('volunteer', 'event/flagPlace', input, I.daguoLeader);
      expect(again.id).toBe(first.id);
      expect(await mine(I.daguoLeader)).toEqual([first.id]);
    });
  });
});
