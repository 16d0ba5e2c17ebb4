/**
 * Volunteer actions (issue 20, items 1 and 2), end to end through the router: a handler hands two reports of
 * one lane to the 大果 team, the leader schedules the action, volunteers sign up and check in, the leader
 * records the result once the hours are confirmed, and the handler resolves both concerns with it in one
 * step; a cancelled action gives the concern back. The same flow on SQLite (the local runtime) and on
 * CloudBase (the `concern` and `volunteer` cloud functions over the wire fake).
 */
import type { RatesWithVolunteers } from '../core/volunteers/action-stats';
import type { ActionView } from '../core/volunteers/action-views';
import type { AttendanceView, ConcernDetail, TeamDetail } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from './demo-data';
import { attend, codeOf, describeOnBothStores, localWorld, report, schedule, TEAM_NAME, type World } from './test-action-world';

describeOnBothStores((name, world) => {
  describe(`volunteer actions on ${name}`, () => {
    let w: World;
    beforeEach(() => {
      w = world();
    });

    it('hands two reports of one lane to the team, schedules, records and resolves both from the result', async () => {
      const { call } = w;
      const first = await report(w, I.resident, '巷子里垃圾堆积很久了，我是陈阿姨，电话13900000001');
      const second = await report(w, I.resident2, '巷口垃圾发臭');
      const before = await call<ConcernDetail>('concern', 'concern/get', { id: first }, I.resident);

      // Only the concerns' handlers, with a team of the place, and not twice.
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [first], teamId: DEMO_TEAMS.daguo }, I.xinanStaff))).toBe('CONCERN.NOT_FOUND');
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [first], teamId: DEMO_TEAMS.dungen }, I.daguoChair))).toBe('ACTION.TEAM_ELSEWHERE');
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [first, second], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      expect(draft).toMatchObject({ status: 'draft', teamName: TEAM_NAME, concernIds: [first, second], eventId: null });
      // The reporter's name and phone stay with the handlers: the team reads a scrubbed description.
      expect(draft.description).toContain('垃圾');
      expect(draft.description).not.toMatch(/13900000001|陈阿姨/);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [second], teamId: DEMO_TEAMS.daguo }, I.daguoChair))).toBe('ACTION.CONCERN_TAKEN');
      expect(await w.notices(I.daguoLeader)).toContain('新的志愿行动待安排');

      // The resident sees who took it on; status and clocks are as they were (the committee stays accountable).
      const handed = await call<ConcernDetail>('concern', 'concern/get', { id: first }, I.resident);
      expect(handed.timeline.map((e) => e.note)).toContain(`已交由${TEAM_NAME}处理`);
      expect(handed.volunteerAction).toMatchObject({ id: draft.id, status: 'draft', teamName: TEAM_NAME });
      expect({ status: handed.status, sla: handed.sla }).toEqual({ status: before.status, sla: before.sla });

      // The leader finds the draft on the team page and schedules it, once.
      const team = await call<TeamDetail & { actions: ActionView[] }>('volunteer', 'team/get', { id: DEMO_TEAMS.daguo }, I.daguoLeader);
      expect(team.actions.map((a) => a.id)).toEqual([draft.id]);
      expect((await call<TeamDetail & { actions: ActionView[] }>('volunteer', 'team/get', { id: DEMO_TEAMS.daguo }, I.resident)).actions).toEqual([]);
      const ev = await schedule(w, draft.id);
      expect(ev.action).toMatchObject({ id: draft.id, status: 'scheduled', eventId: ev.id });
      expect(await codeOf(schedule(w, draft.id))).toBe('ACTION.WRONG_STEP');

      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('EVENT.NOT_ENDED');
      // Residents sign up and check in and out; the event ends.
      await attend(w, ev, [I.resident, I.resident2]);
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('ACTION.HOURS_UNCONFIRMED');
      const hours = await call<AttendanceView>('volunteer', 'event/confirmHours', { eventId: ev.id }, I.daguoLeader);
      expect(hours.rows.every((r) => r.confirmedMinutes !== null && r.confirmedMinutes > 0)).toBe(true);
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.resident))).toBe('AUTH.FORBIDDEN');
      const reported = await call<ActionView>('volunteer', 'event/recordResult', { eventId: ev.id, text: '巷道垃圾已全部清运，地面已冲洗' }, I.daguoLeader);
      expect(reported).toMatchObject({ status: 'reported', result: { text: '巷道垃圾已全部清运，地面已冲洗', underReview: false } });
      expect(await w.notices(I.daguoChair)).toContain('志愿行动已完成');

      // The handler resolves both concerns in one step; someone who handles none is told it does not exist.
      expect(await codeOf(call('concern', 'concern/resolveFromAction', { id: draft.id }, I.xinanStaff))).toBe('ACTION.NOT_FOUND');
      const resolved = await call<ActionView>('concern', 'concern/resolveFromAction', { id: draft.id }, I.daguoChair);
      expect(resolved.status).toBe('resolved');
      expect(await codeOf(call('concern', 'concern/resolveFromAction', { id: draft.id }, I.daguoChair))).toBe('ACTION.WRONG_STEP');
      for (const [id, who] of [[first, I.resident], [second, I.resident2]] as const) {
        const c = await call<ConcernDetail>('concern', 'concern/get', { id }, who);
        expect(c.status).toBe('resolved');
        const last = c.thread[c.thread.length - 1];
        expect(last.text).toBe(`${TEAM_NAME}已开展志愿行动处理：巷道垃圾已全部清运，地面已冲洗`);
        // The team, never a volunteer: neither 李叔 nor 陈阿姨 (who volunteered) nor the leader is named.
        expect(JSON.stringify(c.thread)).not.toMatch(/李叔|罗队长/);
        expect(c.volunteerAction).toMatchObject({ status: 'resolved', teamName: TEAM_NAME });
      }
      // 办理统计 and its export count the action, the concerns it resolved and the hours, per village and month.
      const stats = await call<RatesWithVolunteers>('concern', 'stats/rates', {}, I.daguoChair);
      expect(stats.volunteer).toEqual([
        { month: stats.months[0], villageId: 'dz-xicheng', villageName: '西城社区', actionsStarted: 1, concernsResolvedByAction: 2, volunteerMinutes: hours.rows.reduce((m, r) => m + (r.confirmedMinutes ?? 0), 0), pointsEarned: 0, pointsRedeemed: 0 },
      ]);
      const csv = await call<{ base64: string }>('concern', 'export/rates', { format: 'csv' }, I.daguoChair);
      expect(Buffer.from(csv.base64, 'base64').toString('utf8')).toContain('\r\n月份,村居,志愿行动（由诉求发起）,经志愿行动办结的诉求,志愿服务时长（小时）,积分发放,积分兑换\r\n2026-11,西城社区,1,2,');
      // The resident rates as usual.
      const rated = await call<ConcernDetail>('concern', 'concern/rate', { id: first, rating: 'satisfied' }, I.resident);
      expect(rated.rating?.value).toBe('satisfied');
    });

    it('gives the concern back to its handlers when the event is cancelled, and lets them hand it on again', async () => {
      const { call } = w;
      const id = await report(w, I.resident, '巷尾堆放建筑垃圾');
      const draft = await call<ActionView>('concern', 'concern/startAction', { ids: [id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      const ev = await schedule(w, draft.id);
      await call('volunteer', 'event/cancelEvent', { id: ev.id, reason: '台风预警' }, I.daguoLeader);
      const c = await call<ConcernDetail>('concern', 'concern/get', { id }, I.daguoChair);
      expect(c.volunteerAction?.status).toBe('cancelled');
      expect(c.status).toBe('accepted');
      expect(c.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['action_started', 'action_scheduled', 'action_cancelled']));
      expect(await w.notices(I.daguoChair)).toContain('志愿行动已取消');
      expect(await codeOf(call('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理' }, I.daguoLeader))).toBe('ACTION.WRONG_STEP');
      const again = await call<ActionView>('concern', 'concern/startAction', { ids: [id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
      expect(again.status).toBe('draft');
    });

    it('refuses concerns not yet accepted, of two places, or resolved', async () => {
      const { call } = w;
      const fresh = await call<ConcernDetail>('concern', 'concern/submit', { category: 'environment', description: '垃圾桶满了', placeId: 'dz-xicheng-daguo' }, I.resident);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [fresh.id], teamId: DEMO_TEAMS.daguo }, I.envOffice))).toBe('ACTION.CONCERN_NOT_OPEN');
      const here = await report(w, I.resident, '巷口垃圾');
      const elsewhere = await call<ConcernDetail>('concern', 'concern/submit', { category: 'environment', description: '河边垃圾', placeId: 'dz-xinan-1' }, I.resident);
      await call('concern', 'concern/accept', { id: elsewhere.id }, I.envOffice);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [here, elsewhere.id], teamId: DEMO_TEAMS.daguo }, I.envOffice))).toBe('ACTION.PLACES_DIFFER');
      await call('concern', 'concern/resolve', { id: here, text: '已清理' }, I.daguoChair);
      expect(await codeOf(call('concern', 'concern/startAction', { ids: [here], teamId: DEMO_TEAMS.daguo }, I.daguoChair))).toBe('ACTION.CONCERN_NOT_OPEN');
    });
  });
});

// The content check is core's, the same on both stores; the local word list holds 私聊 for review.
it('keeps a held result from the residents: the handlers see it, resolving from it waits for the moderator', async () => {
  const w = localWorld();
  try {
    const id = await report(w, I.resident, '巷口垃圾');
    const draft = await w.call<ActionView>('concern', 'concern/startAction', { ids: [id], teamId: DEMO_TEAMS.daguo }, I.daguoChair);
    const ev = await schedule(w, draft.id);
    await attend(w, ev, [I.resident2]);
    await w.call('volunteer', 'event/confirmHours', { eventId: ev.id }, I.daguoLeader);
    const held = await w.call<ActionView>('volunteer', 'event/recordResult', { eventId: ev.id, text: '已清理，有事私聊' }, I.daguoLeader);
    expect(held.result).toMatchObject({ underReview: true });
    expect(await codeOf(w.call('concern', 'concern/resolveFromAction', { id: draft.id }, I.daguoChair))).toBe('ACTION.RESULT_UNDER_REVIEW');
    const c = await w.call<ConcernDetail>('concern', 'concern/get', { id }, I.resident);
    expect(c.status).toBe('accepted');
    expect(JSON.stringify(c)).not.toContain('私聊');
    const seen = await w.call<{ action: ActionView | null }>('volunteer', 'event/get', { id: ev.id }, I.daguoChair);
    expect(seen.action?.result).toMatchObject({ text: '已清理，有事私聊', underReview: true });
    expect((await w.call<{ action: ActionView | null }>('volunteer', 'event/get', { id: ev.id }, I.resident2)).action).toBeNull();
  } finally {
    await w.runtime.close();
  }
});
