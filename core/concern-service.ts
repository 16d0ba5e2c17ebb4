import { canView, isHandler, isReporter } from './access';
import type { DirectoryCache, DirectorySnapshot } from './directory';
import { AppError } from './errors';
import { EVENT_OF, canMove, nextStatus, type LifecycleAction } from './lifecycle';
import type { ActorRole, Caller, Category, Concern, ConcernEvent, ConcernMessage, Notification } from './model';
import { noticeNodeIds, snippet, toReporter, toStaff } from './notices';
import type { ConcernChange, Deps, InboxScope } from './ports';
import { toWgs84 } from './geo';
import { routeConcern, routeTownId } from './routing';
import type { ParsedInputOf } from './schemas';
import type { ConcernDetail, ConcernMove, ConcernSummary, Page, RouteView } from './views';

const DEFAULT_PAGE = 20;
/** How often a move is retried when an unrelated write (e.g. a resident's message) bumped the version. */
const MAX_ATTEMPTS = 4;

interface Ctx {
  deps: Deps;
  directory: DirectoryCache;
  caller: Caller;
}

function actorRole(caller: Caller): ActorRole {
  return caller.role;
}

function categoryKey(townId: string, code: string): string {
  return `${townId}/${code}`;
}

async function categoryMap(ctx: Ctx): Promise<Map<string, Category>> {
  const all = await ctx.deps.store.directory.listCategories();
  return new Map(all.map((c) => [categoryKey(c.townId, c.code), c]));
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

function summary(snap: DirectorySnapshot, cats: Map<string, Category>, c: Concern): ConcernSummary {
  return {
    id: c.id,
    category: c.category,
    categoryName: cats.get(categoryKey(c.route.townId, c.category))?.name ?? c.category,
    description: c.description,
    status: c.status,
    placeId: c.placeId,
    placeName: snap.grid
      .lineage(c.placeId)
      .filter((n) => n.kind !== 'district' && n.kind !== 'grid')
      .reverse()
      .map((n) => n.name)
      .join(' · '),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    route: routeView(snap, c),
  };
}

function movesFor(snap: DirectorySnapshot, caller: Caller, c: Concern): ConcernMove[] {
  if (isHandler(snap.grid, caller, c)) {
    const moves: ConcernMove[] = [];
    if (canMove(c.status, 'accept')) moves.push('accept');
    if (canMove(c.status, 'reply')) moves.push('reply');
    if (canMove(c.status, 'resolve')) moves.push('resolve');
    return moves;
  }
  if (isReporter(caller, c) && c.status !== 'closed') return ['reply'];
  return [];
}

async function detail(ctx: Ctx, snap: DirectorySnapshot, c: Concern): Promise<ConcernDetail> {
  const { store } = ctx.deps;
  const [cats, timeline, thread, reporter] = await Promise.all([
    categoryMap(ctx),
    store.concerns.timeline(c.id),
    store.concerns.thread(c.id),
    store.directory.findUser(c.reporterOpenid),
  ]);
  return {
    ...summary(snap, cats, c),
    location: c.location,
    photos: c.photos,
    reporterName: reporter?.name ?? '居民',
    mine: isReporter(ctx.caller, c),
    moves: movesFor(snap, ctx.caller, c),
    // Openids are identifiers of people: a view names people, it does not hand out their ids.
    timeline: timeline.map((e) => ({ ...e, actorOpenid: e.actorOpenid === ctx.caller.openid ? e.actorOpenid : null })),
    thread: thread.map((m) => ({ ...m, authorOpenid: m.authorOpenid === ctx.caller.openid ? m.authorOpenid : '' })),
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

export async function submit(ctx: Ctx, input: ParsedInputOf<'concern/submit'>): Promise<ConcernDetail> {
  const snap = await ctx.directory.current();
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
  const category = (await ctx.deps.store.directory.listCategories(townId)).find((c) => c.code === input.category);
  if (!category) throw new AppError('CATEGORY.UNKNOWN', `category ${input.category} is not configured for ${townId}`);

  const route = routeConcern(snap.grid, snap.offices, { located, placeId, category });
  const at = ctx.deps.now().toISOString();
  const action: LifecycleAction = route.step === 'dispatch' ? 'route_dispatch' : 'route_assign';
  const status = nextStatus('submitted', action);
  const concern: Concern = {
    id: ctx.deps.newId('c'),
    reporterOpenid: ctx.caller.openid,
    category: category.code,
    description: input.description,
    // Without a picked place, the place is the most specific node the route names.
    placeId: placeId ?? route.cooperativeId ?? route.villageId ?? route.townId,
    location,
    photos: input.photos ?? [],
    status,
    route,
    createdAt: at,
    updatedAt: at,
    version: 1,
    requestId: input.requestId ?? null,
  };
  const submitted = event(ctx, { id: concern.id, status: 'submitted' }, 'submitted', 'submitted', null, at);
  submitted.fromStatus = null;
  const routed: ConcernEvent = {
    ...event(ctx, { id: concern.id, status: 'submitted' }, EVENT_OF[action], status, route.reason, at),
    actorOpenid: null,
    actorName: null,
    actorRole: 'system',
  };
  const staff = await ctx.deps.store.directory.listStaffAt(noticeNodeIds(concern));
  const notices = toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_assigned', status === 'dispatching' ? '新诉求待派单' : '新诉求待签收', concern, snippet(`${category.name}：${concern.description}`), at);
  const { concern: stored } = await ctx.deps.store.concerns.create(concern, [submitted, routed], notices);
  return detail(ctx, snap, stored);
}

/** Loads a concern the caller may see; anything else is reported as not found, revealing nothing. */
async function visible(ctx: Ctx, snap: DirectorySnapshot, id: string): Promise<Concern> {
  const c = await ctx.deps.store.concerns.get(id);
  if (!c || !canView(snap.grid, ctx.caller, c)) throw new AppError('CONCERN.NOT_FOUND', `no concern ${id} for this caller`);
  return c;
}

export async function get(ctx: Ctx, input: ParsedInputOf<'concern/get'>): Promise<ConcernDetail> {
  const snap = await ctx.directory.current();
  return detail(ctx, snap, await visible(ctx, snap, input.id));
}

type Plan = (c: Concern, at: string, snap: DirectorySnapshot) => Promise<ConcernChange>;

/**
 * Runs one move under optimistic concurrency. An unrelated write that bumped the version is retried;
 * a competing move that made this one illegal is a conflict (the other actor won).
 */
async function move(ctx: Ctx, id: string, requestId: string | undefined, check: (snap: DirectorySnapshot, c: Concern) => void, plan: Plan): Promise<ConcernDetail> {
  const snap = await ctx.directory.current();
  let c = await visible(ctx, snap, id);
  if (requestId && (await ctx.deps.store.concerns.hasRequest(id, ctx.caller.openid, requestId))) return detail(ctx, snap, c);
  for (let attempt = 1; ; attempt++) {
    try {
      check(snap, c);
    } catch (e) {
      if (attempt > 1 && e instanceof AppError && e.code === 'CONCERN.ILLEGAL_TRANSITION') {
        throw new AppError('CONCERN.CONFLICT', `concern ${id} was changed by someone else`);
      }
      throw e;
    }
    const at = ctx.deps.now().toISOString();
    const change = { ...(await plan(c, at, snap)), requestId: requestId ?? null };
    const saved = await ctx.deps.store.concerns.commit(id, c.version, change);
    if (saved) return detail(ctx, snap, saved);
    if (attempt >= MAX_ATTEMPTS) throw new AppError('CONCERN.CONFLICT', `concern ${id} is busy, try again`);
    c = await visible(ctx, snap, id);
  }
}

function requireHandler(ctx: Ctx) {
  return (snap: DirectorySnapshot, c: Concern) => {
    if (!isHandler(snap.grid, ctx.caller, c)) throw new AppError('AUTH.FORBIDDEN', 'only a handler of this concern may do that');
  };
}

/** A handler's move: the transition, its event, an optional message, and the reporter told. */
function lifecycleMove(ctx: Ctx, action: LifecycleAction, text: string | null): Plan {
  return async (c, at) => {
    const to = nextStatus(c.status, action);
    const messages: ConcernMessage[] = text === null ? [] : [message(ctx, c.id, text, at)];
    const notifications: Notification[] = [];
    if (action === 'reply' && text !== null) notifications.push(toReporter(ctx.deps, c, 'concern_replied', '您的诉求有新回复', snippet(text), at));
    if (action === 'resolve' && text !== null) notifications.push(toReporter(ctx.deps, c, 'concern_resolved', '您的诉求已办结', snippet(text), at));
    return { patch: { status: to, updatedAt: at }, events: [event(ctx, c, EVENT_OF[action], to, text, at)], messages, notifications, requestId: null };
  };
}

function message(ctx: Ctx, concernId: string, text: string, at: string): ConcernMessage {
  return {
    id: ctx.deps.newId('m'),
    concernId,
    authorOpenid: ctx.caller.openid,
    authorName: ctx.caller.name,
    authorRole: actorRole(ctx.caller),
    text,
    photos: [],
    at,
  };
}

export function accept(ctx: Ctx, input: ParsedInputOf<'concern/accept'>): Promise<ConcernDetail> {
  const mustHandle = requireHandler(ctx);
  return move(ctx, input.id, input.requestId, (snap, c) => {
    mustHandle(snap, c);
    nextStatus(c.status, 'accept');
  }, lifecycleMove(ctx, 'accept', null));
}

export function resolve(ctx: Ctx, input: ParsedInputOf<'concern/resolve'>): Promise<ConcernDetail> {
  const mustHandle = requireHandler(ctx);
  return move(ctx, input.id, input.requestId, (snap, c) => {
    mustHandle(snap, c);
    nextStatus(c.status, 'resolve');
  }, lifecycleMove(ctx, 'resolve', input.text));
}

/**
 * A handler's reply moves the case into progress; a reporter's message only adds to the thread.
 * Either way the message and an event are stored together.
 */
export function reply(ctx: Ctx, input: ParsedInputOf<'concern/reply'>): Promise<ConcernDetail> {
  return move(
    ctx,
    input.id,
    input.requestId,
    (snap, c) => {
      if (isHandler(snap.grid, ctx.caller, c)) {
        nextStatus(c.status, 'reply');
        return;
      }
      if (!isReporter(ctx.caller, c)) throw new AppError('AUTH.FORBIDDEN', 'only the reporter or a handler may reply');
      if (c.status === 'closed') throw new AppError('CONCERN.ILLEGAL_TRANSITION', 'the concern is closed');
    },
    async (c, at, snap) => {
      if (isHandler(snap.grid, ctx.caller, c)) return lifecycleMove(ctx, 'reply', input.text)(c, at, snap);
      const staff = await ctx.deps.store.directory.listStaffAt(noticeNodeIds(c));
      return {
        patch: { updatedAt: at },
        events: [event(ctx, c, 'resident_replied', c.status, input.text, at)],
        messages: [message(ctx, c.id, input.text, at)],
        notifications: toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_replied', '居民补充了诉求信息', c, snippet(input.text), at),
        requestId: null,
      };
    },
  );
}

export async function listMine(ctx: Ctx, input: ParsedInputOf<'concern/listMine'>): Promise<Page<ConcernSummary>> {
  const [snap, cats] = await Promise.all([ctx.directory.current(), categoryMap(ctx)]);
  const page = await ctx.deps.store.concerns.listByReporter(ctx.caller.openid, { cursor: input.cursor ?? null, limit: input.limit ?? DEFAULT_PAGE });
  return { items: page.items.map((c) => summary(snap, cats, c)), nextCursor: page.nextCursor };
}

export async function inbox(ctx: Ctx, input: ParsedInputOf<'concern/inbox'>): Promise<Page<ConcernSummary>> {
  const { caller } = ctx;
  if (caller.role === 'resident' || caller.nodeId === null) throw new AppError('AUTH.FORBIDDEN', 'the inbox is for staff');
  const [snap, cats] = await Promise.all([ctx.directory.current(), categoryMap(ctx)]);
  const openOnly = (input.scope ?? 'open') === 'open';
  let scope: InboxScope;
  if (caller.role === 'office') {
    scope = { nodeIds: [], officeId: caller.nodeId, openOnly };
  } else {
    const node = snap.grid.get(caller.nodeId);
    // A district admin oversees every town below; concerns carry town ids, not the district's.
    const nodeIds = node?.kind === 'district' ? snap.grid.children(node.id).map((t) => t.id) : [caller.nodeId];
    scope = { nodeIds, officeId: null, openOnly };
  }
  const page = await ctx.deps.store.concerns.inbox(scope, { cursor: input.cursor ?? null, limit: input.limit ?? DEFAULT_PAGE });
  return { items: page.items.map((c) => summary(snap, cats, c)), nextCursor: page.nextCursor };
}

export type { Ctx as ConcernCtx };
