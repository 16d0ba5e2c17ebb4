/**
 * me/delete's files (issue 14, item 14). A leaver's photos that stay with their concerns (the committee
 * keeps the concern) move to a place whose file id and temporary URLs name nobody, and every record that
 * carries them is renamed; their uploads that no record carries are deleted; no owner record of theirs is
 * left. Each step is idempotent and the person's record goes only after all of them (core/trust/privacy.ts), so
 * an interrupted delete is finished by running it again.
 */
import { isExternal } from '../concerns/photos';
import type { Deps } from '../ports';
import { renameTopicPhotos } from '../topics/topic-photos';

export async function forgetPhotos(deps: Deps, openid: string): Promise<void> {
  const storage = deps.photos;
  if (!storage) return;
  // Every photo the person attached has a check (core/concerns/photos.ts, submitPhotoChecks), made by the uploader.
  const checks = (await deps.store.photoChecks.ofUploader(openid)).filter((c) => !isExternal(c.fileId));
  const moved = checks.length > 0 ? await storage.rehome(openid, checks.map((c) => c.fileId)) : [];
  const renames = checks.map((c, i) => ({ concernId: c.concernId, from: c.fileId, to: moved[i] })).filter((r) => r.from !== r.to);
  // A topic's photos (街坊议事) first: the checks still carry the old ids until renamePhotos, so a re-run finds them.
  const ofTopics = new Set(checks.filter((c) => c.subject === 'topic').map((c) => c.fileId));
  await renameTopicPhotos(deps, renames.filter((r) => ofTopics.has(r.from)));
  if (renames.length > 0) await deps.store.privacy.renamePhotos(renames);
  // Uploads no record carries (chosen but never sent, or sent with a report that was refused) go.
  const listed = await storage.uploadsOf(openid);
  if (listed && listed.length > 0) {
    const carried = new Set([...moved, ...(await deps.store.photoChecks.ofFiles(listed)).map((c) => c.fileId)]);
    const loose = listed.filter((id) => !carried.has(id));
    if (loose.length > 0) await storage.delete(loose);
  }
  await storage.forgetOwner(openid, moved);
}
