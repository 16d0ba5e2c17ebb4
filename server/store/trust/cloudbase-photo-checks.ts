import { createHash } from 'node:crypto';
import type { Moderation } from '../../../core/model';
import type { PhotoCheck, PhotoCheckRepo } from '../../../core/ports';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

/**
 * A photo check's document id, derived from its file id (a `cloud://…` path may not be a document id):
 * one document per file, so a retried submission finds the first check instead of adding a second.
 */
export const photoCheckDocId = (fileId: string) => `pf_${createHash('sha256').update(fileId).digest('hex').slice(0, 40)}`;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : `${v as string | number}`);

function toCheck(d: StoredDoc): PhotoCheck {
  return {
    id: String(d.checkId),
    fileId: String(d.fileId),
    openid: String(d.openid),
    concernId: String(d.concernId),
    townId: String(d.townId),
    traceId: str(d.traceId),
    status: d.status as PhotoCheck['status'],
    submittedAt: String(d.submittedAt),
    decidedAt: str(d.decidedAt),
    ...(d.subject === 'topic' ? { subject: 'topic' as const } : {}),
  };
}

/**
 * Photo checks (`photo_checks`, `_id` derived from the file id, `checkId` the check's own id). A verdict
 * is one conditional update from `pending` (found by `traceId`) or `held` (found by `checkId`).
 */
export class CloudbasePhotoChecks implements PhotoCheckRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  /** One create-once transaction per photo (a report carries at most 9). */
  async add(checks: PhotoCheck[]): Promise<void> {
    for (const c of checks) {
      const { id, ...rest } = c;
      await this.cb.createOnce('photo_checks', { _id: photoCheckDocId(c.fileId), checkId: id, ...rest });
    }
  }

  async ofFiles(fileIds: string[]): Promise<PhotoCheck[]> {
    if (fileIds.length === 0) return [];
    const ids = [...new Set(fileIds.map(photoCheckDocId))];
    return (await this.cb.readAll('photo_checks', { _id: ids.length === 1 ? ids[0] : this.cb._.in(ids) })).map(toCheck);
  }

  /** By the `uploader` index; in submission order. */
  async ofUploader(openid: string): Promise<PhotoCheck[]> {
    return (await this.cb.readAll('photo_checks', { openid }))
      .map(toCheck)
      .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id < b.id ? -1 : 1));
  }

  async settle(traceId: string, status: Moderation, at: string): Promise<PhotoCheck | null> {
    const [d] = await this.cb.find('photo_checks', { traceId }, [], 1);
    if (!d || d.status !== 'pending') return null;
    if (!(await this.cb.conditionalUpdate('photo_checks', { _id: d._id, status: 'pending' }, { status, decidedAt: at }))) return null;
    return { ...toCheck(d), status, decidedAt: at };
  }

  async held(townIds: string[] | null, limit: number): Promise<PhotoCheck[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const inTowns = townIds === null ? {} : { townId: townIds.length === 1 ? townIds[0] : this.cb._.in(townIds) };
    return (await this.cb.collect('photo_checks', { status: 'held', ...inTowns }, { field: 'submittedAt', dir: 'asc' }, limit)).map(toCheck);
  }

  async decide(id: string, to: 'published' | 'rejected', at: string, townIds: string[] | null): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    const inTowns = townIds === null ? {} : { townId: townIds.length === 1 ? townIds[0] : this.cb._.in(townIds) };
    return (await this.cb.updateWhere('photo_checks', { checkId: id, status: 'held', ...inTowns }, { status: to, decidedAt: at })) === 1;
  }
}
