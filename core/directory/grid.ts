import type { BoundaryGeometry } from './geo';
import type { GridNode, NodeKind } from '../model';

/** Where a node sits in the three-level grid: its own town, village, cooperative and grid, where they exist. */
export interface Placement {
  district: GridNode | null;
  town: GridNode | null;
  village: GridNode | null;
  cooperative: GridNode | null;
  grid: GridNode | null;
}

/** Kinds a child may have, per parent kind. The tree is validated against it when it is built. */
export const CHILD_KINDS: Readonly<Record<NodeKind, readonly NodeKind[]>> = {
  district: ['town'],
  town: ['village'],
  village: ['cooperative', 'grid'],
  cooperative: ['grid'],
  grid: [],
};

export interface GridTreeNode extends GridNode {
  /** The node's boundary as a GeoJSON geometry (WGS-84), or null when none is loaded. */
  boundary: BoundaryGeometry | null;
  children: GridTreeNode[];
}

/**
 * An immutable, indexed view of the grid built once per grid version. Lookups are O(1) by id and
 * O(depth) for ancestry, so routing stays cheap whatever the number of nodes.
 */
export class GridIndex {
  private readonly byId = new Map<string, GridNode>();
  private readonly childrenOf = new Map<string, GridNode[]>();

  constructor(nodes: readonly GridNode[]) {
    for (const n of nodes) {
      if (this.byId.has(n.id)) throw new Error(`duplicate grid node id ${n.id}`);
      this.byId.set(n.id, n);
    }
    for (const n of nodes) {
      if (n.parentId === null) {
        if (n.kind !== 'district' && n.kind !== 'town') throw new Error(`root node ${n.id} must be a district or town`);
        continue;
      }
      const parent = this.byId.get(n.parentId);
      if (!parent) throw new Error(`node ${n.id} names missing parent ${n.parentId}`);
      if (!CHILD_KINDS[parent.kind].includes(n.kind)) {
        throw new Error(`a ${n.kind} (${n.id}) cannot sit under a ${parent.kind} (${parent.id})`);
      }
      const list = this.childrenOf.get(n.parentId) ?? [];
      list.push(n);
      this.childrenOf.set(n.parentId, list);
    }
    // Deterministic order: by id, so routing picks the same child on every run.
    for (const list of this.childrenOf.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get(id: string): GridNode | undefined {
    return this.byId.get(id);
  }

  children(id: string): GridNode[] {
    return this.childrenOf.get(id) ?? [];
  }

  /** The node and every ancestor, nearest first. */
  lineage(id: string): GridNode[] {
    const out: GridNode[] = [];
    let cur = this.byId.get(id);
    while (cur) {
      out.push(cur);
      cur = cur.parentId === null ? undefined : this.byId.get(cur.parentId);
    }
    return out;
  }

  /**
   * A place as people name it: its town, village and cooperative (never the district or a grid), from
   * the top, e.g. `丹灶镇 · 西城社区 · 大果经济社`.
   */
  placeName(id: string, separator = ' · '): string {
    return this.lineage(id)
      .filter((n) => n.kind !== 'district' && n.kind !== 'grid')
      .reverse()
      .map((n) => n.name)
      .join(separator);
  }

  /** True when `ancestorId` is `id` itself or one of its ancestors. */
  isWithin(id: string, ancestorId: string): boolean {
    return this.lineage(id).some((n) => n.id === ancestorId);
  }

  placement(id: string): Placement {
    const p: Placement = { district: null, town: null, village: null, cooperative: null, grid: null };
    for (const n of this.lineage(id)) p[n.kind] = n;
    return p;
  }

  /**
   * The tree as nested nodes, roots first, children ordered by id, each with its boundary if known.
   * Retired nodes (and so their subtrees) are left out unless `withRetired`.
   */
  tree(boundaryOf: (id: string) => BoundaryGeometry | null = () => null, withRetired = true): GridTreeNode[] {
    const keep = (n: GridNode) => withRetired || n.retiredAt === undefined;
    const build = (n: GridNode): GridTreeNode => ({ ...n, boundary: boundaryOf(n.id), children: this.children(n.id).filter(keep).map(build) });
    return [...this.byId.values()].filter((n) => n.parentId === null && keep(n)).map(build);
  }

  /** The node itself, or its nearest ancestor that is not retired: where something new about it goes. */
  active(id: string): GridNode | undefined {
    return this.lineage(id).find((n) => n.retiredAt === undefined);
  }

  /** Every node, in insertion order. */
  all(): GridNode[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}
