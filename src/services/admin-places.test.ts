import type { GridTreeNode } from '../../core/directory/grid';
import { placesUnder } from './admin-places';

const node = (id: string, kind: GridTreeNode['kind'], name: string, children: GridTreeNode[] = []): GridTreeNode => ({ id, kind, name, parentId: null, boundary: null, children });
const TREE = [
  node('d', 'district', '南海区', [
    node('t1', 'town', '丹灶镇', [node('v1', 'village', '新安社区', [node('c1', 'cooperative', '第一经济社', [node('g1', 'grid', '第一网格')])])]),
    node('t2', 'town', '九江镇', [node('v2', 'village', '敦根社区')]),
  ]),
];

describe('the places an admin picks from', () => {
  it('lists only the nodes under the admin’s own node, labelled by their path below it', () => {
    expect(placesUnder(TREE, 't1', ['village', 'cooperative', 'grid'])).toEqual([
      { id: 'v1', kind: 'village', label: '新安社区' },
      { id: 'c1', kind: 'cooperative', label: '新安社区 · 第一经济社' },
      { id: 'g1', kind: 'grid', label: '新安社区 · 第一经济社 · 第一网格' },
    ]);
  });

  it('includes the admin’s own node when its kind is asked for, and nothing of another town', () => {
    expect(placesUnder(TREE, 't2', ['town', 'village'])).toEqual([
      { id: 't2', kind: 'town', label: '九江镇' },
      { id: 'v2', kind: 'village', label: '敦根社区' },
    ]);
  });

  it('lists every town for a district admin', () => {
    expect(placesUnder(TREE, 'd', ['town']).map((p) => p.id)).toEqual(['t1', 't2']);
  });
});
