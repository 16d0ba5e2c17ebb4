/**
 * Photos as file parts of a multipart Open311 POST (FixMyStreet's `photo1`, `three`'s `media`), read back with
 * an XML parser as a client would: over the local HTTP server on SQLite, and through the `open311` cloud
 * function on the CloudBase wire fake, whose storage the real node-sdk uploads to (getUploadMetadata, then
 * the signed PUT).
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { OPEN311_LIMITS } from '../core/open311/open311';
import { PHOTO_MAX_BYTES } from '../core/concerns/photos';
import type { ModerationItem } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import { createOpen311Function } from './open311-function';
import { open311Env } from './open311-xml';
import { cloudOpen311, startLocalOpen311, type LocalOpen311 } from './test-open311';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { FakeCloudbaseStorage } from '../test/fakes/cloudbase-storage';

const HOTLINE = DEMO_OPEN311.hotline.key;
const TOWN = DEMO_OPEN311.danzaoTown.key;
const parser = new XMLParser({ isArray: (name) => ['request', 'error'].includes(name), parseTagValue: false });

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 9)]);
const DOUBTFUL = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A ticket as a multipart form, with file parts as [field, bytes, declared type, file name]. */
function ticket(files: Array<[string, Buffer, string, string]>, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  const fields = { api_key: HOTLINE, jurisdiction_id: 'danzao', service_code: 'environment', lat: String(DEMO_POINTS.daguo.lat), long: String(DEMO_POINTS.daguo.lng), description: '12345转办：村口垃圾堆放', ...extra };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [field, bytes, type, name] of files) form.append(field, new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

interface XmlRes {
  status: number;
  doc: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML, of whatever shape the answer has
}
const errorOf = (r: XmlRes) => r.doc.errors.error[0] as { code: string; description: string };
const requestOf = (r: XmlRes) => r.doc.service_requests.request[0] as Record<string, string>;

describe('photo files in a multipart POST, on the local server', () => {
  let local: LocalOpen311;
  const clock = new Date('2026-03-02T01:30:00Z');
  beforeEach(async () => {
    local = await startLocalOpen311(() => clock, { reject: [], review: [sha(DOUBTFUL)] });
  });
  afterEach(() => local.stop());

  const post = async (body: FormData | Buffer, headers: Record<string, string> = {}): Promise<XmlRes> => {
    const res = await fetch(`${local.root}v2/requests.xml`, { method: 'POST', body: body instanceof FormData ? body : new Uint8Array(body), headers });
    return { status: res.status, doc: parser.parse(await res.text()) };
  };
  const get = async (id: string, q: Record<string, string> = {}): Promise<XmlRes> => {
    const res = await fetch(`${local.root}v2/requests/${id}.xml?${new URLSearchParams(q)}`);
    return { status: res.status, doc: parser.parse(await res.text()) };
  };
  const uploads = () => readdirSync(local.rt.photos!.dir).filter((f) => !f.startsWith('.'));

  it("stores file parts as the client's uploads, checked, and gives their URL to clients, never to the public", async () => {
    const res = await post(ticket([['media', PNG, 'image/png', 'a.png'], ['photo2', JPEG, 'application/octet-stream', 'b.jpg']], { media_url: 'https://hotline.example.org/c.jpg' }));
    expect(res.status).toBe(200);
    const id = requestOf(res).service_request_id;
    const c = (await local.rt.store.concerns.get(id))!;
    expect(c.photos).toEqual(['https://hotline.example.org/c.jpg', expect.stringMatching(/^local:\/\/uploads\/.+\.png$/), expect.stringMatching(/^local:\/\/uploads\/.+\.jpg$/)]);
    const files = c.photos.slice(1);
    expect(await local.rt.photos!.ownedBy('open311-12345', files)).toEqual([true, true]);
    expect((await local.rt.store.photoChecks.ofFiles(files)).map((k) => [k.status, k.openid, k.concernId])).toEqual([
      ['published', 'open311-12345', id],
      ['published', 'open311-12345', id],
    ]);
    // The first photo is the client's own link; a request with only files gives the file's display URL.
    expect(requestOf(await get(id, { api_key: HOTLINE })).media_url).toBe('https://hotline.example.org/c.jpg');
    const only = requestOf(await post(ticket([['media', PNG, 'image/png', 'a.png']]))).service_request_id;
    const url = requestOf(await get(only, { api_key: HOTLINE })).media_url;
    expect(url).toMatch(new RegExp(`^${local.root.replace('/open311/', '')}/uploads/.+\\.png$`));
    expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(PNG)).toBe(true);
    expect(requestOf(await get(only, { api_key: TOWN })).media_url).toBe(url);
    // The public view carries no media at all.
    const open = await get(only);
    expect(open.status).toBe(200);
    expect(requestOf(open).media_url).toBe('');
    // The app's moderators and handlers see the photos as any report's.
    expect((await local.rt.router.call('concern', 'concern/get', { id: only }, I.daguoChair)) as { photoUrls: string[] }).toMatchObject({ photoUrls: [expect.stringMatching(/^\/uploads\//)] });
  });

  it.each([
    ['a file that is no image', () => ticket([['media', Buffer.from('GIF89a-not-ours'), 'image/png', 'x.png']]), 400, /not a JPEG, PNG or WebP image/],
    ['a photo over the app limit', () => ticket([['photo1', Buffer.concat([JPEG, Buffer.alloc(PHOTO_MAX_BYTES)]), 'image/jpeg', 'big.jpg']]), 413, new RegExp(`over ${PHOTO_MAX_BYTES} bytes`)],
    [
      'more than nine photos in all',
      () => {
        const f = ticket([['media', PNG, 'image/png', 'a.png']]);
        for (let i = 0; i < 9; i++) f.append('media_url', `https://hotline.example.org/${i}.jpg`);
        return f;
      },
      400,
      /at most 9 photos/,
    ],
  ])('refuses %s in the spec error format and stores nothing', async (_name, form, status, message) => {
    const body = form();
    const before = local.rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get();
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(errorOf(res)).toEqual({ code: String(status), description: expect.stringMatching(message) });
    expect(local.rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(before);
    expect(uploads()).toEqual([]);
  });

  it(`answers 413 beyond the ${OPEN311_LIMITS.bodyBytes}-byte body limit, and takes a photo of the app's full size below it`, async () => {
    const boundary = 'jiefang-test-boundary';
    const big = Buffer.concat([Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="api_key"\r\n\r\n${HOTLINE}\r\n--${boundary}\r\n`), Buffer.alloc(OPEN311_LIMITS.bodyBytes, 0x61)]);
    const res = await post(big, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.status).toBe(413);
    expect(errorOf(res)).toEqual({ code: '413', description: `request body is over ${OPEN311_LIMITS.bodyBytes} bytes` });
    const photo = Buffer.concat([JPEG, Buffer.alloc(PHOTO_MAX_BYTES - JPEG.length - 1)]);
    const ok = await post(ticket([['photo1', photo, 'image/jpeg', '1.jpg']]));
    expect(ok.status).toBe(200);
    expect(uploads()).toHaveLength(1);
  });

  it('holds a doubtful photo: only the client that sent it and the moderators see it until it is published', async () => {
    const id = requestOf(await post(ticket([['media', DOUBTFUL, 'image/jpeg', 'd.jpg']]))).service_request_id;
    const [file] = (await local.rt.store.concerns.get(id))!.photos;
    expect((await local.rt.store.photoChecks.ofFiles([file]))[0].status).toBe('held');
    expect(requestOf(await get(id, { api_key: HOTLINE })).media_url).toMatch(/\/uploads\/.+\.jpg$/);
    expect(requestOf(await get(id, { api_key: TOWN })).media_url).toBe('');
    const { items } = (await local.rt.router.call('concern', 'moderation/list', {}, I.townAdmin)) as { items: ModerationItem[] };
    const item = items.find((x) => x.kind === 'photo' && x.subject?.id === id)!;
    expect(item).toBeDefined();
    await local.rt.router.call('concern', 'moderation/decide', { kind: 'photo', id: item.id, decision: 'publish' }, I.townAdmin);
    expect(requestOf(await get(id, { api_key: TOWN })).media_url).toMatch(/\/uploads\/.+\.jpg$/);
  });
});

describe('photo files through the open311 cloud function on the CloudBase wire fake', () => {
  it('uploads them with the SDK, holds them (no WeChat user to check them for), and shows them to the sender only', async () => {
    const { rt: cloud, wire } = await cloudOpen311(() => new Date('2026-03-02T01:30:00Z'));
    const api = new FakeCloudbaseApi().install().onWxOpenApi((apiName) => ({ errcode: -1, errmsg: `unexpected ${apiName}` }));
    const storage = await new FakeCloudbaseStorage().install(api);
    try {
      const main = createOpen311Function(async () => ({ ...open311Env(cloud.deps, cloud.router.directory), clientIpHeader: 'x-forwarded-for' }));
      const send = async (method: string, p: string, q: Record<string, string>, form?: FormData): Promise<XmlRes> => {
        const req = form ? new Request('http://gateway.invalid/', { method: 'POST', body: form }) : null;
        const body = req ? Buffer.from(await req.arrayBuffer()).toString('base64') : null;
        const r = await main({ path: `/open311/${p}`, httpMethod: method, headers: req ? { 'content-type': req.headers.get('content-type')! } : {}, queryStringParameters: q, body, isBase64Encoded: body !== null });
        return { status: r.statusCode, doc: parser.parse(r.body) };
      };
      const res = await send('POST', 'v2/requests.xml', {}, ticket([['media', PNG, 'image/png', 'a.png']]));
      expect(res.status).toBe(200);
      const id = requestOf(res).service_request_id;
      const [file] = (await cloud.store.concerns.get(id))!.photos;
      expect(file).toMatch(/^cloud:\/\/[^/]+\/concern-photos\/u[0-9a-f]{32}\/[0-9a-f]+\.png$/);
      expect(storage.files.get(file)!.equals(PNG)).toBe(true);
      expect(storage.puts).toHaveLength(1);
      expect(api.requests.map((r) => r.action)).toContain('storage.getUploadMetadata');
      // mediaCheckAsync is never asked about a photo without a WeChat user: it is held for a moderator.
      expect(api.openApiRequests.filter((r) => r.apiName === 'security.mediaCheckAsync')).toEqual([]);
      expect((await cloud.store.photoChecks.ofFiles([file]))[0]).toMatchObject({ status: 'held', openid: 'open311-12345', concernId: id });
      const url = requestOf(await send('GET', `v2/requests/${id}.xml`, { api_key: HOTLINE })).media_url;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/concern-photos\/u[0-9a-f]{32}\/.+\.png\?sign=/);
      expect(Buffer.from(await (await fetch(url)).arrayBuffer()).equals(PNG)).toBe(true);
      expect(requestOf(await send('GET', `v2/requests/${id}.xml`, { api_key: TOWN })).media_url).toBe('');
      // Refused before anything is uploaded: a wrong type, and a photo over the app's limit.
      const wrong = await send('POST', 'v2/requests.xml', {}, ticket([['media', Buffer.from('%PDF-1.7'), 'image/jpeg', 'x.jpg']]));
      expect([wrong.status, errorOf(wrong).code]).toEqual([400, '400']);
      const big = await send('POST', 'v2/requests.xml', {}, ticket([['media', Buffer.concat([JPEG, Buffer.alloc(PHOTO_MAX_BYTES)]), 'image/jpeg', 'big.jpg']]));
      expect([big.status, errorOf(big).code]).toEqual([413, '413']);
      expect(storage.puts).toHaveLength(1);
      expect(storage.files.size).toBe(1);
    } finally {
      await storage.uninstall();
      api.uninstall();
      wire.uninstall();
    }
  });
});
