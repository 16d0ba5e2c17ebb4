/** Content security: flagged text is held for the town admin, never dropped, never shown to others. */
import { HELD_TEXT } from '../core/content';
import type { ConcernDetail, ConcernSummary, ModerationItem, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';

let rt: LocalRuntime;
beforeEach(() => {
  // A clock that ticks a second per reading, so "newest first" never depends on two writes' millisecond.
  let t = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', rateLimits: GENEROUS_LIMITS, now: () => new Date((t += 1000)) });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const AD = '路灯坏了，修灯请加微信 abc123';

describe('held content', () => {
  it('keeps a flagged description for its author and the moderator, and a placeholder for everyone else', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: AD, placeId: 'dz-xicheng-daguo' });
    expect(c).toMatchObject({ description: AD, moderation: 'held' });
    expect((await call(I.daguoChair, 'concern/get', { id: c.id })).description).toBe(HELD_TEXT);
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox');
    expect(inbox.items.find((i) => i.id === c.id)?.description).toBe(HELD_TEXT);
    expect((await call(I.townAdmin, 'concern/get', { id: c.id })).description).toBe(AD);
    // The notice to the committee does not carry the held text.
    const bodies = rt.store.db.prepare('SELECT body FROM outbox').pluck().all() as string[];
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.some((b) => b.includes('加微信'))).toBe(false);
  });

  it('holds a flagged reply instead of dropping it, and keeps it out of the timeline', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    const replied = await call(I.resident, 'concern/reply', { id: c.id, text: '推荐一个赌博网站' });
    expect(replied.thread.map((m) => [m.text, m.moderation])).toEqual([['推荐一个赌博网站', 'held']]);
    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen.thread.map((m) => m.text)).toEqual([HELD_TEXT]);
    expect(seen.timeline.some((e) => (e.note ?? '').includes('赌博'))).toBe(false);
  });

  it('keeps a flagged rating comment as a held message while the rating stands', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已修好' });
    const rated = await call(I.resident, 'concern/rate', { id: c.id, rating: 'satisfied', comment: '有事私聊我' });
    expect(rated.status).toBe('closed');
    expect(rated.rating).toMatchObject({ value: 'satisfied', comment: null });
    expect(rated.thread.find((m) => m.moderation === 'held')?.text).toBe('有事私聊我');
  });

  it('lets the town admin publish or reject each held item; the text is kept either way', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: AD, placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.resident, 'concern/reply', { id: c.id, text: '无抵押贷款了解一下' });
    const held = await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list');
    expect(held.items.map((h) => [h.kind, h.text])).toEqual([
      ['concern', AD],
      ['message', '无抵押贷款了解一下'],
    ]);
    await expect(call(I.daguoChair, 'moderation/list')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });

    await call(I.townAdmin, 'moderation/decide', { kind: 'concern', id: c.id, decision: 'publish' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'message', id: held.items[1].id, decision: 'reject' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'concern', id: c.id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });

    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen.description).toBe(AD);
    expect(seen.thread.map((m) => m.text)).toEqual([HELD_TEXT]);
    expect(rt.store.db.prepare(`SELECT text, moderation FROM concern_messages`).all()).toEqual([{ text: '无抵押贷款了解一下', moderation: 'rejected' }]);
    expect((await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items).toEqual([]);
  });
});

describe('feedback about the app (投诉建议)', () => {
  it('is stored with its content check and read by admins only, newest first', async () => {
    await call(I.resident, 'feedback/submit', { text: '字太小了，老人家看不清', contact: '13900000001' });
    await call(I.resident2, 'feedback/submit', { text: '加我微信领红包' });
    const list = await call<Page<{ text: string; moderation: string; contact: string | null }>>(I.townAdmin, 'feedback/list');
    expect(list.items.map((f) => [f.text, f.moderation, f.contact])).toEqual([
      ['加我微信领红包', 'held', null],
      ['字太小了，老人家看不清', 'published', '13900000001'],
    ]);
    await expect(call(I.resident, 'feedback/list')).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });
});
