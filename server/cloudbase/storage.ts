import type tcb from '@cloudbase/node-sdk';
import type { PhotoStorage } from '../../core/ports';

type CloudBase = ReturnType<typeof tcb.init>;
/** getTempFileURL and deleteFile take at most this many ids per call. */
const BATCH = 50;

/**
 * Photos in CloudBase storage. The mini program uploads (`Taro.cloud.uploadFile`) and stores the
 * `cloud://` file id; the server turns ids into temporary URLs for display and deletes files.
 */
export class CloudbasePhotoStorage implements PhotoStorage {
  constructor(
    private readonly app: Pick<CloudBase, 'getTempFileURL' | 'deleteFile'>,
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

  async delete(fileIds: string[]): Promise<void> {
    for (let i = 0; i < fileIds.length; i += BATCH) {
      const res = await this.app.deleteFile({ fileList: fileIds.slice(i, i + BATCH) });
      const failed = res.fileList.filter((f) => f.code !== 'SUCCESS' && f.code !== 'STORAGE_FILE_NONEXIST');
      if (failed.length > 0) throw new Error(`deleteFile failed for ${failed.map((f) => `${f.fileID} (${f.code})`).join(', ')}`);
    }
  }
}
