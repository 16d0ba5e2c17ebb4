/** The row mappers of concerns, their events and messages, shared by the store's repositories. */
import type { Concern, ConcernEvent, ConcernMessage } from '../../../core/model';
import { noClocks } from '../../../core/concerns/sla';

type Row = Record<string, unknown>;

export const s = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);

export function toConcern(r: Row): Concern {
  return {
    id: r.id as string,
    reporterOpenid: r.reporter_openid as string,
    source: r.origin === 'team' ? 'team' : ((r.source ?? 'app') as Concern['source']),
    category: r.category as string,
    description: r.description as string,
    placeId: r.place_id as string,
    location: r.lat === null || r.lat === undefined ? null : { lat: r.lat as number, lng: r.lng as number },
    photos: JSON.parse(r.photos as string) as string[],
    status: r.status as Concern['status'],
    route: JSON.parse(r.route as string) as Concern['route'],
    sla: r.sla ? (JSON.parse(r.sla as string) as Concern['sla']) : noClocks(),
    rating: r.rating ? (JSON.parse(r.rating as string) as Concern['rating']) : null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: r.version as number,
    requestId: s(r.request_id),
    moderation: (r.moderation as Concern['moderation'] | undefined) ?? 'published',
    pastNodeIds: JSON.parse((r.past_nodes as string | undefined) ?? '[]') as string[],
  };
}

export function toEvent(r: Row): ConcernEvent {
  return {
    id: r.id as string,
    concernId: r.concern_id as string,
    type: r.type as string,
    actorOpenid: s(r.actor_openid),
    actorName: s(r.actor_name),
    actorRole: r.actor_role as ConcernEvent['actorRole'],
    at: r.at as string,
    fromStatus: s(r.from_status) as ConcernEvent['fromStatus'],
    toStatus: s(r.to_status) as ConcernEvent['toStatus'],
    note: s(r.note),
  };
}

export function toMessage(r: Row): ConcernMessage {
  return {
    id: r.id as string,
    concernId: r.concern_id as string,
    authorOpenid: r.author_openid as string,
    authorName: r.author_name as string,
    authorRole: r.author_role as ConcernMessage['authorRole'],
    text: r.text as string,
    photos: JSON.parse(r.photos as string) as string[],
    at: r.at as string,
    moderation: (r.moderation as ConcernMessage['moderation'] | undefined) ?? 'published',
  };
}

export function concernRow(c: Concern) {
  return {
    id: c.id,
    reporter_openid: c.reporterOpenid,
    // The source column's CHECK predates team reports (migration 35): a leader's flag is an app report with origin 'team'.
    source: c.source === 'team' ? 'app' : c.source,
    origin: c.source === 'team' ? 'team' : 'resident',
    category: c.category,
    description: c.description,
    place_id: c.placeId,
    lat: c.location?.lat ?? null,
    lng: c.location?.lng ?? null,
    photos: JSON.stringify(c.photos),
    status: c.status,
    route: JSON.stringify(c.route),
    town_id: c.route.townId,
    village_id: c.route.villageId,
    cooperative_id: c.route.cooperativeId,
    grid_id: c.route.gridId,
    co_office_id: c.route.coOfficeId,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    version: c.version,
    request_id: c.requestId,
    moderation: c.moderation,
    sla: JSON.stringify(c.sla),
    due_at: c.sla.dueAt,
    watch_at: c.sla.watchAt,
    overdue: c.sla.overdue ? 1 : 0,
    first_response: c.sla.firstResponse,
    rating: c.rating ? JSON.stringify(c.rating) : null,
    rating_value: c.rating?.value ?? null,
    past_nodes: JSON.stringify(c.pastNodeIds),
  };
}
