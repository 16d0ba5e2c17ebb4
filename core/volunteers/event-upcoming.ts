/**
 * `event/upcoming` (issue 17, item 5): the volunteer events a resident can still join near their place —
 * the open, published events of the teams of their village or cooperative (and of the town), soonest first.
 * The place is the one named, else the one the resident stated (me/setPlace); without either, none.
 */
import { AppError } from '../errors';
import type { ParsedInputOf } from '../schemas';
import type { UpcomingEvents } from '../views';
import { eventSummaries, type VolunteerCtx as Ctx } from './volunteer-common';

/** How many events home shows. */
export const UPCOMING_MAX = 5;

export async function upcoming(ctx: Ctx, input: ParsedInputOf<'event/upcoming'>): Promise<UpcomingEvents> {
  const snap = await ctx.directory.current();
  const { teams, events, topics } = ctx.deps.store;
  const placeId = input.placeId ?? (await topics.getPlace(ctx.caller.openid))?.placeId ?? null;
  if (placeId === null) return { placeId: null, items: [] };
  if (!snap.grid.get(placeId)) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${placeId}`);
  // Teams inside the place, and teams of the village, cooperative or town it belongs to; archived ones hold no events.
  const near = (await teams.listTeams()).filter((t) => t.archivedAt === undefined && (snap.grid.isWithin(t.nodeId, placeId) || snap.grid.isWithin(placeId, t.nodeId)));
  if (near.length === 0) return { placeId, items: [] };
  const now = ctx.deps.now().toISOString();
  const open = (await events.listEvents(near.map((t) => t.id), now))
    // Joinable: open, its texts published (a held event exists for its leaders only), not yet begun.
    .filter((e) => e.status === 'open' && e.moderation === 'published' && e.startAt > now)
    .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id))
    .slice(0, UPCOMING_MAX);
  return { placeId, items: await eventSummaries(ctx, open, new Map(near.map((t) => [t.id, t]))) };
}
