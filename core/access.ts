/**
 * Who may see and act on a concern. One place for the rule, used by every action:
 * - the reporter sees their own concern and may add to its thread;
 * - staff serving the concern's handling node or any of its ancestors see and handle it;
 * - the office that co-handles it (lead office of its category) sees and handles it;
 * - an admin sees every concern inside the node they administer.
 * Anyone else is told the concern does not exist, so a refusal reveals nothing.
 */
import type { GridIndex } from './grid';
import type { Caller, Concern } from './model';
import { handlingNodeId } from './routing';

export function isReporter(caller: Caller, c: Concern): boolean {
  return c.reporterOpenid === caller.openid;
}

export function isHandler(grid: GridIndex, caller: Caller, c: Concern): boolean {
  if (caller.nodeId === null) return false;
  if (caller.role === 'staff') return grid.isWithin(handlingNodeId(c.route), caller.nodeId);
  if (caller.role === 'office') return c.route.coOfficeId === caller.nodeId;
  return false;
}

export function canView(grid: GridIndex, caller: Caller, c: Concern): boolean {
  if (isReporter(caller, c) || isHandler(grid, caller, c)) return true;
  return caller.role === 'admin' && caller.nodeId !== null && grid.isWithin(handlingNodeId(c.route), caller.nodeId);
}
