/**
 * Where an admin's oversight reaches — one rule for moderation, the audit log, feedback about the app and
 * what admins see of volunteer teams: a district admin every town, a town admin their own town, anyone
 * else no town. Records are filed under the town their author works in (townOf). Every
 * town is isolated from every other: no admin of one town reads or decides another's held content,
 * audit entries, team application notes or held events.
 */
import type { DirectorySnapshot } from './directory/directory';
import { AppError, type ErrorCode } from './errors';
import type { Caller } from './model';

/** The towns the caller oversees as an admin: null for every town (a district admin), [] for none. */
export function adminTowns(snap: DirectorySnapshot, caller: Caller): string[] | null {
  if (caller.role !== 'admin' || caller.nodeId === null) return [];
  const node = snap.grid.get(caller.nodeId);
  if (!node) return [];
  if (node.kind === 'district') return null;
  const town = snap.grid.placement(node.id).town;
  return town ? [town.id] : [];
}

/**
 * The town an admin's town-level setting applies to: a town admin's own (naming another is AUTH.FORBIDDEN),
 * or, for a district admin, the town they name — `invalid` when they name none or not a town.
 */
export function adminTownFor(snap: DirectorySnapshot, caller: Caller, townId: string | undefined, invalid: ErrorCode): string {
  const towns = adminTowns(snap, caller);
  if (towns === null) {
    if (townId === undefined || snap.grid.get(townId)?.kind !== 'town') throw new AppError(invalid, 'a district admin names the town (townId)', [{ path: 'townId', message: '请选择镇街' }]);
    return townId;
  }
  const [own] = towns;
  if (own === undefined || (townId !== undefined && townId !== own)) throw new AppError('AUTH.FORBIDDEN', 'a town admin acts for their own town only');
  return own;
}

/** Whether the caller oversees, as an admin, the place (grid node) `nodeId` belongs to. */
export function oversees(snap: DirectorySnapshot, caller: Caller, nodeId: string): boolean {
  const towns = adminTowns(snap, caller);
  if (towns === null) return caller.nodeId !== null && snap.grid.get(nodeId) !== undefined && snap.grid.isWithin(nodeId, caller.nodeId);
  const town = snap.grid.get(nodeId) ? snap.grid.placement(nodeId).town?.id : undefined;
  return town !== undefined && towns.includes(town);
}

/** The town a caller works in (their node's, an office's, a leader's team's), which their records are filed under; null above town level or for a resident. */
export function townOf(snap: DirectorySnapshot, caller: Caller): string | null {
  // A team leader works in the town of their team's village or cooperative.
  const nodeId = caller.nodeId ?? caller.leads?.nodeId ?? null;
  return nodeId === null ? null : townOfNode(snap, nodeId);
}

/** The town of a grid node or an office; null above town level or for an unknown id. */
export function townOfNode(snap: DirectorySnapshot, nodeId: string): string | null {
  const office = snap.officeById.get(nodeId);
  if (office) return office.townId;
  return snap.grid.get(nodeId) ? snap.grid.placement(nodeId).town?.id ?? null : null;
}
