import type { Concern, ConcernEvent, ConcernMessage } from '../../../core/model';
import type { RouteLevel } from '../../../core/ports';
import { beijingMonthKey } from '../../../core/beijing';
import { noClocks } from '../../../core/concerns/sla';
import type { StoredDoc } from '../../cloudbase/db';

/**
 * A concern is one document that carries its timeline (`events`) and thread (`messages`) as arrays, so
 * a transition — status, version, event, message — is ONE conditional document update:
 * `where({_id, version}).update({version: _.inc(1), events: _.push(...), ...})`, atomic without a
 * transaction. Only when the transition also queues notifications (other documents) does it run in a
 * transaction. `requestKeys` ("openid|requestId") lets a retried call be recognised.
 * A reporter's requestId is made unique by a guard document in `concern_requests` (`_id` openid:requestId).
 * `sla.dueAt` / `sla.watchAt` are indexed where they are stored (inbox order, SLA job); `month` (the
 * Beijing-time month of `createdAt`, which never changes) is stored for the rate aggregation.
 * Moderation: a held description is `moderation: 'held'` on the concern (index `held`); a held message is
 * `moderation: 'held'` on its element of `messages` (multikey index `held_messages`), decided with the
 * positional operator (`messages.$.moderation`) in one conditional update.
 */
export const SUMMARY_FIELDS = { events: false, messages: false, requestKeys: false } as const;

export const requestKey = (actorOpenid: string, requestId: string) => `${actorOpenid}|${requestId}`;
export const guardId = (reporterOpenid: string, requestId: string) => `${reporterOpenid}:${requestId}`;

export function toConcern(d: StoredDoc): Concern {
  return {
    id: d._id,
    reporterOpenid: String(d.reporterOpenid),
    source: (d.source as Concern['source'] | undefined) ?? 'app',
    category: String(d.category),
    description: String(d.description),
    placeId: String(d.placeId),
    location: (d.location as Concern['location']) ?? null,
    photos: (d.photos as string[]) ?? [],
    status: d.status as Concern['status'],
    route: d.route as Concern['route'],
    sla: (d.sla as Concern['sla'] | undefined) ?? noClocks(),
    rating: (d.rating as Concern['rating'] | undefined) ?? null,
    createdAt: String(d.createdAt),
    updatedAt: String(d.updatedAt),
    version: Number(d.version),
    requestId: d.requestId === null || d.requestId === undefined ? null : `${d.requestId as string}`,
    moderation: (d.moderation as Concern['moderation'] | undefined) ?? 'published',
    // Concerns stored before passing on was recorded were never passed on.
    pastNodeIds: (d.pastNodeIds as string[] | undefined) ?? [],
  };
}

export type StoredEvent = Omit<ConcernEvent, 'concernId'>;
export type StoredMessage = Omit<ConcernMessage, 'concernId'>;
export const storedEvent = ({ concernId: _c, ...e }: ConcernEvent): StoredEvent => e;
export const storedMessage = ({ concernId: _c, ...m }: ConcernMessage): StoredMessage => m;
/** Messages stored before moderation existed were published. */
export const toMessage = (m: StoredMessage, concernId: string): ConcernMessage => ({ ...m, moderation: m.moderation ?? 'published', concernId });

/** The first event of a step carries the step's requestId (as in the SQLite store). */
export function requestKeysOf(events: readonly ConcernEvent[], requestId: string | null): string[] {
  const first = events[0];
  return requestId !== null && first && first.actorOpenid !== null ? [requestKey(first.actorOpenid, requestId)] : [];
}


export function concernDoc(c: Concern, events: ConcernEvent[]): StoredDoc {
  const { id, ...rest } = c;
  return { _id: id, ...rest, month: beijingMonthKey(c.createdAt), events: events.map(storedEvent), messages: [], requestKeys: requestKeysOf(events, c.requestId) };
}

export const LEVEL_FIELD: Readonly<Record<RouteLevel, string>> = { town: 'route.townId', village: 'route.villageId', cooperative: 'route.cooperativeId', grid: 'route.gridId' };

export const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
