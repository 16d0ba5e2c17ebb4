/**
 * The district's towns (issue 19, item 4): a district admin — an admin whose roster node is the district —
 * lists the towns, creates or renames one (a new town starts with the default town offices and
 * categories, townDefaults) and appoints or removes each town's admins, found by phone. A town admin sees
 * their own town in `town/list` and may do neither. A town admin is an ordinary roster entry (role
 * `admin`, node the town): appointing one is a roster row checked like roster/save's (pending by phone
 * until that person's next call), removing one is roster/remove's (their next call is a resident's).
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { NodeSaved, TownEntry } from './grid-admin-views';
import { planNode, writeNode } from './grid-admin-service';
import type { GridNode } from '../model';
import { planRosterRows } from '../directory/roster-import';
import type { ParsedInputOf } from '../schemas';
import { adminTowns } from '../scope';

/** The district a district admin administers; anyone else is refused. */
function districtOf(ctx: Ctx, snap: DirectorySnapshot): GridNode {
  const node = ctx.caller.role === 'admin' && ctx.caller.nodeId !== null ? snap.grid.get(ctx.caller.nodeId) : undefined;
  if (!node || node.kind !== 'district') throw new AppError('AUTH.FORBIDDEN', 'towns are managed by the district admin');
  return node;
}

/** A town of the caller's district, in service. */
function townOfDistrict(snap: DirectorySnapshot, district: GridNode, townId: string): GridNode {
  const town = snap.grid.get(townId);
  if (!town || town.kind !== 'town' || town.parentId !== district.id || town.retiredAt !== undefined) throw new AppError('TOWN.NOT_FOUND', `no town ${townId} in service in your district`);
  return town;
}

async function entries(ctx: Ctx, snap: DirectorySnapshot, towns: GridNode[]): Promise<TownEntry[]> {
  const { directory } = ctx.deps.store;
  const ids = towns.map((t) => t.id);
  const [staff, pending] = await Promise.all([directory.listStaffAt(ids), directory.listPendingStaff()]);
  return towns.map((t) => ({
    id: t.id,
    name: t.name,
    code: t.code ?? null,
    retiredAt: t.retiredAt ?? null,
    villages: snap.grid.children(t.id).filter((v) => v.retiredAt === undefined).length,
    hasBoundary: snap.where.boundary(t.id) !== null,
    admins: [
      ...staff.filter((m) => m.nodeId === t.id && m.role === 'admin').map((m) => ({ openid: m.openid, name: m.name, phone: m.phone, pending: false })),
      ...pending.filter((p) => p.nodeId === t.id && p.role === 'admin').map((p) => ({ openid: null, name: p.name, phone: p.phone, pending: true })),
    ],
  }));
}

export async function list(ctx: Ctx): Promise<{ items: TownEntry[] }> {
  const snap = await ctx.directory.current();
  const mine = adminTowns(snap, ctx.caller);
  const towns = mine === null ? snap.grid.children(ctx.caller.nodeId as string).filter((n) => n.kind === 'town') : mine.map((id) => snap.grid.get(id)!).filter(Boolean);
  return { items: await entries(ctx, snap, towns) };
}

export async function save(ctx: Ctx, input: ParsedInputOf<'town/save'>): Promise<NodeSaved> {
  const snap = await ctx.directory.current();
  const district = districtOf(ctx, snap);
  if (input.id !== undefined) townOfDistrict(snap, district, input.id);
  const spec = input.id !== undefined ? { id: input.id, name: input.name, code: input.code } : { parentId: district.id, kind: 'town' as const, name: input.name, code: input.code };
  return writeNode(ctx, snap, planNode(ctx, snap, district.id, spec));
}

/**
 * The town's admins become exactly `admins`, matched by phone: a phone not yet among them is appointed
 * (checked as a roster row; a person already on the roster elsewhere moves to the town), an admin of the
 * town whose phone is not listed is taken off the roster (a departure record keeps who they were).
 */
export async function saveAdmins(ctx: Ctx, input: ParsedInputOf<'town/saveAdmins'>): Promise<TownEntry> {
  const snap = await ctx.directory.current();
  const district = districtOf(ctx, snap);
  const town = townOfDistrict(snap, district, input.townId);
  const { directory } = ctx.deps.store;
  const [roster, pending] = await Promise.all([directory.listStaff(), directory.listPendingStaff()]);
  const wanted = new Map(input.admins.map((a) => [a.phone, a.name]));
  if (wanted.size !== input.admins.length) throw new AppError('TOWN.ADMIN_INVALID', 'a phone is listed twice', [{ path: 'admins', message: '同一手机号重复' }]);
  const current = roster.filter((m) => m.nodeId === town.id && m.role === 'admin');
  const currentPending = pending.filter((p) => p.nodeId === town.id && p.role === 'admin');
  const held = new Set([...current.map((m) => m.phone), ...currentPending.map((p) => p.phone)]);
  const rows = input.admins.filter((a) => !held.has(a.phone)).map((a, i) => ({ line: i + 1, openid: '', phone: a.phone, name: a.name, role: 'admin', node: town.id }));
  const checked = planRosterRows(snap.grid, snap.offices, roster, district.id, rows);
  if (!checked.ok) throw new AppError('TOWN.ADMIN_INVALID', checked.problems.map((p) => p.message).join('; '), checked.problems);
  if (checked.plan.staff.some((m) => m.openid === ctx.caller.openid)) throw new AppError('TOWN.ADMIN_INVALID', 'the district admin does not appoint themself', [{ path: 'admins', message: '不能把自己任命为镇街管理员' }]);
  if (rows.length > 0 && !(await directory.applyRosterImport(checked.plan, snap.version))) throw new AppError('NODE.CONFLICT', 'the grid changed while the admins were checked');
  const removedAt = ctx.deps.now().toISOString();
  for (const m of current.filter((m) => m.phone === null || !wanted.has(m.phone))) {
    await directory.removeStaff(m.openid, { id: ctx.deps.newId('sd'), removedAt, removedBy: ctx.caller.openid });
  }
  for (const p of currentPending.filter((p) => !wanted.has(p.phone))) await directory.removePendingStaff(p.phone);
  const [entry] = await entries(ctx, snap, [town]);
  return entry;
}
