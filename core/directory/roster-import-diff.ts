/**
 * What a checked roster file changes (issue 19, item 1): who is added, whose entry changes, and — only
 * when the file is marked as the whole roster (完整名单) — who is taken off because the file does not
 * list them. Pure: the preview shows it, and the import applies exactly this against the roster it read.
 * The admin who imports is never taken off by their own file (roster/remove refuses that too).
 */
import type { GridIndex } from './grid';
import type { Office, StaffMember } from '../model';
import { staffWithin, type PendingStaff, type RosterImportPlan } from './roster-import';

/** One person in a preview: as the file has them, and for a change, as the roster had them. */
export interface RosterChange {
  openid: string | null;
  phone: string | null;
  name: string;
  role: StaffMember['role'];
  nodeId: string;
  /** Waiting to be bound to a WeChat user by phone. */
  pending: boolean;
  before?: { name: string; role: StaffMember['role']; nodeId: string; phone: string | null };
}

export interface RosterDiff {
  added: RosterChange[];
  changed: RosterChange[];
  removed: RosterChange[];
  /** The removals to apply: openids on the roster, phones of pending entries. */
  removeStaff: string[];
  removePending: string[];
}

const sameStaff = (a: StaffMember, b: StaffMember) => a.name === b.name && a.role === b.role && a.nodeId === b.nodeId && a.phone === b.phone;
const samePending = (a: PendingStaff, b: PendingStaff) => a.name === b.name && a.role === b.role && a.nodeId === b.nodeId;

export function diffRosterImport(
  grid: GridIndex,
  offices: readonly Office[],
  roster: readonly StaffMember[],
  pending: readonly PendingStaff[],
  scopeNodeId: string,
  callerOpenid: string,
  plan: RosterImportPlan,
  whole: boolean,
): RosterDiff {
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const byOpenid = new Map(roster.map((m) => [m.openid, m]));
  const pendingByPhone = new Map(pending.map((p) => [p.phone, p]));
  const diff: RosterDiff = { added: [], changed: [], removed: [], removeStaff: [], removePending: [] };
  const view = (m: StaffMember | PendingStaff, isPending: boolean): RosterChange => ({
    openid: 'openid' in m ? m.openid : null,
    phone: m.phone,
    name: m.name,
    role: m.role,
    nodeId: m.nodeId,
    pending: isPending,
  });

  for (const m of plan.staff) {
    const was = byOpenid.get(m.openid);
    if (!was) diff.added.push(view(m, false));
    else if (!sameStaff(was, m)) diff.changed.push({ ...view(m, false), before: { name: was.name, role: was.role, nodeId: was.nodeId, phone: was.phone } });
  }
  for (const p of plan.pending) {
    const was = pendingByPhone.get(p.phone);
    if (!was) diff.added.push(view(p, true));
    else if (!samePending(was, p)) diff.changed.push({ ...view(p, true), before: { name: was.name, role: was.role, nodeId: was.nodeId, phone: was.phone } });
  }
  if (!whole) return diff;

  const listedOpenids = new Set(plan.staff.map((m) => m.openid));
  const listedPhones = new Set([...plan.pending.map((p) => p.phone), ...plan.staff.map((m) => m.phone).filter((p): p is string => p !== null)]);
  for (const m of roster) {
    if (m.openid === callerOpenid || listedOpenids.has(m.openid) || !staffWithin(grid, officeById, m, scopeNodeId)) continue;
    diff.removed.push(view(m, false));
    diff.removeStaff.push(m.openid);
  }
  for (const p of pending) {
    if (listedPhones.has(p.phone) || !staffWithin(grid, officeById, p, scopeNodeId)) continue;
    diff.removed.push(view(p, true));
    diff.removePending.push(p.phone);
  }
  return diff;
}
