import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import type { PhotoStorage, PhotoType } from '../core/ports';

const PREFIX = 'local://uploads/';
const NAME = /^[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|gif|webp)$/;

/**
 * Photos of the local cloud: files in a folder beside the database (data/uploads), served by the local
 * server under /uploads/. File ids look like `local://uploads/<name>`; any other id is not ours.
 */
export class LocalPhotoStorage implements PhotoStorage {
  constructor(
    readonly dir: string,
    private readonly urlBase = '/uploads/',
  ) {}

  /**
   * Stores bytes under a fresh name and answers the file id. With an owner, the uploader's openid is kept
   * beside the file (in `.owners/`, never served), so a report can only carry its author's own uploads.
   */
  put(bytes: Buffer, ext: 'jpg' | 'jpeg' | 'png' | 'gif' | 'webp', owner?: string): string {
    mkdirSync(this.dir, { recursive: true });
    const name = `${Date.now().toString(36)}${randomBytes(8).toString('hex')}.${ext}`;
    if (owner !== undefined) {
      mkdirSync(path.join(this.dir, '.owners'), { recursive: true });
      writeFileSync(path.join(this.dir, '.owners', name), owner);
    }
    writeFileSync(path.join(this.dir, name), bytes);
    return PREFIX + name;
  }

  /** `put` with an owner, a full disk answered as STORAGE.FULL (nothing stored). */
  async upload(owner: string, bytes: Uint8Array, type: PhotoType): Promise<string> {
    try {
      return this.put(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), type, owner);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('STORAGE.FULL', 'the disk is full; the photo was not stored');
      throw e;
    }
  }

  async ownedBy(openid: string, fileIds: string[]): Promise<boolean[]> {
    return fileIds.map((id) => {
      const name = this.nameOf(id);
      if (name === null || this.resolve(name) === null) return false;
      const ownerFile = path.join(this.dir, '.owners', name);
      return existsSync(ownerFile) && readFileSync(ownerFile, 'utf8') === openid;
    });
  }

  /** The file on disk for a name under /uploads/, or null when there is none (or the name is not ours). */
  resolve(name: string): string | null {
    if (!NAME.test(name)) return null;
    const file = path.join(this.dir, name);
    return existsSync(file) && statSync(file).isFile() ? file : null;
  }

  private nameOf(fileId: string): string | null {
    if (!fileId.startsWith(PREFIX)) return null;
    const name = fileId.slice(PREFIX.length);
    return NAME.test(name) ? name : null;
  }

  /** The bytes of a stored photo, or null when the id is not one of ours or the file is gone. */
  read(fileId: string): Buffer | null {
    const name = this.nameOf(fileId);
    const file = name === null ? null : this.resolve(name);
    return file === null ? null : readFileSync(file);
  }

  async displayUrls(fileIds: string[]): Promise<Array<string | null>> {
    return fileIds.map((id) => {
      const name = this.nameOf(id);
      return name !== null && this.resolve(name) !== null ? this.urlBase + name : null;
    });
  }

  /** Local file ids (`local://uploads/<random name>`) name nobody: every file keeps its id. */
  async rehome(_openid: string, fileIds: string[]): Promise<string[]> {
    return [...fileIds];
  }

  /** Every file whose owner record names the person. */
  async uploadsOf(openid: string): Promise<string[]> {
    return this.ownerRecordsOf(openid).map((name) => PREFIX + name);
  }

  /** Removes every owner record naming the person: the files that stay (with their concerns) belong to nobody. */
  async forgetOwner(openid: string): Promise<void> {
    for (const name of this.ownerRecordsOf(openid)) unlinkSync(path.join(this.dir, '.owners', name));
  }

  private ownerRecordsOf(openid: string): string[] {
    const dir = path.join(this.dir, '.owners');
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((name) => NAME.test(name) && readFileSync(path.join(dir, name), 'utf8') === openid)
      .sort();
  }

  async delete(fileIds: string[]): Promise<void> {
    for (const id of fileIds) {
      const name = this.nameOf(id);
      const file = name === null ? null : this.resolve(name);
      if (file) unlinkSync(file);
      const ownerFile = name === null ? null : path.join(this.dir, '.owners', name);
      if (ownerFile && existsSync(ownerFile)) unlinkSync(ownerFile);
    }
  }
}
