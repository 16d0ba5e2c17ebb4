/**
 * 街坊议事 background photos (issue 21, third round) follow the photo rules of concerns: only the author's
 * own uploads, each through the image check before the topic is stored; a held photo is seen by its
 * uploader and the admins only until a moderator publishes it in 内容审核 (listed as the topic's), and a
 * rejected one stays with its uploader. SQLite with the local digest blocklist; the CloudBase side is the
 * photo-check contract's `subject` and server/delete-photos.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TopicDetail } from '../core/topics/topic-views';
import type { ModerationItem } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';
import { GENEROUS_LIMITS } from './test-limits';

const JPEG = (n: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, n)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const BAD = JPEG(7);
const DOUBTFUL = JPEG(8);

let rt: LocalRuntime;
beforeEach(async () => {
  rt = createLocalRuntime({
    dbPath: ':memory:',
    seed: 'demo',
    rateLimits: GENEROUS_LIMITS,
    now: testClock('2026-12-01T02:00:00.000Z').now,
    uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-topic-photos-')),
    imageBlocklist: { reject: [sha(BAD)], review: [sha(DOUBTFUL)] },
  });
  await call(I.resident, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
  await call(I.resident2, 'me/setPlace', { placeId: 'dz-xicheng' });
});
afterEach(() => rt.close());

const call = <T = TopicDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const put = (bytes: Buffer, openid: string) => rt.photos!.put(bytes, 'jpg', openid);
const open = (photos: string[]) => call(I.xichengStaff, 'topic/create', { placeId: 'dz-xicheng', title: '村口空地怎么用', background: '现场照片见下', options: ['停车场', '小公园'], deadline: '2026-12-04T02:00:00.000Z', photos });
const topicCount = () => rt.store.db.prepare('SELECT COUNT(*) FROM topics').pluck().get();

it("shows a topic's photos to residents, and a held one to its uploader and the admin only until it is published", async () => {
  const fine = put(JPEG(1), I.xichengStaff);
  const doubtful = put(DOUBTFUL, I.xichengStaff);
  const t = await open([fine, doubtful]);
  expect(t.photos).toHaveLength(2);
  expect((await call(I.resident, 'topic/get', { id: t.id })).photos).toEqual([t.photos[0]]);
  expect((await call(I.townAdmin, 'topic/get', { id: t.id })).photos).toHaveLength(2);
  const items = (await call<{ items: ModerationItem[] }>(I.townAdmin, 'moderation/list')).items.filter((i) => i.kind === 'photo');
  expect(items).toEqual([{ kind: 'photo', id: expect.any(String), text: '', photoUrl: t.photos[1], at: expect.any(String), townId: 'danzao', subject: { kind: 'topic', id: t.id } }]);
  await call(I.townAdmin, 'moderation/decide', { kind: 'photo', id: items[0].id, decision: 'publish' });
  expect((await call(I.resident, 'topic/get', { id: t.id })).photos).toEqual(t.photos);
});

it("keeps a rejected photo of a resident's proposal with its author; neighbours never see it", async () => {
  const bad = put(BAD, I.resident);
  const p = await call(I.resident, 'topic/propose', { title: '祠堂前增设路灯', background: '晚上很黑', photos: [bad] });
  expect(p.photos).toHaveLength(1);
  await call(I.daguoLeader, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
  expect((await call(I.daguoLeader, 'topic/get', { id: p.id })).photos).toEqual([]);
  expect(JSON.stringify(await call(I.daguoLeader, 'topic/get', { id: p.id }))).not.toContain(bad.split('/').pop()!);
  expect((await call(I.resident, 'topic/get', { id: p.id })).photos).toHaveLength(1);
});

it("refuses another person's upload, a photo not in our storage and too many photos, storing no topic", async () => {
  const others = put(JPEG(2), I.resident);
  await expect(open([others])).rejects.toMatchObject({ code: 'PHOTO.INVALID' });
  await expect(open(['local://uploads/missing.jpg'])).rejects.toMatchObject({ code: 'PHOTO.INVALID' });
  await expect(open(['https://example.com/a.jpg'])).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  const seven = Array.from({ length: 7 }, (_, i) => put(JPEG(20 + i), I.xichengStaff));
  await expect(open(seven)).rejects.toMatchObject({ code: 'VALIDATION.FAILED' });
  expect(topicCount()).toBe(0);
  expect(rt.store.db.prepare('SELECT COUNT(*) FROM photo_checks').pluck().get()).toBe(0);
});
