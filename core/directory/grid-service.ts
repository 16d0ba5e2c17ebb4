/**
 * Grid actions: where a point goes (`grid/locate`), and the admin import of boundaries (the roster file:
 * roster-import-service).
 * An import is checked whole against the current grid; with any problem it is refused with the full
 * line-by-line report (IMPORT.INVALID, details) and nothing is written; otherwise the store applies it
 * in one transaction, guarded by the grid version the check ran against.
 */
import { planBoundaryImport } from './boundary-import';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from './directory';
import { AppError } from '../errors';
import { toWgs84 } from './geo';
import { GridIndex } from './grid';
import type { Located } from './locate';
import type { LatLng } from '../model';
import type { ParsedInputOf } from '../schemas';
import type { BoundaryImportView, LocateView } from '../views';

export function locatePoint(snap: DirectorySnapshot, location: LatLng, located: Located): LocateView {
  const name = (id: string | null) => (id === null ? null : snap.grid.get(id)?.name ?? null);
  const p = located.gridId ? snap.grid.placement(located.gridId) : null;
  const townId = located.townId;
  const result: LocateView['result'] = located.gridId ? 'grid' : townId ? 'town' : snap.where.townsCovered ? 'outside' : 'unknown';
  return {
    location,
    result,
    townId,
    townName: name(townId),
    villageId: p?.village?.id ?? null,
    villageName: p?.village?.name ?? null,
    cooperativeId: p?.cooperative?.id ?? null,
    cooperativeName: p?.cooperative?.name ?? null,
    gridId: located.gridId,
    gridName: name(located.gridId),
    candidates: located.candidates,
  };
}

export async function locate(ctx: Ctx, input: ParsedInputOf<'grid/locate'>): Promise<LocateView> {
  const snap = await ctx.directory.current();
  const wgs = toWgs84(input.location, input.coord);
  return locatePoint(snap, wgs, snap.where.locate(wgs));
}

/** The node an admin administers: a town admin their town, a district admin the district. */
export function adminScope(ctx: Ctx, snap: DirectorySnapshot): string {
  const { caller } = ctx;
  const node = caller.role === 'admin' && caller.nodeId !== null ? snap.grid.get(caller.nodeId) : undefined;
  if (!node || (node.kind !== 'town' && node.kind !== 'district')) throw new AppError('AUTH.FORBIDDEN', 'imports and the roster are for town and district admins');
  return node.id;
}

export async function importBoundaries(ctx: Ctx, input: ParsedInputOf<'grid/importBoundaries'>): Promise<BoundaryImportView> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  // Planned against the stored nodes, not the container's snapshot: an import cut off between its chunks
  // left nodes and boundaries at the same grid version, which a snapshot cached at that version lacks
  // (run again, its places are then found by name instead of created twice).
  // Boundaries of no stored node (the cut run's, whose nodes never came) are left out; the store drops them.
  const [stored, nodes] = await Promise.all([ctx.deps.store.directory.listBoundaries(), ctx.deps.store.directory.listNodes()]);
  const grid = new GridIndex(nodes);
  const current = stored.filter((b) => grid.get(b.nodeId) !== undefined);
  const checked = planBoundaryImport(grid, current, scope, input.geojson, () => ctx.deps.newId('n'));
  if (!checked.ok) throw new AppError('IMPORT.INVALID', `${checked.problems.length} problem(s) in the boundary file`, checked.problems);
  const applied = await ctx.deps.store.directory.applyBoundaryImport(checked.plan, snap.version);
  if (!applied) throw new AppError('IMPORT.CONFLICT', 'the grid changed while the import was checked');
  const next = await ctx.directory.current();
  const { newNodes, created, boundaries } = checked.plan;
  return { gridVersion: next.version, nodesCreated: newNodes.length, created, boundaries: boundaries.length };
}
