import { AppError } from '../errors';
import type { GridIndex } from '../directory/grid';
import type { Located } from '../directory/locate';
import type { Category, Office, RouteDecision } from '../model';

export interface RouteInput {
  placeId: string;
  category: Category;
}

/**
 * Routes a concern by the place the resident picked. Each branch returns a decision with the reason
 * stored on the concern; the last resort is the town dispatcher queue (派单), never a silent drop.
 * `routeConcern` tries the reported location first and falls back to this.
 */
export function routeByPlace(grid: GridIndex, offices: readonly Office[], input: RouteInput): RouteDecision {
  // A retired place (issue 19) routes nothing new: its nearest place still in service takes it.
  const node = grid.active(input.placeId);
  // Stryker disable next-line StringLiteral: a message for the log; callers get the code.
  if (!node) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${input.placeId}`);
  const p = grid.placement(node.id);
  // Stryker disable next-line StringLiteral: a message for the log; callers get the code.
  if (!p.town) throw new AppError('GRID.PLACE_NOT_FOUND', `place ${node.id} is not inside a town`);
  const { base, leadNote } = coHandler(offices, p.town.id, input.category);

  if (p.grid) {
    return {
      ...base,
      step: 'place',
      villageId: p.village?.id ?? null,
      cooperativeId: p.cooperative?.id ?? null,
      gridId: p.grid.id,
      reasonCode: 'PLACE_GRID',
      reason: `居民选择的地点属于${p.grid.name}${leadNote}`,
    };
  }
  if (p.cooperative) {
    const g = grid.children(p.cooperative.id).find((c) => c.kind === 'grid' && c.retiredAt === undefined) ?? null;
    return {
      ...base,
      step: 'place',
      villageId: p.village?.id ?? null,
      cooperativeId: p.cooperative.id,
      gridId: g ? g.id : null,
      reasonCode: g ? 'PLACE_COOPERATIVE' : 'PLACE_COOPERATIVE_NO_GRID',
      reason: g
        ? `居民选择了${p.village?.name ?? ''}${p.cooperative.name}，由该经济社所在的${g.name}及经济社社委办理${leadNote}`
        : `居民选择了${p.village?.name ?? ''}${p.cooperative.name}，该经济社未划网格，由经济社社委办理${leadNote}`,
    };
  }
  if (p.village) {
    const g = grid.children(p.village.id).find((c) => c.kind === 'grid' && c.retiredAt === undefined) ?? null;
    return {
      ...base,
      step: 'place',
      villageId: p.village.id,
      cooperativeId: null,
      gridId: g ? g.id : null,
      reasonCode: 'PLACE_VILLAGE',
      reason: `居民只选择了${p.village.name}，未选经济社，由${g ? `${g.name}及` : ''}${p.village.name}村居两委办理${leadNote}`,
    };
  }
  return toDispatchQueue(base, 'DISPATCH_NO_PLACE', `未能确定具体村居，进入${p.town.name}派单队列，由派单员人工分派${leadNote}`);
}

/** A decision for the town's dispatcher queue (派单): no village, cooperative or grid handles it yet. */
export function toDispatchQueue(base: { townId: string; coOfficeId: string | null }, reasonCode: RouteDecision['reasonCode'], reason: string): RouteDecision {
  return { ...base, step: 'dispatch', villageId: null, cooperativeId: null, gridId: null, reasonCode, reason };
}

/** The category's lead office of the town joins as co-handler; the category must belong to that town. */
function coHandler(offices: readonly Office[], townId: string, category: Category) {
  if (category.townId !== townId) {
    throw new AppError('CATEGORY.UNKNOWN', `category ${category.code} is not configured for town ${townId}`);
  }
  const lead = category.leadOfficeCode ? offices.find((o) => o.townId === townId && o.code === category.leadOfficeCode) ?? null : null;
  return {
    base: { townId, coOfficeId: lead ? lead.id : null },
    leadNote: lead ? `；${category.name}由${lead.name}牵头，同步协办` : '',
  };
}

export interface ConcernRouteInput {
  /** Where the reported location goes (already WGS-84), or null when none was reported. */
  located: Located | null;
  /** The place the resident picked, or null. */
  placeId: string | null;
  category: Category;
}

/**
 * The town whose categories apply: the located grid's town, else the picked place's town, else the
 * town that holds the location. Null when none is known.
 */
export function routeTownId(grid: GridIndex, located: Located | null, placeId: string | null): string | null {
  if (located?.gridId) return located.townId;
  if (placeId !== null) return grid.placement(placeId).town?.id ?? null;
  return located?.townId ?? null;
}

/**
 * Routes a concern in the order the product defines: (1) a location inside a grid goes to that grid,
 * its cooperative, village and town; (2) else the picked place; (3) else the dispatcher queue of the
 * town that holds the location. Each decision says why. Refusing a location outside every town is the
 * caller's job (it knows whether the towns' boundaries cover the deployment).
 */
export function routeConcern(grid: GridIndex, offices: readonly Office[], input: ConcernRouteInput): RouteDecision {
  const { located } = input;
  if (located?.gridId) {
    const p = grid.placement(located.gridId);
    const g = p.grid!;
    // Stryker disable next-line StringLiteral: a message for the log; callers get the code.
    if (!p.town) throw new AppError('GRID.PLACE_NOT_FOUND', `grid ${g.id} is not inside a town`);
    const { base, leadNote } = coHandler(offices, p.town.id, input.category);
    const committee = p.cooperative ? `${p.cooperative.name}社委` : p.village ? `${p.village.name}村居两委` : p.town.name;
    const border =
      located.candidates.length > 1
        ? `（位置正好在${located.candidates.map((id) => grid.get(id)?.name ?? id).join('、')}的分界线上，按分界线东侧、北侧优先的规则归${g.name}）`
        : '';
    return {
      ...base,
      step: 'location',
      villageId: p.village?.id ?? null,
      cooperativeId: p.cooperative?.id ?? null,
      gridId: g.id,
      reasonCode: located.candidates.length > 1 ? 'LOCATION_GRID_BORDER' : 'LOCATION_GRID',
      reason: `居民上报的位置在${g.name}内${border}，由${g.name}及${committee}办理${leadNote}`,
    };
  }
  if (input.placeId !== null) {
    const r = routeByPlace(grid, offices, { placeId: input.placeId, category: input.category });
    return located ? { ...r, reason: `上报的位置不在任何网格内；${r.reason}` } : r;
  }
  if (located?.townId) {
    const town = grid.get(located.townId)!;
    const { base, leadNote } = coHandler(offices, town.id, input.category);
    return toDispatchQueue(base, 'DISPATCH_NO_GRID', `上报的位置在${town.name}内，但不在任何网格内，进入${town.name}派单队列，由派单员人工分派${leadNote}`);
  }
  // Stryker disable next-line StringLiteral: a message for the log; callers get the code.
  throw new AppError('GRID.PLACE_REQUIRED', 'neither a location inside a town nor a place was given');
}

/** The node that is responsible for a routed concern: grid, else cooperative, else village, else the town queue. */
export function handlingNodeId(route: RouteDecision): string {
  return route.gridId ?? route.cooperativeId ?? route.villageId ?? route.townId;
}
