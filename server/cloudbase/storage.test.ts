/** Photos in CloudBase storage, through the real SDK's getTempFileURL/deleteFile against a fake of its one request. */
import tcb from '@cloudbase/node-sdk';
import { FakeCloudbaseApi } from '../../test/fakes/cloudbase-api';
import { FakeCloudbaseStorage } from '../../test/fakes/cloudbase-storage';
import { photoStorageUploadContract } from '../photo-storage-contract';
import { CloudbasePhotoStorage } from './storage';

let api: FakeCloudbaseApi;
let storage: CloudbasePhotoStorage;
beforeEach(() => {
  api = new FakeCloudbaseApi().install();
  storage = new CloudbasePhotoStorage(tcb.init({ env: 'jiefang-test', secretId: 'fake-secret-id', secretKey: 'fake-secret-key' }), 600);
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
      'cloud://env.bucket/concern-photos/o-alice/a.jpg',
      'cloud://env.bucket/concern-photos/o-bob/b.jpg',
      'cloud://env.bucket/concern-photos/o-alice/sub/c.jpg',
      'cloud://env.bucket/concern-photos/o-alice/gone.jpg',
      'cloud://env.bucket/concern-photos/o-alice/',
      'https://example.invalid/concern-photos/o-alice/a.jpg',
    ];
    expect(await storage.ownedBy('o-alice', ids)).toEqual([true, false, false, false, false, false]);
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

photoStorageUploadContract('CloudBase photo storage', async () => {
  const fake = new FakeCloudbaseApi().install();
  const cos = await new FakeCloudbaseStorage().install(fake);
  return {
    storage: new CloudbasePhotoStorage(tcb.init({ env: 'jiefang-test', secretId: 'fake-secret-id', secretKey: 'fake-secret-key' })),
    fetchBytes: async (url) => Buffer.from(await (await fetch(url)).arrayBuffer()),
    done: async () => {
      await cos.uninstall();
      fake.uninstall();
    },
  };
});
