/**
 * A topic's background photos when their uploader leaves (me/delete, core/trust/privacy-photos.ts): the files
 * move to a place that names nobody, and the topic's list follows them. Each topic is rewritten at the
 * version read (retried on a concurrent change); a topic already renamed, or gone, is left as it is, so an
 * interrupted delete finishes when run again.
 */
import type { Deps, PhotoRename } from '../ports';

export async function renameTopicPhotos(deps: Deps, renames: readonly PhotoRename[]): Promise<void> {
  const byTopic = new Map<string, Map<string, string>>();
  for (const r of renames) byTopic.set(r.concernId, (byTopic.get(r.concernId) ?? new Map<string, string>()).set(r.from, r.to));
  for (const [topicId, map] of byTopic) {
    for (;;) {
      const t = await deps.store.topics.get(topicId);
      const photos = t?.photos ?? [];
      if (!t || !photos.some((id) => map.has(id))) break;
      if (await deps.store.topics.update(t.id, t.version, { photos: photos.map((id) => map.get(id) ?? id) })) break;
    }
  }
}
