/**
 * A resident following up their concern (#17), on both stores: 撤回 before acceptance with a reason, 催办
 * once per working day after the acknowledge deadline. Each is one event on the timeline, the handlers are
 * told in the same write, a refusal changes nothing, and a retried request is applied once.
 */
import { HELD_TEXT } from '../core/trust/content';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { BACKENDS, type Backend } from './test-backends';
import { testClock, type TestClock } from './test-clock';
import { codeOf } from './test-outcome';

const PLACE = 'dz-xicheng-daguo';

describe.each(BACKENDS)('following up a concern on %s', (_name, backend) => {
  let b: Backend;
  let clock: TestClock;
  beforeEach(async () => {
    clock = testClock();
    b = await backend(clock.now);
  });
  afterEach(() => b.close());

  const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => b.call(openid, action, data) as Promise<T>;
  const report = (description = '祠堂旁垃圾堆积') => call(I.resident, 'concern/submit', { category: 'environment', description, placeId: PLACE });
  const get = (id: string, openid: string = I.resident) => call(openid, 'concern/get', { id });
  const failure = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; details?: unknown }) => ({ code: e.code, details: e.details }));
  const noticesOf = async (kind: string) => (await b.notices()).filter((n) => n.kind === kind);

  describe('撤回 (withdraw)', () => {
    it('withdraws an assigned concern with the reason on the timeline, stops its clocks and tells the handlers, naming the concern', async () => {
      const c = await report();
      expect(c.moves).toContain('withdraw');
      const w = await call(I.resident, 'concern/withdraw', { id: c.id, reason: '邻居已经帮忙清理了' });
      expect(w.status).toBe('withdrawn');
      expect(w.moves).toEqual([]);
      expect(w.sla.dueAt).toBeNull();
      expect(w.timeline[w.timeline.length - 1]).toMatchObject({ type: 'withdrawn', fromStatus: 'assigned', toStatus: 'withdrawn', note: '邻居已经帮忙清理了', actorRole: 'resident' });
      const told = await noticesOf('concern_withdrawn');
      expect(told.map((n) => n.recipientOpenid)).toEqual(expect.arrayContaining([I.daguoChair, I.daguoGridWorker]));
      expect(told.every((n) => n.recipientOpenid !== I.resident)).toBe(true);
      expect(told[0]).toMatchObject({ title: '居民已撤回诉求', page: `/staff/pages/handle/index?id=${c.id}` });
      expect(told[0].body).toContain('大果经济社');
      expect(told[0].body).toContain('祠堂旁垃圾堆积');
      // Nothing is left to do on it: it leaves the open inbox, and no one can accept it any more.
      const inbox = await call<{ items: Array<{ id: string }> }>(I.daguoChair, 'concern/inbox', {});
      expect(inbox.items.map((i) => i.id)).not.toContain(c.id);
      expect(await codeOf(call(I.daguoChair, 'concern/accept', { id: c.id }))).toBe('CONCERN.ILLEGAL_TRANSITION');
    });

    it('applies a retried withdrawal once (same requestId)', async () => {
      const c = await report();
      const first = await call(I.resident, 'concern/withdraw', { id: c.id, reason: '不需要了', requestId: 'req-withdraw-0001' });
      const again = await call(I.resident, 'concern/withdraw', { id: c.id, reason: '不需要了', requestId: 'req-withdraw-0001' });
      expect(again.timeline).toEqual(first.timeline);
      expect(await noticesOf('concern_withdrawn')).toHaveLength(3);
      expect((await get(c.id)).timeline.filter((e) => e.type === 'withdrawn')).toHaveLength(1);
    });

    it('refuses once the concern is accepted, without a reason, or from anyone but the reporter, changing nothing', async () => {
      const c = await report();
      expect(await codeOf(call(I.resident, 'concern/withdraw', { id: c.id, reason: '' }))).toBe('VALIDATION.FAILED');
      expect(await codeOf(call(I.resident2, 'concern/withdraw', { id: c.id, reason: '不需要了' }))).toBe('CONCERN.NOT_FOUND');
      expect(await codeOf(call(I.daguoChair, 'concern/withdraw', { id: c.id, reason: '不需要了' }))).toBe('AUTH.FORBIDDEN');
      await call(I.daguoChair, 'concern/accept', { id: c.id });
      const before = await get(c.id);
      expect(before.moves).not.toContain('withdraw');
      expect(await codeOf(call(I.resident, 'concern/withdraw', { id: c.id, reason: '不需要了' }))).toBe('CONCERN.ILLEGAL_TRANSITION');
      expect(await get(c.id)).toEqual(before);
      expect(await noticesOf('concern_withdrawn')).toEqual([]);
    });

    it('withdraws with a held reason, which stays out of the timeline and the notices and is kept for the moderator', async () => {
      const c = await report();
      const w = await call(I.resident, 'concern/withdraw', { id: c.id, reason: '不用了，有事加我微信' });
      expect(w.status).toBe('withdrawn');
      expect(w.timeline[w.timeline.length - 1].note).toBeNull();
      expect(w.thread.map((m) => [m.text, m.moderation])).toEqual([['撤回原因：不用了，有事加我微信', 'held']]);
      for (const n of await noticesOf('concern_withdrawn')) expect(n.body).not.toContain('加我微信');
      expect((await get(c.id, I.daguoChair)).thread.map((m) => m.moderation)).toEqual(['held']);
    });
  });

  describe('催办 (chase up)', () => {
    it('is not offered nor accepted before the acknowledge deadline; the page says from when', async () => {
      const c = await report();
      expect(c.moves).not.toContain('chase');
      expect(c.chaseFrom).toBe(c.sla.ackDueAt);
      expect(await failure(call(I.resident, 'concern/chase', { id: c.id }))).toEqual({ code: 'CONCERN.CHASE_TOO_EARLY', details: { from: c.sla.ackDueAt } });
      expect((await get(c.id)).timeline).toEqual(c.timeline);
      expect(await noticesOf('concern_chased')).toEqual([]);
    });

    it('chases once the deadline has passed, telling the handlers; once per working day, then again the next', async () => {
      const c = await report();
      clock.set(c.sla.ackDueAt!);
      expect((await get(c.id)).moves).toContain('chase');
      const chased = await call(I.resident, 'concern/chase', { id: c.id, requestId: 'req-chase-00000001' });
      expect(chased.status).toBe('assigned');
      expect(chased.timeline[chased.timeline.length - 1]).toMatchObject({ type: 'chased', fromStatus: 'assigned', toStatus: 'assigned', actorRole: 'resident' });
      const told = await noticesOf('concern_chased');
      expect(told.map((n) => n.recipientOpenid)).toEqual(expect.arrayContaining([I.daguoChair, I.daguoGridWorker]));
      expect(told[0]).toMatchObject({ title: '居民催办，请尽快办理' });
      expect(told[0].body).toContain('祠堂旁垃圾堆积');

      // A retry of the same tap adds nothing; a second chase today is refused and says when the next opens.
      expect((await call(I.resident, 'concern/chase', { id: c.id, requestId: 'req-chase-00000001' })).timeline).toEqual(chased.timeline);
      expect(chased.moves).not.toContain('chase');
      expect(chased.chaseFrom).not.toBeNull();
      expect(await failure(call(I.resident, 'concern/chase', { id: c.id }))).toEqual({ code: 'CONCERN.CHASE_TOO_SOON', details: { from: chased.chaseFrom } });

      clock.set(chased.chaseFrom!);
      const next = await call(I.resident, 'concern/chase', { id: c.id });
      expect(next.timeline.filter((e) => e.type === 'chased')).toHaveLength(2);
      expect(await noticesOf('concern_chased')).toHaveLength(told.length * 2);
    });

    it('also chases an accepted concern, but not a resolved one nor another person\'s', async () => {
      const c = await report();
      await call(I.daguoChair, 'concern/accept', { id: c.id });
      clock.set(c.sla.ackDueAt!);
      expect(await codeOf(call(I.resident2, 'concern/chase', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
      expect(await codeOf(call(I.daguoChair, 'concern/chase', { id: c.id }))).toBe('AUTH.FORBIDDEN');
      expect((await call(I.resident, 'concern/chase', { id: c.id })).status).toBe('accepted');
      await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已清理' });
      clock.advance(7 * 86_400_000);
      expect(await codeOf(call(I.resident, 'concern/chase', { id: c.id }))).toBe('CONCERN.ILLEGAL_TRANSITION');
    });
  });

  describe('messages name their concern', () => {
    type Listed = { items: Array<{ kind: string; page: string; concern: { id: string; categoryName: string; placeName: string; text: string; status: string } | null }> };

    it('names category, place, text and status now; 「请评价」 opens the concern at the rating box', async () => {
      const c = await report();
      await call(I.daguoChair, 'concern/accept', { id: c.id });
      await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已清理干净' });
      await b.deliver();
      const mine = await call<Listed>(I.resident, 'message/list', {});
      const resolved = mine.items.find((m) => m.kind === 'concern_resolved')!;
      expect(resolved.page).toBe(`/pages/concern/index?id=${c.id}&focus=rate`);
      expect(resolved.concern).toEqual({ id: c.id, categoryName: '人居环境/环境卫生', placeName: '大果经济社', text: '祠堂旁垃圾堆积', status: 'resolved' });
      expect(mine.items.find((m) => m.kind === 'concern_accepted')!.page).toBe(`/pages/concern/index?id=${c.id}`);
      const staff = await call<Listed>(I.daguoChair, 'message/list', {});
      expect(staff.items.find((m) => m.kind === 'concern_assigned')!.concern).toMatchObject({ id: c.id, status: 'resolved' });
    });

    it('shows held text to its author only, never to the handlers\' list', async () => {
      const c = await report('垃圾没人清，加我微信');
      await call(I.daguoChair, 'concern/accept', { id: c.id });
      await b.deliver();
      const staff = await call<Listed>(I.daguoChair, 'message/list', {});
      expect(staff.items[0].concern).toMatchObject({ id: c.id, text: HELD_TEXT });
      const mine = await call<Listed>(I.resident, 'message/list', {});
      expect(mine.items.map((m) => [m.kind, m.concern?.text])).toEqual([['concern_accepted', '垃圾没人清，加我微信']]);
    });
  });
});
