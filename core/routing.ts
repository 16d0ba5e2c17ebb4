import { AppError } from './errors';
import type { GridIndex } from './grid';
import type { Category, Office, RouteDecision } from './model';

export interface RouteInput {
  placeId: string;
  category: Category;
}

/**
 * Routes a concern by the place the resident picked. Each branch returns a decision with the reason
 * stored on the concern; the last resort is the town dispatcher queue (派单), never a silent drop.
 * Location routing (grid boundaries) comes before this step once boundaries are loaded.
 */
export function routeByPlace(grid: GridIndex, offices: readonly Office[], input: RouteInput): RouteDecision {
  const node = grid.get(input.placeId);
  if (!node) throw new AppError('GRID.PLACE_NOT_FOUND', `unknown place ${input.placeId}`);
  const p = grid.placement(node.id);
  if (!p.town) throw new AppError('GRID.PLACE_NOT_FOUND', `place ${node.id} is not inside a town`);
  if (input.category.townId !== p.town.id) {
    throw new AppError('CATEGORY.UNKNOWN', `category ${input.category.code} is not configured for town ${p.town.id}`);
  }
  const lead = input.category.leadOfficeCode
    ? offices.find((o) => o.townId === p.town!.id && o.code === input.category.leadOfficeCode) ?? null
    : null;
  const base = { townId: p.town.id, coOfficeId: lead ? lead.id : null };
  const leadNote = lead ? `；${input.category.name}由${lead.name}牵头，同步协办` : '';

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
    const g = grid.children(p.cooperative.id).find((c) => c.kind === 'grid') ?? null;
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
    const g = grid.children(p.village.id).find((c) => c.kind === 'grid') ?? null;
    return {
      ...base,
      step: 'place',
      villageId: p.village.id,
      cooperativeId: null,
      gridId: g ? g.id : null,
      reasonCode: 'PLACE_VILLAGE',
      reason: `居民只选择了${p.village.name}，未选经济社，由${p.village.name}村居两委办理${leadNote}`,
    };
  }
  return {
    ...base,
    step: 'dispatch',
    villageId: null,
    cooperativeId: null,
    gridId: null,
    reasonCode: 'DISPATCH_NO_PLACE',
    reason: `未能确定具体村居，进入${p.town.name}派单队列，由派单员人工分派${leadNote}`,
  };
}

/** The node that is responsible for a routed concern: grid, else cooperative, else village, else the town queue. */
export function handlingNodeId(route: RouteDecision): string {
  return route.gridId ?? route.cooperativeId ?? route.villageId ?? route.townId;
}
