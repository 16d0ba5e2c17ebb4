import { planBoundaryImport } from './boundary-import';
import { GridIndex } from './grid';
import { BOUNDARIES, NODES } from '../test-grid';

const grid = new GridIndex(NODES);
const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const feature = (properties: Record<string, unknown>, geometry: unknown = sq(0, 0, 1, 1)) => ({ type: 'Feature', properties, geometry });
const fcOf = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
let seq = 0;
const newId = () => `new${++seq}`;
const plan = (file: unknown, scope = 't1') => planBoundaryImport(grid, BOUNDARIES, scope, file, newId);

describe('checking a boundary import', () => {
  it('accepts features naming existing nodes by id and replaces the boundaries of the scope', () => {
    const r = plan(fcOf(feature({ id: 't1' }, sq(0, 0, 10, 10)), feature({ id: 'c1-ga' }, sq(0, 0, 2, 2))));
    expect(r).toEqual({ ok: true, plan: { scopeNodeId: 't1', newNodes: [], created: [], boundaries: [{ nodeId: 't1', geometry: sq(0, 0, 10, 10) }, { nodeId: 'c1-ga', geometry: sq(0, 0, 2, 2) }] } });
  });

  it('finds a node by parent and name, and creates one that does not exist yet, parents first', () => {
    const r = plan(
      fcOf(
        feature({ parentId: 'c2x', name: '新网格' }, sq(0, 6, 1, 7)),
        feature({ parentId: 'v1', name: '一社' }, sq(0, 0, 5, 5)),
        feature({ id: 'c2x', parentId: 'v1', name: '三社' }, sq(0, 5, 5, 10)),
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const coop = r.plan.created.find((c) => c.ref === 'c2x')!.id;
    const grid = r.plan.created.find((c) => c.ref === null)!.id;
    expect(coop).toMatch(/^new/);
    expect(r.plan.boundaries.map((b) => b.nodeId)).toEqual([grid, 'c1', coop]);
    expect(r.plan.newNodes.map((n) => [n.id, n.kind, n.parentId])).toEqual([
      [coop, 'cooperative', 'v1'],
      [grid, 'grid', coop],
    ]);
    expect(r.plan.created).toEqual([
      { line: 1, ref: null, id: grid, name: '新网格' },
      { line: 3, ref: 'c2x', id: coop, name: '三社' },
    ]);
  });

  it('never gives a new node the id the file names, even one that would sort first', () => {
    const r = plan(fcOf(feature({ id: '0-first', parentId: 'v1', name: '抢先社' }, sq(0, 5, 5, 10))));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.plan.newNodes.map((n) => n.id)).toEqual([expect.stringMatching(/^new/)]);
    expect(r.plan.boundaries.map((b) => b.nodeId)).not.toContain('0-first');
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['an empty polygon', fcOf(feature({ id: 'c1' }, { type: 'Polygon', coordinates: [] })), /为空/],
    ['an invalid polygon (open ring)', fcOf(feature({ id: 'c1' }, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })), /未闭合/],
    ['a node of another town', fcOf(feature({ id: 'v3' })), /不在您管理的范围内/],
    ['an unknown id without parent and name', fcOf(feature({ id: 'ghost' })), /没有 id 为 ghost 的节点/],
    ['a feature that names nothing', fcOf(feature({})), /需给出 id/],
    ['an unknown parent', fcOf(feature({ parentId: 'nope', name: '某社' })), /上级节点 nope 不存在/],
    ['a wrong kind under a parent', fcOf(feature({ parentId: 'c1', name: '某村', kind: 'village' })), /之下不能建/],
    ['the same node twice', fcOf(feature({ id: 'c1' }), feature({ id: 'c1' })), /同一节点/],
    ['a renamed node', fcOf(feature({ id: 'c1', name: '改名社' })), /与文件中的「改名社」不符/],
    ['a child outside its parent boundary', fcOf(feature({ id: 'v1' }, sq(0, 0, 5, 10)), feature({ id: 'c1' }, sq(4, 4, 6, 6))), /超出上级「一村」的边界/],
    ['a town outside the district boundary is fine without one, but a grid outside its town is not', fcOf(feature({ id: 't1' }, sq(0, 0, 10, 10)), feature({ id: 'v2-g' }, sq(9, 9, 11, 11))), /超出上级「甲镇」/],
    ['a self-intersecting (bow-tie) ring', fcOf(feature({ id: 'c1' }, { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 3], [0, 0]]] })), /自相交.*\[1.2, 1.2\]/],
    ['a ring that folds back on itself', fcOf(feature({ id: 'c1' }, { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [2, 1], [0, 2], [0, 0]]] })), /自相交/],
    ['a hole that crosses its outer ring', fcOf(feature({ id: 'c1' }, { type: 'Polygon', coordinates: [sq(0, 0, 2, 2).coordinates[0], sq(1, 1, 3, 3).coordinates[0]] })), /自相交或环与环相接/],
    ['a MultiPolygon whose parts overlap each other', fcOf(feature({ id: 'v2-g' }, { type: 'MultiPolygon', coordinates: [sq(5, 0, 8, 4).coordinates, sq(9, 9, 10, 10).coordinates, sq(7, 1, 9, 3).coordinates] })), /多块边界的第1块与第3块重叠/],
    ['a town boundary reaching into another town', fcOf(feature({ id: 't1' }, sq(0, 0, 25, 10))), /与乙镇的「乙镇」（t2，现有边界）重叠.*不同镇的边界只能相接/],
    ['a grid drawn inside another town once the own town boundary is left out', fcOf(feature({ id: 'v2-g' }, sq(21, 1, 22, 2))), /与乙镇的「乙镇」/],
    ['sibling grids overlapping by more than the tolerance', fcOf(feature({ id: 'c1-ga' }, sq(0, 0, 2.5, 5)), feature({ id: 'c1-gb' }, sq(1.5, 0, 5, 5))), /与「一社甲网格」（c1-ga，第 1 个要素）重叠超过较小者面积的 1%/],
    ['a new grid on top of an existing one of the same town', fcOf(feature({ id: 'v2-g' }, sq(5, 0, 10, 4)), feature({ parentId: 'v2', name: '叠网格', kind: 'grid' }, sq(5, 0, 10, 4))), /与「二村网格」（v2-g，第 1 个要素）重叠超过/],
    ['not a FeatureCollection', { type: 'Feature' }, /FeatureCollection/],
    ['no features', fcOf(), /没有任何要素/],
  ];
  it.each(bad)('refuses %s, saying where', (_name, file, problem) => {
    const r = plan(file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.message).join('\n')).toMatch(problem);
  });

  it('reports every bad feature by its number, not only the first', () => {
    const r = plan(fcOf(feature({ id: 'c1' }), feature({ id: 'v3' }), feature({ id: 'c2' }, { type: 'Polygon', coordinates: [] })));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.line, p.ref])).toEqual([
      [2, 'v3'],
      [3, 'c2'],
    ]);
  });

  it('lets a district admin set town boundaries', () => {
    const r = plan(fcOf(feature({ id: 't2' }, sq(20, 0, 30, 10))), 'd');
    expect(r.ok).toBe(true);
  });

  it('lets towns and sibling grids touch along a border, and siblings overlap by a sliver within the tolerance', () => {
    expect(plan(fcOf(feature({ id: 't1' }, sq(0, 0, 20, 10)))).ok).toBe(true);
    expect(plan(fcOf(feature({ id: 'c1-ga' }, sq(0, 0, 2.5, 5)), feature({ id: 'c1-gb' }, sq(2.5, 0, 5, 5)))).ok).toBe(true);
    expect(plan(fcOf(feature({ id: 'c1-ga' }, sq(0, 0, 2.5, 5)), feature({ id: 'c1-gb' }, sq(2.49, 0, 5, 5)))).ok).toBe(true);
  });

  it('refuses two towns of one district import that overlap, reporting the later feature', () => {
    const r = plan(fcOf(feature({ id: 't1' }, sq(0, 0, 10, 10)), feature({ id: 't2' }, sq(0, 0, 10, 10))), 'd');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([{ line: 2, ref: 't2', message: expect.stringMatching(/与甲镇的「甲镇」（t1，第 1 个要素）重叠/) }]);
  });
});
