import type tcb from '@cloudbase/node-sdk';
import { randomBytes } from 'node:crypto';
import type { PhotoStorage, PhotoType } from '../../core/ports';

type CloudBase = ReturnType<typeof tcb.init>;
/** getTempFileURL and deleteFile take at most this many ids per call. */
const BATCH = 50;

/**
 * The folder photos of an earlier build went to: it carries the openid, and so do the file id and every
 * temporary URL of a file in it. Uploads no longer go there (`uploadFolder`, core/concerns/photos.ts); me/delete
 * still moves what is left in it.
 */
export const legacyPhotoFolder = (openid: string) => `concern-photos/${openid}/`;
/** Where me/delete moves a leaver's photos that stay with their concerns: one folder for all, naming nobody (file names are random). */
export const DELETED_PHOTO_FOLDER = 'concern-photos/deleted/';

/** The path of a `cloud://<env>.<bucket>/<path>` file id inside its bucket, or null for another kind of id. */
function pathInBucket(fileId: string): string | null {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  return m ? m[1] : null;
}

/** The file's name when its path lies directly in `folder` (not deeper), else null. */
function nameIn(folder: string, path: string | null): string | null {
  if (path === null || !path.startsWith(folder)) return null;
  const name = path.slice(folder.length);
  return name.length > 0 && !name.includes('/') ? name : null;
}

/**
 * Photos in CloudBase storage. The mini program uploads (`Taro.cloud.uploadFile`) into the person's own
 * folder and stores the `cloud://` file id; the server turns ids into temporary URLs for display, deletes
 * files, and uploads the photos it receives itself (Open311 file parts) into their owner's folder with the
 * SDK's `uploadFile` (storage.getUploadMetadata, then a PUT of the bytes to the URL it answers).
 */
export class CloudbasePhotoStorage implements PhotoStorage {
  constructor(
    private readonly app: Pick<CloudBase, 'getTempFileURL' | 'deleteFile' | 'uploadFile' | 'copyFile'>,
    /** A person's upload folder (`uploadFolder` of core/concerns/photos.ts: named by a keyed digest, never the openid). */
    private readonly folderOf: (openid: string) => string,
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
    const folder = this.folderOf(openid);
    const inFolder = fileIds.map((id) => nameIn(folder, pathInBucket(id)) !== null);
    const candidates = fileIds.filter((_, i) => inFolder[i]);
    const urls = candidates.length > 0 ? await this.displayUrls(candidates) : [];
    let k = 0;
    return inFolder.map((ok) => ok && urls[k++] !== null);
  }

  async upload(owner: string, bytes: Uint8Array, type: PhotoType): Promise<string> {
    const name = `${randomBytes(12).toString('hex')}.${type}`;
    const res = await this.app.uploadFile({ cloudPath: this.folderOf(owner) + name, fileContent: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    if (!res.fileID) throw new Error(`uploadFile answered no fileID for ${this.folderOf(owner)}${name}`);
    return res.fileID;
  }

  /**
   * A file in the person's folder (or the legacy one named by the openid) is copied into
   * DELETED_PHOTO_FOLDER under the same name (copyFile keeps names), overwriting a copy an interrupted
   * run made; 50 per request. The copy is the server's, so no user is recorded as its owner.
   */
  async rehome(openid: string, fileIds: string[]): Promise<string[]> {
    const folders = [this.folderOf(openid), legacyPhotoFolder(openid)];
    const out = [...fileIds];
    const moves: Array<{ i: number; srcPath: string; dstPath: string }> = [];
    fileIds.forEach((id, i) => {
      const path = pathInBucket(id);
      const folder = folders.find((f) => nameIn(f, path) !== null);
      if (folder === undefined || path === null) return;
      const dstPath = DELETED_PHOTO_FOLDER + path.slice(folder.length);
      moves.push({ i, srcPath: path, dstPath });
      out[i] = id.slice(0, id.length - path.length) + dstPath;
    });
    for (let k = 0; k < moves.length; k += BATCH) {
      const batch = moves.slice(k, k + BATCH);
      const res = await this.app.copyFile({ fileList: batch.map(({ srcPath, dstPath }) => ({ srcPath, dstPath, overwrite: true, removeOriginal: false })) });
      const answered = res.fileList ?? [];
      if (answered.length !== batch.length) throw new Error(`copyFile answered ${answered.length} of ${batch.length} files`);
      // A file already gone has nothing to copy: its id is renamed all the same, so that no record keeps the old path.
      const failed = answered.map((f, j) => ({ f, move: batch[j] })).filter(({ f }) => f.code !== undefined && f.code !== 'SUCCESS' && f.code !== 'STORAGE_FILE_NONEXIST');
      if (failed.length > 0) throw new Error(`copyFile failed for ${failed.map(({ f, move }) => `${move.srcPath} (${f.code})`).join(', ')}`);
    }
    return out;
  }

  /** CloudBase storage has no listing in the server SDK: uploads never attached to anything cannot be found. */
  uploadsOf(): Promise<null> {
    return Promise.resolve(null);
  }

  /** Deletes the originals of the rehomed files in the person's folder and the legacy one; the storage keeps no other owner record. */
  async forgetOwner(openid: string, rehomed: string[]): Promise<void> {
    const originals: string[] = [];
    for (const id of rehomed) {
      const path = pathInBucket(id);
      const name = nameIn(DELETED_PHOTO_FOLDER, path);
      if (name === null || path === null) continue;
      const prefix = id.slice(0, id.length - path.length);
      for (const folder of [this.folderOf(openid), legacyPhotoFolder(openid)]) originals.push(prefix + folder + name);
    }
    if (originals.length > 0) await this.delete(originals);
  }

  async delete(fileIds: string[]): Promise<void> {
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const res = await this.app.deleteFile({ fileList: fileIds.slice(i, i + BATCH) });
      const failed = res.fileList.filter((f) => f.code !== 'SUCCESS' && f.code !== 'STORAGE_FILE_NONEXIST');
      if (failed.length > 0) throw new Error(`deleteFile failed for ${failed.map((f) => `${f.fileID} (${f.code})`).join(', ')}`);
    }
  }
}
