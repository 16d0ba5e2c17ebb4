/**
 * Held text never leaves (issue 14, items 4–5), tried on every surface beyond the author, the handlers'
 * own view and the moderators: the public board, "the same problem nearby", Open311, exports and the
 * notices of a route change or a missed clock. 举报 is never shown to other residents; Open311 carries an
 * in-app report's text scrubbed.
 */
import { HELD_TEXT } from '../core/trust/content';
import { handleOpen311 } from '../core/open311/open311';
import type { ConcernDetail, ExportFile, PublicConcern } from '../core/views';
import { open311Env } from './open311-xml';
import { DEMO_IDENTITIES as I } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock, type TestClock } from './test-clock';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';

let clock: TestClock;
let rt: LocalRuntime;
beforeEach(() => {
  clock = testClock();
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now, rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;
/** Held by the local word list (加我微信 → review). */
const HELD_DESCRIPTION = '村口垃圾三天没人清，加我微信详谈';
const HELD_REPLY = '已安排清运，详情私聊';
const report = (description: string, category = 'environment') => call(I.resident, 'concern/submit', { category, description, placeId: 'dz-xicheng-daguo' });

async function resolvedWith(description: string, reply: string, category = 'environment'): Promise<ConcernDetail> {
  const c = await report(description, category);
  await call(I.daguoChair, 'concern/accept', { id: c.id });
  return call(I.daguoChair, 'concern/resolve', { id: c.id, text: reply });
}

const boardIds = async () => (await call<{ items: PublicConcern[] }>(I.resident2, 'board/list', { placeId: 'dz-xicheng' })).items.map((i) => i.id);
const similarIds = async (category = 'environment') => (await call<{ items: PublicConcern[] }>(I.resident2, 'concern/similar', { category, placeId: 'dz-xicheng-daguo' })).items.map((i) => i.id);
const open311 = async (path: string) => {
  const res = await handleOpen311(open311Env(rt.deps, rt.router.directory), { method: 'GET', path: `v2/${path}`, query: { api_key: DEMO_OPEN311.danzaoTown.key }, body: null, contentType: null });
  return JSON.parse(res.body) as Array<{ service_request_id: string; description: string; status_notes: string | null }>;
};
const exported = async () => Buffer.from((await call<ExportFile>(I.daguoChair, 'export/concerns', { format: 'csv' })).base64, 'base64').toString('utf8');
const outboxBodies = () => (rt.store.db.prepare('SELECT body FROM outbox').pluck().all() as string[]).join('\n');

describe('a held description', () => {
  it('is on no public surface: board, board/get, similar, Open311, exports', async () => {
    const held = await resolvedWith(HELD_DESCRIPTION, '已清运');
    expect(held.moderation).toBe('held');
    const open = await report(HELD_DESCRIPTION);
    expect(await boardIds()).not.toContain(held.id);
    expect(await codeOf(call(I.resident2, 'board/get', { id: held.id }))).toBe('CONCERN.NOT_FOUND');
    expect(await similarIds()).not.toContain(open.id);
    const [fromOpen311] = await open311(`requests/${held.id}.json`);
    expect(fromOpen311.description).toBe(HELD_TEXT);
    expect(await exported()).not.toContain('加我微信');
    expect(await exported()).toContain(HELD_TEXT);
  });

  it('is in no notice: not to the new handlers of a transfer, not in the overdue flag', async () => {
    const c = await report(HELD_DESCRIPTION);
    await call(I.daguoChair, 'concern/transfer', { id: c.id, nodeId: 'dz-xinan-1', reason: '属于新安第一经济社的路段' });
    clock.advance(30 * 86_400_000);
    await rt.runSla();
    expect(outboxBodies()).not.toContain('加我微信');
  });

  it('appears on the board once a moderator publishes it', async () => {
    const held = await resolvedWith(HELD_DESCRIPTION, '已清运');
    await call(I.townAdmin, 'moderation/decide', { kind: 'concern', id: held.id, decision: 'publish' });
    expect(await boardIds()).toContain(held.id);
  });
});

describe('a held reply', () => {
  it('is neither the board card\'s final reply nor Open311\'s status notes', async () => {
    const c = await report('路灯坏了三天');
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(I.daguoChair, 'concern/reply', { id: c.id, text: '已联系供电所' });
    await call(I.daguoChair, 'concern/resolve', { id: c.id, text: HELD_REPLY });
    const [card] = (await call<{ items: PublicConcern[] }>(I.resident2, 'board/list', { placeId: 'dz-xicheng' })).items;
    expect(card.finalReply).toBe('已联系供电所');
    const [fromOpen311] = await open311(`requests/${c.id}.json`);
    expect(fromOpen311.status_notes).toBe('已联系供电所');
    expect(JSON.stringify([card, fromOpen311])).not.toContain('私聊');
  });
});

describe('a 举报', () => {
  it('is never shown to other residents, even resolved and published', async () => {
    const done = await resolvedWith('邻居在天台加建铁皮房', '已立案处理', 'illegal_building');
    const open = await report('后巷有人违规加建', 'illegal_building');
    expect(done.moderation).toBe('published');
    expect(await boardIds()).not.toContain(done.id);
    expect(await codeOf(call(I.resident2, 'board/get', { id: done.id }))).toBe('CONCERN.NOT_FOUND');
    expect(await similarIds('illegal_building')).not.toContain(open.id);
  });
});

describe('Open311', () => {
  it('carries an in-app report and its reply scrubbed of phone numbers and names', async () => {
    const c = await resolvedWith('我是陈阿姨，电话一三八零零一三八零零零，村口垃圾没人清', '黄社长已清运，有事打１３８００１３８０００');
    const [fromOpen311] = await open311(`requests/${c.id}.json`);
    for (const secret of ['陈阿姨', '一三八零零一三八零零零', '黄社长', '１３８００１３８０００']) expect(JSON.stringify(fromOpen311)).not.toContain(secret);
    expect(fromOpen311.description).toContain('村口垃圾没人清');
  });
});
