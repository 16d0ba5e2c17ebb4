/**
 * `grid/map {townId?, coord?}`: one town's boundaries simplified for drawing and its open public concerns as
 * points, for the report page's map. Public (every signed-in caller), scoped to one town: the town asked
 * for, else the caller's own (staff: where they work; a resident: the town of their latest report), else
 * the first town. Concern points are shown only where the town's public board is on, and only public
 * concerns (a published description, no 举报 category: BoardRepo's rule), never their text.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { categoryOf, type DirectorySnapshot } from './directory';
import { AppError } from '../errors';
import { wgs84ToGcj02 } from './geo';
import { drawAreas, inCoord, MAP_CONCERNS_MAX, townAreas, type GridMapView } from './grid-map';
import type { GridNode } from '../model';
import type { ParsedInputOf } from '../schemas';
import { townOf } from '../scope';

type Drawn = ReturnType<typeof drawAreas>;
/**
 * A town's simplified drawing per directory snapshot: the snapshot is rebuilt only when the grid or a
 * boundary changes (DirectoryCache), so the simplification runs once per town and version, not per call.
 */
const drawings = new WeakMap<DirectorySnapshot, Map<string, Drawn>>();

function drawingOf(snap: DirectorySnapshot, townId: string): Drawn {
  let byTown = drawings.get(snap);
  if (!byTown) drawings.set(snap, (byTown = new Map<string, Drawn>()));
  let drawn = byTown.get(townId);
  if (!drawn) byTown.set(townId, (drawn = drawAreas(townAreas(snap.grid.all(), townId, (id) => snap.where.boundary(id)))));
  return drawn;
}

async function whichTown(ctx: Ctx, snap: DirectorySnapshot, towns: readonly GridNode[], wanted: string | undefined): Promise<string> {
  if (wanted !== undefined) {
    if (!towns.some((t) => t.id === wanted)) throw new AppError('GRID.PLACE_NOT_FOUND', `no town ${wanted}`);
    return wanted;
  }
  const own = townOf(snap, ctx.caller);
  if (own !== null) return own;
  const [latest] = (await ctx.deps.store.concerns.listByReporter(ctx.caller.openid, { cursor: null, limit: 1 })).items;
  if (latest && towns.some((t) => t.id === latest.route.townId)) return latest.route.townId;
  if (towns.length === 0) throw new AppError('GRID.PLACE_NOT_FOUND', 'no town is configured');
  return towns[0].id;
}

export async function gridMap(ctx: Ctx, input: ParsedInputOf<'grid/map'>): Promise<GridMapView> {
  const snap = await ctx.directory.current();
  const towns = snap.grid.all().filter((n) => n.kind === 'town');
  const townId = await whichTown(ctx, snap, towns, input.townId);
  const coord = input.coord ?? 'wgs84';
  const drawn = drawingOf(snap, townId);
  const { board } = ctx.deps.store;
  const points = drawn.bounds && (await board.settings(townId)).publicBoard
    ? await board.openInBox(townId, { minLng: drawn.bounds[0], minLat: drawn.bounds[1], maxLng: drawn.bounds[2], maxLat: drawn.bounds[3] }, MAP_CONCERNS_MAX)
    : [];
  const view = inCoord(drawn, coord);
  return {
    townId,
    townName: snap.grid.get(townId)?.name ?? '',
    coord,
    towns: towns.map((t) => ({ id: t.id, name: t.name })),
    bounds: view.bounds,
    areas: view.areas,
    concerns: points
      .filter((c) => c.location !== null)
      .map((c) => {
        const at = coord === 'gcj02' ? wgs84ToGcj02(c.location!) : c.location!;
        return { id: c.id, categoryName: categoryOf(snap, townId, c.category)?.name ?? c.category, lat: at.lat, lng: at.lng };
      }),
  };
}
