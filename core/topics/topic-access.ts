/**
 * Who takes part in a topic of 街坊议事 (issue 23 split core/topics/topic-service.ts): its committee, the places
 * whose residents take part, the resident's stated place, and the visibility of a held topic.
 */
import { moderatesTown } from '../trust/content';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller } from '../model';
import { settle } from './topic-settle';
import { PLACE_CHANGE_DAYS, type ResidentPlace, type Topic } from './topic-model';
import type { PlaceView } from './topic-views';

export const DAY_MS = 86_400_000;
export const TOPIC_PAGE = (id: string) => `/yishi/pages/topic/index?id=${id}`;

export const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY_MS).toISOString();

export function placeNode(snap: DirectorySnapshot, placeId: string) {
  const node = snap.grid.get(placeId);
  if (!node || (node.kind !== 'village' && node.kind !== 'cooperative')) throw new AppError('GRID.PLACE_NOT_FOUND', `${placeId} is not a village or cooperative`);
  return node;
}

/** Whether the caller runs topics of this place: its committee (staff or admin above it) or a 街坊会 leader there. */
export function isCommittee(snap: DirectorySnapshot, caller: Caller, placeId: string): boolean {
  const served = (nodeId: string | null | undefined) => nodeId != null && snap.grid.get(nodeId) !== undefined && snap.grid.isWithin(placeId, nodeId);
  return ((caller.role === 'staff' || caller.role === 'admin') && served(caller.nodeId)) || served(caller.leads?.nodeId);
}

/** The places whose residents take part in a topic of `placeId`: the place and its cooperatives. */
export function participatingPlaces(snap: DirectorySnapshot, placeId: string): string[] {
  return [placeId, ...snap.grid.children(placeId).filter((n) => n.kind === 'cooperative').map((n) => n.id)];
}

/** Why this person may not take part in the topic's vote or comments, or null. */
export function refusal(snap: DirectorySnapshot, place: ResidentPlace | null, t: Topic): 'TOPIC.NO_PLACE' | 'TOPIC.NOT_RESIDENT' | null {
  if (!place) return 'TOPIC.NO_PLACE';
  return snap.grid.get(place.placeId) && snap.grid.isWithin(place.placeId, t.placeId) ? null : 'TOPIC.NOT_RESIDENT';
}

export function placeView(snap: DirectorySnapshot, p: ResidentPlace): PlaceView {
  return {
    placeId: p.placeId,
    placeName: snap.grid.placeName(p.placeId),
    setAt: p.setAt,
    changeableFrom: addDays(p.setAt, PLACE_CHANGE_DAYS),
    verified: p.verified?.kind ?? null,
    verifyRequestedAt: p.verifyRequestedAt ?? null,
  };
}

/** A topic held for review is the author's and the moderators' alone; to anyone else it does not exist. */
export async function visibleTopic(ctx: Ctx, snap: DirectorySnapshot, id: string): Promise<Topic> {
  const t = await ctx.deps.store.topics.get(id);
  if (!t || (t.moderation !== 'published' && t.authorOpenid !== ctx.caller.openid && !moderatesTown(snap, ctx.caller, t.townId))) {
    throw new AppError('TOPIC.NOT_FOUND', `no topic ${id} for this caller`);
  }
  return settle(ctx.deps, t);
}

