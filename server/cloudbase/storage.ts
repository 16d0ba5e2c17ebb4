import type tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import type { PhotoStorage, PhotoType } from '../../core/ports';

type CloudBase = ReturnType<typeof tcb.init>;
/** getTempFileURL and deleteFile take at most this many ids per call. */
const BATCH = 50;

/** The folder the mini program uploads a person's photos to (src/services/photos.ts): one per person. */
export const photoFolder = (openid: string) => `concern-photos/${openid}/`;

/** The path of a `cloud://<env>.<bucket>/<path>` file id inside its bucket, or null for another kind of id. */
function pathInBucket(fileId: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return m ? m[1] : null;
}

/**
 * Photos in CloudBase storage. The mini program uploads (`Taro.cloud.uploadFile`) into the person's own
 * folder and stores the `cloud://` file id; the server turns ids into temporary URLs for display, deletes
 * files, and uploads the photos it receives itself (Open311 file parts) into their owner's folder with the
 * SDK's `uploadFile` (storage.getUploadMetadata, then a PUT of the bytes to the URL it answers).
 */
export class CloudbasePhotoStorage implements PhotoStorage {
  constructor(
    private readonly app: Pick<CloudBase, 'getTempFileURL' | 'deleteFile' | 'uploadFile'>,
    /** Seconds a display URL stays valid. */
    private readonly maxAge = 3600,
  ) {}

  async displayUrls(fileIds: string[]): Promise<Array<string | null>> {
    const urls = new Map<string, string>();
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const batch = fileIds.slice(i, i + BATCH);
      const res = await this.app.getTempFileURL({ fileList: batch.map((fileID) => ({ fileID, maxAge: this.maxAge })) });
      for (const f of res.fileList) if (f.code === 'SUCCESS' && f.tempFileURL) urls.set(f.fileID, f.tempFileURL);
    }
    return fileIds.map((id) => urls.get(id) ?? null);
  }

  /**
   * A file is this person's when it lies directly in their folder and exists: a report can then carry
   * only its author's own uploads, never another person's photo by its id.
   */
  async ownedBy(openid: string, fileIds: string[]): Promise<boolean[]> {
    const folder = photoFolder(openid);
    const inFolder = fileIds.map((id) => {
      const p = pathInBucket(id);
      return p !== null && p.startsWith(folder) && !p.slice(folder.length).includes('/') && p.length > folder.length;
    });
    const candidates = fileIds.filter((_, i) => inFolder[i]);
    const urls = candidates.length > 0 ? await this.displayUrls(candidates) : [];
    let k = 0;
    return inFolder.map((ok) => ok && urls[k++] !== null);
  }

  async upload(owner: string, bytes: Uint8Array, type: PhotoType): Promise<string> {
    const name = `${randomBytes(12).toString('hex')}.${type}`;
    const res = await this.app.uploadFile({ cloudPath: photoFolder(owner) + name, fileContent: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    if (!res.fileID) throw new Error(`uploadFile answered no fileID for ${photoFolder(owner)}${name}`);
    return res.fileID;
  }

  async delete(fileIds: string[]): Promise<void> {
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const res = await this.app.deleteFile({ fileList: fileIds.slice(i, i + BATCH) });
      const failed = res.fileList.filter((f) => f.code !== 'SUCCESS' && f.code !== 'STORAGE_FILE_NONEXIST');
      if (failed.length > 0) throw new Error(`deleteFile failed for ${failed.map((f) => `${f.fileID} (${f.code})`).join(', ')}`);
    }
  }
}
