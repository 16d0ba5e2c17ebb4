/**
 * Photo ids on concerns and replies: only the caller's own uploads in our storage are accepted, and
 * views carry display URLs (the ids themselves are storage references, not something to show).
 */
import { AppError } from './errors';
import type { Deps } from './ports';

/** Refuses photo ids that are not the caller's own uploads in the configured storage. Writes nothing. */
export async function checkPhotos(deps: Deps, openid: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const storage = deps.photos;
  if (!storage) throw new AppError('PHOTO.INVALID', 'this deployment accepts no photos');
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
  // Links sent by a client system (Open311 media_url) are shown as they are; file ids go to the storage.
  const external = (id: string) => /^https?:\/\//i.test(id);
  const stored = flat.filter((id) => !external(id));
  const storedUrls = stored.length > 0 && deps.photos ? await deps.photos.displayUrls(stored) : stored.map(() => null);
  let s = 0;
  const urls = flat.map((id) => (external(id) ? id : storedUrls[s++]));
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
