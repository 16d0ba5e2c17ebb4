/**
 * 街坊议事: the supports a resident's proposal needs, a town admin's setting (town/saveTopicSettings). Read
 * by topic/propose: the town's stored number, else the deployment's (JIEFANG_TOPIC_SUPPORTS), else
 * DEFAULT_SUPPORTS_NEEDED. A proposal keeps the number it was made with.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import type { Deps } from '../ports';
import type { ParsedInputOf } from '../schemas';
import { adminTownFor } from '../scope';
import { DEFAULT_SUPPORTS_NEEDED } from './topic-model';

export async function supportsNeededFor(deps: Deps, townId: string): Promise<number> {
  return (await deps.store.topics.townSupports(townId)) ?? deps.topicSupports?.[townId] ?? DEFAULT_SUPPORTS_NEEDED;
}

/** The admin's own town, or (a district admin) the one they name. */
const townOf = (snap: DirectorySnapshot, ctx: Ctx, townId: string | undefined): string => adminTownFor(snap, ctx.caller, townId, 'TOPIC.TOWN_INVALID');

export async function topicSettings(ctx: Ctx, input: ParsedInputOf<'town/topicSettings'>): Promise<{ townId: string; supportsNeeded: number }> {
  const townId = townOf(await ctx.directory.current(), ctx, input.townId);
  return { townId, supportsNeeded: await supportsNeededFor(ctx.deps, townId) };
}

export async function saveTopicSettings(ctx: Ctx, input: ParsedInputOf<'town/saveTopicSettings'>): Promise<{ townId: string; supportsNeeded: number }> {
  const townId = townOf(await ctx.directory.current(), ctx, input.townId);
  await ctx.deps.store.topics.setTownSupports(townId, input.supportsNeeded, ctx.deps.now().toISOString());
  return { townId, supportsNeeded: await supportsNeededFor(ctx.deps, townId) };
}
