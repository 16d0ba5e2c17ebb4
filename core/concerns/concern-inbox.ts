/**
 * The caller's lists of concerns: their own reports, and a staff member's inbox with the workbench's
 * filters and counts.
 */
import { BEIJING_OFFSET_MS, beijingDate } from '../beijing';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller } from '../model';
import type { InboxNarrowing, InboxScope, RouteLevel } from '../ports';
import type { ParsedInputOf } from '../schemas';
import type { ConcernSummary, InboxCounts, InboxFilter, Page } from '../views';
import type { ConcernCtx as Ctx } from './concern-ctx';
import { summaries } from './concern-read';

const DEFAULT_PAGE = 20;

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

/** The first instant of the Beijing day after `now`'s (UTC ISO): "due today" means before it. */
export function endOfBeijingDay(now: Date): string {
  const day = beijingDate(now);
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000 - BEIJING_OFFSET_MS).toISOString();
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
