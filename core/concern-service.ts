import { reachablePhone } from './contact';
import { actorsOf, canView, hasHandled, isDispatcher, isHandler, isReporter, passedItOn } from './access';
import { concernActionView } from './action-views';
import { workCalendarOf } from './calendar';
import { HELD_TEXT, moderate as moderateText, releasedText, type RiskyPolicy, shownText as shownTextFor } from './content';
import { categoryOverrides } from './category-service';
import { townWork, type TownWork } from './town-settings';
import { categoryKey, categoryOf, type DirectoryCache, type DirectorySnapshot } from './directory';
import { AppError } from './errors';
import { RATING_TEXT } from './labels';
import { maskPhone } from './scrub';
import { EVENT_OF, decide, mustDecide, nextStatus, type LifecycleAction } from './lifecycle';
import { isRelayedSource } from './model';
import type { ActorRole, Caller, Category, Concern, ConcernSource, LatLng, ConcernEvent, ConcernMessage, ConcernRating, ConcernSla, ConcernStatus, Moderation, Notification, RouteDecision } from './model';
import { noticeNodeIds, snippet, toReporter, toStaff } from './notices';
import type { ConcernChange, Deps, InboxNarrowing, InboxScope, NewConcern, ResidentContact, RouteLevel, UserRecord } from './ports';
import { toWgs84, wgs84ToGcj02 } from './geo';
import { checkPhotos, photoUrlLists, photoVisibility, submitPhotoChecks, visiblePhotoLists } from './photos';
import { followUpMoves } from './follow-up-moves';
import { escalationTarget, passedNodes, routeToNode, routeToQueue, routeUp } from './route-change';
import { handlingNodeId, routeConcern, routeTownId } from './routing';
import type { ParsedInputOf } from './schemas';
import { DEFAULT_SLA, derive, onAccepted, onResolved, startRound, type SlaConfig } from './sla';
import type { ConcernDetail, ConcernMove, ConcernSummary, InboxCounts, InboxFilter, Page, RouteView, SlaView } from './views';

const DEFAULT_PAGE = 20;
/** How often a move is retried when an unrelated write (e.g. a resident's message) bumped the version. */
const MAX_ATTEMPTS = 4;

interface Ctx {
  deps: Deps;
  directory: DirectoryCache;
  caller: Caller;
  /**
   * Called by a write once its change is stored (or found already stored), before the answer is built:
   * the router starts the audit entry then, in parallel with the reads of the answer (issue 22).
   */
  committed?: () => void;
  /**
   * The caller's write budget while it is being spent, for a handler that reads before it writes
   * (`BUDGET_IN_MOVE`): awaited before the handler's first effect, so a refused call changes nothing.
   */
  budget?: Promise<void>;
  /** The concern of a single move (`SINGLE_MOVES`) and whether the request is in it, read by the router ahead. */
  concernRead?: Promise<ConcernRead>;
}

/** A concern read for a move: the concern, and whether the move's requestId is already in it. */
export interface ConcernRead {
  concern: Concern | null;
  seen: boolean;
}

/** The read `act` starts with: the concern, and whether this request's step is already in it. */
export function readForMove(deps: Deps, id: string, openid: string, requestId: string | undefined): Promise<ConcernRead> {
  const repo = deps.store.concerns;
  return requestId ? repo.getWithRequest(id, openid, requestId) : repo.get(id).then((concern) => ({ concern, seen: false }));
}

function actorRole(caller: Caller): ActorRole {
  return caller.role;
}

/**
 * The SLA policies of the deployment, clocked on the calendar stored in its directory; a town's own
 * overrides of a category (set by its admin, stored with the category) win over the deployment's, and so
 * does the town's working day (`day`, town/saveSettings) when the clock is the town's.
 */
export function slaFor(deps: Deps, snap: DirectorySnapshot, day?: Pick<TownWork, 'dayStartMinute' | 'dayEndMinute'>): SlaConfig {
  const base = deps.sla ?? DEFAULT_SLA;
  return { ...base, calendar: workCalendarOf(snap.calendar, day ?? base.calendar), byCategory: { ...base.byCategory, ...categoryOverrides(snap) } };
}


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

const moderate = (ctx: Ctx, text: string, risky?: RiskyPolicy): Promise<Moderation> => moderateText(ctx.deps, ctx.caller, text, risky);

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
async function summaries(ctx: Ctx, snap: DirectorySnapshot, cats: Map<string, Category>, cs: Concern[]): Promise<ConcernSummary[]> {
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
interface KnownDetail {
  timeline: ConcernEvent[];
  reporter: Promise<UserRecord | null>;
  contact: Promise<ResidentContact | null>;
}

async function detail(ctx: Ctx, snap: DirectorySnapshot, c: Concern, known?: KnownDetail): Promise<ConcernDetail> {
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

/** Loads a concern the caller may see; anything else is reported as not found, revealing nothing. */
async function visible(ctx: Ctx, snap: DirectorySnapshot, id: string): Promise<Concern> {
  return visibleOr404(ctx, snap, id, await ctx.deps.store.concerns.get(id));
}

function visibleOr404(ctx: Ctx, snap: DirectorySnapshot, id: string, c: Concern | null): Concern {
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

/** Who an event is recorded against: the caller, or the system (routing, the SLA timer). */
export interface EventActor {
  openid: string | null;
  name: string | null;
  role: ActorRole;
}

export const SYSTEM_ACTOR: EventActor = { openid: null, name: null, role: 'system' };

function callerActor(caller: Caller): EventActor {
  return { openid: caller.openid, name: caller.name, role: actorRole(caller) };
}

/** What a move changes besides its status: filled in by each action's plan. */
export interface StepPlan {
  note: string | null;
  route?: RouteDecision;
  /** Clocks before deriving dueAt/watchAt for the new status; the concern's own when absent. */
  sla?: ConcernSla;
  rating?: ConcernRating;
  messages?: ConcernMessage[];
  notifications?: Notification[];
}

/** Turns a decided move into the change the store commits atomically: patch, one event, messages, notices. */
export function toChange(deps: Deps, actor: EventActor, c: Concern, action: LifecycleAction, to: ConcernStatus, at: string, step: StepPlan, requestId: string | null): ConcernChange {
  const patch: ConcernChange['patch'] = { status: to, updatedAt: at, sla: derive(step.sla ?? c.sla, to) };
  if (step.route) {
    patch.route = step.route;
    const past = passedNodes(c.pastNodeIds, c.route, step.route);
    if (past.length !== c.pastNodeIds.length) patch.pastNodeIds = past;
  }
  if (step.rating) patch.rating = step.rating;
  const ev: ConcernEvent = {
    id: deps.newId('e'),
    concernId: c.id,
    type: EVENT_OF[action],
    actorOpenid: actor.openid,
    actorName: actor.name,
    actorRole: actor.role,
    at,
    fromStatus: c.status,
    toStatus: to,
    note: step.note,
  };
  return { patch, events: [ev], messages: step.messages ?? [], notifications: step.notifications ?? [], requestId };
}

/** Staff to tell about a concern on this route (the new handlers after a route change). */
export async function staffOn(deps: Deps, c: Pick<Concern, 'route'>, route: RouteDecision = c.route) {
  return deps.store.directory.listStaffAt(noticeNodeIds({ ...c, route }));
}

/** Notices of a route change: the new handlers get it to accept, the reporter is told where it went. */
export async function rerouteNotices(deps: Deps, c: Concern, route: RouteDecision, except: string | null, title: string, at: string, cats?: Map<string, Category>): Promise<Notification[]> {
  const staff = await staffOn(deps, c, route);
  const catName = cats?.get(categoryKey(c.route.townId, c.category))?.name;
  const text = releasedText(c.description, c.moderation);
  const body = snippet(catName ? `${catName}：${text}` : text);
  return [
    ...toStaff(deps, staff, except ?? '', 'concern_assigned', title, c, body, at),
    ...(c.reporterOpenid === except ? [] : [toReporter(deps, c, 'concern_rerouted', '您的诉求已转交办理', snippet(route.reason), at)]),
  ];
}

const MESSAGE_MOVES: ReadonlySet<LifecycleAction> = new Set<LifecycleAction>(['reply', 'comment']);
const CONFLICTING = new Set(['CONCERN.ILLEGAL_TRANSITION', 'AUTH.FORBIDDEN', 'CONCERN.NOT_FOUND', 'CONCERN.TARGET_INVALID', 'CONCERN.NO_HIGHER_LEVEL']);

type Planner = (c: Concern, at: string, snap: DirectorySnapshot, to: ConcernStatus) => Promise<StepPlan>;

/**
 * Runs one move under optimistic concurrency: decide it from the lifecycle table and the caller's actor
 * roles, plan it, commit it only if the concern is still at the version read. An unrelated write that
 * bumped the version is retried; a competing move that made this one illegal (or took the concern out of
 * the caller's hands) is a conflict: the other actor won, and this call changed nothing.
 */
/**
 * Work a move does once its change is stored, given the concern as stored: run in parallel with the reads
 * of the answer, and again when a retry finds the change already stored (it must be idempotent).
 */
export type AfterCommit = (saved: Concern, snap: DirectorySnapshot) => Promise<void>;

export async function act(ctx: Ctx, id: string, requestId: string | undefined, choose: (snap: DirectorySnapshot, c: Concern) => LifecycleAction, plan: Planner, after?: AfterCommit): Promise<ConcernDetail> {
  // The concern and whether this request's step is already in it come from one read of the concern: a
  // separate guard read older than the concern could miss the very retry whose commit the concern already
  // shows, and the move would be made twice.
  const reads = Promise.all([ctx.directory.current(), ctx.concernRead ?? readForMove(ctx.deps, id, ctx.caller.openid, requestId)]);
  // The write budget, spent beside these reads, refuses the call before anything else is decided.
  if (ctx.budget) {
    reads.catch(() => undefined);
    await ctx.budget;
  }
  const [snap, read] = await reads;
  let c = visibleOr404(ctx, snap, id, read.concern);
  if (read.seen) return committedDetail(ctx, snap, c, after);
  const seen = { status: c.status, route: JSON.stringify(c.route) };
  for (let attempt = 1; ; attempt++) {
    let change: ConcernChange;
    try {
      const action = choose(snap, c);
      // A message (reply, comment) still lands after someone else's move; any other move was decided on a
      // state that no longer holds, so the other actor won.
      if (attempt > 1 && !MESSAGE_MOVES.has(action) && (c.status !== seen.status || JSON.stringify(c.route) !== seen.route)) {
        throw new AppError('CONCERN.CONFLICT', `concern ${id} was moved by someone else`);
      }
      const { to } = mustDecide(c.status, action, actorsOf(snap.grid, ctx.caller, c));
      const at = ctx.deps.now().toISOString();
      change = toChange(ctx.deps, callerActor(ctx.caller), c, action, to, at, await plan(c, at, snap, to), requestId ?? null);
    } catch (e) {
      if (attempt > 1 && e instanceof AppError && CONFLICTING.has(e.code)) {
        throw new AppError('CONCERN.CONFLICT', `concern ${id} was changed by someone else`);
      }
      throw e;
    }
    const saved = await ctx.deps.store.concerns.commit(id, c.version, change);
    if (saved) return committedDetail(ctx, snap, saved, after);
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONCERN.CONFLICT', `concern ${id} is busy, try again`);
    try {
      c = await visible(ctx, snap, id);
    } catch (e) {
      if (e instanceof AppError && e.code === 'CONCERN.NOT_FOUND') throw new AppError('CONCERN.CONFLICT', `concern ${id} was moved by someone else`);
      throw e;
    }
  }
}

/** The answer of a stored move, with the audit entry and the move's after-commit work started beside its reads. */
async function committedDetail(ctx: Ctx, snap: DirectorySnapshot, c: Concern, after: AfterCommit | undefined): Promise<ConcernDetail> {
  ctx.committed?.();
  const [out] = await Promise.all([detail(ctx, snap, c), after?.(c, snap)]);
  return out;
}

export const only = (action: LifecycleAction) => () => action;

function message(ctx: Ctx, concernId: string, text: string, photos: string[], at: string, moderation: Moderation): ConcernMessage {
  return {
    moderation,
    id: ctx.deps.newId('m'),
    concernId,
    authorOpenid: ctx.caller.openid,
    authorName: ctx.caller.name,
    authorRole: actorRole(ctx.caller),
    text,
    photos,
    at,
  };
}

export function accept(ctx: Ctx, input: ParsedInputOf<'concern/accept'>): Promise<ConcernDetail> {
  return act(ctx, input.id, input.requestId, only('accept'), (c, at) =>
    Promise.resolve({
      note: null,
      sla: onAccepted(c.sla, at, c.route),
      notifications: [toReporter(ctx.deps, c, 'concern_accepted', '您的诉求已签收', snippet(`${ctx.caller.name}已签收，正在办理`), at)],
    }),
  );
}

export async function resolve(ctx: Ctx, input: ParsedInputOf<'concern/resolve'>, after?: AfterCommit): Promise<ConcernDetail> {
  await checkPhotos(ctx.deps, ctx.caller.openid, input.photos ?? []);
  return resolveChecked(ctx, input, after);
}

/** 办结 with photos already known to be acceptable (a volunteer team's after-photos, checked when its leader recorded them). */
export async function resolveChecked(ctx: Ctx, input: ParsedInputOf<'concern/resolve'>, after?: AfterCommit): Promise<ConcernDetail> {
  const mod = await moderate(ctx, input.text);
  const shown = mod === 'published' ? input.text : HELD_TEXT;
  return act(ctx, input.id, input.requestId, only('resolve'), async (c, at) => {
    await submitPhotoChecks(ctx.deps, ctx.caller, input.photos ?? [], { concernId: c.id, townId: c.route.townId });
    return {
      // Held text stays out of the timeline note; the message keeps it for the moderator.
      note: mod === 'published' ? input.text : null,
      sla: onResolved(c.sla, at, c.route),
      messages: [message(ctx, c.id, input.text, input.photos ?? [], at, mod)],
      notifications: [toReporter(ctx.deps, c, 'concern_resolved', '您的诉求已办结，请评价', snippet(shown), at)],
    };
  }, after);
}

/**
 * A handler's reply moves the case into progress; a reporter's message (comment) only adds to the thread.
 * Either way the message and an event are stored together.
 */
export async function reply(ctx: Ctx, input: ParsedInputOf<'concern/reply'>): Promise<ConcernDetail> {
  await checkPhotos(ctx.deps, ctx.caller.openid, input.photos ?? []);
  const mod = await moderate(ctx, input.text);
  const note = mod === 'published' ? input.text : null;
  const shown = snippet(mod === 'published' ? input.text : HELD_TEXT);
  return act(
    ctx,
    input.id,
    input.requestId,
    (snap, c) => (isHandler(snap.grid, ctx.caller, c) ? 'reply' : 'comment'),
    async (c, at, snap) => {
      await submitPhotoChecks(ctx.deps, ctx.caller, input.photos ?? [], { concernId: c.id, townId: c.route.townId });
      const messages = [message(ctx, c.id, input.text, input.photos ?? [], at, mod)];
      if (isHandler(snap.grid, ctx.caller, c)) {
        return { note, messages, notifications: [toReporter(ctx.deps, c, 'concern_replied', '您的诉求有新回复', shown, at)] };
      }
      const staff = await staffOn(ctx.deps, c);
      return { note, messages, notifications: toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_replied', '居民补充了诉求信息', c, shown, at) };
    },
  );
}


/**
 * The reporter rates a resolved concern, once per round: 满意/基本满意 close it; 不满意 reopens it (重办)
 * with the same handlers and fresh clocks from now.
 */
export async function rate(ctx: Ctx, input: ParsedInputOf<'concern/rate'>): Promise<ConcernDetail> {
  const action: LifecycleAction = input.rating === 'unsatisfied' ? 'reopen' : 'rate';
  // A held comment is kept as a held message of the thread, for the moderator; the rating itself stands.
  const mod = input.comment ? await moderate(ctx, input.comment) : 'published';
  const comment = mod === 'published' ? input.comment ?? null : null;
  return act(ctx, input.id, input.requestId, only(action), async (c, at, snap, to) => {
    // The timeline, the staff to tell and (for 重办) the town's working day: independent reads, at once.
    const [timeline, staff, day] = await Promise.all([ctx.deps.store.concerns.timeline(c.id), staffOn(ctx.deps, c), action === 'reopen' ? townWork(ctx.deps, c.route.townId) : undefined]);
    if (hasHandled(snap.grid, ctx.caller, c, timeline)) {
      throw new AppError('CONCERN.OWN_HANDLING', `${ctx.caller.openid} handled concern ${c.id} and cannot rate it`);
    }
    const note = `${RATING_TEXT[input.rating]}${comment ? `：${comment}` : ''}`;
    const rating: ConcernRating = { value: input.rating, comment, at, round: c.sla.round };
    const messages = mod === 'held' && input.comment ? [message(ctx, c.id, input.comment, [], at, 'held')] : [];
    if (action === 'rate') {
      return { note, rating, messages, notifications: toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_rated', '居民已评价诉求', c, snippet(`评价：${note}`), at) };
    }
    const category = categoryOf(snap, c.route.townId, c.category);
    // A category removed since the report keeps the longest default clock rather than blocking 重办.
    const clockOf = category ?? { townId: c.route.townId, code: c.category, kind: 'complaint' as const };
    return {
      note,
      rating,
      messages,
      sla: startRound(slaFor(ctx.deps, snap, day), clockOf, at, c.sla, to),
      notifications: toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_reopened', '诉求被评为不满意，需重办', c, snippet(note), at),
    };
  });
}

/**
 * A handler's reason for moving a concern, through the content check. A reason that passes goes into the
 * route's reason and the timeline note; a held one stays out of both (and out of the notices) and is kept
 * as a held message of the thread, labelled, for the moderator — the move itself happens either way.
 */
export async function routingReason(ctx: Ctx, label: string, reason: string | null): Promise<{ shown: string | null; held: (concernId: string, at: string) => ConcernMessage[] }> {
  if (reason === null || (await moderate(ctx, reason)) === 'published') return { shown: reason, held: () => [] };
  return { shown: null, held: (concernId, at) => [message(ctx, concernId, `${label}：${reason}`, [], at, 'held')] };
}

export async function dispatch(ctx: Ctx, input: ParsedInputOf<'concern/dispatch'>): Promise<ConcernDetail> {
  const why = await routingReason(ctx, '派单说明', input.reason ?? null);
  return act(ctx, input.id, input.requestId, only('dispatch'), async (c, at, snap) => {
    const route = routeToNode(snap.grid, c.route, input.nodeId, 'dispatch', why.shown);
    return { note: route.reason, route, messages: why.held(c.id, at), notifications: await rerouteNotices(ctx.deps, c, route, ctx.caller.openid, '新诉求待签收（派单）', at) };
  });
}

export async function transfer(ctx: Ctx, input: ParsedInputOf<'concern/transfer'>): Promise<ConcernDetail> {
  const why = await routingReason(ctx, '转派原因', input.reason);
  return act(ctx, input.id, input.requestId, only('transfer'), async (c, at, snap) => {
    const route = routeToNode(snap.grid, c.route, input.nodeId, 'transfer', why.shown);
    return { note: route.reason, route, messages: why.held(c.id, at), notifications: await rerouteNotices(ctx.deps, c, route, ctx.caller.openid, '转派诉求待签收', at) };
  });
}

export async function escalate(ctx: Ctx, input: ParsedInputOf<'concern/escalate'>): Promise<ConcernDetail> {
  const why = await routingReason(ctx, '上报原因', input.reason);
  return act(ctx, input.id, input.requestId, only('escalate'), async (c, at, snap) => {
    const route = routeUp(snap.grid, c.route, 'escalate', why.shown);
    return { note: route.reason, route, messages: why.held(c.id, at), notifications: await rerouteNotices(ctx.deps, c, route, ctx.caller.openid, '上报诉求待签收', at) };
  });
}

/** 退回: out of the handler's scope, back to the town dispatcher queue. */
export async function returnToQueue(ctx: Ctx, input: ParsedInputOf<'concern/return'>): Promise<ConcernDetail> {
  const why = await routingReason(ctx, '退回原因', input.reason);
  return act(ctx, input.id, input.requestId, only('return'), async (c, at, snap) => {
    const route = routeToQueue(snap.grid, c.route, why.shown ?? '');
    return { note: route.reason, route, messages: why.held(c.id, at), notifications: await rerouteNotices(ctx.deps, c, route, ctx.caller.openid, '诉求被退回，待派单', at) };
  });
}

export async function listMine(ctx: Ctx, input: ParsedInputOf<'concern/listMine'>): Promise<Page<ConcernSummary>> {
  // Independent reads, at once: the caller's own concerns need no snapshot to be found.
  const [snap, page] = await Promise.all([ctx.directory.current(), ctx.deps.store.concerns.listByReporter(ctx.caller.openid, { cursor: input.cursor ?? null, limit: input.limit ?? DEFAULT_PAGE })]);
  const cats = snap.categoryByKey;
  return { items: await summaries(ctx, snap, cats, page.items), nextCursor: page.nextCursor };
}

/** The caller's open or whole inbox: a cooperative's (or village's, town's) concerns, or an office's co-handled ones. */
function inboxScopeOf(snap: DirectorySnapshot, caller: Caller, openOnly: boolean): InboxScope {
  if (caller.role === 'resident' || caller.nodeId === null) throw new AppError('AUTH.FORBIDDEN', 'the inbox is for staff');
  if (caller.role === 'office') return { nodes: [], officeId: caller.nodeId, openOnly };
  return { nodes: routeNodesOf(snap, caller.nodeId), officeId: null, openOnly };
}

const BEIJING_MS = 8 * 3600_000;

/** The first instant of the Beijing day after `now`'s (UTC ISO): "due today" means before it. */
export function endOfBeijingDay(now: Date): string {
  const day = new Date(now.getTime() + BEIJING_MS).toISOString().slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - BEIJING_MS).toISOString();
}

/** The store narrowing behind each workbench filter, at `now`. */
export function inboxNarrowing(filter: InboxFilter, now: Date): InboxNarrowing {
  const at = now.toISOString();
  switch (filter) {
    case 'dueToday':
      return { kind: 'due', from: at, before: endOfBeijingDay(now) };
    case 'overdue':
      return { kind: 'overdue', at };
    case 'toAccept':
      return { kind: 'statuses', statuses: ['assigned'] };
    case 'toDispatch':
      return { kind: 'statuses', statuses: ['dispatching'] };
  }
}

export async function inbox(ctx: Ctx, input: ParsedInputOf<'concern/inbox'>): Promise<Page<ConcernSummary>> {
  const snap = await ctx.directory.current();
  const cats = snap.categoryByKey;
  const scope = inboxScopeOf(snap, ctx.caller, (input.scope ?? 'open') === 'open');
  if (input.filter) scope.filter = inboxNarrowing(input.filter, ctx.deps.now());
  const page = await ctx.deps.store.concerns.inbox(scope, { cursor: input.cursor ?? null, limit: input.limit ?? DEFAULT_PAGE });
  return { items: await summaries(ctx, snap, cats, page.items), nextCursor: page.nextCursor };
}

/** The numbers on the workbench badge and filter tabs: three counts over the open inbox, computed by the store. */
export async function inboxCounts(ctx: Ctx): Promise<InboxCounts> {
  const snap = await ctx.directory.current();
  const scope = inboxScopeOf(snap, ctx.caller, true);
  const now = ctx.deps.now();
  const count = (filter: InboxFilter) => ctx.deps.store.concerns.countInbox({ ...scope, filter: inboxNarrowing(filter, now) });
  const dispatcher = townDispatcher(snap, ctx.caller);
  const [dueToday, overdue, toAccept, toDispatch] = await Promise.all([count('dueToday'), count('overdue'), count('toAccept'), dispatcher ? count('toDispatch') : null]);
  return { dueToday, overdue, toAccept, toDispatch };
}

/** Staff serving a town node: they run its 派单 queue. */
function townDispatcher(snap: DirectorySnapshot, caller: Caller): boolean {
  return caller.role === 'staff' && caller.nodeId !== null && snap.grid.get(caller.nodeId)?.kind === 'town';
}

/**
 * The route level(s) a staff node is matched at. A district admin oversees every town below; concerns
 * carry town ids, not the district's.
 */
export function routeNodesOf(snap: DirectorySnapshot, nodeId: string): Array<{ level: RouteLevel; id: string }> {
  const node = snap.grid.get(nodeId);
  if (!node) return [];
  if (node.kind === 'district') return snap.grid.children(node.id).map((t) => ({ level: 'town', id: t.id }));
  return [{ level: node.kind, id: node.id }];
}

export type { Ctx as ConcernCtx };
