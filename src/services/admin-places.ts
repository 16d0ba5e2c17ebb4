/**
 * The places an admin picks from on the admin pages (issue 19): the nodes of the grid tree under the
 * admin's own node, each labelled with its path, in tree order. Pure, so the node tests cover it.
 */
import type { GridTreeNode } from '../../core/directory/grid';
import type { NodeKind } from '../../core/model';

export interface PlaceChoice {
  id: string;
  kind: NodeKind;
  /** e.g. `新安社区 · 新安第二经济社`: the path below the admin's node. */
  label: string;
}

export function placesUnder(tree: readonly GridTreeNode[], rootId: string | null, kinds: readonly NodeKind[]): PlaceChoice[] {
  const out: PlaceChoice[] = [];
  const walk = (nodes: readonly GridTreeNode[], path: string[], inside: boolean) => {
    for (const n of nodes) {
      const here = inside || n.id === rootId;
      const label = here && n.id !== rootId ? [...path, n.name] : [];
      if (here && kinds.includes(n.kind)) out.push({ id: n.id, kind: n.kind, label: (label.length > 0 ? label : [n.name]).join(' · ') });
      walk(n.children, label, here);
    }
  };
  walk(tree, [], rootId === null);
  return out;
}
