/** A small grid for core tests: one district, two towns, villages with and without cooperatives. */
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
});
