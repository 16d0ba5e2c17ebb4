/**
 * A volunteer action that cannot go on gives its concerns back (issue 20, item 2), through the router on
 * SQLite and through the cloud functions on the CloudBase wire fake: when the town's admin archives the team
 * (team/archive), its draft (which no leader can schedule any more) and its action whose event was called
 * off are cancelled; the handlers are told once per person, each concern's timeline says so, the concerns
 * keep their status and clocks, and the archived team takes no new action.
 */
import type { ActionView } from '../core/volunteers/action-views';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { codeOf, describeOnBothStores, report, schedule, TEAM_NAME, type World } from './test-action-world';

describeOnBothStores((name, world) => {
  describe(`an archived team's actions on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });

    it('cancels the draft and the scheduled action of an archived team and gives their concerns back to the handlers', async () => {
      const { call } = w;
      const drafted = await report(w, I.resident, '巷口垃圾堆积多日');
      const scheduled = await report(w, I.resident2, '祠堂后面杂物堆放');
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [drafted], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      const other = await call<ActionView>('concern', 'concern/startAction', { ids: [scheduled], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      const ev = await schedule(w, other.id);
      const before = await call<ConcernDetail>('concern', 'concern/get', { id: drafted }, I.daguoChair);
      const told = (await w.notices(I.daguoChair)).filter((t) => t === '志愿行动已取消').length;

      const archived = await call<{ cancelledEvents: Array<{ id: string }> }>('volunteer', 'team/archive', { teamId: DEMO_TEAMS.daguo }, I.townAdmin);
      expect(archived.cancelledEvents.map((e) => e.id)).toContain(ev.id);

      for (const [id, who, action] of [[drafted, I.resident, draft.id], [scheduled, I.resident2, other.id]] as const) {
        const c = await call<ConcernDetail>('concern', 'concern/get', { id }, I.daguoChair);
        expect(c.volunteerAction).toMatchObject({ id: action, status: 'cancelled', teamName: TEAM_NAME });
        expect(c.status).toBe('accepted');
        expect(c.timeline.filter((e) => e.type === 'action_cancelled').map((e) => e.note)).toEqual([`${TEAM_NAME}的志愿行动已取消，由经办人继续办理`]);
        // The resident follows it on their own concern: the team, never a volunteer.
        const theirs = await call<ConcernDetail>('concern', 'concern/get', { id }, who);
        expect(theirs.volunteerAction).toMatchObject({ status: 'cancelled', teamName: TEAM_NAME });
      }
      expect((await call<ConcernDetail>('concern', 'concern/get', { id: drafted }, I.daguoChair)).sla).toEqual(before.sla);
      expect((await w.notices(I.daguoChair)).filter((t) => t === '志愿行动已取消').length).toBe(told + 2);

      // A repeated archive changes nothing more; the archived team takes no new action; the handler resolves by hand.
      await call('volunteer', 'team/archive', { teamId: DEMO_TEAMS.daguo }, I.townAdmin);
      expect((await w.notices(I.daguoChair)).filter((t) => t === '志愿行动已取消').length).toBe(told + 2);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [drafted], teamId: DEMO_TEAMS.daguo }, I.daguoChair))).toBe('TEAM.ARCHIVED');
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('ACTION.WRONG_STEP');
      expect((await call<ConcernDetail>('concern', 'concern/resolve', { id: drafted, text: '已安排保洁清理' }, I.daguoChair)).status).toBe('resolved');
    });

    it('tells the handlers when the leader records the result, and the resident reads the team’s name, not the leader’s', async () => {
      const { call } = w;
      const id = await report(w, I.resident, '巷道积水发臭');
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      const ev = await schedule(w, draft.id);
      // Nobody signed up: the event ends with no hours to confirm, and the leader records the result.
      w.clock.set(new Date(Date.parse(ev.endAt) + 60_000).toISOString());
      const before = (await w.notices(I.daguoChair)).filter((t) => t === '志愿行动已完成').length;
      await call('volunteer', 'event/recordResult', { eventId: ev.id, text: '积水已排干，已疏通排水沟' }, I.daguoLeader);
      expect((await w.notices(I.daguoChair)).filter((t) => t === '志愿行动已完成').length).toBe(before + 1);
      const c = await call<ConcernDetail>('concern', 'concern/get', { id }, I.resident);
      expect(c.volunteerAction).toMatchObject({ status: 'reported', teamName: TEAM_NAME });
      // The leader is a volunteer: the timeline names the team for their steps.
      expect(JSON.stringify(c)).not.toMatch(/罗队长/);
      expect(c.timeline.filter((e) => e.type === 'action_scheduled' || e.type === 'action_reported').map((e) => e.actorName)).toEqual([TEAM_NAME, TEAM_NAME]);
    });
  });
});
