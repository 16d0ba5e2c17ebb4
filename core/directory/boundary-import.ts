/**
 * Checks a GeoJSON FeatureCollection of grid boundaries against the current grid and turns it into a
 * plan the store applies in one transaction. Pure: nothing here writes. A file with any problem yields
 * the whole list of problems, feature by feature, and no plan.
 *
 * Each feature names its node in `properties`: `id` of an existing node, or `parentId` + `name` (an
 * existing child of that name, or a new node; `kind` is inferred from the parent unless given). A new
 * node's id is always made by the server: an `id` the file gives a new node is only a reference that
 * other features of the same file may name as their `parentId` (the plan says which id it became).
 * Applying the plan replaces every boundary inside the admin's scope by the file's; nodes are never
 * deleted (concerns refer to them).
 *
 * Boundaries of the result must be simple (no ring crosses or touches itself or another ring), nest in
 * their nearest ancestor's, never overlap a boundary of another town (touching along a border is fine),
 * and overlap an unrelated place of the same town by at most SAME_TOWN_OVERLAP of the smaller one. So an
 * import of one town never changes where a point of another town goes.
 */
import { CHILD_KINDS, GridIndex } from './grid';
import { bboxOf, geometryContains, geometryProblems, normalizeGeometry, polygonsOf, type BoundaryGeometry, type Position } from './geo';
import { geometriesOverlap, overlappingParts, overlapShare, selfIntersection } from './geo-overlap';
import type { Boundary } from './locate';
import type { GridNode, NodeKind } from '../model';
import { PackedRTree } from './spatial-index';

/**
 * `features`: what one import applies within the concern function's 60 s on CloudBase (each new place is a
 * node and a boundary, ~2 requests; 1,000 take ~44 s simulated at 10–30 ms a request,
 * server/cloudbase-import-limits.test.ts). A larger area is imported in several files.
 */
export const IMPORT_LIMITS = { features: 1000, nameMax: 32 } as const;
/** How much two unrelated places of one town may overlap: a share of the smaller one's area (slivers of separate digitising). */
export const SAME_TOWN_OVERLAP = 0.01;
const OVERLAPS_REPORTED = 3;

/** One problem of an import file: `line` is the 1-based feature (GeoJSON) or line (CSV) number, 0 for the file. */
export interface ImportProblem {
  line: number;
  ref: string | null;
  message: string;
}

export interface BoundaryImportPlan {
  /** The node the admin administers; every boundary in its subtree is replaced. */
  scopeNodeId: string;
  /** Nodes to create, parents before children, with ids made by the server. */
  newNodes: GridNode[];
  boundaries: Boundary[];
}

/** A checked import: the plan for the store, and which feature created which node (`ref`: the id the file gave it, if any). */
export interface CheckedBoundaryImport extends BoundaryImportPlan {
  created: Array<{ line: number; ref: string | null; id: string; name: string }>;
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
): ImportResult<CheckedBoundaryImport> {
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
  // Each gets its server-made id now; the file's id is only a reference to it.
  const declared = new Map<string, { line: number; parentId: unknown; name: unknown; kind: unknown; id: string }>();
  features.forEach((f, i) => {
    const p = (f as { properties?: Record<string, unknown> } | null)?.properties;
    if (p && typeof p.id === 'string' && ID.test(p.id) && !grid.get(p.id) && !declared.has(p.id)) {
      declared.set(p.id, { line: i + 1, parentId: p.parentId, name: p.name, kind: p.kind, id: newId() });
    }
  });
  /** The node id a file reference stands for: an existing node's id, or the id made for a declared new node. */
  const idOf = (ref: string): string => (grid.get(ref) ? ref : declared.get(ref)?.id ?? ref);
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
  const created: CheckedBoundaryImport['created'] = [];
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
    const crossed = geomProblems.length === 0 ? polygonsOf(feat.geometry as BoundaryGeometry).map(selfIntersection).find((at) => at !== null) : undefined;
    if (crossed) fail(line, ref, `边界自相交或环与环相接（如坐标 ${where(crossed)}）`);
    const folded = geomProblems.length === 0 && !crossed ? overlappingParts(feat.geometry as BoundaryGeometry) : null;
    if (folded) fail(line, ref, `多块边界的第${folded.i + 1}块与第${folded.j + 1}块重叠（如坐标 ${where(folded.at)}），重叠的部分只能画一次`);
    const usable = geomProblems.length === 0 && !crossed && !folded;

    let node: GridNode | null = null;
    let isNew = false;
    const name = typeof props.name === 'string' ? props.name.trim() : null;
    const parentRef = typeof props.parentId === 'string' ? props.parentId : null;
    const parentId = parentRef === null ? null : idOf(parentRef);
    if (props.id !== undefined && (typeof props.id !== 'string' || !ID.test(props.id))) return fail(line, ref, 'id 只能由 1–64 位字母、数字、_ 或 - 组成');
    if (props.kind !== undefined && !(typeof props.kind === 'string' && props.kind in CHILD_KINDS)) return fail(line, ref, `kind 无效：${props.kind as string}`);
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
      const parentKind = kindOfDeclared(parentRef!);
      if (parentKind === null) return fail(line, ref, `上级节点 ${parentRef} 不存在`);
      if (grid.get(parentId) && !inScope(parentId)) return fail(line, ref, `上级节点 ${parentId} 不在您管理的范围内`);
      if (grid.get(parentId)?.retiredAt !== undefined) return fail(line, ref, `上级节点 ${parentId} 已撤销，不能再添加下级`);
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
        const fileRef = typeof props.id === 'string' ? props.id : null;
        const id = fileRef !== null ? declared.get(fileRef)!.id : newId();
        newNames.set(key, id);
        node = { id, kind, name, parentId };
        isNew = true;
        created.push({ line, ref: fileRef, id, name });
      }
    }
    if (!isNew && !inScope(node.id)) return fail(line, ref, `节点 ${node.id} 不在您管理的范围内`);
    const prior = seenNodes.get(node.id);
    if (prior !== undefined) return fail(line, ref, `与第 ${prior} 个要素是同一节点（${node.id}）`);
    seenNodes.set(node.id, line);
    if (usable) resolved.push({ line, node, isNew, geometry: normalizeGeometry(feat.geometry as BoundaryGeometry) });
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
  for (const p of overlapProblems(next, result, resolved)) problems.push(p);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan: { scopeNodeId, newNodes, created, boundaries: resolved.map((r) => ({ nodeId: r.node.id, geometry: r.geometry })) } };
}

const where = ([lng, lat]: Position) => `[${+lng.toFixed(6)}, ${+lat.toFixed(6)}]`;

/**
 * Overlaps of the file's boundaries with every other boundary of the result (the file's and those kept):
 * none at all with another town's places, at most SAME_TOWN_OVERLAP with an unrelated place of the same
 * town; a place and its own ancestors or descendants are the nesting rule's business. Each pair is
 * reported once, on the later feature of the file.
 */
function overlapProblems(next: GridIndex, result: Map<string, BoundaryGeometry>, resolved: readonly Resolved[]): ImportProblem[] {
  const entries = [...result].filter(([id]) => next.get(id)?.kind !== 'district');
  const tree = new PackedRTree(entries.map(([, g]) => bboxOf(g)));
  const lineOf = new Map(resolved.map((r) => [r.node.id, r.line]));
  const townOf = (id: string) => next.placement(id).town;
  const out: ImportProblem[] = [];
  for (const r of resolved) {
    if (r.node.kind === 'district') continue;
    let reported = 0;
    const hits: number[] = [];
    tree.searchBox(bboxOf(r.geometry), (i) => hits.push(i));
    for (const i of hits.sort((a, b) => a - b)) {
      if (reported >= OVERLAPS_REPORTED) break;
      const [otherId, other] = entries[i];
      const otherLine = lineOf.get(otherId);
      if (otherId === r.node.id || (otherLine !== undefined && otherLine > r.line)) continue;
      if (next.isWithin(otherId, r.node.id) || next.isWithin(r.node.id, otherId)) continue;
      const at = geometriesOverlap(r.geometry, other);
      if (!at) continue;
      const mine = townOf(r.node.id);
      const theirs = townOf(otherId);
      const name = next.get(otherId)!.name;
      const origin = otherLine !== undefined ? `第 ${otherLine} 个要素` : '现有边界';
      if (mine?.id !== theirs?.id) {
        out.push({ line: r.line, ref: r.node.id, message: `与${theirs?.name ?? '其他镇'}的「${name}」（${otherId}，${origin}）重叠（如坐标 ${where(at)}）；不同镇的边界只能相接，不能重叠` });
        reported++;
      } else if (overlapShare(r.geometry, other) > SAME_TOWN_OVERLAP) {
        out.push({ line: r.line, ref: r.node.id, message: `与「${name}」（${otherId}，${origin}）重叠超过较小者面积的 ${SAME_TOWN_OVERLAP * 100}%（如坐标 ${where(at)}）` });
        reported++;
      }
    }
  }
  return out;
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
