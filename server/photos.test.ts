/** Photos on reports and replies: the upload endpoint, ownership of photo ids, display URLs in views. */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import type { ConcernDetail, ConcernSummary, Page } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createHttpServer } from './http-server';
import { imageTypeOf } from '../core/concerns/photos';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';
import { testClock } from './test-clock';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.alloc(100, 1)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(50, 2)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(20)]);

let rt: LocalRuntime;
let server: http.Server;
let base: string;
beforeEach(async () => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo', rateLimits: GENEROUS_LIMITS, uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-uploads-')) });
  server = createHttpServer(rt, { mode: 'local', staticDir: null, maxUploadBytes: 1000 });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((r) => server.close(r));
  await rt.close();
});

const upload = async (openid: string | null, body: Buffer, type = 'image/jpeg') => {
  const headers: Record<string, string> = { 'content-type': type };
  if (openid) headers.authorization = `Bearer ${rt.identity.issue(openid)}`;
  const res = await fetch(`${base}/api/upload`, { method: 'POST', headers, body: new Uint8Array(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; code?: string; data?: { fileId: string; url: string } } };
};
const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = (photos: string[]) =>
  call(I.resident, 'concern/submit', { category: 'environment', description: '村口垃圾堆了三天', placeId: 'dz-xicheng-daguo', photos });

describe('the upload endpoint', () => {
  it('stores a JPEG, PNG or WebP of a signed-in person and serves it back', async () => {
    for (const [bytes, type] of [[JPEG, 'image/jpeg'], [PNG, 'image/png'], [WEBP, 'image/webp']] as const) {
      const res = await upload(I.resident, bytes, type);
      expect(res.status).toBe(200);
      expect(res.body.data!.fileId).toMatch(/^local:\/\/uploads\/[a-z0-9]+\.(jpg|png|webp)$/);
      const served = await fetch(base + res.body.data!.url);
      expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
    }
  });

  it.each([
    ['no sign-in', null, JPEG, 'image/jpeg', 401, 'AUTH.REQUIRED'],
    ['a type that is not an image of ours', I.resident, JPEG, 'image/gif', 400, 'PHOTO.INVALID'],
    ['bytes that are not the type given', I.resident, PNG, 'image/jpeg', 400, 'PHOTO.INVALID'],
    ['a text file called a JPEG', I.resident, Buffer.from('hello, not a photo'), 'image/jpeg', 400, 'PHOTO.INVALID'],
    ['more than the size cap', I.resident, Buffer.concat([JPEG, Buffer.alloc(1000)]), 'image/jpeg', 413, 'PHOTO.TOO_LARGE'],
  ])('refuses %s and stores nothing', async (_name, openid, bytes, type, status, code) => {
    const res = await upload(openid, bytes, type);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ ok: false, code });
  });

  it('knows image types by their bytes', () => {
    expect([JPEG, PNG, WEBP, Buffer.from('GIF89a')].map(imageTypeOf)).toEqual(['jpg', 'png', 'webp', null]);
  });
});

describe('photos on concerns', () => {
  it('carries the reporter own uploads, shown as display URLs in the detail and as a thumbnail in lists', async () => {
    const a = (await upload(I.resident, JPEG)).body.data!;
    const b = (await upload(I.resident, PNG, 'image/png')).body.data!;
    const c = await report([a.fileId, b.fileId]);
    expect(c.photos).toEqual([a.fileId, b.fileId]);
    expect(c.photoUrls).toEqual([a.url, b.url]);
    const mine = await call<Page<ConcernSummary>>(I.resident, 'concern/listMine', {});
    expect(mine.items[0]).toMatchObject({ id: c.id, photoCount: 2, thumbUrl: a.url });
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox', {});
    expect(inbox.items.find((i) => i.id === c.id)).toMatchObject({ photoCount: 2, thumbUrl: a.url });
  });

  it('refuses photos that are someone else uploads, not ours, or unknown, and writes nothing', async () => {
    const others = (await upload(I.resident2, JPEG)).body.data!.fileId;
    for (const photos of [[others], ['cloud://env-1.abc/photos/x.jpg'], ['local://uploads/nothere.jpg'], ['https://example.com/x.jpg'], ['../data/jiefang.db']]) {
      expect(await codeOf(report(photos))).toMatch(/^(PHOTO\.INVALID|VALIDATION\.FAILED)$/);
    }
    expect(await codeOf(report([others]))).toBe('PHOTO.INVALID');
    expect(await codeOf(report(['https://example.com/x.jpg']))).toBe('VALIDATION.FAILED');
    expect((await call<Page<ConcernSummary>>(I.resident, 'concern/listMine', {})).items).toEqual([]);
  });

  it('shows photos of replies in the thread; a handler cannot attach a resident photo', async () => {
    const c = await report([]);
    const mine = (await upload(I.daguoChair, JPEG)).body.data!;
    const theirs = (await upload(I.resident, JPEG)).body.data!.fileId;
    expect(await codeOf(call(I.daguoChair, 'concern/reply', { id: c.id, text: '已到现场', photos: [theirs] }))).toBe('PHOTO.INVALID');
    expect((await call(I.daguoChair, 'concern/get', { id: c.id })).thread).toEqual([]);
    await call(I.daguoChair, 'concern/accept', { id: c.id });
    const after = await call(I.daguoChair, 'concern/reply', { id: c.id, text: '已到现场', photos: [mine.fileId] });
    expect(after.thread.at(-1)).toMatchObject({ text: '已到现场', photos: [mine.fileId], photoUrls: [mine.url] });
  });

  it('refuses every photo when the runtime has no photo storage', async () => {
    const bare = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo' });
    try {
      const p = bare.router.call('concern', 'concern/submit', { category: 'environment', description: '路灯坏了', placeId: 'dz-xicheng-daguo', photos: ['local://uploads/abc.jpg'] }, I.resident);
      expect(await codeOf(p)).toBe('PHOTO.INVALID');
    } finally {
      await bare.close();
    }
  });
});
