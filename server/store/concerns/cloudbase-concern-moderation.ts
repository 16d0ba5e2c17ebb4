/** CloudBase: the held texts of concerns (descriptions and thread messages) for 内容审核, and their decisions (CloudbaseConcerns delegates here). */
import type { Concern } from '../../../core/model';
import type { HeldContent } from '../../../core/ports';
import type { StoredMessage } from './cloudbase-concern-docs';
import type { CloudbaseDb, Filter } from '../../cloudbase/db';

/**
 * Two indexed queries — held descriptions (`moderation: 'held'`) and concerns holding a held message
 * (`messages.moderation: 'held'`) — in the given towns, merged oldest first. Held items are few.
 */
export async function heldContent(cb: CloudbaseDb, townIds: string[] | null, limit: number): Promise<HeldContent[]> {
  const _ = cb._;
  if (townIds !== null && townIds.length === 0) return [];
  const inTowns: Filter = townIds === null ? {} : { 'route.townId': townIds.length === 1 ? townIds[0] : _.in(townIds) };
  const heldConcerns = await cb.collect('concerns', cb.and({ moderation: 'held' }, inTowns), { field: 'createdAt', dir: 'asc' }, limit, {
    reporterOpenid: true,
    description: true,
    createdAt: true,
    route: true,
  });
  // Every concern holding a held message, page by page: the oldest held messages may sit on any of them.
  const withHeldMessages = await cb.readAll('concerns', cb.and({ 'messages.moderation': 'held' }, inTowns), { messages: true, route: true });
  const items: HeldContent[] = [
    ...heldConcerns.map((d) => ({
      kind: 'concern' as const,
      id: d._id,
      concernId: d._id,
      townId: String((d.route as Concern['route']).townId),
      authorOpenid: String(d.reporterOpenid),
      text: String(d.description),
      at: String(d.createdAt),
    })),
    ...withHeldMessages.flatMap((d) =>
      ((d.messages as StoredMessage[] | undefined) ?? [])
        .filter((m) => m.moderation === 'held')
        .map((m) => ({ kind: 'message' as const, id: m.id, concernId: d._id, townId: String((d.route as Concern['route']).townId), authorOpenid: m.authorOpenid, text: m.text, at: m.at })),
    ),
  ];
  return items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1)).slice(0, limit);
}

/**
 * One conditional single-document update from `held`, in the moderator's towns: on the concern
 * (`{_id, moderation: 'held', 'route.townId'}`), or on the message's element (`{messages:
 * _.elemMatch({id, moderation: 'held'}), 'route.townId'}`, set through `messages.$`).
 */
export async function decideModeration(cb: CloudbaseDb, kind: HeldContent['kind'], id: string, to: 'published' | 'rejected', townIds: string[] | null, from: 'held' | 'published' = 'held'): Promise<boolean> {
  if (townIds !== null && townIds.length === 0) return false;
  const inTowns: Filter = townIds === null ? {} : { 'route.townId': townIds.length === 1 ? townIds[0] : cb._.in(townIds) };
  // Documents and messages stored before moderation existed carry no field: they are published.
  const state = from === 'held' ? 'held' : cb._.nin(['held', 'rejected']);
  if (kind === 'concern') return cb.conditionalUpdate('concerns', { _id: id, moderation: state, ...inTowns }, { moderation: to });
  const changed = await cb.updateWhere('concerns', { messages: cb._.elemMatch({ id, moderation: state }), ...inTowns }, { 'messages.$.moderation': to });
  return changed === 1;
}
