/** 举报: people report published text into the town's 内容审核; a moderator keeps it or takes it down. */
import { HELD_TEXT } from '../core/trust/content';
import type { ConcernDetail, ModerationItem, PublicConcern } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';

let rt: LocalRuntime;
beforeEach(() => {
  let t = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', rateLimits: GENEROUS_LIMITS, now: () => new Date((t += 1000)) });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const queue = async (who: string = I.townAdmin) => (await call<{ items: ModerationItem[] }>(who, 'moderation/list')).items;
/** The concern as the public board shows it (open ones too, as "the same problem nearby"), or its error code. */
const card = (id: string) =>
  call<PublicConcern>(I.resident2, 'board/get', { id }).then(
    (p) => p.description,
    (e: { code: string }) => e.code,
  );

async function repliedConcern() {
  const c = await call(I.resident, 'concern/submit', { category: 'road', description: '村口路灯不亮，晚上很黑', placeId: 'dz-xicheng-daguo' });
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  const replied = await call(I.daguoChair, 'concern/reply', { id: c.id, text: '明天派电工来修' });
  return { c, messageId: replied.thread[0].id };
}

describe('reporting a text (举报)', () => {
  it("lands a board card's description and a thread message in the town's 内容审核, counted per text, without hiding either", async () => {
    const { c, messageId } = await repliedConcern();
    expect(await call(I.resident2, 'moderation/report', { concernId: c.id, reason: 'false' })).toEqual({ status: 'reported' });
    expect(await call(I.daguoGridWorker, 'moderation/report', { concernId: c.id, reason: 'privacy' })).toEqual({ status: 'reported' });
    expect(await call(I.resident2, 'moderation/report', { concernId: c.id, reason: 'ad' })).toEqual({ status: 'already' });
    expect(await call(I.resident, 'moderation/report', { concernId: c.id, messageId, reason: 'abuse' })).toEqual({ status: 'reported' });

    expect(await queue()).toEqual([
      { kind: 'reportedConcern', id: c.id, text: '村口路灯不亮，晚上很黑', at: expect.any(String), townId: 'danzao', subject: { kind: 'concern', id: c.id }, reports: { count: 2, reasons: ['false', 'privacy'] } },
      { kind: 'reportedMessage', id: messageId, text: '明天派电工来修', at: expect.any(String), townId: 'danzao', subject: { kind: 'concern', id: c.id }, reports: { count: 1, reasons: ['abuse'] } },
    ]);
    expect(await queue(I.jiujiangAdmin)).toEqual([]);
    // Reported is not hidden: the card and the reply stay until a moderator decides.
    expect(await card(c.id)).toBe('村口路灯不亮，晚上很黑');
    expect((await call(I.resident, 'concern/get', { id: c.id })).thread.map((m) => m.text)).toEqual(['明天派电工来修']);
  });

  it('is refused for a thread the caller is not part of, and for a text nobody can see, changing nothing', async () => {
    const { c, messageId } = await repliedConcern();
    await expect(call(I.resident2, 'moderation/report', { concernId: c.id, messageId, reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    await expect(call(I.resident, 'moderation/report', { concernId: c.id, messageId: 'm-missing', reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    await expect(call(I.resident2, 'moderation/report', { concernId: 'c-missing', reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    await expect(call(I.resident2, 'moderation/report', { concernId: c.id, reason: 'because' })).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    // A held description is on no board: a bystander cannot find it to report.
    const held = await call(I.resident, 'concern/submit', { category: 'road', description: '修灯请加微信 abc123', placeId: 'dz-xicheng-daguo' });
    await expect(call(I.resident2, 'moderation/report', { concernId: held.id, reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    // Its handler may report it, but it already waits for review: nothing more is stored.
    expect(await call(I.daguoChair, 'moderation/report', { concernId: held.id, reason: 'ad' })).toEqual({ status: 'under_review' });
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM content_reports').pluck().get()).toBe(0);
  });

  it('is kept (通过) by the moderator: the text stays, the item leaves the queue, and nobody can decide it twice', async () => {
    const { c } = await repliedConcern();
    await call(I.resident2, 'moderation/report', { concernId: c.id, reason: 'false' });
    await expect(call(I.jiujiangAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect(await call(I.townAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'publish' })).toEqual({ decided: true });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect(await queue()).toEqual([]);
    expect(await card(c.id)).toBe('村口路灯不亮，晚上很黑');
    expect((await rt.store.concerns.get(c.id))?.moderation).toBe('published');
  });

  it("is taken down (不通过) by the moderator: off the board, a placeholder for the resident, kept for its author and the concern's handlers", async () => {
    const { c, messageId } = await repliedConcern();
    await call(I.resident2, 'moderation/report', { concernId: c.id, reason: 'false' });
    await call(I.resident, 'moderation/report', { concernId: c.id, messageId, reason: 'abuse' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'reject' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedMessage', id: messageId, decision: 'reject' });
    expect(await queue()).toEqual([]);
    expect(await card(c.id)).toBe('CONCERN.NOT_FOUND');
    expect(await call(I.resident, 'concern/get', { id: c.id })).toMatchObject({ description: '村口路灯不亮，晚上很黑', moderation: 'rejected' });
    expect((await call(I.resident, 'concern/get', { id: c.id })).thread.map((m) => [m.text, m.moderation])).toEqual([[HELD_TEXT, 'rejected']]);
    expect((await call(I.daguoChair, 'concern/get', { id: c.id })).thread.map((m) => [m.text, m.moderation])).toEqual([['明天派电工来修', 'rejected']]);
    // Nothing was deleted: the stored texts are as written.
    expect(rt.store.db.prepare('SELECT text FROM concern_messages').pluck().all()).toEqual(['明天派电工来修']);
    expect(rt.store.db.prepare('SELECT status FROM content_reports ORDER BY at').pluck().all()).toEqual(['removed', 'removed']);
  });

  it('tells the author in 消息 when their text is taken down, naming the reasons but not the text; the reporters and a kept text get nothing', async () => {
    const { c, messageId } = await repliedConcern();
    const inbox = async (who: string) => (await call<{ items: Array<{ id: string; kind: string; title: string; body: string; page: string }> }>(who, 'message/list')).items.filter((m) => m.kind === 'content_removed');
    await call(I.resident2, 'moderation/report', { concernId: c.id, reason: 'false' });
    await call(I.daguoGridWorker, 'moderation/report', { concernId: c.id, reason: 'privacy' });
    await call(I.resident, 'moderation/report', { concernId: c.id, messageId, reason: 'abuse' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedMessage', id: messageId, decision: 'publish' });
    expect(await inbox(I.daguoChair)).toEqual([]);

    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedConcern', id: c.id, decision: 'reject' });
    const [told] = await inbox(I.resident);
    expect(told).toMatchObject({ title: '内容已被下架', page: `/pages/concern/index?id=${c.id}` });
    expect(told.body).toContain('诉求描述');
    expect(told.body).toContain('举报原因：内容不实、泄露他人隐私');
    expect(told.body).not.toContain('路灯');
    for (const who of [I.resident2, I.daguoGridWorker, I.daguoChair, I.townAdmin]) expect(await inbox(who)).toEqual([]);
  });

  it("tells a handler whose reply is taken down, on the handling page, once even when the decision is made again after a cut", async () => {
    const { c, messageId } = await repliedConcern();
    const count = () => rt.store.db.prepare(`SELECT COUNT(*) FROM inbox_messages WHERE kind = 'content_removed'`).pluck().get();
    await call(I.resident, 'moderation/report', { concernId: c.id, messageId, reason: 'abuse' });
    // A run cut after the text went down and the author was told, before the reports closed: deciding again finishes it.
    const close = rt.store.contentReports.close.bind(rt.store.contentReports);
    rt.store.contentReports.close = async () => {
      throw new Error('cut');
    };
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'reportedMessage', id: messageId, decision: 'reject' })).rejects.toThrow('cut');
    rt.store.contentReports.close = close;
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedMessage', id: messageId, decision: 'reject' });
    expect(count()).toBe(1);
    const items = (await call<{ items: Array<{ kind: string; body: string; page: string }> }>(I.daguoChair, 'message/list')).items.filter((m) => m.kind === 'content_removed');
    expect(items).toEqual([expect.objectContaining({ page: `/staff/pages/handle/index?id=${c.id}`, body: expect.stringContaining('一条留言') })]);
    expect(items[0].body).toContain('辱骂或人身攻击');
    expect(items[0].body).not.toContain('电工');
  });

  it("takes 举报 on a board card's 办理答复 without a message id: the reply is found on the server, and its takedown leaves the card", async () => {
    const { c, messageId } = await repliedConcern();
    const finalReply = () => call<PublicConcern>(I.resident2, 'board/get', { id: c.id }).then((p) => p.finalReply);
    expect(await finalReply()).toBe('明天派电工来修');
    // A bystander knows no message id: the card's concern id and `finalReply` name the text.
    await expect(call(I.resident2, 'moderation/report', { concernId: c.id, messageId, reason: 'abuse' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    expect(await call(I.resident2, 'moderation/report', { concernId: c.id, finalReply: true, reason: 'abuse' })).toEqual({ status: 'reported' });
    expect(await call(I.resident2, 'moderation/report', { concernId: c.id, finalReply: true, reason: 'ad' })).toEqual({ status: 'already' });
    await expect(call(I.resident2, 'moderation/report', { concernId: c.id, messageId, finalReply: true, reason: 'ad' })).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(await queue()).toEqual([expect.objectContaining({ kind: 'reportedMessage', id: messageId, text: '明天派电工来修', reports: { count: 1, reasons: ['abuse'] } })]);
    await call(I.townAdmin, 'moderation/decide', { kind: 'reportedMessage', id: messageId, decision: 'reject' });
    expect(await finalReply()).toBeNull();
    expect((await call<{ items: Array<{ kind: string; recipientOpenid: string }> }>(I.daguoChair, 'message/list')).items.filter((m) => m.kind === 'content_removed')).toHaveLength(1);
    // Nothing left to report on the card: no published final reply.
    await expect(call(I.resident2, 'moderation/report', { concernId: c.id, finalReply: true, reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
  });

  it('refuses 举报 of the final reply of a concern that has none, or that the caller cannot see, storing nothing', async () => {
    const fresh = await call(I.resident, 'concern/submit', { category: 'road', description: '路面有坑', placeId: 'dz-xicheng-daguo' });
    await expect(call(I.resident, 'moderation/report', { concernId: fresh.id, finalReply: true, reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    await expect(call(I.resident2, 'moderation/report', { concernId: 'c-missing', finalReply: true, reason: 'ad' })).rejects.toMatchObject({ code: 'CONCERN.NOT_FOUND' });
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM content_reports').pluck().get()).toBe(0);
  });
});
