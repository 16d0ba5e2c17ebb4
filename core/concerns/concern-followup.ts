/**
 * A resident following up their own concern (#17): 撤回 (withdraw, before acceptance, with a reason) and
 * 催办 (chase up, once per working day after the acknowledge deadline). Both are lifecycle moves of the
 * reporter, committed like every other move (one event on the timeline, the handlers told in the same write).
 */
import { act, only, staffOn } from './concern-act';
import { routingReason } from './concern-moves';
import { slaFor, type ConcernCtx as Ctx } from './concern-ctx';
import { mayChase } from './chase';
import { HELD_TEXT, releasedText } from '../trust/content';
import { categoryKey, type DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { lastChaseAt } from './follow-up-moves';
import type { Concern } from '../model';
import { snippet, toStaff } from './notices';
import type { ParsedInputOf } from '../schemas';
import type { ConcernDetail } from '../views';

/** A concern named in a notice: its category, its place's own name and the start of its text (placeholder while held). */
export function concernLabel(snap: DirectorySnapshot, c: Concern): string {
  const category = snap.categoryByKey.get(categoryKey(c.route.townId, c.category))?.name ?? c.category;
  const place = snap.grid.get(c.placeId)?.name ?? snap.grid.placeName(c.placeId);
  return `${category}·${place}：${snippet(releasedText(c.description, c.moderation), 16)}`;
}

export async function withdraw(ctx: Ctx, input: ParsedInputOf<'concern/withdraw'>): Promise<ConcernDetail> {
  const why = await routingReason(ctx, '撤回原因', input.reason);
  return act(ctx, input.id, input.requestId, only('withdraw'), async (c, at, snap) => {
    const staff = await staffOn(ctx.deps, c);
    const body = snippet(`${concernLabel(snap, c)}（原因：${why.shown ?? HELD_TEXT}）`);
    return { note: why.shown, messages: why.held(c.id, at), notifications: toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_withdrawn', '居民已撤回诉求', c, body, at) };
  });
}

export async function chase(ctx: Ctx, input: ParsedInputOf<'concern/chase'>): Promise<ConcernDetail> {
  return act(ctx, input.id, input.requestId, only('chase'), async (c, at, snap) => {
    const d = mayChase(slaFor(ctx.deps, snap).calendar, c.sla.ackDueAt, lastChaseAt(await ctx.deps.store.concerns.timeline(c.id)), at);
    if (!d.ok) throw new AppError(d.code, `concern ${c.id} cannot be chased before ${d.from}`, { from: d.from });
    const staff = await staffOn(ctx.deps, c);
    return { note: null, notifications: toStaff(ctx.deps, staff, ctx.caller.openid, 'concern_chased', '居民催办，请尽快办理', c, snippet(concernLabel(snap, c)), at) };
  });
}
