/**
 * The machinery of a concern move: decided from the lifecycle table, planned, and committed under
 * optimistic concurrency as one change (patch, event, messages, notices).
 */
import { actorsOf } from './access';
import { moderate as moderateText, releasedText, type RiskyPolicy } from '../trust/content';
import { categoryKey, type DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { EVENT_OF, mustDecide, type LifecycleAction } from './lifecycle';
import type { ActorRole, Caller, Category, Concern, ConcernEvent, ConcernMessage, ConcernRating, ConcernSla, ConcernStatus, Moderation, Notification, RouteDecision } from '../model';
import { noticeNodeIds, snippet, toReporter, toStaff } from './notices';
import type { ConcernChange, Deps } from '../ports';
import { passedNodes } from './route-change';
import { derive } from './sla';
import type { ConcernDetail } from '../views';
import { actorRole, readForMove, type ConcernCtx as Ctx } from './concern-ctx';
import { detail, visible, visibleOr404 } from './concern-read';

/** How often a move is retried when an unrelated write (e.g. a resident's message) bumped the version. */
const MAX_ATTEMPTS = 4;

export const moderate = (ctx: Ctx, text: string, risky?: RiskyPolicy): Promise<Moderation> => moderateText(ctx.deps, ctx.caller, text, risky);

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

export function message(ctx: Ctx, concernId: string, text: string, photos: string[], at: string, moderation: Moderation): ConcernMessage {
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
