/**
 * 举报 of a volunteer event's texts on CloudBase (issue 15), through the `volunteer` and `concern` cloud
 * functions on the wire fake with the test's clock: residents report an event, the town's moderator sees
 * it in 内容审核, and 下架 replaces its title and description by 内容已下架 for everyone but its leaders and
 * the moderators — the event, its sign-ups and its stored texts stay — and tells its author once; 保留
 * leaves the texts as they are. The SQLite side: server/event-reports.test.ts.
 */
import type { EventDetail, ModerationItem } from '../core/views';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { seedCloudbaseVolunteers } from './cloudbase/seed';
import { DEMO_IDENTITIES as I, DEMO_TEAMS, demoVolunteers } from './demo-data';
import { useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock } from './test-clock';

const cloud = useCloudFunctions();
useWechatPassing();

async function world() {
  const clock = testClock('2026-12-05T00:00:00.000Z');
  await seedCloudbaseVolunteers(cloud.store().cb, demoVolunteers(clock.now(), (id) => `secret-${id}`));
  const runtime = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
  const fns = { volunteer: createCloudHandler('volunteer', async () => runtime.router, cloudbaseIdentity), concern: createCloudHandler('concern', async () => runtime.router, cloudbaseIdentity) };
  const call = async <T>(fn: keyof typeof fns, openid: string, action: string, data: unknown = {}): Promise<T> => {
    const res = (await fns[fn]({ action, data }, wechatContext(openid))) as { ok: boolean; data?: T; code?: string };
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the function's refusal as the plain { code } object that the tests match whole
    if (!res.ok) throw { code: res.code };
    return res.data as T;
  };
  const e = await call<EventDetail>('volunteer', I.daguoLeader, 'event/create', {
    teamId: DEMO_TEAMS.daguo, title: '河涌清洁', description: '报名加微信领补贴', place: '大果祠堂', startAt: '2026-12-06T01:00:00.000Z', endAt: '2026-12-06T03:00:00.000Z', capacity: 10, waitlist: false, openTo: 'all',
  });
  await call('volunteer', I.resident, 'event/signup', { eventId: e.id });
  const queue = async () => (await call<{ items: ModerationItem[] }>('concern', I.townAdmin, 'moderation/list')).items.filter((x) => x.kind === 'reportedEvent');
  return { call, e, queue };
}

describe('reporting a volunteer event (举报活动) on CloudBase', () => {
  it('lands in 内容审核 and 下架 shows 内容已下架 to all but its leaders and moderators, keeping the event and telling its author once', async () => {
    const { call, e, queue } = await world();
    expect(await call('concern', I.resident, 'moderation/report', { eventId: e.id, reason: 'ad' })).toEqual({ status: 'reported' });
    expect(await call('concern', I.resident2, 'moderation/report', { eventId: e.id, reason: 'false' })).toEqual({ status: 'reported' });
    expect(await call('concern', I.resident, 'moderation/report', { eventId: e.id, reason: 'abuse' })).toEqual({ status: 'already' });
    await expect(call('concern', I.resident, 'moderation/report', { eventId: 'ev-missing', reason: 'ad' })).rejects.toMatchObject({ code: 'EVENT.NOT_FOUND' });
    await expect(call('concern', I.resident, 'moderation/report', { eventId: e.id, concernId: 'c1', reason: 'ad' })).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(await queue()).toEqual([
      { kind: 'reportedEvent', id: e.id, text: '河涌清洁\n报名加微信领补贴', at: expect.any(String), townId: 'danzao', subject: { kind: 'event', id: e.id }, reports: { count: 2, reasons: ['ad', 'false'] } },
    ]);
    // Another town's moderator neither sees nor decides it.
    expect((await call<{ items: ModerationItem[] }>('concern', I.jiujiangAdmin, 'moderation/list')).items.filter((x) => x.id === e.id)).toEqual([]);
    await expect(call('concern', I.jiujiangAdmin, 'moderation/decide', { kind: 'reportedEvent', id: e.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });

    expect(await call('concern', I.townAdmin, 'moderation/decide', { kind: 'reportedEvent', id: e.id, decision: 'reject' })).toEqual({ decided: true });
    await expect(call('concern', I.townAdmin, 'moderation/decide', { kind: 'reportedEvent', id: e.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect(await queue()).toEqual([]);

    expect(await call('volunteer', I.resident, 'event/get', { id: e.id })).toMatchObject({ title: '内容已下架', description: '内容已下架', place: '大果祠堂', myStatus: 'signed' });
    expect(await call('volunteer', I.resident2, 'event/get', { id: e.id })).toMatchObject({ title: '内容已下架', description: '内容已下架' });
    expect(await call('volunteer', I.daguoLeader, 'event/get', { id: e.id })).toMatchObject({ title: '河涌清洁', description: '报名加微信领补贴' });
    expect(await call('volunteer', I.townAdmin, 'event/get', { id: e.id })).toMatchObject({ title: '河涌清洁', description: '报名加微信领补贴' });
    expect(cloud.wire().documents('vol_events').find((d) => d._id === e.id)).toMatchObject({ title: '河涌清洁', description: '报名加微信领补贴', moderation: 'published' });

    const told = cloud.wire().documents('inbox_messages').filter((m) => m.kind === 'content_removed');
    expect(told).toEqual([expect.objectContaining({ recipientOpenid: I.daguoLeader, title: '内容已被下架', page: `/volunteer/pages/event/index?id=${e.id}` })]);
    expect(String(told[0].body)).toMatch(/举报原因：(广告或引流、内容不实|内容不实、广告或引流)/);
    expect(String(told[0].body)).not.toContain('河涌');
    expect(await call('concern', I.resident2, 'moderation/report', { eventId: e.id, reason: 'ad' })).toEqual({ status: 'already' });
  });

  it('保留 closes the reports and leaves the texts as they are', async () => {
    const { call, e, queue } = await world();
    await call('concern', I.resident2, 'moderation/report', { eventId: e.id, reason: 'other' });
    expect(await call('concern', I.townAdmin, 'moderation/decide', { kind: 'reportedEvent', id: e.id, decision: 'publish' })).toEqual({ decided: true });
    expect(await queue()).toEqual([]);
    expect(await call('volunteer', I.resident, 'event/get', { id: e.id })).toMatchObject({ title: '河涌清洁', description: '报名加微信领补贴' });
    expect(cloud.wire().documents('inbox_messages').filter((m) => m.kind === 'content_removed')).toEqual([]);
  });
});
