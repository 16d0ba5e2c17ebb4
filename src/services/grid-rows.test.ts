import type { GridTreeNode } from '../../core/directory/grid';
import { flattenTree } from './grid-rows';

const node = (id: string, kind: GridTreeNode['kind'], children: GridTreeNode[] = [], extra: Partial<GridTreeNode> = {}): GridTreeNode => ({ id, kind, name: id, parentId: null, boundary: null, children, ...extra });

describe('the grid editor rows', () => {
  const tree = [node('d', 'district', [node('t1', 'town', [node('v1', 'village', [node('c1', 'cooperative', [], { retiredAt: '2026-01-01T00:00:00.000Z', code: 'C1' })])]), node('t2', 'town')])];

  it('lists the admin node and its subtree depth-first, indented, retirement and code kept', () => {
    expect(flattenTree(tree, 't1').map((r) => [r.id, r.depth, r.retired, r.code])).toEqual([
      ['t1', 0, false, null],
      ['v1', 1, false, null],
      ['c1', 2, true, 'C1'],
    ]);
  });

  it('lists every node for a district admin', () => {
    expect(flattenTree(tree, 'd').map((r) => r.id)).toEqual(['d', 't1', 'v1', 'c1', 't2']);
  });
});
