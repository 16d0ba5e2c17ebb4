import type { BoundaryGeometry, Ring } from './geo';
import { drawAreas, inCoord, simplifyRing, townAreas } from './grid-map';
import type { GridNode } from '../model';

/** A square of side `s` at (x, y) with `n` points on each side (closed). */
function denseSquare(x: number, y: number, s: number, n: number): Ring {
  const ring: Ring = [];
  const corners: [number, number][] = [[x, y], [x + s, y], [x + s, y + s], [x, y + s]];
  for (let c = 0; c < 4; c++) {
    const [ax, ay] = corners[c];
    const [bx, by] = corners[(c + 1) % 4];
    for (let i = 0; i < n; i++) ring.push([ax + ((bx - ax) * i) / n, ay + ((by - ay) * i) / n]);
  }
  ring.push(ring[0]);
  return ring;
}

/** A circle of `n` points with a small zig-zag, so no point is redundant at a tiny tolerance. */
function wobblyCircle(cx: number, cy: number, r: number, n: number): Ring {
  const ring: Ring = Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    const rr = r * (1 + (i % 2 === 0 ? 0.01 : -0.01));
    return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
  });
  ring.push(ring[0]);
  return ring;
}

const poly = (ring: Ring): BoundaryGeometry => ({ type: 'Polygon', coordinates: [ring] });
const node = (id: string, kind: GridNode['kind'], parentId: string | null): GridNode => ({ id, kind, name: id, parentId });

describe('simplifyRing', () => {
  it('keeps the four corners of a square drawn with many points on each side, closed', () => {
    const out = simplifyRing(denseSquare(112.9, 23, 0.01, 50), 1e-6);
    expect(out).toHaveLength(5);
    expect(out[0]).toEqual(out[4]);
    expect(new Set(out.slice(0, 4).map((p) => p.map((v) => v.toFixed(6)).join(',')))).toEqual(
      new Set(['112.900000,23.000000', '112.910000,23.000000', '112.910000,23.010000', '112.900000,23.010000']),
    );
  });

  it('keeps every point that lies farther from the simplified line than the tolerance', () => {
    const ring = wobblyCircle(0, 0, 1, 200);
    expect(simplifyRing(ring, 1e-9)).toHaveLength(201);
    expect(simplifyRing(ring, 0.05).length).toBeLessThan(60);
  });

  it('never answers fewer than a closed triangle for a ring that had one', () => {
    const sliver: Ring = [[0, 0], [1, 0], [1, 1e-9], [0.5, 2e-9], [0, 0]];
    const out = simplifyRing(sliver, 10);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual(out[3]);
  });
});

describe('drawAreas', () => {
  it('keeps all rings together within the point budget, whatever the file held', () => {
    const areas = [0, 1, 2].map((i) => ({ node: node(`g${i}`, 'grid', 'v'), geometry: poly(wobblyCircle(112.9 + i * 0.02, 23, 0.01, 3000)) }));
    const drawn = drawAreas(areas, 500);
    const total = drawn.areas.reduce((n, a) => n + a.rings.reduce((m, r) => m + r.length, 0), 0);
    expect(total).toBeLessThanOrEqual(500);
    expect(total).toBeGreaterThan(30);
    expect(drawn.bounds![0]).toBeCloseTo(112.89, 3);
    expect(drawn.bounds![2]).toBeCloseTo(112.95, 3);
    for (const a of drawn.areas) for (const r of a.rings) expect(r[0]).toEqual(r[r.length - 1]);
  });

  it('draws each part of a multipolygon and no hole', () => {
    const geometry: BoundaryGeometry = { type: 'MultiPolygon', coordinates: [[denseSquare(0, 0, 1, 3), denseSquare(0.2, 0.2, 0.1, 2)], [denseSquare(2, 0, 1, 3)]] };
    const [area] = drawAreas([{ node: node('v', 'village', 't'), geometry }]).areas;
    expect(area.rings).toHaveLength(2);
  });

  it('answers no bounds and no areas for a town without boundaries', () => {
    expect(drawAreas([])).toEqual({ bounds: null, areas: [] });
  });

  it('converts to GCJ-02 on request and leaves WGS-84 as it is', () => {
    const drawn = drawAreas([{ node: node('t', 'town', null), geometry: poly(denseSquare(112.9, 23, 0.1, 1)) }]);
    expect(inCoord(drawn, 'wgs84')).toBe(drawn);
    const gcj = inCoord(drawn, 'gcj02');
    // In the Pearl River Delta GCJ-02 lies a few hundred metres east and south of WGS-84... but never far.
    expect(Math.abs(gcj.bounds![0] - drawn.bounds![0])).toBeGreaterThan(0.001);
    expect(Math.abs(gcj.bounds![0] - drawn.bounds![0])).toBeLessThan(0.01);
  });
});

describe('townAreas', () => {
  it('lists the town and what lies under it with a boundary, parents first, and nothing of another town', () => {
    const nodes = [node('d', 'district', null), node('t1', 'town', 'd'), node('t2', 'town', 'd'), node('v1', 'village', 't1'), node('c1', 'cooperative', 'v1'), node('g1', 'grid', 'c1'), node('v2', 'village', 't2'), node('v3', 'village', 't1')];
    const has = new Set(['t1', 'v1', 'g1', 'v2']);
    const geometry = poly(denseSquare(0, 0, 1, 1));
    expect(townAreas(nodes, 't1', (id) => (has.has(id) ? geometry : null)).map((a) => a.node.id)).toEqual(['t1', 'v1', 'g1']);
    expect(townAreas(nodes, 'nope', () => geometry)).toEqual([]);
  });
});
