/**
 * Moderation of held user text: the town admin lists what the content check held in their town and
 * publishes or rejects each item. A decision changes only the item's state: the text is kept either way.
 */
import type { ConcernCtx as Ctx } from './concern-service';
import { AppError } from './errors';
import type { ParsedInputOf } from './schemas';
import type { ModerationItem } from './views';

const LIST_MAX = 100;

async function townsOf(ctx: Ctx): Promise<string[] | null> {
  const snap = await ctx.directory.current();
  const node = ctx.caller.nodeId === null ? undefined : snap.grid.get(ctx.caller.nodeId);
  if (!node) throw new AppError('AUTH.FORBIDDEN', 'a moderator serves a town or the district');
  return node.kind === 'district' ? null : [snap.grid.placement(node.id).town?.id ?? node.id];
}

export async function listHeld(ctx: Ctx): Promise<{ items: ModerationItem[] }> {
  const held = await ctx.deps.store.concerns.heldContent(await townsOf(ctx), LIST_MAX);
  return { items: held.map((h) => ({ kind: h.kind, id: h.id, text: h.text, at: h.at, townId: h.townId, subject: { kind: 'concern', id: h.concernId } })) };
}

export async function decide(ctx: Ctx, input: ParsedInputOf<'moderation/decide'>): Promise<{ decided: true }> {
  const towns = await townsOf(ctx);
  // The item must be held in the moderator's own towns: look it up among them before deciding.
  const held = await ctx.deps.store.concerns.heldContent(towns, 10_000);
  if (!held.some((h) => h.kind === input.kind && h.id === input.id)) throw new AppError('MODERATION.NOT_HELD', `no held ${input.kind} ${input.id} in this moderator's towns`);
  const ok = await ctx.deps.store.concerns.decideModeration(input.kind, input.id, input.decision === 'publish' ? 'published' : 'rejected');
  if (!ok) throw new AppError('MODERATION.NOT_HELD', `${input.kind} ${input.id} was decided already`);
  return { decided: true };
}
