/**
 * Checks a GeoJSON FeatureCollection of grid boundaries against the current grid and turns it into a
 * plan the store applies in one transaction. Pure: nothing here writes. A file with any problem yields
 * the whole list of problems, feature by feature, and no plan.
 *
 * Each feature names its node in `properties`: `id` of an existing node, or `parentId` + `name` (an
 * existing child of that name, or a new node; `kind` is inferred from the parent unless given; a new
 * node may also carry its own `id` so that other features can name it as their parent).
 * Applying the plan replaces every boundary inside the admin's scope by the file's; nodes are never
 * deleted (concerns refer to them).
 */
import { CHILD_KINDS, GridIndex } from './grid';
import { geometryContains, geometryProblems, normalizeGeometry, polygonsOf, type BoundaryGeometry } from './geo';
import type { Boundary } from './locate';
import type { GridNode, NodeKind } from './model';

export const IMPORT_LIMITS = { features: 20000, nameMax: 32 } as const;

/** One problem of an import file: `line` is the 1-based feature (GeoJSON) or line (CSV) number, 0 for the file. */
export interface ImportProblem {
  line: number;
  ref: string | null;
  message: string;
}

export interface BoundaryImportPlan {
  /** The node the admin administers; every boundary in its subtree is replaced. */
  scopeNodeId: string;
  /** Nodes to create, parents before children. */
  newNodes: GridNode[];
  boundaries: Boundary[];
}

export type ImportResult<P> = { ok: true; plan: P } | { ok: false; problems: ImportProblem[] };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const DEFAULT_CHILD: Partial<Record<NodeKind, NodeKind>> = { district: 'town', town: 'village', village: 'cooperative', cooperative: 'grid' };

interface Resolved {
  line: number;
  node: GridNode;
  isNew: boolean;
  geometry: BoundaryGeometry;
}

export function planBoundaryImport(
  grid: GridIndex,
  current: readonly Boundary[],
  scopeNodeId: string,
  file: unknown,
  newId: () => string,
): ImportResult<BoundaryImportPlan> {
  const problems: ImportProblem[] = [];
  const fail = (line: number, ref: string | null, message: string) => problems.push({ line, ref, message });
  const fc = file as { type?: unknown; features?: unknown } | null;
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { ok: false, problems: [{ line: 0, ref: null, message: '文件必须是 GeoJSON FeatureCollection（含 features 数组）' }] };
  }
  const features = fc.features as unknown[];
  if (features.length === 0) return { ok: false, problems: [{ line: 0, ref: null, message: '文件中没有任何要素（feature）' }] };
  if (features.length > IMPORT_LIMITS.features) {
    return { ok: false, problems: [{ line: 0, ref: null, message: `一次最多导入 ${IMPORT_LIMITS.features} 个要素` }] };
  }

  const inScope = (id: string) => grid.isWithin(id, scopeNodeId);
  // First pass: ids of new nodes declared in the file, so features may name them as parents in any order.
  const declared = new Map<string, { line: number; parentId: unknown; name: unknown; kind: unknown }>();
  features.forEach((f, i) => {
    const p = (f as { properties?: Record<string, unknown> } | null)?.properties;
    if (p && typeof p.id === 'string' && ID.test(p.id) && !grid.get(p.id) && !declared.has(p.id)) {
      declared.set(p.id, { line: i + 1, parentId: p.parentId, name: p.name, kind: p.kind });
    }
  });
  const kindOfDeclared = (id: string, seen = new Set<string>()): NodeKind | null => {
    const existing = grid.get(id);
    if (existing) return existing.kind;
    const d = declared.get(id);
    if (!d || seen.has(id) || typeof d.parentId !== 'string') return null;
    seen.add(id);
    if (typeof d.kind === 'string') return d.kind as NodeKind;
    const pk = kindOfDeclared(d.parentId, seen);
    return pk ? DEFAULT_CHILD[pk] ?? null : null;
  };

  const resolved: Resolved[] = [];
  const seenNodes = new Map<string, number>();
  const newNames = new Map<string, string>(); // `${parentId}/${name}` → new id, so two features cannot create the same place
  features.forEach((f, i) => {
    const line = i + 1;
    const feat = f as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    if (!feat || typeof feat !== 'object' || feat.type !== 'Feature') return fail(line, null, '不是 GeoJSON Feature');
    const props = (feat.properties && typeof feat.properties === 'object' ? feat.properties : {}) as Record<string, unknown>;
    const ref = typeof props.id === 'string' ? props.id : typeof props.name === 'string' ? props.name : null;
    const geomProblems = geometryProblems(feat.geometry);
    for (const m of geomProblems) fail(line, ref, m);

    let node: GridNode | null = null;
    let isNew = false;
    const name = typeof props.name === 'string' ? props.name.trim() : null;
    const parentId = typeof props.parentId === 'string' ? props.parentId : null;
    if (props.id !== undefined && (typeof props.id !== 'string' || !ID.test(props.id))) return fail(line, ref, 'id 只能由 1–64 位字母、数字、_ 或 - 组成');
    if (props.kind !== undefined && !(typeof props.kind === 'string' && props.kind in CHILD_KINDS)) return fail(line, ref, `kind 无效：${String(props.kind)}`);
    const existing = typeof props.id === 'string' ? grid.get(props.id) : undefined;
    if (existing) {
      if (parentId !== null && parentId !== existing.parentId) return fail(line, ref, `节点 ${existing.id} 的上级是 ${existing.parentId}，不能在导入中改为 ${parentId}`);
      if (name !== null && name !== existing.name) return fail(line, ref, `节点 ${existing.id} 名为「${existing.name}」，与文件中的「${name}」不符`);
      node = existing;
    } else {
      if (parentId === null || !name) {
        return fail(line, ref, typeof props.id === 'string' ? `没有 id 为 ${props.id} 的节点；新建节点需同时给出 parentId 和 name` : '要素需给出 id，或同时给出 parentId 和 name');
      }
      if ([...name].length > IMPORT_LIMITS.nameMax) return fail(line, ref, `名称不能超过 ${IMPORT_LIMITS.nameMax} 字`);
      const parentKind = kindOfDeclared(parentId);
      if (parentKind === null) return fail(line, ref, `上级节点 ${parentId} 不存在`);
      if (grid.get(parentId) && !inScope(parentId)) return fail(line, ref, `上级节点 ${parentId} 不在您管理的范围内`);
      const byName = grid.children(parentId).find((c) => c.name === name);
      if (byName && typeof props.id !== 'string') {
        node = byName;
      } else if (byName) {
        return fail(line, ref, `${parentId} 下已有名为「${name}」的节点 ${byName.id}`);
      } else {
        const kind = (typeof props.kind === 'string' ? props.kind : DEFAULT_CHILD[parentKind]) as NodeKind | undefined;
        if (!kind || !CHILD_KINDS[parentKind].includes(kind)) return fail(line, ref, `${parentKind} 之下不能建 ${String(kind)}`);
        const key = `${parentId}/${name}`;
        if (newNames.has(key)) return fail(line, ref, `「${name}」在文件中重复`);
        const id = typeof props.id === 'string' ? props.id : newId();
        newNames.set(key, id);
        node = { id, kind, name, parentId };
        isNew = true;
      }
    }
    if (!isNew && !inScope(node.id)) return fail(line, ref, `节点 ${node.id} 不在您管理的范围内`);
    const prior = seenNodes.get(node.id);
    if (prior !== undefined) return fail(line, ref, `与第 ${prior} 个要素是同一节点（${node.id}）`);
    seenNodes.set(node.id, line);
    if (geomProblems.length === 0) resolved.push({ line, node, isNew, geometry: normalizeGeometry(feat.geometry as BoundaryGeometry) });
  });
  if (problems.length > 0) return { ok: false, problems };

  // The resulting tree must be valid as a whole (e.g. a parent declared by a feature that failed).
  const newNodes = orderParentsFirst(resolved.filter((r) => r.isNew).map((r) => r.node));
  let next: GridIndex;
  try {
    next = new GridIndex([...grid.all(), ...newNodes]);
  } catch (e) {
    return { ok: false, problems: [{ line: 0, ref: null, message: `导入后的网格结构无效：${e instanceof Error ? e.message : String(e)}` }] };
  }

  // Nesting: each boundary lies within the nearest ancestor that has one (every vertex inside or on it).
  const result = new Map<string, BoundaryGeometry>();
  for (const b of current) if (!next.isWithin(b.nodeId, scopeNodeId)) result.set(b.nodeId, b.geometry);
  for (const r of resolved) result.set(r.node.id, r.geometry);
  for (const r of resolved) {
    const ancestor = next.lineage(r.node.id).slice(1).find((a) => result.has(a.id));
    if (!ancestor) continue;
    const outer = result.get(ancestor.id)!;
    const outside = polygonsOf(r.geometry)
      .flatMap((poly) => poly[0])
      .find(([lng, lat]) => !geometryContains(outer, lng, lat));
    if (outside) fail(r.line, r.node.id, `边界超出上级「${ancestor.name}」的边界（如坐标 [${outside[0]}, ${outside[1]}]）`);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { scopeNodeId, newNodes, boundaries: resolved.map((r) => ({ nodeId: r.node.id, geometry: r.geometry })) } };
}

function orderParentsFirst(nodes: GridNode[]): GridNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const out: GridNode[] = [];
  const placed = new Set<string>();
  const place = (n: GridNode, guard: number) => {
    if (placed.has(n.id) || guard > nodes.length) return;
    if (n.parentId !== null && ids.has(n.parentId) && !placed.has(n.parentId)) {
      const parent = nodes.find((p) => p.id === n.parentId)!;
      place(parent, guard + 1);
    }
    placed.add(n.id);
    out.push(n);
  };
  for (const n of nodes) place(n, 0);
  return out;
}
