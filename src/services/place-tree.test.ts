import type { GridTreeNode } from '../../core/directory/grid';
import { placeTree, VILLAGE_ONLY } from './place-tree';
import { searchTargets, targetLeaves } from './target-tree';

const node = (id: string, kind: GridTreeNode['kind'], name: string, children: GridTreeNode[] = []): GridTreeNode => ({ id, kind, name, parentId: null, boundary: null, children });

const TOWN = node('t', 'town', '丹灶镇', [
  node('v1', 'village', '西城社区', [node('c1', 'cooperative', '大果经济社', [node('g1', 'grid', '大果网格')]), node('c2', 'cooperative', '西城第二经济社'), node('g0', 'grid', '西城网格')]),
  node('v2', 'village', '新安社区'),
]);

describe('placeTree', () => {
  it('offers the town\'s villages, each with its cooperatives and itself, and never a grid', () => {
    const { options } = placeTree(TOWN);
    expect(targetLeaves(options).map((l) => l.label)).toEqual([`西城社区 / ${VILLAGE_ONLY}`, '西城社区 / 大果经济社', '西城社区 / 西城第二经济社', '新安社区']);
  });

  it('says which village and cooperative each pickable id stands for', () => {
    const { where } = placeTree(TOWN);
    expect(where.get('c1')).toEqual({ villageId: 'v1', cooperativeId: 'c1' });
    expect(where.get('v1')).toEqual({ villageId: 'v1', cooperativeId: null });
    expect(where.get('v2')).toEqual({ villageId: 'v2', cooperativeId: null });
    expect(where.has('g1')).toBe(false);
  });

  it('finds places by part of their name', () => {
    const leaves = targetLeaves(placeTree(TOWN).options);
    expect(searchTargets(leaves, '大果').map((l) => l.id)).toEqual(['c1']);
    expect(searchTargets(leaves, '西城').map((l) => l.id)).toEqual(['v1', 'c1', 'c2']);
    expect(searchTargets(leaves, '网格')).toEqual([]);
  });
});
