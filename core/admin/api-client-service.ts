/**
 * Open311 client systems as the admin manages them (issue 19): create one (its key is answered once and
 * stored only as its hash), list them, revoke one. A town admin manages the clients whose every town is
 * their own town; a district admin every client. A client elsewhere is not found, and a client is only
 * granted towns its creator oversees. A revoked client is kept (its posts name it); its key opens nothing
 * from the next request on (the Open311 adapter looks the key up on every request).
 */
import { DEFAULT_CLIENT_BUDGET, type ApiClientRecord } from './api-client-model';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller } from '../model';
import type { ParsedInputOf } from '../schemas';
import { adminTowns } from '../scope';

/** Whether the admin oversees every one of these towns. */
function managesAll(snap: DirectorySnapshot, caller: Caller, townIds: readonly string[]): boolean {
  const towns = adminTowns(snap, caller);
  return townIds.every((t) => snap.grid.get(t)?.kind === 'town' && (towns === null || towns.includes(t)));
}

export async function create(ctx: Ctx, input: ParsedInputOf<'apiClient/create'>): Promise<{ client: ApiClientRecord; key: string }> {
  const snap = await ctx.directory.current();
  const own = adminTowns(snap, ctx.caller);
  const townIds = [...new Set(input.townIds ?? (own && own.length === 1 ? own : []))];
  if (townIds.length === 0 || !managesAll(snap, ctx.caller, townIds)) {
    throw new AppError('APICLIENT.TOWN_INVALID', `a client serves towns you oversee (${townIds.join(', ') || 'none named'})`);
  }
  if (!ctx.deps.newApiKey) throw new AppError('INTERNAL', 'this runtime issues no API keys');
  const key = ctx.deps.newApiKey();
  const client = { id: ctx.deps.newId('oc'), name: input.name, source: input.source, townIds, reads: input.reads, requestsPerMinute: input.requestsPerMinute ?? DEFAULT_CLIENT_BUDGET.requestsPerMinute, postsPerHour: input.postsPerHour ?? DEFAULT_CLIENT_BUDGET.postsPerHour };
  const createdAt = ctx.deps.now().toISOString();
  if (!(await ctx.deps.store.directory.createApiClient(client, key, createdAt))) throw new AppError('INTERNAL', `client id ${client.id} was taken`);
  return { client: { ...client, createdAt, revokedAt: null }, key };
}

export async function list(ctx: Ctx): Promise<{ items: ApiClientRecord[] }> {
  const snap = await ctx.directory.current();
  const items = (await ctx.deps.store.directory.listApiClients()).filter((c) => managesAll(snap, ctx.caller, c.townIds));
  return { items };
}

export async function revoke(ctx: Ctx, input: ParsedInputOf<'apiClient/revoke'>): Promise<ApiClientRecord> {
  const snap = await ctx.directory.current();
  const { directory } = ctx.deps.store;
  const client = (await directory.listApiClients()).find((c) => c.id === input.id);
  if (!client || !managesAll(snap, ctx.caller, client.townIds)) throw new AppError('APICLIENT.NOT_FOUND', `no client ${input.id} of your town`);
  const revoked = await directory.revokeApiClient(client.id, ctx.deps.now().toISOString());
  if (!revoked) throw new AppError('APICLIENT.NOT_FOUND', `client ${input.id} was revoked already`);
  return revoked;
}
