/**
 * Photo ids on concerns and replies: only the caller's own uploads in our storage are accepted, every one
 * passes the image content check, and views carry display URLs (the ids themselves are storage
 * references, not something to show) of the photos the caller may see.
 */
import { AppError } from '../errors';
import type { Caller, Moderation } from '../model';
import type { Deps, PhotoCheck, PhotoType } from '../ports';

/** The largest photo stored (bytes): the app's uploads and Open311's file parts alike. The client compresses well below it. */
export const PHOTO_MAX_BYTES = 4 * 1024 * 1024;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The image type the bytes really are, by their magic number; null when none of ours. */
export function imageTypeOf(b: Uint8Array): PhotoType | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (b.length >= 8 && PNG_MAGIC.every((x, i) => b[i] === x)) return 'png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Links sent by a client system (Open311 media_url) are not our files: shown as they are, never checked here. */
export const isExternal = (id: string) => /^https?:\/\//i.test(id);

/**
 * The storage folder a person's uploads go to (CloudBase: the mini program's `cloudPath`, me/profile's
 * `photoFolder`): named by a keyed digest of the openid, never the openid itself, because a file id and
 * every temporary URL of the file carry its path and are shown to handlers, moderators and the board.
 */
export function uploadFolder(digest: Deps['digest'], openid: string): string {
  return `concern-photos/u${digest(`photo-folder|${openid}`).slice(0, 32)}/`;
}

/** Refuses photo ids that are not the caller's own uploads in the configured storage. Writes nothing. */
export async function checkPhotos(deps: Deps, openid: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const storage = deps.photos;
  if (!storage || !deps.imageCheck) throw new AppError('PHOTO.INVALID', 'this deployment accepts no photos');
  if (new Set(fileIds).size !== fileIds.length) throw new AppError('PHOTO.INVALID', 'the same photo twice');
  const ids = [...fileIds];
  const ok = storage.ownedBy ? await storage.ownedBy(openid, ids) : (await storage.displayUrls(ids)).map((u) => u !== null);
  const bad = ids.filter((_, i) => !ok[i]);
  if (bad.length > 0) throw new AppError('PHOTO.INVALID', `not the caller's uploads: ${bad.join(', ')}`);
}

/** Display URLs for many lists of photo ids in one storage call; missing files are left out. */
export async function photoUrlLists(deps: Deps, lists: ReadonlyArray<readonly string[]>): Promise<string[][]> {
  const flat = lists.flat();
  if (flat.length === 0) return lists.map(() => []);
  const stored = flat.filter((id) => !isExternal(id));
  const storedUrls = stored.length > 0 && deps.photos ? await deps.photos.displayUrls(stored) : stored.map(() => null);
  let s = 0;
  const urls = flat.map((id) => (isExternal(id) ? id : storedUrls[s++]));
  let i = 0;
  return lists.map((l) => {
    const out: string[] = [];
    for (let k = 0; k < l.length; k++) {
      const u = urls[i++];
      if (u) out.push(u);
    }
    return out;
  });
}

/**
 * Submits the caller's photos (already accepted by `checkPhotos`) to the image check and records a check
 * per photo, before the concern or message that carries them is stored: a verdict given at once is
 * recorded as it is; WeChat's asynchronous one is recorded pending under its trace id.
 */
export async function submitPhotoChecks(deps: Deps, caller: Caller, fileIds: readonly string[], where: { concernId: string; townId: string; subject?: 'topic' }): Promise<void> {
  const { imageCheck } = deps;
  const ours = fileIds.filter((id) => !isExternal(id));
  if (ours.length === 0 || !imageCheck) return;
  const known = new Set((await deps.store.photoChecks.ofFiles(ours)).map((c) => c.fileId));
  const at = deps.now().toISOString();
  // The photos of one report are checked at once, not one round trip after another on the submit path.
  const fresh = ours.filter((id) => !known.has(id));
  const answers = await Promise.all(fresh.map((fileId) => imageCheck.submit(fileId, caller.openid)));
  const checks = fresh.map((fileId, i): PhotoCheck => {
    const answer = answers[i];
    const status: PhotoCheck['status'] = 'traceId' in answer ? 'pending' : answer.verdict === 'pass' ? 'published' : 'held';
    return {
      id: deps.newId('pc'),
      fileId,
      openid: caller.openid,
      concernId: where.concernId,
      townId: where.townId,
      traceId: 'traceId' in answer ? answer.traceId : null,
      status,
      submittedAt: at,
      decidedAt: status === 'pending' ? null : at,
      ...(where.subject ? { subject: where.subject } : {}),
    };
  });
  await deps.store.photoChecks.add(checks);
}

/** WeChat's verdict for a pending photo (`suggest` of mediaCheckAsync v2): anything but a pass is held. */
export async function settlePhotoCheck(deps: Deps, traceId: string, suggest: 'pass' | 'review' | 'risky'): Promise<PhotoCheck | null> {
  const status: Moderation = suggest === 'pass' ? 'published' : 'held';
  return deps.store.photoChecks.settle(traceId, status, deps.now().toISOString());
}

/**
 * The photos of each list this caller may see: a held or rejected photo only by its uploader and the
 * moderators. A photo without a check (e.g. stored before photos were checked) is shown. One batched read.
 */
export async function visiblePhotoLists(deps: Deps, caller: Caller, lists: ReadonlyArray<readonly string[]>): Promise<string[][]> {
  return (await photoVisibility(deps, caller, lists)).lists;
}

/**
 * `visiblePhotoLists`, and how many of the caller's own photos among them others do not see (held for
 * review or rejected), so the uploader can be told why the committee does not see them.
 */
export async function photoVisibility(deps: Deps, caller: Caller, lists: ReadonlyArray<readonly string[]>): Promise<{ lists: string[][]; ownHidden: number }> {
  const ours = [...new Set(lists.flat().filter((id) => !isExternal(id)))];
  if (ours.length === 0) return { lists: lists.map((l) => [...l]), ownHidden: 0 };
  const notPublic = (await deps.store.photoChecks.ofFiles(ours)).filter((c) => c.status === 'held' || c.status === 'rejected');
  const ownHidden = notPublic.filter((c) => c.openid === caller.openid).length;
  if (caller.role === 'admin') return { lists: lists.map((l) => [...l]), ownHidden };
  const hidden = new Set(notPublic.filter((c) => c.openid !== caller.openid).map((c) => c.fileId));
  return { lists: lists.map((l) => l.filter((id) => !hidden.has(id))), ownHidden };
}

/** Display URLs of the photos of each list this caller may see. */
export async function shownPhotoUrlLists(deps: Deps, caller: Caller, lists: ReadonlyArray<readonly string[]>): Promise<string[][]> {
  return photoUrlLists(deps, await visiblePhotoLists(deps, caller, lists));
}
