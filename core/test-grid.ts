/** A small grid for core tests: one district, two towns, villages with and without cooperatives. */
import type { Boundary } from './directory/locate';
import type { Category, GridNode, Office } from './model';

export const NODES: GridNode[] = [
  { id: 'd', kind: 'district', name: '测试区', parentId: null },
  { id: 't1', kind: 'town', name: '甲镇', parentId: 'd' },
  { id: 't2', kind: 'town', name: '乙镇', parentId: 'd' },
  { id: 'v1', kind: 'village', name: '一村', parentId: 't1' },
  { id: 'v2', kind: 'village', name: '二村', parentId: 't1' },
  { id: 'v3', kind: 'village', name: '三村', parentId: 't2' },
  { id: 'c1', kind: 'cooperative', name: '一社', parentId: 'v1' },
  { id: 'c2', kind: 'cooperative', name: '二社', parentId: 'v1' },
  { id: 'c1-gb', kind: 'grid', name: '一社乙网格', parentId: 'c1' },
  { id: 'c1-ga', kind: 'grid', name: '一社甲网格', parentId: 'c1' },
  { id: 'v2-g', kind: 'grid', name: '二村网格', parentId: 'v2' },
];

export const OFFICES: Office[] = [
  { id: 't1-env', townId: 't1', code: 'environment', name: '甲镇人居环境办' },
  { id: 't2-env', townId: 't2', code: 'environment', name: '乙镇人居环境办' },
];

export const category = (townId: string, leadOfficeCode: string | null = null): Category => ({
  townId,
  code: 'environment',
  name: '人居环境',
  kind: 'complaint',
  leadOfficeCode,
  ackHours: null,
  resolveDays: null,
  enabled: true,
});

const box = (x0: number, y0: number, x1: number, y1: number): Array<[number, number]> => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

/**
 * Boundaries of the test grid on a plain plane (lng = x, lat = y, far outside China so no GCJ-02
 * offset applies). 甲镇 t1 is [0,10]²; 一村 v1 its west half, 二村 v2 its east half; 一社 c1 the south
 * of v1, split at x = 2.5 into c1-ga (with a hole [1,2]²) and c1-gb; v2-g is a multipolygon of
 * v2's south part y ≤ 4 and north part y ≥ 6. 乙镇 t2 is [20,30]×[0,10] with no grid boundaries.
 */
export const BOUNDARIES: Boundary[] = [
  { nodeId: 't1', geometry: { type: 'Polygon', coordinates: [box(0, 0, 10, 10)] } },
  { nodeId: 't2', geometry: { type: 'Polygon', coordinates: [box(20, 0, 30, 10)] } },
  { nodeId: 'v1', geometry: { type: 'Polygon', coordinates: [box(0, 0, 5, 10)] } },
  { nodeId: 'v2', geometry: { type: 'Polygon', coordinates: [box(5, 0, 10, 10)] } },
  { nodeId: 'c1', geometry: { type: 'Polygon', coordinates: [box(0, 0, 5, 5)] } },
  { nodeId: 'c1-ga', geometry: { type: 'Polygon', coordinates: [box(0, 0, 2.5, 5), box(1, 1, 2, 2).reverse()] } },
  { nodeId: 'c1-gb', geometry: { type: 'Polygon', coordinates: [box(2.5, 0, 5, 5)] } },
  { nodeId: 'v2-g', geometry: { type: 'MultiPolygon', coordinates: [[box(5, 0, 10, 4)], [box(5, 6, 10, 10)]] } },
];
