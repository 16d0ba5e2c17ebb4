/** Photos in CloudBase storage, through the real SDK's getTempFileURL/deleteFile against a fake of its one request. */
import tcb from '@cloudbase/node-sdk';
import { FakeCloudbaseApi } from '../../test/fakes/cloudbase-api';
import { FakeCloudbaseStorage } from '../../test/fakes/cloudbase-storage';
import { photoStorageUploadContract } from '../photo-storage-contract';
import { uploadFolder } from '../../core/concerns/photos';
import { hmacDigest } from '../ids';
import { CloudbasePhotoStorage, DELETED_PHOTO_FOLDER } from './storage';

const app = () => tcb.init({ env: 'jiefang-test', secretId: 'fake-secret-id', secretKey: 'fake-secret-key' });
const digest = hmacDigest('a-test-code-secret-of-at-least-32-chars');
const folderOf = (openid: string) => uploadFolder(digest, openid);
const ALICE = folderOf('o-alice');

let api: FakeCloudbaseApi;
let storage: CloudbasePhotoStorage;
beforeEach(() => {
  api = new FakeCloudbaseApi().install();
  storage = new CloudbasePhotoStorage(app(), folderOf, 600);
});
afterEach(() => api.uninstall());

describe('CloudBase photo storage', () => {
  it('turns file ids into temporary URLs in order, null for missing files, 50 ids per request', async () => {
    api.on('storage.batchGetDownloadUrl', (p) => ({
      data: {
        download_list: (p.file_list as Array<{ fileid: string }>).map((f) =>
          f.fileid.endsWith('missing.jpg') ? { code: 'STORAGE_FILE_NONEXIST', fileID: f.fileid, tempFileURL: '' } : { code: 'SUCCESS', fileID: f.fileid, tempFileURL: `https://tmp.example.invalid/${f.fileid.split('/').pop()}` },
        ),
      },
    }));
    const ids = Array.from({ length: 60 }, (_, i) => `cloud://env.bucket/concerns/p${i}.jpg`);
    ids[3] = 'cloud://env.bucket/concerns/missing.jpg';
    const urls = await storage.displayUrls(ids);
    expect(urls[0]).toBe('https://tmp.example.invalid/p0.jpg');
    expect(urls[3]).toBeNull();
    expect(urls[59]).toBe('https://tmp.example.invalid/p59.jpg');
    expect(api.requests.map((r) => (r.file_list as unknown[]).length)).toEqual([50, 10]);
    expect((api.requests[0].file_list as Array<Record<string, unknown>>)[0]).toEqual({ fileid: ids[0], max_age: 600 });
  });

  it("knows a person's photo by their own upload folder, and only when the file exists", async () => {
    api.on('storage.batchGetDownloadUrl', (p) => ({
      data: { download_list: (p.file_list as Array<{ fileid: string }>).map((f) => (f.fileid.endsWith('gone.jpg') ? { code: 'STORAGE_FILE_NONEXIST', fileID: f.fileid, tempFileURL: '' } : { code: 'SUCCESS', fileID: f.fileid, tempFileURL: 'https://tmp.example.invalid/x.jpg' })) },
    }));
    const ids = [
      `cloud://env.bucket/${ALICE}a.jpg`,
      `cloud://env.bucket/${folderOf('o-bob')}b.jpg`,
      `cloud://env.bucket/${ALICE}sub/c.jpg`,
      `cloud://env.bucket/${ALICE}gone.jpg`,
      `cloud://env.bucket/${ALICE}`,
      `https://example.invalid/${ALICE}a.jpg`,
      // The folder of an earlier build, named by the openid, is nobody's upload folder now.
      'cloud://env.bucket/concern-photos/o-alice/d.jpg',
    ];
    expect(ALICE).toMatch(/^concern-photos\/u[0-9a-f]{32}\/$/);
    expect(ALICE).not.toContain('o-alice');
    expect(await storage.ownedBy('o-alice', ids)).toEqual([true, false, false, false, false, false, false]);
    // Only ids in the person's folder are looked up.
    expect(api.requests.map((r) => (r.file_list as Array<{ fileid: string }>).map((f) => f.fileid))).toEqual([[ids[0], ids[3]]]);
  });

  it('deletes files, ignores ones already gone, and throws when a delete fails', async () => {
    api.on('storage.batchDeleteFile', (p) => ({ data: { delete_list: (p.fileid_list as string[]).map((fileID) => ({ fileID, code: fileID.includes('gone') ? 'STORAGE_FILE_NONEXIST' : 'SUCCESS' })) } }));
    await storage.delete(['cloud://env/a.jpg', 'cloud://env/gone.jpg']);
    expect(api.requests[0]).toMatchObject({ action: 'storage.batchDeleteFile', fileid_list: ['cloud://env/a.jpg', 'cloud://env/gone.jpg'] });
    api.on('storage.batchDeleteFile', () => ({ data: { delete_list: [{ fileID: 'cloud://env/b.jpg', code: 'SYS_ERR' }] } }));
    await expect(storage.delete(['cloud://env/b.jpg'])).rejects.toThrow('cloud://env/b.jpg (SYS_ERR)');
  });
});

describe('CloudBase photo storage when a person deletes their account', () => {
  let cos: FakeCloudbaseStorage;
  beforeEach(async () => {
    cos = await new FakeCloudbaseStorage().install(api);
  });
  afterEach(() => cos.uninstall());
  const BUCKET = 'cloud://jiefang-test.6a69-jiefang-test-1300000000/';
  const put = (path: string) => cos.files.set(BUCKET + path, Buffer.from(path));

  it("copies the person's files (their folder and the openid-named one of an earlier build) to a folder naming nobody, and leaves others' ids alone", async () => {
    const ids = [`${BUCKET}${ALICE}a.jpg`, `${BUCKET}concern-photos/o-alice/old.jpg`, `${BUCKET}${folderOf('o-bob')}b.jpg`, `${BUCKET}${DELETED_PHOTO_FOLDER}done.jpg`, 'https://example.invalid/x.jpg'];
    for (const id of ids.slice(0, 4)) put(id.slice(BUCKET.length));
    const moved = await storage.rehome('o-alice', ids);
    expect(moved).toEqual([`${BUCKET}${DELETED_PHOTO_FOLDER}a.jpg`, `${BUCKET}${DELETED_PHOTO_FOLDER}old.jpg`, ids[2], ids[3], ids[4]]);
    expect(moved.slice(0, 2).every((id) => !id.includes('o-alice') && !id.includes(ALICE))).toBe(true);
    // Copied with the bytes; the originals stay until forgetOwner, so a run cut short loses nothing.
    expect(cos.files.get(moved[0])?.toString()).toBe(`${ALICE}a.jpg`);
    expect(cos.files.has(ids[0]) && cos.files.has(ids[1])).toBe(true);
    // A second run copies again (overwriting its own copy) and answers the same ids.
    expect(await storage.rehome('o-alice', ids)).toEqual(moved);
    const [url] = await storage.displayUrls([moved[0]]);
    expect(url).not.toContain('o-alice');

    await storage.forgetOwner('o-alice', moved);
    expect(cos.files.has(ids[0]) || cos.files.has(ids[1])).toBe(false);
    expect([...cos.files.keys()].sort()).toEqual([ids[2], ids[3], moved[0], moved[1]].sort());
    // Again: nothing left to delete, nothing else touched.
    await storage.forgetOwner('o-alice', moved);
    expect([...cos.files.keys()].sort()).toEqual([ids[2], ids[3], moved[0], moved[1]].sort());
  });

  it('renames a file that is already gone all the same, and throws on any other failed copy', async () => {
    expect(await storage.rehome('o-alice', [`${BUCKET}${ALICE}gone.jpg`])).toEqual([`${BUCKET}${DELETED_PHOTO_FOLDER}gone.jpg`]);
    api.on('storage.batchCopyFile', () => ({ data: { copy_list: [{ code: 'SYS_ERR', message: 'boom' }] } }));
    await expect(storage.rehome('o-alice', [`${BUCKET}${ALICE}a.jpg`])).rejects.toThrow(`${ALICE}a.jpg (SYS_ERR)`);
  });

  it('cannot list uploads (the server SDK has no listing)', async () => {
    expect(await storage.uploadsOf()).toBeNull();
  });
});

photoStorageUploadContract('CloudBase photo storage', async () => {
  const fake = new FakeCloudbaseApi().install();
  const cos = await new FakeCloudbaseStorage().install(fake);
  return {
    storage: new CloudbasePhotoStorage(app(), folderOf),
    fetchBytes: async (url) => Buffer.from(await (await fetch(url)).arrayBuffer()),
    done: async () => {
      await cos.uninstall();
      fake.uninstall();
    },
  };
});
