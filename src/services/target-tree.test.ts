import type { GridTreeNode } from '../../core/directory/grid';
import { findTown, searchTargets, targetLeaves, targetTree } from './target-tree';

const node = (id: string, kind: GridTreeNode['kind'], name: string, children: GridTreeNode[] = []): GridTreeNode => ({ id, kind, name, parentId: null, boundary: null, children });
const coop = (id: string, name: string) => node(id, 'cooperative', name, [node(`${id}-g`, 'grid', `${name.replace(/经济社$/, '')}网格`)]);
const town = node('danzao', 'town', '丹灶镇', [
  node('dz-xinan', 'village', '新安社区', [coop('dz-xinan-1', '新安第一经济社'), coop('dz-xinan-2', '新安第二经济社')]),
  node('dz-xicheng', 'village', '西城社区', [coop('dz-xicheng-daguo', '大果经济社'), node('dz-xicheng-bare', 'cooperative', '无网格经济社')]),
]);
const roots = [node('nanhai', 'district', '南海区', [town, node('xiqiao', 'town', '西樵镇')])];

describe('the 转派 / 派单 target tree', () => {
  it('finds the town under the district', () => {
    expect(findTown(roots, 'danzao')).toBe(town);
    expect(findTown(roots, 'nowhere')).toBeNull();
  });

  it('lists village → cooperative → grid, the village itself first, and leaves out the current node', () => {
    const leaves = targetLeaves(targetTree(town, 'dz-xicheng-daguo-g'));
    expect(leaves).toEqual([
      { id: 'dz-xinan', label: '新安社区 / 新安社区（村居两委）' },
      { id: 'dz-xinan-1-g', label: '新安社区 / 新安第一经济社 / 新安第一网格' },
      { id: 'dz-xinan-2-g', label: '新安社区 / 新安第二经济社 / 新安第二网格' },
      { id: 'dz-xicheng', label: '西城社区 / 西城社区（村居两委）' },
      { id: 'dz-xicheng-bare', label: '西城社区 / 无网格经济社' },
    ]);
  });

  it('drops a branch with nothing left to pick, and the village when it holds the concern', () => {
    const small = node('t', 'town', '镇', [node('v', 'village', '村', [coop('c', '甲经济社')])]);
    expect(targetTree(small, 'c-g')).toEqual([{ text: '村', value: 'v:v', children: [{ text: '村（村居两委）', value: 'v' }] }]);
    expect(targetTree(small, 'v')).toEqual([{ text: '村', value: 'v:v', children: [{ text: '甲经济社', value: 'c:c', children: [{ text: '甲网格', value: 'c-g' }] }] }]);
  });

  it('searches every level of the path, and nothing for an empty query', () => {
    const leaves = targetLeaves(targetTree(town, null));
    expect(searchTargets(leaves, '第二').map((l) => l.id)).toEqual(['dz-xinan-2-g']);
    expect(searchTargets(leaves, '西城').map((l) => l.id)).toEqual(['dz-xicheng', 'dz-xicheng-daguo-g', 'dz-xicheng-bare']);
    expect(searchTargets(leaves, ' 大果 网格')).toEqual([{ id: 'dz-xicheng-daguo-g', label: '西城社区 / 大果经济社 / 大果网格' }]);
    expect(searchTargets(leaves, '  ')).toEqual([]);
    expect(searchTargets(leaves, '新安', 1)).toHaveLength(1);
  });
});
