import type { GridTreeNode } from '../../core/directory/grid';

/** One option of the 转派 / 派单 target Cascader; leaves carry a node id, branches a prefixed key. */
export interface TargetOption {
  text: string;
  value: string;
  children?: TargetOption[];
}

/** A pickable node with its whole path, for search and for saying what was picked. */
export interface TargetLeaf {
  id: string;
  label: string;
}

const SEP = ' / ';

/** The town node among the tree's roots, wherever it sits (under a district or at the top). */
export function findTown(roots: readonly GridTreeNode[], townId: string): GridTreeNode | null {
  for (const n of roots) {
    if (n.id === townId && n.kind === 'town') return n;
    const below = findTown(n.children, townId);
    if (below) return below;
  }
  return null;
}

/**
 * The town's villages → cooperatives → grids as Cascader options, without the node that holds the
 * concern now (`currentId`) and without branches left empty. A village is pickable itself (its first
 * option, 村居两委); a cooperative through its grids, or itself when it has none.
 */
export function targetTree(town: GridTreeNode, currentId: string | null): TargetOption[] {
  const keep = (o: TargetOption | null): o is TargetOption => o !== null && (o.children === undefined || o.children.length > 0);
  const grids = (n: GridTreeNode) => n.children.filter((g) => g.kind === 'grid' && g.id !== currentId).map((g) => ({ text: g.name, value: g.id }));
  const cooperative = (c: GridTreeNode): TargetOption | null => {
    const hasGrids = c.children.some((g) => g.kind === 'grid');
    if (!hasGrids) return c.id === currentId ? null : { text: c.name, value: c.id };
    return { text: c.name, value: `c:${c.id}`, children: grids(c) };
  };
  return town.children
    .filter((v) => v.kind === 'village')
    .map((v): TargetOption => {
      const self = v.id === currentId ? [] : [{ text: `${v.name}（村居两委）`, value: v.id }];
      const coops = v.children.filter((c) => c.kind === 'cooperative').map(cooperative).filter(keep);
      return { text: v.name, value: `v:${v.id}`, children: [...self, ...grids(v), ...coops] };
    })
    .filter(keep);
}

/** Every leaf of the options with its path, in tree order. */
export function targetLeaves(options: readonly TargetOption[], path: string[] = []): TargetLeaf[] {
  return options.flatMap((o) => (o.children ? targetLeaves(o.children, [...path, o.text]) : [{ id: o.value, label: [...path, o.text].join(SEP) }]));
}

/** Leaves whose path contains the query (spaces ignored), at most `limit`; nothing for an empty query. */
export function searchTargets(leaves: readonly TargetLeaf[], query: string, limit = 8): TargetLeaf[] {
  const q = query.replace(/\s+/g, '');
  if (q.length === 0) return [];
  return leaves.filter((l) => l.label.replace(/\s+/g, '').includes(q)).slice(0, limit);
}
