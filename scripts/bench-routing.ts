/** `npm run bench -- routing`: routing by location over synthetic tilings of 100…100,000 grids. */
import { GridIndex } from '../core/directory/grid';
import { LocationIndex, type Boundary } from '../core/directory/locate';
import type { Category, GridNode, LatLng } from '../core/model';
import { routeConcern } from '../core/concerns/routing';
import { rows } from './bench-common';

/** A town tiled by n square grids of 0.001° (about 100 m), k × k with k = ceil(√n), around 丹灶镇. */
function tiling(n: number): { grid: GridIndex; boundaries: Boundary[]; box: [number, number, number, number] } {
  const k = Math.ceil(Math.sqrt(n));
  const d = 0.001;
  const [lng0, lat0] = [112.9, 23.0];
  const nodes: GridNode[] = [
    { id: 't', kind: 'town', name: '合成镇', parentId: null },
    { id: 'v', kind: 'village', name: '合成村', parentId: 't' },
  ];
  const boundaries: Boundary[] = [];
  for (let i = 0; i < n; i++) {
    const x = lng0 + (i % k) * d;
    const y = lat0 + Math.floor(i / k) * d;
    const id = `g${i}`;
    nodes.push({ id, kind: 'grid', name: id, parentId: 'v' });
    // Neighbours share edges exactly: corners come from the same integer steps.
    const [x1, y1] = [lng0 + ((i % k) + 1) * d, lat0 + (Math.floor(i / k) + 1) * d];
    boundaries.push({ nodeId: id, geometry: { type: 'Polygon', coordinates: [[[x, y], [x1, y], [x1, y1], [x, y1], [x, y]]] } });
  }
  return { grid: new GridIndex(nodes), boundaries, box: [lng0, lat0, lng0 + k * d, lat0 + Math.floor(n / k) * d] }; // full rows only
}

/** Deterministic pseudo-random points (mulberry32), so every run routes the same points. */
function points(box: [number, number, number, number], count: number, seed = 42): LatLng[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => ({ lng: box[0] + rnd() * (box[2] - box[0]), lat: box[1] + rnd() * (box[3] - box[1]) }));
}

export function routingBench() {
  const category: Category = { townId: 't', code: 'environment', name: '人居环境', kind: 'complaint', leadOfficeCode: null, ackHours: null, resolveDays: null, enabled: true };
  const perRoute: Record<number, number> = {};
  for (const n of [100, 1_000, 10_000, 100_000]) {
    const { grid, boundaries, box } = tiling(n);
    const t0 = performance.now();
    const where = new LocationIndex(grid, boundaries);
    const build = performance.now() - t0;
    const time = (pts: LatLng[], locate: (p: LatLng) => ReturnType<LocationIndex['locate']>) => {
      let routed = 0;
      const s = performance.now();
      for (const p of pts) if (routeConcern(grid, [], { located: locate(p), placeId: null, category }).gridId !== null) routed++;
      const us = ((performance.now() - s) * 1000) / pts.length;
      if (routed !== pts.length) throw new Error(`only ${routed} of ${pts.length} points routed to a grid`);
      return us;
    };
    const warm = points(box, 2_000, 7);
    time(warm, (p) => where.locate(p));
    const indexed = time(points(box, 50_000), (p) => where.locate(p));
    // The naive scan is linear: fewer points keep the run short at large n.
    const naivePts = points(box, Math.max(50, Math.min(20_000, Math.floor(2e7 / n))), 9);
    time(naivePts.slice(0, 20), (p) => where.locateNaive(p));
    const naive = time(naivePts, (p) => where.locateNaive(p));
    perRoute[n] = indexed;
    const vs100 = n === 100 ? '' : ` (${(indexed / perRoute[100]).toFixed(2)}× of 100)`;
    const goal = n === 100_000 ? '≤ 3× of 100 grids; ≥ 100× faster than naive' : '';
    rows.push([`route by location, ${n.toLocaleString('en')} grids: indexed / naive`, `${indexed.toFixed(2)} / ${naive.toFixed(1)} µs${vs100}, ${(naive / indexed).toFixed(0)}× faster`, goal]);
    rows.push([`  index build, ${n.toLocaleString('en')} grids`, `${build.toFixed(1)} ms`, '']);
  }
}
