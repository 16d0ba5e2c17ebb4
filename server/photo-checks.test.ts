/**
 * Photos pass the image content check (a digest blocklist locally): a held photo is shown to its uploader
 * and the town admin only — never its URL or file id to anyone else — until the admin publishes it.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalImageCheck } from './local-image-check';
import type { ConcernDetail, ConcernSummary, ModerationItem, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { testClock } from './test-clock';

const JPEG = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, n)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BAD = JPEG(7);
const DOUBTFUL = JPEG(8);

let rt: LocalRuntime;
beforeEach(() => {
  let t = Date.parse('2026-11-30T02:00:00Z');
  rt = createLocalRuntime({
    dbPath: ':memory:',
    seed: 'demo',
    rateLimits: GENEROUS_LIMITS,
    now: () => new Date((t += 1000)),
    uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-photo-checks-')),
    imageBlocklist: { reject: [sha(BAD)], review: [sha(DOUBTFUL)] },
  });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const put = (bytes: Buffer, openid: string) => rt.photos!.put(bytes, 'jpg', openid);

describe('the image content check', () => {
  it('holds a flagged photo of a report: the reporter and the admin see it, the committee sees the others only', async () => {
    const fine = put(JPEG(1), I.resident);
    const bad = put(BAD, I.resident);
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo', photos: [fine, bad] });
    expect(c.photos).toEqual([fine, bad]);
    expect(c.photoUrls).toHaveLength(2);
    // The reporter is told that the committee does not see one of them.
    expect(c.myHiddenPhotos).toBe(1);

    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen).toMatchObject({ photos: [fine], photoCount: 1, myHiddenPhotos: 0 });
    expect(seen.photoUrls).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain(bad.split('/').pop()!);
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox');
    expect(inbox.items.find((x) => x.id === c.id)).toMatchObject({ photoCount: 1, thumbUrl: seen.photoUrls[0] });
    expect((await call(I.townAdmin, 'concern/get', { id: c.id })).photos).toEqual([fine, bad]);
  });

  it('lists a held photo for the town admin with a URL to look at, and shows it to the committee once published', async () => {
    const doubtful = put(DOUBTFUL, I.resident);
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo', photos: [doubtful] });
    const { items } = await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list');
    expect(items).toEqual([{ kind: 'photo', id: expect.any(String), text: '', photoUrl: expect.stringMatching(/^\/uploads\/.+\.jpg$/), at: expect.any(String), townId: 'danzao', subject: { kind: 'concern', id: c.id } }]);
    await expect(call(I.daguoChair, 'moderation/decide', { kind: 'photo', id: items[0].id, decision: 'publish' })).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await call(I.townAdmin, 'moderation/decide', { kind: 'photo', id: items[0].id, decision: 'publish' });
    await expect(call(I.townAdmin, 'moderation/decide', { kind: 'photo', id: items[0].id, decision: 'reject' })).rejects.toMatchObject({ code: 'MODERATION.NOT_HELD' });
    expect((await call(I.daguoChair, 'concern/get', { id: c.id })).photos).toEqual([doubtful]);
  });

  it('checks photos of replies too, and a rejected one stays with its author', async () => {
    const c = await call(I.resident, 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo' });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    const bad = put(BAD, I.daguoChair);
    const replied = await call(I.daguoChair, 'concern/reply', { id: c.id, text: '现场照片', photos: [bad] });
    expect(replied.thread[0].photos).toEqual([bad]);
    expect((await call(I.resident, 'concern/get', { id: c.id })).thread[0]).toMatchObject({ text: '现场照片', photos: [], photoUrls: [] });
    const [item] = (await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items;
    await call(I.townAdmin, 'moderation/decide', { kind: 'photo', id: item.id, decision: 'reject' });
    expect((await call(I.resident, 'concern/get', { id: c.id })).thread[0].photos).toEqual([]);
    expect((await call(I.daguoChair, 'concern/get', { id: c.id })).thread[0].photos).toEqual([bad]);
    expect(rt.store.db.prepare(`SELECT status FROM photo_checks`).pluck().all()).toEqual(['rejected']);
  });

  it('refuses photos where no image check is configured, writing nothing', async () => {
    const bare = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS });
    await expect(bare.router.call('concern', 'concern/submit', { category: 'road', description: '路灯坏了', placeId: 'dz-xicheng-daguo', photos: ['local://uploads/x.jpg'] }, I.resident)).rejects.toMatchObject({ code: 'PHOTO.INVALID' });
    expect(bare.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(0);
    await bare.close();
  });
});

describe('the local image blocklist', () => {
  it('reads one digest a line, ? to hold for review, # comments, and refuses a line that is not a digest', () => {
    const a = 'a'.repeat(64);
    const b = 'B'.repeat(64);
    expect(LocalImageCheck.parse(`# known images\n${a}\n?${b}  # doubtful\n\n`)).toEqual({ reject: [a], review: ['b'.repeat(64)] });
    expect(() => LocalImageCheck.parse('not-a-digest')).toThrow('line 1');
  });
});
