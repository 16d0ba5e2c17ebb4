/**
 * The admin's roster (issue 19): list and search the people of the admin's town (a district admin: the
 * district), add or edit one person, remove one. Scope is the admin's node subtree (grid-service's
 * adminScope); a person serving outside it is not found. Removal takes effect at the person's next call:
 * every call resolves its caller from the stored roster (router.resolveCaller reads `findStaff`, never a
 * cache), so a removed person is a resident from then on and staff actions are AUTH.FORBIDDEN.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { routeNodesOf } from '../concerns/concern-inbox';
import { categoryKey, type DirectorySnapshot } from './directory';
import { AppError } from '../errors';
import { adminScope } from './grid-service';
import type { StaffMember } from '../model';
import type { InboxScope } from '../ports';
import { planRosterRows, staffWithin } from './roster-import';
import type { OpenConcernRef, RosterEntry, RosterRemoval, RosterView } from './roster-views';
import type { ParsedInputOf } from '../schemas';

/** Open concerns a removal lists; the workbench of the place has the rest. */
export const ROSTER_OPEN_MAX = 20;

const nameOf = (snap: DirectorySnapshot, nodeId: string) => snap.grid.get(nodeId)?.name ?? snap.officeById.get(nodeId)?.name ?? nodeId;

/** Whether `nodeId` (a grid node, or an office) lies in the admin's scope. */
function placeWithin(snap: DirectorySnapshot, role: StaffMember['role'], nodeId: string, scope: string): boolean {
  return staffWithin(snap.grid, snap.officeById, { role, nodeId }, scope);
}

function matches(query: string | undefined, ...fields: Array<string | null>): boolean {
  if (!query) return true;
  return fields.some((f) => f !== null && f.includes(query));
}

export async function list(ctx: Ctx, input: ParsedInputOf<'roster/list'>): Promise<RosterView> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const { directory } = ctx.deps.store;
  const [staff, pending, departed] = await Promise.all([directory.listStaff(), directory.listPendingStaff(), directory.listDepartedStaff()]);
  const q = input.query || undefined;
  const within = (m: { role: StaffMember['role']; nodeId: string }) => placeWithin(snap, m.role, m.nodeId, scope);
  return {
    items: staff
      .filter((m) => within(m) && matches(q, m.name, m.phone, m.openid, nameOf(snap, m.nodeId)))
      .map((m): RosterEntry => ({ ...m, nodeName: nameOf(snap, m.nodeId), self: m.openid === ctx.caller.openid })),
    pending: pending.filter((p) => within(p) && matches(q, p.name, p.phone, nameOf(snap, p.nodeId))).map((p) => ({ ...p, nodeName: nameOf(snap, p.nodeId) })),
    departed: departed
      .filter((d) => within(d) && matches(q, d.name, d.phone, nameOf(snap, d.nodeId)))
      .map((d) => ({ openid: d.openid, name: d.name, role: d.role, nodeId: d.nodeId, nodeName: nameOf(snap, d.nodeId), removedAt: d.removedAt })),
  };
}

/**
 * Adds or edits one person, with the checks of a roster file's row: by openid, or by phone (bound to the
 * first WeChat user with that phone; a phone already on the roster edits that person). An admin does not
 * change their own role or place: that would lock them out of the page they are on.
 */
export async function save(ctx: Ctx, input: ParsedInputOf<'roster/save'>): Promise<RosterView> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const roster = await ctx.deps.store.directory.listStaff();
  const row = { line: 1, openid: input.openid ?? '', phone: input.phone ?? '', name: input.name, role: input.role, node: input.nodeId };
  const checked = planRosterRows(snap.grid, snap.offices, roster, scope, [row]);
  if (!checked.ok) throw new AppError('ROSTER.INVALID', checked.problems.map((p) => p.message).join('; '), checked.problems);
  const self = checked.plan.staff.find((m) => m.openid === ctx.caller.openid);
  if (self && (self.role !== ctx.caller.role || self.nodeId !== ctx.caller.nodeId)) throw new AppError('ROSTER.SELF', 'an admin does not change their own role or place');
  if (!(await ctx.deps.store.directory.applyRosterImport(checked.plan, snap.version))) throw new AppError('IMPORT.CONFLICT', 'the grid changed while the entry was checked');
  return list(ctx, {});
}

async function openConcernsAt(ctx: Ctx, snap: DirectorySnapshot, member: StaffMember): Promise<OpenConcernRef[]> {
  const scope: InboxScope = member.role === 'office' ? { nodes: [], officeId: member.nodeId, openOnly: true } : { nodes: routeNodesOf(snap, member.nodeId), officeId: null, openOnly: true };
  const page = await ctx.deps.store.concerns.inbox(scope, { cursor: null, limit: ROSTER_OPEN_MAX });
  return page.items.map((c) => ({
    id: c.id,
    categoryName: snap.categoryByKey.get(categoryKey(c.route.townId, c.category))?.name ?? c.category,
    status: c.status,
    placeName: snap.grid.placeName(c.placeId),
    createdAt: c.createdAt,
  }));
}

/**
 * Takes one person off the roster (by openid), or drops a pending entry (by phone). Their history stays:
 * timelines and the audit log keep their name, and the store keeps a departure record. Answers the open
 * concerns of the place they served, and whether anyone else still serves it.
 */
export async function remove(ctx: Ctx, input: ParsedInputOf<'roster/remove'>): Promise<RosterRemoval> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const { directory } = ctx.deps.store;
  if (input.phone !== undefined) {
    const entry = (await directory.listPendingStaff()).find((p) => p.phone === input.phone && placeWithin(snap, p.role, p.nodeId, scope));
    if (!entry || !(await directory.removePendingStaff(entry.phone))) throw new AppError('ROSTER.NOT_FOUND', 'no pending entry with this phone in your scope');
    return { removed: { name: entry.name, nodeId: entry.nodeId, nodeName: nameOf(snap, entry.nodeId) }, openConcerns: [], othersRemain: true };
  }
  const openid = input.openid as string;
  if (openid === ctx.caller.openid) throw new AppError('ROSTER.SELF', 'an admin does not remove themself');
  const member = await directory.findStaff(openid);
  // Someone serving outside the admin's scope is not found, as if not on the roster.
  if (!member || !placeWithin(snap, member.role, member.nodeId, scope)) throw new AppError('ROSTER.NOT_FOUND', 'nobody with this openid on your roster');
  const removed = await directory.removeStaff(openid, { id: ctx.deps.newId('sd'), removedAt: ctx.deps.now().toISOString(), removedBy: ctx.caller.openid });
  if (!removed) throw new AppError('ROSTER.NOT_FOUND', 'removed by someone else meanwhile');
  const [openConcerns, others] = await Promise.all([openConcernsAt(ctx, snap, removed), directory.listStaffAt([removed.nodeId])]);
  return { removed: { name: removed.name, nodeId: removed.nodeId, nodeName: nameOf(snap, removed.nodeId) }, openConcerns, othersRemain: others.length > 0 };
}
