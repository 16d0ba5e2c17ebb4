/**
 * The grid edited in the app (issue 19): `node/save` renames a node or adds a village, cooperative or grid
 * under a parent of the admin's town (a district admin: a town too), with a code unique in the town;
 * `node/retire` retires one. Retiring keeps the node, its boundary and every concern filed there (they stay
 * visible and handled: inboxes match route ids, not the node), but routes nothing new: locate and routing
 * skip retired nodes, a retired node takes no child, no staff and no new code. A node with children in
 * service or people on the roster is refused (NODE.HAS_CHILDREN, NODE.HAS_STAFF): retire the children and
 * move or remove the people first, so no one is left serving a place that takes nothing. Every change is
 * guarded by the grid version it was checked against (NODE.CONFLICT) and bumps it, so every snapshot
 * and cache rebuilds.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { CHILD_KINDS } from '../directory/grid';
import type { NodeSaved } from './grid-admin-views';
import { adminScope } from '../directory/grid-service';
import type { GridNode, NodeKind } from '../model';
import type { ParsedInputOf } from '../schemas';
import { townDefaults } from '../directory/town-defaults';

const DEFAULT_CHILD: Partial<Record<NodeKind, NodeKind>> = { district: 'town', town: 'village', village: 'cooperative', cooperative: 'grid' };

export interface NodeSpec {
  id?: string;
  parentId?: string;
  kind?: NodeKind;
  name: string;
  code?: string | null;
}

/** The town a node is (or, new under `parentId`, would be) in: itself when it is a town. */
function townIdOf(snap: DirectorySnapshot, node: Pick<GridNode, 'kind' | 'parentId' | 'id'>): string | null {
  if (node.kind === 'town') return node.id;
  return node.parentId === null ? null : snap.grid.placement(node.parentId).town?.id ?? null;
}

/** Checks one node change against the snapshot and the admin's scope node; the node to store. */
export function planNode(ctx: Ctx, snap: DirectorySnapshot, scope: string, spec: NodeSpec): GridNode {
  const { grid } = snap;
  let node: GridNode;
  if (spec.id !== undefined) {
    const stored = grid.get(spec.id);
    if (!stored || stored.kind === 'district' || !grid.isWithin(stored.id, scope)) throw new AppError('NODE.NOT_FOUND', `no node ${spec.id} in your scope`);
    if (stored.retiredAt !== undefined) throw new AppError('NODE.RETIRED', `${stored.id} is retired`);
    node = { ...stored, name: spec.name };
  } else {
    const parent = spec.parentId === undefined ? undefined : grid.get(spec.parentId);
    if (!parent || !grid.isWithin(parent.id, scope)) throw new AppError('NODE.PARENT_INVALID', `no parent ${spec.parentId ?? ''} in your scope`, [{ path: 'parentId', message: '上级节点不在您管理的范围内' }]);
    if (parent.retiredAt !== undefined) throw new AppError('NODE.PARENT_INVALID', `${parent.id} is retired`, [{ path: 'parentId', message: '上级节点已撤销，不能再添加下级' }]);
    const kind = spec.kind ?? DEFAULT_CHILD[parent.kind];
    if (!kind || !CHILD_KINDS[parent.kind].includes(kind)) throw new AppError('NODE.PARENT_INVALID', `a ${String(kind)} cannot sit under a ${parent.kind}`, [{ path: 'kind', message: '这一级之下不能建这种节点' }]);
    node = { id: ctx.deps.newId('n'), kind, name: spec.name, parentId: parent.id };
  }
  const { code: _old, ...rest } = node;
  node = spec.code === undefined ? node : spec.code === null ? rest : { ...rest, code: spec.code };
  // Siblings in service have distinct names: a boundary file names a new node by its parent and name.
  const sibling = node.parentId === null ? undefined : grid.children(node.parentId).find((c) => c.id !== node.id && c.retiredAt === undefined && c.name === node.name);
  if (sibling) throw new AppError('NODE.NAME_TAKEN', `${node.parentId} already has ${node.name} (${sibling.id})`, [{ path: 'name', message: `同一上级下已有「${node.name}」` }]);
  if (node.code !== undefined) {
    // Unique in the town (towns: among the district's towns); a retired node keeps its code for its history.
    const townId = townIdOf(snap, node);
    const clash = grid.all().find((n) => n.id !== node.id && n.code === node.code && (node.kind === 'town' ? n.kind === 'town' : townIdOf(snap, n) === townId));
    if (clash) throw new AppError('NODE.CODE_TAKEN', `code ${node.code} is ${clash.id}'s`, [{ path: 'code', message: `编码 ${node.code} 已被「${clash.name}」使用` }]);
  }
  return node;
}

/** Stores a checked node (a new town with its offices and categories), guarded by the snapshot's version. */
export async function writeNode(ctx: Ctx, snap: DirectorySnapshot, node: GridNode): Promise<NodeSaved> {
  const isNew = snap.grid.get(node.id) === undefined;
  const extras = isNew && node.kind === 'town' ? townDefaults(node.id, node.name) : undefined;
  if (!(await ctx.deps.store.directory.saveNode(node, snap.version, extras))) throw new AppError('NODE.CONFLICT', 'the grid changed while the node was checked');
  const next = await ctx.directory.current();
  return { node, placeName: next.grid.placeName(node.id), gridVersion: next.version };
}

export async function save(ctx: Ctx, input: ParsedInputOf<'node/save'>): Promise<NodeSaved> {
  const snap = await ctx.directory.current();
  return writeNode(ctx, snap, planNode(ctx, snap, adminScope(ctx, snap), input));
}

export async function retire(ctx: Ctx, input: ParsedInputOf<'node/retire'>): Promise<NodeSaved> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const node = snap.grid.get(input.id);
  // An admin retires places below their own node, never the node they administer.
  if (!node || node.id === scope || !snap.grid.isWithin(node.id, scope)) throw new AppError('NODE.NOT_FOUND', `no node ${input.id} below your scope`);
  if (node.retiredAt !== undefined) throw new AppError('NODE.RETIRED', `${node.id} is retired already`);
  const active = snap.grid.children(node.id).filter((c) => c.retiredAt === undefined);
  if (active.length > 0) throw new AppError('NODE.HAS_CHILDREN', `${node.id} has children in service`, active.map((c) => ({ path: c.id, message: c.name })));
  const { directory } = ctx.deps.store;
  const places = [node.id, ...(node.kind === 'town' ? snap.offices.filter((o) => o.townId === node.id).map((o) => o.id) : [])];
  const [staff, pending] = await Promise.all([directory.listStaffAt(places), directory.listPendingStaff()]);
  const people = [...staff.map((m) => m.name), ...pending.filter((p) => places.includes(p.nodeId)).map((p) => p.name)];
  if (people.length > 0) throw new AppError('NODE.HAS_STAFF', `${people.length} people serve ${node.id}`, people.map((name) => ({ path: node.id, message: name })));
  const retiredAt = ctx.deps.now().toISOString();
  if (!(await directory.retireNode(node.id, retiredAt, snap.version))) throw new AppError('NODE.CONFLICT', 'the grid changed while the node was checked');
  const next = await ctx.directory.current();
  return { node: { ...node, retiredAt }, placeName: next.grid.placeName(node.id), gridVersion: next.version };
}
