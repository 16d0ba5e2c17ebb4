/** Local photos: stored beside the database, served by the local server, deleted on request. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHttpServer } from './http-server';
import { createLocalRuntime } from './local-runtime';
import { LocalPhotoStorage } from './local-photo-storage';
import { testClock } from './test-clock';
import { photoStorageUploadContract } from './photo-storage-contract';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

describe('local photo storage', () => {
  it('hands out display URLs for its own files only, and deletes them', async () => {
    const photos = new LocalPhotoStorage(mkdtempSync(path.join(os.tmpdir(), 'jiefang-uploads-')));
    const id = photos.put(JPEG, 'jpg');
    expect(id).toMatch(/^local:\/\/uploads\/[a-z0-9]+\.jpg$/);
    const name = id.slice('local://uploads/'.length);
    expect(await photos.displayUrls([id, 'local://uploads/missing.jpg', 'cloud://env/x.jpg', 'local://uploads/../secret.jpg'])).toEqual([`/uploads/${name}`, null, null, null]);
    await photos.delete([id, 'local://uploads/missing.jpg']);
    expect(await photos.displayUrls([id])).toEqual([null]);
    expect(existsSync(path.join(photos.dir, name))).toBe(false);
  });

  it('is served by the local server under /uploads/, and nothing else is', async () => {
    const rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'none', uploadsDir: mkdtempSync(path.join(os.tmpdir(), 'jiefang-uploads-')) });
    const server = createHttpServer(rt, { mode: 'local', staticDir: null });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const [url] = await rt.photos!.displayUrls([rt.photos!.put(JPEG, 'jpg')]);
      const res = await fetch(base + url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(JPEG);
      expect((await fetch(`${base}/uploads/..%2Fjiefang.db`)).status).toBe(404);
      expect((await fetch(`${base}/uploads/nothing.jpg`)).status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
      await rt.close();
    }
  });
});

photoStorageUploadContract('local photo storage', async () => {
  const photos = new LocalPhotoStorage(mkdtempSync(path.join(os.tmpdir(), 'jiefang-uploads-')));
  return { storage: photos, fetchBytes: async (url) => readFileSync(photos.resolve(url.slice('/uploads/'.length))!), done: async () => undefined };
});
