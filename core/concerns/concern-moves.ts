/**
 * The moves of a concern's handlers and reporter: 签收, 回复, 办结, 评价 (or 重办), 派单, 转派, 上报, 退回.
 */
import { hasHandled, isHandler } from './access';
import { HELD_TEXT } from '../trust/content';
import { townWork } from '../directory/town-settings';
import { categoryOf } from '../directory/directory';
import { AppError } from '../errors';
import { RATING_TEXT } from '../labels';
import type { LifecycleAction } from './lifecycle';
import type { ConcernMessage, ConcernRating } from '../model';
import { snippet, toReporter, toStaff } from './notices';
import { checkPhotos, submitPhotoChecks } from './photos';
import { routeToNode, routeToQueue, routeUp } from './route-change';
import type { ParsedInputOf } from '../schemas';
import { onAccepted, onResolved, startRound } from './sla';
import type { ConcernDetail } from '../views';
import { slaFor, type ConcernCtx as Ctx } from './concern-ctx';
import { act, message, moderate, only, rerouteNotices, staffOn, type AfterCommit } from './concern-act';

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
