/**
 * The public board on both stores: through the router on SQLite, and through the `concern` cloud function
 * on the CloudBase store over the wire fake (identity from the function context). Scrubbed cards, "+1"
 * once per person, similar open concerns nearby, reply templates; held text never on the board.
 */
import type { ConcernDetail, PublicConcern } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { BACKENDS, type Backend } from './test-backends';
import { codeOf } from './test-outcome';
import { testClock } from './test-clock';

/** Held by the local word list and by the fake msgSecCheck alike (加我微信 → review). */
const HELD_DESCRIPTION = '村口垃圾三天没人清，加我微信详谈';

describe.each(BACKENDS)('the public board on %s', (_name, backend) => {
  let b: Backend;
  beforeEach(async () => {
    b = await backend(testClock().now);
  });
  afterEach(() => b.close());

  const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => b.call(openid, action, data) as Promise<T>;
  const report = (description: string, extra: Record<string, unknown> = {}) =>
    call(I.resident, 'concern/submit', { category: 'environment', description, placeId: 'dz-xicheng-daguo', ...extra });
  const resolved = async (description: string, reply: string) => {
    const c = await report(description);
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    return call(I.daguoChair, 'concern/resolve', { id: c.id, text: reply });
  };
  const board = () => call<{ enabled: boolean; items: PublicConcern[] }>(I.resident2, 'board/list', { placeId: 'dz-xicheng' });

  it('shows a resolved concern with its final reply, without phone numbers, names, reporter or photos', async () => {
    const c = await resolved('我是陈阿姨，电话13800138000，村口垃圾三天没人清', '黄社长已安排清运，有问题打0757-86661234');
    const listed = await board();
    expect(listed.enabled).toBe(true);
    const [card] = listed.items;
    expect(card).toMatchObject({ id: c.id, categoryName: '人居环境/环境卫生', status: 'resolved', open: false });
    expect(card.resolvedAt).not.toBeNull();
    const shown = JSON.stringify(card);
    for (const secret of ['13800138000', '0757-86661234', '陈阿姨', '黄社长', I.resident, 'photos', 'reporter', 'location']) expect(shown).not.toContain(secret);
    expect(card.finalReply).toContain('已安排清运');
    expect(await call(I.resident2, 'board/get', { id: c.id })).toEqual(card);
  });

  it('lists the most recently resolved first, in the village picked and not in another', async () => {
    const first = await resolved('村口垃圾三天没人清', '已清运');
    const second = await resolved('祠堂旁垃圾桶满了', '已清理');
    expect((await board()).items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect((await call<{ items: PublicConcern[] }>(I.resident2, 'board/list', { placeId: 'dz-xicheng', limit: 1 })).items.map((i) => i.id)).toEqual([second.id]);
    expect(await call(I.resident2, 'board/list', { placeId: 'xq-ruxi' })).toEqual({ enabled: true, items: [] });
  });

  it('never shows a held description: not on the board, not by id, not as a similar concern', async () => {
    const held = await resolved(HELD_DESCRIPTION, '已清运');
    const open = await report(HELD_DESCRIPTION);
    expect((await board()).items.map((i) => i.id)).not.toContain(held.id);
    expect(await codeOf(call(I.resident2, 'board/get', { id: held.id }))).toBe('CONCERN.NOT_FOUND');
    expect((await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category: 'environment', placeId: 'dz-xicheng-daguo' })).items.map((i) => i.id)).not.toContain(open.id);
  });

  it('lists nothing for a town whose board is off', async () => {
    await b.boardOff('danzao');
    const c = await resolved('路灯坏了', '已修好');
    expect(await board()).toEqual({ enabled: false, items: [] });
    expect(await codeOf(call(I.resident2, 'board/get', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
    expect(await codeOf(call(I.resident2, 'concern/plusOne', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
  });

  it('counts one +1 per person on an open public concern, however often they tap', async () => {
    const c = await report('村口垃圾堆积');
    for (let i = 0; i < 3; i++) expect(await call(I.resident2, 'concern/plusOne', { id: c.id })).toEqual({ id: c.id, plusOnes: 1, plusOned: true });
    expect(await call(I.daguoLeader, 'concern/plusOne', { id: c.id })).toMatchObject({ plusOnes: 2 });
    expect(await codeOf(call(I.resident2, 'concern/plusOne', { id: 'nope' }))).toBe('CONCERN.NOT_FOUND');
    const [card] = (await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category: 'environment', placeId: 'dz-xicheng-daguo' })).items;
    expect(card).toMatchObject({ id: c.id, plusOnes: 2, plusOned: true });
  });

  it('refuses a +1 on one\'s own concern, counts nothing, and marks the card as the caller\'s', async () => {
    const c = await report('村口垃圾堆积');
    expect(await codeOf(call(I.resident, 'concern/plusOne', { id: c.id }))).toBe('CONCERN.OWN_CONCERN');
    const mine = (await call<{ items: PublicConcern[] }>(I.resident, 'concern/similar', { category: 'environment', placeId: 'dz-xicheng-daguo' })).items;
    expect(mine.find((i) => i.id === c.id)).toMatchObject({ plusOnes: 0, plusOned: false, mine: true });
    const others = (await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category: 'environment', placeId: 'dz-xicheng-daguo' })).items;
    expect(others.find((i) => i.id === c.id)).toMatchObject({ plusOnes: 0, mine: false });
  });

  it('refuses a +1 on a concern that is no longer open', async () => {
    const c = await resolved('村口垃圾堆积', '已清运');
    expect(await codeOf(call(I.resident2, 'concern/plusOne', { id: c.id }))).toBe('CONCERN.ILLEGAL_TRANSITION');
    expect((await board()).items[0]).toMatchObject({ id: c.id, plusOnes: 0, plusOned: false });
  });

  it('finds open concerns of the same category in the same village or within 300 m, not other categories or far ones', async () => {
    const same = await report('大果村口垃圾堆积', { location: DEMO_POINTS.daguo });
    await report('大果路灯坏了', { category: 'road', location: DEMO_POINTS.daguo });
    const byPlace = await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category: 'environment', placeId: 'dz-xicheng-daguo' });
    expect(byPlace.items.map((i) => i.id)).toEqual([same.id]);
    const byPoint = await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category: 'environment', location: { lat: DEMO_POINTS.daguo.lat + 0.001, lng: DEMO_POINTS.daguo.lng } });
    expect(byPoint.items.map((i) => i.id)).toEqual([same.id]);
    const far = await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category: 'environment', placeId: 'jj-dungen' });
    expect(far.items).toEqual([]);
  });

  it('keeps reply templates per category: set by the town admin, read by staff of the town; residents may do neither', async () => {
    const set = await call<{ templates: Record<string, string[]> }>(I.townAdmin, 'town/setReplyTemplates', { category: 'environment', templates: ['已安排保洁员清理。', '已联系环卫站清运。'] });
    expect(set.templates.environment).toHaveLength(2);
    await call(I.townAdmin, 'town/setReplyTemplates', { category: 'road', templates: ['已报修。'] });
    expect((await call<{ templates: Record<string, string[]> }>(I.daguoChair, 'town/replyTemplates', {})).templates).toEqual({ environment: ['已安排保洁员清理。', '已联系环卫站清运。'], road: ['已报修。'] });
    await call(I.townAdmin, 'town/setReplyTemplates', { category: 'road', templates: [] });
    expect((await call<{ templates: Record<string, string[]> }>(I.daguoChair, 'town/replyTemplates', {})).templates).toEqual({ environment: ['已安排保洁员清理。', '已联系环卫站清运。'] });
    expect(await codeOf(call(I.daguoChair, 'town/setReplyTemplates', { category: 'environment', templates: ['x'] }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.resident, 'town/replyTemplates', {}))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.townAdmin, 'town/setReplyTemplates', { category: 'nope', templates: ['x'] }))).toBe('CATEGORY.UNKNOWN');
    // Saving templates leaves the board as it was.
    expect((await board()).enabled).toBe(true);
  });
});
