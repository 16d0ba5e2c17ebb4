/**
 * The read model of a concern: the summary and the detail a caller sees (what is shown to whom, the moves
 * offered), and the visibility check every read and move goes through.
 */
import { reachablePhone } from '../directory/contact';
import { actorsOf, canView, hasHandled, isDispatcher, isHandler, isReporter, passedItOn } from './access';
import { concernActionView } from '../volunteers/action-views';
import { shownText as shownTextFor } from '../trust/content';
import { categoryKey, type DirectorySnapshot } from '../directory/directory';
import { maskPhone } from '../trust/scrub';
import { decide, type LifecycleAction } from './lifecycle';
import type { Caller, Category, Concern, ConcernEvent, Moderation } from '../model';
import type { ResidentContact, UserRecord } from '../ports';
import { wgs84ToGcj02 } from '../directory/geo';
import { photoUrlLists, photoVisibility, visiblePhotoLists } from './photos';
import { followUpMoves } from './follow-up-moves';
import { escalationTarget } from './route-change';
import { handlingNodeId } from './routing';
import type { ParsedInputOf } from '../schemas';
import type { ConcernDetail, ConcernMove, ConcernSummary, RouteView, SlaView } from '../views';
import { slaFor, type ConcernCtx as Ctx } from './concern-ctx';
import { AppError } from '../errors';

function routeView(snap: DirectorySnapshot, c: Concern): RouteView {
  const name = (id: string | null) => (id === null ? null : snap.grid.get(id)?.name ?? null);
  const r = c.route;
  return {
    ...r,
    townName: name(r.townId) ?? r.townId,
    villageName: name(r.villageId),
    cooperativeName: name(r.cooperativeId),
    gridName: name(r.gridId),
    coOfficeName: r.coOfficeId === null ? null : snap.officeById.get(r.coOfficeId)?.name ?? null,
  };
}

function slaView(c: Concern, now: string): SlaView {
  const s = c.sla;
  return {
    round: s.round,
    ackDueAt: s.ackDueAt,
    resolveDueAt: s.resolveDueAt,
    dueAt: s.dueAt,
    ackedAt: s.ackedAt,
    resolvedAt: s.resolvedAt,
    overdue: s.overdue || (s.dueAt !== null && s.dueAt < now),
    firstResponse: s.firstResponse,
    calendarGaps: s.calendarGaps ?? [],
  };
}

/**
 * Moderators see held text; so do its author and the concern's current handlers (who must act on a real
 * problem), both marked 待审核 in the UI. Anyone else who may see the concern gets the placeholder.
 */
function shownText(caller: Caller, authorOpenid: string, text: string, moderation: Moderation, handler: boolean): string {
  return shownTextFor(caller, caller.openid === authorOpenid, text, moderation, handler);
}

function summary(snap: DirectorySnapshot, cats: Map<string, Category>, c: Concern, now: string, caller: Caller, thumbUrl: string | null, photoCount: number): ConcernSummary {
  return {
    id: c.id,
    category: c.category,
    categoryName: cats.get(categoryKey(c.route.townId, c.category))?.name ?? c.category,
    description: shownText(caller, c.reporterOpenid, c.description, c.moderation, isHandler(snap.grid, caller, c)),
    moderation: c.moderation,
    status: c.status,
    placeId: c.placeId,
    placeName: snap.grid.placeName(c.placeId),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    route: routeView(snap, c),
    sla: slaView(c, now),
    rating: c.rating,
    photoCount,
    thumbUrl,
    passedOn: passedItOn(snap.grid, caller, c),
  };
}

/** Summaries of a page of concerns, with one read of the photo checks and one storage call for every thumbnail. */
export async function summaries(ctx: Ctx, snap: DirectorySnapshot, cats: Map<string, Category>, cs: Concern[]): Promise<ConcernSummary[]> {
  const visible = await visiblePhotoLists(ctx.deps, ctx.caller, cs.map((c) => c.photos));
  const thumbs = await photoUrlLists(ctx.deps, visible.map((l) => l.slice(0, 1)));
  const now = ctx.deps.now().toISOString();
  return cs.map((c, i) => summary(snap, cats, c, now, ctx.caller, thumbs[i][0] ?? null, visible[i].length));
}

/** The moves the caller may make now, straight from the lifecycle table; the UI shows exactly these. */
function movesFor(snap: DirectorySnapshot, caller: Caller, c: Concern, timeline: readonly ConcernEvent[]): ConcernMove[] {
  const actors = actorsOf(snap.grid, caller, c);
  const ok = (a: LifecycleAction) => decide(c.status, a, actors).ok;
  const moves: ConcernMove[] = [];
  if (ok('dispatch')) moves.push('dispatch');
  // The town's dispatcher oversees what it sent below the town; 签收 is for the node it went to.
  if (ok('accept') && !(isDispatcher(caller, c) && handlingNodeId(c.route) !== c.route.townId)) moves.push('accept');
  if (ok('reply') || ok('comment')) moves.push('reply');
  if (ok('resolve')) moves.push('resolve');
  if ((ok('rate') || ok('reopen')) && !hasHandled(snap.grid, caller, c, timeline)) moves.push('rate');
  if (ok('transfer')) moves.push('transfer');
  if (ok('return')) moves.push('return');
  if (ok('escalate') && escalationTarget(c.route) !== null) moves.push('escalate');
  return moves;
}

/** The reporter's phone: in full for them and for the concern's handlers, masked for anyone else. */
function phoneFor(snap: DirectorySnapshot, caller: Caller, c: Concern, phone: string | null): string | null {
  if (phone === null) return null;
  return isReporter(caller, c) || isHandler(snap.grid, caller, c) ? phone : maskPhone(phone);
}

/**
 * What a caller that has just stored a concern already knows of it, so its detail reads nothing again: the
 * events it wrote (the whole timeline), an empty thread, no volunteer action, and the reporter's user and
 * contact records, read while the concern was being planned.
 */
export interface KnownDetail {
  timeline: ConcernEvent[];
  reporter: Promise<UserRecord | null>;
  contact: Promise<ResidentContact | null>;
}

export async function detail(ctx: Ctx, snap: DirectorySnapshot, c: Concern, known?: KnownDetail): Promise<ConcernDetail> {
  const { store } = ctx.deps;
  const cats = snap.categoryByKey;
  const [timeline, thread, reporter, volunteerAction, contact] = await Promise.all([
    known ? known.timeline : store.concerns.timeline(c.id),
    known ? [] : store.concerns.thread(c.id),
    known ? known.reporter : store.directory.findUser(c.reporterOpenid),
    known ? null : concernActionView(ctx.deps, c.id),
    known ? known.contact : store.contacts.get(c.reporterOpenid),
  ]);
  // A held photo is shown to its uploader and the moderators only: neither its URL nor its file id reaches others.
  const shown = await photoVisibility(ctx.deps, ctx.caller, [c.photos, ...thread.map((m) => m.photos)]);
  const [photos, ...threadPhotos] = shown.lists;
  const [photoUrls, ...threadUrls] = await photoUrlLists(ctx.deps, [photos, ...threadPhotos]);
  return {
    ...summary(snap, cats, c, ctx.deps.now().toISOString(), ctx.caller, photoUrls[0] ?? null, photos.length),
    location: c.location,
    mapPoint: c.location && wgs84ToGcj02(c.location),
    photos,
    photoUrls,
    myHiddenPhotos: shown.ownHidden,
    reporterName: reporter?.name ?? '居民',
    reporterPhone: phoneFor(snap, ctx.caller, c, reachablePhone(contact, reporter?.phone ?? null)),
    mine: isReporter(ctx.caller, c),
    volunteerAction,
    source: c.source,
    ...followUpMoves(slaFor(ctx.deps, snap).calendar, actorsOf(snap.grid, ctx.caller, c), c, timeline, ctx.deps.now().toISOString(), movesFor(snap, ctx.caller, c, timeline)),
    // Openids are identifiers of people: a view names people, it does not hand out their ids.
    timeline: timeline.map((e) => ({ ...e, actorOpenid: e.actorOpenid === ctx.caller.openid ? e.actorOpenid : null })),
    thread: thread.map((m, i) => ({
      ...m,
      text: shownText(ctx.caller, m.authorOpenid, m.text, m.moderation, isHandler(snap.grid, ctx.caller, c)),
      authorOpenid: m.authorOpenid === ctx.caller.openid ? m.authorOpenid : '',
      photos: threadPhotos[i],
      photoUrls: threadUrls[i],
    })),
  };
}

/** Loads a concern the caller may see; anything else is reported as not found, revealing nothing. */
export async function visible(ctx: Ctx, snap: DirectorySnapshot, id: string): Promise<Concern> {
  return visibleOr404(ctx, snap, id, await ctx.deps.store.concerns.get(id));
}

export function visibleOr404(ctx: Ctx, snap: DirectorySnapshot, id: string, c: Concern | null): Concern {
  if (!c || !canView(snap.grid, ctx.caller, c)) throw new AppError('CONCERN.NOT_FOUND', `no concern ${id} for this caller`);
  return c;
}

/**
 * The directory snapshot and the concern, read at once (on CloudBase each is a round trip, and neither
 * needs the other); whether the caller may see it is decided once both are in, exactly as `visible`.
 */
async function snapAndVisible(ctx: Ctx, id: string): Promise<{ snap: DirectorySnapshot; c: Concern }> {
  const [snap, c] = await Promise.all([ctx.directory.current(), ctx.deps.store.concerns.get(id)]);
  return { snap, c: visibleOr404(ctx, snap, id, c) };
}

export async function get(ctx: Ctx, input: ParsedInputOf<'concern/get'>): Promise<ConcernDetail> {
  const { snap, c } = await snapAndVisible(ctx, input.id);
  return detail(ctx, snap, c);
}
