/**
 * The grid editor's tree as rows (issue 19): the admin's node and everything under it, depth-first in tree
 * order, each with its depth for indenting and its retirement. Pure, so the node tests cover it.
 */
import type { GridTreeNode } from '../../core/directory/grid';
import type { NodeKind } from '../../core/model';

export interface TreeRow {
  id: string;
  kind: NodeKind;
  name: string;
  code: string | null;
  depth: number;
  retired: boolean;
  hasBoundary: boolean;
}

export const KIND_TEXT: Readonly<Record<NodeKind, string>> = { district: '区', town: '镇街', village: '村（社区）', cooperative: '经济社', grid: '网格' };

/** What may be added under a node of each kind (the first is the default). */
export const CHILD_KIND_CHOICES: Readonly<Record<NodeKind, ReadonlyArray<{ kind: NodeKind; text: string }>>> = {
  district: [{ kind: 'town', text: '镇街' }],
  town: [{ kind: 'village', text: '村（社区）' }],
  village: [
    { kind: 'cooperative', text: '经济社' },
    { kind: 'grid', text: '网格' },
  ],
  cooperative: [{ kind: 'grid', text: '网格' }],
  grid: [],
};

export function flattenTree(tree: readonly GridTreeNode[], rootId: string | null): TreeRow[] {
  const out: TreeRow[] = [];
  const walk = (nodes: readonly GridTreeNode[], depth: number, inside: boolean) => {
    for (const n of nodes) {
      const here = inside || n.id === rootId;
      if (here) out.push({ id: n.id, kind: n.kind, name: n.name, code: n.code ?? null, depth, retired: n.retiredAt !== undefined, hasBoundary: n.boundary !== null });
      walk(n.children, here ? depth + 1 : depth, here);
    }
  };
  walk(tree, 0, rootId === null);
  return out;
}
