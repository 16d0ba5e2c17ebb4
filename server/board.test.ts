/** The public board through the router on SQLite: scrubbed cards, "+1" once per person, similar open concerns nearby, reply templates. */
import type { ConcernDetail, PublicConcern } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';
import { testClock } from './test-clock';

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = (description: string, extra: Record<string, unknown> = {}) =>
  call(I.resident, 'concern/submit', { category: 'environment', description, placeId: 'dz-xicheng-daguo', ...extra });

describe('the public board', () => {
  it('shows a resolved concern with its final reply, without phone numbers, names, reporter or photos', async () => {
    const c = await report('我是陈阿姨，电话13800138000，村口垃圾三天没人清');
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '黄社长已安排清运，有问题打0757-86661234' });
    const board = await call<{ enabled: boolean; items: PublicConcern[] }>(I.resident2, 'board/list', { placeId: 'dz-xicheng' });
    expect(board.enabled).toBe(true);
    const [card] = board.items;
    expect(card).toMatchObject({ id: c.id, categoryName: '人居环境/环境卫生', status: 'resolved', open: false });
    expect(card.resolvedAt).not.toBeNull();
    const shown = JSON.stringify(card);
    for (const secret of ['13800138000', '0757-86661234', '陈阿姨', '黄社长', I.resident, 'photos', 'reporter', 'location']) expect(shown).not.toContain(secret);
    expect(card.finalReply).toContain('已安排清运');
  });

  it('lists nothing for a town whose board is off', async () => {
    rt.store.db.prepare(`UPDATE town_settings SET public_board = 0 WHERE town_id = 'danzao'`).run();
    const c = await report('路灯坏了');
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: '已修好' });
    expect(await call(I.resident2, 'board/list', { placeId: 'dz-xicheng' })).toEqual({ enabled: false, items: [] });
    expect(await codeOf(call(I.resident2, 'board/get', { id: c.id }))).toBe('CONCERN.NOT_FOUND');
  });
});

describe('+1 and similar concerns', () => {
  it('counts one +1 per person on an open public concern, however often they tap', async () => {
    const c = await report('村口垃圾堆积');
    for (let i = 0; i < 3; i++) expect(await call(I.resident2, 'concern/plusOne', { id: c.id })).toEqual({ id: c.id, plusOnes: 1, plusOned: true });
    expect(await call(I.daguoLeader, 'concern/plusOne', { id: c.id })).toMatchObject({ plusOnes: 2 });
    expect(await codeOf(call(I.resident2, 'concern/plusOne', { id: 'nope' }))).toBe('CONCERN.NOT_FOUND');
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
});

describe('reply templates', () => {
  it('are set by the town admin and read by staff of the town; residents may do neither', async () => {
    const set = await call<{ templates: Record<string, string[]> }>(I.townAdmin, 'town/setReplyTemplates', { category: 'environment', templates: ['已安排保洁员清理。', '已联系环卫站清运。'] });
    expect(set.templates.environment).toHaveLength(2);
    expect((await call<{ templates: Record<string, string[]> }>(I.daguoChair, 'town/replyTemplates', {})).templates.environment).toEqual(['已安排保洁员清理。', '已联系环卫站清运。']);
    expect(await codeOf(call(I.daguoChair, 'town/setReplyTemplates', { category: 'environment', templates: ['x'] }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.resident, 'town/replyTemplates', {}))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.townAdmin, 'town/setReplyTemplates', { category: 'nope', templates: ['x'] }))).toBe('CATEGORY.UNKNOWN');
  });
});
