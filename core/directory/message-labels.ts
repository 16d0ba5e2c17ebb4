/**
 * The 消息 list names the concern each message is about (#17): its category, place and the start of its
 * text, and its status now. Read when the list is read, with one batched read of the page's concerns, so
 * a notice written before a rename or a moderator's decision still shows what is true now. A concern the
 * caller may no longer see (handed on to another node) is named by nothing.
 */
import { canView } from '../concerns/access';
import { releasedText } from '../trust/content';
import { categoryKey, type DirectorySnapshot } from './directory';
import type { Caller, Concern, InboxMessage } from '../model';
import type { Deps } from '../ports';
import { snippet } from '../concerns/notices';
import type { MessageConcern } from '../views';

const CONCERN_PAGE = /^\/(?:pages\/concern|staff\/pages\/handle)\/index\?id=([^&]+)/;
const ALL_TIME = { createdFrom: '0000-01-01T00:00:00.000Z', createdTo: '9999-12-31T23:59:59.999Z' };

export function concernIdOf(page: string): string | null {
  return CONCERN_PAGE.exec(page)?.[1] ?? null;
}

function named(snap: DirectorySnapshot, caller: Caller, c: Concern): MessageConcern {
  return {
    id: c.id,
    categoryName: snap.categoryByKey.get(categoryKey(c.route.townId, c.category))?.name ?? c.category,
    placeName: snap.grid.get(c.placeId)?.name ?? snap.grid.placeName(c.placeId),
    // Like a notice, the list shows held text to its author only (the handler reads it, marked, on the concern).
    text: snippet(c.reporterOpenid === caller.openid ? c.description : releasedText(c.description, c.moderation), 24),
    status: c.status,
  };
}

export async function labelMessages(deps: Deps, snap: DirectorySnapshot, caller: Caller, items: InboxMessage[]): Promise<Array<InboxMessage & { concern: MessageConcern | null }>> {
  const ids = [...new Set(items.map((m) => concernIdOf(m.page)).filter((id): id is string => id !== null))];
  const found = ids.length === 0 ? [] : await deps.store.concerns.search({ ids, ...ALL_TIME }, ids.length);
  const byId = new Map(found.filter((c) => canView(snap.grid, caller, c)).map((c) => [c.id, named(snap, caller, c)]));
  return items.map((m) => {
    const id = concernIdOf(m.page);
    return { ...m, concern: id === null ? null : byId.get(id) ?? null };
  });
}
