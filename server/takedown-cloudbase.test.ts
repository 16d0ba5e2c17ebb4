/**
 * 举报 and 下架 through the `concern` cloud function on the CloudBase wire fake: the author of a text a
 * moderator takes down is told in 消息 once, with the reasons and without the text (issue 15).
 */
import { main as concernFunction } from '../cloudfunctions/concern/index';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { useCloudFunctions, useWechatPassing } from './test-cloud-function';

describe('a takedown on CloudBase', () => {
  const cloud = useCloudFunctions();
  useWechatPassing();
  const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => cloud.call<T>(concernFunction, openid, action, data);

  it('takes a reported description down and tells its author once, naming the reasons, not the text', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '村口路灯不亮，晚上很黑', placeId: 'dz-xicheng-daguo' });
    // Its handlers see it, so they may report it.
    await call(I.daguoChair, 'moderation/report', { concernId: c.id, reason: 'false' });
    await call(I.daguoGridWorker, 'moderation/report', { concernId: c.id, reason: 'ad' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'reject' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });

    expect(await call(I.resident, 'concern/get', { id: c.id })).toMatchObject({ moderation: 'rejected' });
    const told = cloud.wire().documents('inbox_messages').filter((m) => m.kind === 'content_removed');
    expect(told).toEqual([expect.objectContaining({ recipientOpenid: I.resident, title: '内容已被下架', page: `/pages/concern/index?id=${c.id}` })]);
    expect(String(told[0].body)).toMatch(/举报原因：(内容不实、广告或引流|广告或引流、内容不实)/);
    expect(String(told[0].body)).not.toContain('路灯');
    const mine = await call<{ items: Array<{ kind: string }> }>(I.resident, 'message/list');
    expect(mine.items.filter((m) => m.kind === 'content_removed')).toHaveLength(1);
  });

  it("reports a concern's final reply (办理答复) by the concern alone, and its takedown tells the handler who wrote it", async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '村口路灯不亮', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    const replied = await call(I.daguoChair, 'concern/reply', { id: c.id, text: '明天派电工来修' });
    expect(await call(I.resident, 'moderation/report', { concernId: c.id, finalReply: true, reason: 'false' })).toEqual({ status: 'reported' });
    expect(cloud.wire().documents('content_reports')).toEqual([expect.objectContaining({ kind: 'message', itemId: replied.thread[0].id, concernId: c.id })]);
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedMessage', id: replied.thread[0].id, decision: 'reject' });
    expect(cloud.wire().documents('inbox_messages').filter((m) => m.kind === 'content_removed')).toEqual([
      expect.objectContaining({ recipientOpenid: I.daguoChair, page: `/staff/pages/handle/index?id=${c.id}`, body: expect.stringContaining('内容不实') }),
    ]);
    await expect(call(I.resident, 'moderation/report', { concernId: c.id, finalReply: true, reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
  });
});
