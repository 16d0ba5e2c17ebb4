/**
 * The one place a concern's route changes after submit: 派单 (dispatch), 转派 (transfer), 上报 (escalate,
 * by hand or by the SLA timer) and 退回 (return to the town queue). Each returns a complete RouteDecision
 * with a stable reason code and a reason in Chinese; the store writes the route columns (town, village,
 * cooperative, grid, co-office) from it, so inboxes follow the new route. The lead office stays co-handler.
 */
import { AppError } from '../errors';
import type { GridIndex } from '../directory/grid';
import type { GridNode, RouteDecision } from '../model';
import { handlingNodeId, toDispatchQueue } from './routing';

export type RouteChange = 'dispatch' | 'transfer' | 'escalate' | 'sla_escalate' | 'return';

export const ROUTE_REASON_CODE: Readonly<Record<RouteChange, string>> = {
  dispatch: 'MANUAL_DISPATCH',
  transfer: 'TRANSFER',
  escalate: 'ESCALATE',
  sla_escalate: 'SLA_ESCALATE',
  return: 'RETURNED',
};

function nameOf(grid: GridIndex, id: string): string {
  return grid.get(id)?.name ?? id;
}

function withReason(base: string, reason: string | null): string {
  return reason ? `${base}：${reason}` : base;
}

/**
 * The route to a node below the concern's town (a village, cooperative or grid), as routing at submit
 * would give it: a village or cooperative with a grid of its own goes to that grid too.
 */
export function routeToNode(grid: GridIndex, current: RouteDecision, nodeId: string, change: 'dispatch' | 'transfer', reason: string | null): RouteDecision {
  const node = grid.get(nodeId);
  const p = node ? grid.placement(node.id) : null;
  if (!node || !p || p.town?.id !== current.townId || (node.kind !== 'village' && node.kind !== 'cooperative' && node.kind !== 'grid')) {
    throw new AppError('CONCERN.TARGET_INVALID', `${nodeId} is not a village, cooperative or grid of town ${current.townId}`);
  }
  const ownGrid: GridNode | null = p.grid ?? (grid.children(node.id).find((c) => c.kind === 'grid') ?? null);
  const target: RouteDecision = {
    step: 'manual',
    townId: current.townId,
    villageId: p.village?.id ?? null,
    cooperativeId: p.cooperative?.id ?? null,
    gridId: ownGrid?.id ?? null,
    coOfficeId: current.coOfficeId,
    reasonCode: ROUTE_REASON_CODE[change],
    reason: '',
  };
  if (handlingNodeId(target) === handlingNodeId(current)) {
    throw new AppError('CONCERN.TARGET_INVALID', `the concern is already with ${nodeId}`);
  }
  const to = [p.village, p.cooperative, ownGrid].filter((n): n is GridNode => n !== null).map((n) => n.name).join(' · ');
  target.reason =
    change === 'dispatch'
      ? withReason(`派单员将诉求派至${to}`, reason)
      : withReason(`由${nameOf(grid, handlingNodeId(current))}转派至${to}`, reason);
  return target;
}

/** The level above the one handling the concern: cooperative/grid → village → town; null at the town. */
export function escalationTarget(route: RouteDecision): { level: 'village' | 'town'; nodeId: string } | null {
  if ((route.gridId !== null || route.cooperativeId !== null) && route.villageId !== null) return { level: 'village', nodeId: route.villageId };
  if (route.villageId !== null || route.gridId !== null || route.cooperativeId !== null) return { level: 'town', nodeId: route.townId };
  return null;
}

/** The route one level up (吹哨), by a handler or by the SLA timer. */
export function routeUp(grid: GridIndex, current: RouteDecision, change: 'escalate' | 'sla_escalate', reason: string | null): RouteDecision {
  const up = escalationTarget(current);
  if (!up) throw new AppError('CONCERN.NO_HIGHER_LEVEL', 'the concern is already with the town');
  const from = nameOf(grid, handlingNodeId(current));
  const to = up.level === 'town' ? `${nameOf(grid, current.townId)}（镇职能办统筹）` : nameOf(grid, up.nodeId);
  return {
    step: 'escalation',
    townId: current.townId,
    villageId: up.level === 'village' ? up.nodeId : null,
    cooperativeId: null,
    gridId: null,
    coOfficeId: current.coOfficeId,
    reasonCode: ROUTE_REASON_CODE[change],
    reason: change === 'escalate' ? withReason(`${from}上报至${to}`, reason) : withReason(`${from}超过办理时限，系统自动上报至${to}`, reason),
  };
}

/** Back to the town dispatcher queue (退回), out of the handler's scope. */
export function routeToQueue(grid: GridIndex, current: RouteDecision, reason: string): RouteDecision {
  return toDispatchQueue(
    { townId: current.townId, coOfficeId: current.coOfficeId },
    ROUTE_REASON_CODE.return,
    withReason(`${nameOf(grid, handlingNodeId(current))}退回${nameOf(grid, current.townId)}派单队列`, reason),
  );
}

/**
 * The nodes a route change takes the concern away from: the old route's village, cooperative and grid that
 * the new route no longer names (the town never changes), added once to those already passed.
 */
export function passedNodes(past: readonly string[], from: RouteDecision, to: RouteDecision): string[] {
  const kept = new Set([to.villageId, to.cooperativeId, to.gridId]);
  const out = [...past];
  for (const id of [from.villageId, from.cooperativeId, from.gridId]) {
    if (id !== null && !kept.has(id) && !out.includes(id)) out.push(id);
  }
  return out;
}
