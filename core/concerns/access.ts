/**
 * Who may see and act on a concern. One place for the rule, used by every action:
 * - the reporter sees their own concern and may add to its thread;
 * - staff serving the concern's handling node or any of its ancestors see and handle it;
 * - the office that co-handles it (lead office of its category) sees and handles it;
 * - an admin sees every concern inside the node they administer;
 * - staff whose node passed the concern on see it, read-only.
 * Anyone else is told the concern does not exist, so a refusal reveals nothing.
 */
import type { GridIndex } from '../directory/grid';
import { HANDLING_EVENTS, type Actor } from './lifecycle';
import type { Caller, Concern, ConcernEvent } from '../model';
import { handlingNodeId } from './routing';

export function isReporter(caller: Caller, c: Concern): boolean {
  return c.reporterOpenid === caller.openid;
}

export function isHandler(grid: GridIndex, caller: Caller, c: Concern): boolean {
  if (caller.nodeId === null) return false;
  if (caller.role === 'staff') return grid.isWithin(handlingNodeId(c.route), caller.nodeId);
  // Stryker disable next-line ConditionalExpression: only an office's node id names an office; anyone else's (a grid node) never equals a co-handler's id.
  if (caller.role === 'office') return c.route.coOfficeId === caller.nodeId;
  return false;
}

/**
 * Staff of a node that held the concern and passed it on (or of a node above it), and who no longer handle
 * it: they see it read-only — where it went and how it stands — in 全部, never its held text or full phone.
 */
export function passedItOn(grid: GridIndex, caller: Caller, c: Concern): boolean {
  if (caller.role !== 'staff' || caller.nodeId === null || isHandler(grid, caller, c)) return false;
  const node = caller.nodeId;
  return c.pastNodeIds.some((id) => grid.isWithin(id, node));
}

export function canView(grid: GridIndex, caller: Caller, c: Concern): boolean {
  if (isReporter(caller, c) || isHandler(grid, caller, c) || passedItOn(grid, caller, c)) return true;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: staff whose node holds the concern are handlers already, an office's node is no grid node, a resident has none.
  return caller.role === 'admin' && caller.nodeId !== null && grid.isWithin(handlingNodeId(c.route), caller.nodeId);
}

/** Staff serving the concern's town node: the town's dispatcher queue (派单). */
export function isDispatcher(caller: Caller, c: Concern): boolean {
  // Stryker disable next-line ConditionalExpression: a null node never equals the concern's town id; the check says what is meant.
  return caller.role === 'staff' && caller.nodeId !== null && caller.nodeId === c.route.townId;
}

/**
 * Whether the caller handles the concern now, or made a handling move on it earlier (accepted, replied,
 * transferred…). Such a person cannot rate it: a rating is a resident's verdict on others' work, and
 * staff who report at their own node would otherwise rate themselves.
 */
export function hasHandled(grid: GridIndex, caller: Caller, c: Concern, timeline: readonly ConcernEvent[]): boolean {
  if (isHandler(grid, caller, c) || isDispatcher(caller, c)) return true;
  return timeline.some((e) => e.actorOpenid === caller.openid && HANDLING_EVENTS.has(e.type));
}

/** The lifecycle actor roles (core/concerns/lifecycle.ts) the caller holds on this concern; empty for a bystander. */
export function actorsOf(grid: GridIndex, caller: Caller, c: Concern): Actor[] {
  const out: Actor[] = [];
  if (isReporter(caller, c)) out.push('reporter');
  if (isHandler(grid, caller, c)) out.push('handler');
  if (isDispatcher(caller, c)) out.push('dispatcher');
  return out;
}
