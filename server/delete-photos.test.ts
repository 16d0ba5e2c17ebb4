/**
 * me/delete leaves no trace in files (issue 14, item 14), attacked end to end: on SQLite with the local
 * upload folder, and through the `concern` cloud function on the CloudBase wire fake with the storage fake
 * behind the real SDK. A leaver's photos that stay with their concern keep showing to its handlers, but no
 * file id, temporary URL or owner record names them any more; their uploads that nothing carries are gone;
 * another person's files are untouched.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main as concernFunction } from '../cloudfunctions/concern/index';
import type { ConcernDetail, Profile } from '../core/views';
import type { TopicDetail } from '../core/topics/topic-views';
import { FakeCloudbaseStorage } from '../test/fakes/cloudbase-storage';
import { COLLECTIONS } from './cloudbase/db';
import { DELETED_PHOTO_FOLDER } from './cloudbase/storage';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';
import { useCloudFunctions } from './test-cloud-function';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { GENEROUS_LIMITS } from './test-limits';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const LEAVER = 'o-leaver-with-photos';
const OTHER = I.resident2;
const submit = { category: 'environment', description: '祠堂旁垃圾堆积', placeId: 'dz-xicheng-daguo' };

describe('me/delete and photos on SQLite (the local upload folder)', () => {
  let rt: LocalRuntime;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jiefang-uploads-'));
    rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS, uploadsDir: dir });
  });
  afterEach(() => rt.close());
  const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;
  const ownerRecords = () => readdirSync(path.join(dir, '.owners')).map((n) => readFileSync(path.join(dir, '.owners', n), 'utf8'));

  it("keeps the photos their concern carries, deletes the uploads nothing carries, and leaves no owner record of theirs", async () => {
    const [reported, replied, loose] = [await rt.photos!.upload(LEAVER, JPEG, 'jpg'), await rt.photos!.upload(LEAVER, JPEG, 'jpg'), await rt.photos!.upload(LEAVER, JPEG, 'jpg')];
    const othersUpload = await rt.photos!.upload(OTHER, JPEG, 'jpg');
    const c = await call(LEAVER, 'concern/submit', { ...submit, photos: [reported] });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(LEAVER, 'concern/reply', { id: c.id, text: '再补一张', photos: [replied] });
    expect(ownerRecords().filter((o) => o === LEAVER)).toHaveLength(3);

    await call(LEAVER, 'me/delete', { confirm: true });

    expect(ownerRecords()).toEqual([OTHER]);
    expect(rt.photos!.read(loose)).toBeNull();
    expect(rt.photos!.read(othersUpload)).toEqual(JPEG);
    expect(await rt.photos!.ownedBy(OTHER, [othersUpload])).toEqual([true]);
    // The committee still sees the concern's photos, served from the same place.
    const view = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(view.photoUrls).toHaveLength(1);
    expect(view.thread.find((m) => m.text === '再补一张')?.photoUrls).toHaveLength(1);
    expect([rt.photos!.read(reported), rt.photos!.read(replied)]).toEqual([JPEG, JPEG]);
    // No table names them.
    const tables = rt.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    for (const t of tables) expect([t, JSON.stringify(rt.store.db.prepare(`SELECT * FROM "${t}"`).all()).includes(LEAVER)]).toEqual([t, false]);
  });

  it("keeps the background photos of a leaver's proposal (街坊议事) on the topic, served from a place naming nobody", async () => {
    const photo = await rt.photos!.upload(LEAVER, JPEG, 'jpg');
    await call(LEAVER, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
    const t = await call<TopicDetail>(LEAVER, 'topic/propose', { title: '祠堂前增设路灯', background: '晚上很黑', photos: [photo] });
    expect(t.photos).toHaveLength(1);

    await call(LEAVER, 'me/delete', { confirm: true });

    expect(ownerRecords().filter((o) => o === LEAVER)).toEqual([]);
    const [kept] = (await rt.store.topics.get(t.id))?.photos ?? [];
    expect(rt.photos!.read(kept)).toEqual(JPEG);
    expect((await call<TopicDetail>(I.xichengStaff, 'topic/get', { id: t.id })).photos).toHaveLength(1);
    const tables = rt.store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
    for (const name of tables) expect([name, JSON.stringify(rt.store.db.prepare(`SELECT * FROM "${name}"`).all()).includes(LEAVER)]).toEqual([name, false]);
  });
});

describe('me/delete and photos through the concern cloud function (CloudBase storage)', () => {
  const cloud = useCloudFunctions();
  let api: FakeCloudbaseApi;
  let storage: FakeCloudbaseStorage;
  beforeEach(async () => {
    api = new FakeCloudbaseApi().install().onWxOpenApi((apiName, body) => {
      if (apiName === 'security.mediaCheckAsync') return { errcode: 0, errmsg: 'ok', trace_id: `trace-${String(body.media_url).split('/').pop()}` };
      return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
    });
    storage = await new FakeCloudbaseStorage().install(api);
  });
  afterEach(async () => {
    await storage.uninstall();
    api.uninstall();
  });
  const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => cloud.call<T>(concernFunction, openid, action, data);
  const BUCKET = 'cloud://jiefang-test.6a69-jiefang-test-1300000000/';
  /** What the mini program does: Taro.cloud.uploadFile into the folder me/profile names. */
  const upload = async (openid: string, name: string) => {
    const { photoFolder } = await call<Profile>(openid, 'me/profile', {});
    const id = `${BUCKET}${photoFolder}${name}`;
    storage.files.set(id, JPEG);
    return id;
  };
  const everything = () => COLLECTIONS.flatMap((c) => cloud.wire().documents(c)).map((d) => JSON.stringify(d)).join('\n');

  it('uploads into a folder that does not name the person, so no file id or temporary URL shows their openid to others', async () => {
    const { photoFolder } = await call<Profile>(LEAVER, 'me/profile', {});
    expect(photoFolder).toMatch(/^concern-photos\/u[0-9a-f]{32}\/$/);
    expect(photoFolder).not.toContain(LEAVER);
    expect((await call<Profile>(OTHER, 'me/profile', {})).photoFolder).not.toBe(photoFolder);
    // The folder of an earlier build, named by the openid, is refused: its path would show the openid.
    storage.files.set(`${BUCKET}concern-photos/${LEAVER}/old.jpg`, JPEG);
    await expect(call(LEAVER, 'concern/submit', { ...submit, photos: [`${BUCKET}concern-photos/${LEAVER}/old.jpg`] })).rejects.toMatchObject({ code: 'PHOTO.INVALID' });
    const c = await call(LEAVER, 'concern/submit', { ...submit, photos: [await upload(LEAVER, 'a.jpg')] });
    const seen = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(seen.photoUrls).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain(LEAVER);
  });

  it("moves the photos their concern carries to a folder naming nobody, renames every record, deletes the originals, and touches nobody else's", async () => {
    const reported = await upload(LEAVER, 'a.jpg');
    const replied = await upload(LEAVER, 'b.jpg');
    const othersPhoto = await upload(OTHER, 'c.jpg');
    const c = await call(LEAVER, 'concern/submit', { ...submit, photos: [reported] });
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    await call(LEAVER, 'concern/reply', { id: c.id, text: '再补一张', photos: [replied] });
    const theirs = await call(OTHER, 'concern/submit', { ...submit, photos: [othersPhoto] });
    const { photoFolder } = await call<Profile>(LEAVER, 'me/profile', {});
    expect(everything()).toContain(photoFolder);
    const theirsBefore = await call(I.daguoChair, 'concern/get', { id: theirs.id });

    await call(LEAVER, 'me/delete', { confirm: true });

    const moved = [`${BUCKET}${DELETED_PHOTO_FOLDER}a.jpg`, `${BUCKET}${DELETED_PHOTO_FOLDER}b.jpg`];
    expect([...storage.files.keys()].sort()).toEqual([...moved, othersPhoto].sort());
    expect(storage.copies.map((x) => x.to).sort()).toEqual(moved);
    const stored = everything();
    expect(stored).not.toContain(LEAVER);
    expect(stored).not.toContain(photoFolder);
    const view = await call(I.daguoChair, 'concern/get', { id: c.id });
    expect(view.photos).toEqual([moved[0]]);
    expect(view.thread.find((m) => m.text === '再补一张')?.photos).toEqual([moved[1]]);
    // The temporary URLs serve the same bytes and name nobody.
    for (const url of [...view.photoUrls, ...view.thread.flatMap((m) => m.photoUrls)]) {
      expect(url).toContain(DELETED_PHOTO_FOLDER);
      expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(JPEG)).toBe(true);
    }
    expect(await call(I.daguoChair, 'concern/get', { id: theirs.id })).toEqual(theirsBefore);
  });

  it("moves the background photos of a leaver's proposal (街坊议事) with the files, so the topic still shows them", async () => {
    const photo = await upload(LEAVER, 'd.jpg');
    await call(LEAVER, 'me/setPlace', { placeId: 'dz-xicheng-daguo' });
    const t = await call<TopicDetail>(LEAVER, 'topic/propose', { title: '祠堂前增设路灯', background: '晚上很黑', photos: [photo] });
    const { photoFolder } = await call<Profile>(LEAVER, 'me/profile', {});

    await call(LEAVER, 'me/delete', { confirm: true });

    const moved = `${BUCKET}${DELETED_PHOTO_FOLDER}d.jpg`;
    expect([...storage.files.keys()]).toEqual([moved]);
    const stored = everything();
    expect(stored).not.toContain(LEAVER);
    expect(stored).not.toContain(photoFolder);
    const view = await call<TopicDetail>(I.xichengStaff, 'topic/get', { id: t.id });
    expect(view.photos).toHaveLength(1);
    expect(view.photos[0]).toContain(DELETED_PHOTO_FOLDER);
    expect(Buffer.from(await (await fetch(view.photos[0])).arrayBuffer()).equals(JPEG)).toBe(true);
  });
});
