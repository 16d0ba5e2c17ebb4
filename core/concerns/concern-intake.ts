/**
 * A new concern: routed, clocked and checked exactly as concern/submit does, for the app, a team in the
 * field (event/flagPlace) and the imports (Open311, 12345 hotline).
 */
import { HELD_TEXT } from '../trust/content';
import { townWork } from '../directory/town-settings';
import { categoryOf, type DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { EVENT_OF, nextStatus, type LifecycleAction } from './lifecycle';
import { isRelayedSource } from '../model';
import type { Concern, ConcernSource, LatLng, ConcernEvent } from '../model';
import { snippet, toStaff } from './notices';
import type { NewConcern } from '../ports';
import { toWgs84 } from '../directory/geo';
import { checkPhotos, submitPhotoChecks } from './photos';
import { routeConcern, routeTownId } from './routing';
import type { ParsedInputOf } from '../schemas';
import { startRound } from './sla';
import type { ConcernDetail } from '../views';
import { actorRole, slaFor, type ConcernCtx as Ctx } from './concern-ctx';
import { detail } from './concern-read';
import { moderate, staffOn } from './concern-act';

function event(ctx: Ctx, c: Pick<Concern, 'id' | 'status'>, type: string, to: Concern['status'] | null, note: string | null, at: string): ConcernEvent {
  return {
    id: ctx.deps.newId('e'),
    concernId: c.id,
    type,
    actorOpenid: ctx.caller.openid,
    actorName: ctx.caller.name,
    actorRole: actorRole(ctx.caller),
    at,
    fromStatus: c.status,
    toStatus: to,
    note,
  };
}

/** What a new concern is made of, from the app (concern/submit) or an import (Open311, 12345 hotline). */
export interface Submission {
  category: string;
  description: string;
  placeId?: string;
  location?: LatLng;
  coord?: 'wgs84' | 'gcj02';
  photos?: string[];
  requestId?: string;
}

export interface SubmissionOptions {
  source: ConcernSource;
  /** Kept on the `submitted` event, e.g. the address an imported ticket gave. */
  note?: string | null;
}

/**
 * Routes and clocks a new concern exactly as concern/submit does, and returns what the store must write
 * (the concern, its first events, the handlers' notices), writing nothing. Imports use it row by row.
 */
export async function planSubmission(ctx: Ctx, snap: DirectorySnapshot, input: Submission, opts: SubmissionOptions): Promise<NewConcern> {
  const placeId = input.placeId ?? null;
  if (placeId !== null) {
    const place = snap.grid.get(placeId);
    if (!place) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${placeId}`);
    if (!snap.grid.placement(place.id).town) throw new AppError('GRID.PLACE_NOT_FOUND', `place ${place.id} is not inside a town`);
  }
  // The location is stored and routed in WGS-84, whatever system the client reported it in.
  const location = input.location ? toWgs84(input.location, input.coord) : null;
  const located = location ? snap.where.locate(location) : null;
  if (located && located.gridId === null && located.townId === null && snap.where.townsCovered) {
    throw new AppError('GRID.OUTSIDE_AREA', `location ${location!.lat},${location!.lng} is outside every town of the deployment`);
  }
  const townId = routeTownId(snap.grid, located, placeId);
  if (townId === null) throw new AppError('GRID.PLACE_REQUIRED', 'the location is in no known town and no place was picked');
  const category = categoryOf(snap, townId, input.category);
  if (!category) throw new AppError('CATEGORY.UNKNOWN', `category ${input.category} is not configured for ${townId}`);
  // Turned off by the town's admin: offered for no new report (concerns filed under it keep it).
  if (!category.enabled) throw new AppError('CATEGORY.UNKNOWN', `category ${input.category} is turned off in ${townId}`);

  // A client system (Open311, the hotline) sends links to its own media, checked as URLs where they come in.
  if (!isRelayedSource(opts.source)) await checkPhotos(ctx.deps, ctx.caller.openid, input.photos ?? []);
  const route = routeConcern(snap.grid, snap.offices, { located, placeId, category });
  // A person in the app can rephrase risky text; a relayed ticket cannot, so a moderator decides it.
  // The town's working day is read while the text is checked: the clock counts the town's hours. The staff
  // to tell depend on the route alone: read at the same time.
  const [moderation, day, staff] = await Promise.all([moderate(ctx, input.description, isRelayedSource(opts.source) ? 'hold' : 'refuse'), townWork(ctx.deps, route.townId), staffOn(ctx.deps, { route })]);
  const at = ctx.deps.now().toISOString();
  const action: LifecycleAction = route.step === 'dispatch' ? 'route_dispatch' : 'route_assign';
  const status = nextStatus('submitted', action);
  const concern: Concern = {
    id: ctx.deps.newId('c'),
    reporterOpenid: ctx.caller.openid,
    source: opts.source,
    category: category.code,
    description: input.description,
    // Without a picked place, the place is the most specific node the route names.
    placeId: placeId ?? route.cooperativeId ?? route.villageId ?? route.townId,
    location,
    photos: input.photos ?? [],
    status,
    route,
    sla: startRound(slaFor(ctx.deps, snap, day), category, at, null, status),
    rating: null,
    createdAt: at,
    updatedAt: at,
    version: 1,
    requestId: input.requestId ?? null,
    moderation,
    pastNodeIds: [],
  };
  const submitted = event(ctx, { id: concern.id, status: 'submitted' }, 'submitted', 'submitted', opts.note ?? null, at);
  submitted.fromStatus = null;
  const routed: ConcernEvent = {
    ...event(ctx, { id: concern.id, status: 'submitted' }, EVENT_OF[action], status, route.reason, at),
    actorOpenid: null,
    actorName: null,
    actorRole: 'system',
  };
  const notices = toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_assigned', status === 'dispatching' ? '新诉求待派单' : '新诉求待签收', concern, snippet(`${category.name}：${moderation === 'published' ? concern.description : HELD_TEXT}`), at);
  return { concern, events: [submitted, routed], notifications: notices };
}

export async function submit(ctx: Ctx, input: ParsedInputOf<'concern/submit'>): Promise<ConcernDetail> {
  return submitFiled(ctx, input, { source: 'app' });
}

/** Files a report of the caller's, as concern/submit does, from the app or (event/flagPlace) a team in the field. */
export async function submitFiled(ctx: Ctx, input: Submission, opts: SubmissionOptions): Promise<ConcernDetail> {
  const { store } = ctx.deps;
  // The reporter is the caller: their records are read while the concern is planned, not after it is stored.
  const reporter = store.directory.findUser(ctx.caller.openid);
  const contact = store.contacts.get(ctx.caller.openid);
  // Settled here too, so a submit refused before the detail leaves no rejection unhandled.
  Promise.all([reporter, contact]).catch(() => undefined);
  const snap = await ctx.directory.current();
  const plan = await planSubmission(ctx, snap, input, opts);
  await submitPhotoChecks(ctx.deps, ctx.caller, plan.concern.photos, { concernId: plan.concern.id, townId: plan.concern.route.townId });
  const { concern: stored, created } = await store.concerns.create(plan.concern, plan.events, plan.notifications);
  // A retried submit answers the concern stored the first time, read afresh.
  return detail(ctx, snap, stored, created ? { timeline: plan.events, reporter, contact } : undefined);
}
