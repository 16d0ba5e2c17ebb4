import fc from 'fast-check';
import { wgs84ToGcj02, toWgs84, type BoundaryGeometry, type Ring } from './geo';
import { GridIndex } from './grid';
import { LocationIndex, type Boundary } from './locate';
import type { GridNode } from '../model';
import { routeConcern } from '../concerns/routing';
import { BOUNDARIES, NODES, OFFICES, category } from '../test-grid';

const grid = new GridIndex(NODES);
const where = new LocationIndex(grid, BOUNDARIES);

describe('routing a reported location over the grid boundaries', () => {
  const table: Array<{ name: string; lng: number; lat: number; gridId: string | null; candidates: string[]; townId: string | null; step: string; reasonCode: string }> = [
    { name: 'a point inside a grid goes to that grid', lng: 0.5, lat: 0.5, gridId: 'c1-ga', candidates: ['c1-ga'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: 'a point inside the other grid of the cooperative goes there', lng: 4, lat: 4, gridId: 'c1-gb', candidates: ['c1-gb'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: 'a point on the north-south edge two grids share goes to exactly one, the grid east of it', lng: 2.5, lat: 3, gridId: 'c1-gb', candidates: ['c1-ga', 'c1-gb'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID_BORDER' },
    { name: 'a point on a vertex two grids share at their north edge goes to the grid north-west of it (nothing is north-east)', lng: 2.5, lat: 5, gridId: 'c1-ga', candidates: ['c1-ga', 'c1-gb'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID_BORDER' },
    { name: "a point on a grid's outer edge belongs to it", lng: 0, lat: 3, gridId: 'c1-ga', candidates: ['c1-ga'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: "a point on a grid's corner belongs to it", lng: 0, lat: 0, gridId: 'c1-ga', candidates: ['c1-ga'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: 'a point in a hole is in no grid and goes to the town dispatcher', lng: 1.5, lat: 1.5, gridId: null, candidates: [], townId: 't1', step: 'dispatch', reasonCode: 'DISPATCH_NO_GRID' },
    { name: "a point on a hole's edge still belongs to the grid", lng: 1, lat: 1.5, gridId: 'c1-ga', candidates: ['c1-ga'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: "a point in a multipolygon's first part goes to that grid", lng: 7, lat: 2, gridId: 'v2-g', candidates: ['v2-g'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: "a point in a multipolygon's second part goes to that grid", lng: 7, lat: 8, gridId: 'v2-g', candidates: ['v2-g'], townId: 't1', step: 'location', reasonCode: 'LOCATION_GRID' },
    { name: "a point between a multipolygon's parts goes to the town dispatcher", lng: 7, lat: 5, gridId: null, candidates: [], townId: 't1', step: 'dispatch', reasonCode: 'DISPATCH_NO_GRID' },
    { name: 'a point in a town without grid boundaries goes to that town dispatcher', lng: 25, lat: 5, gridId: null, candidates: [], townId: 't2', step: 'dispatch', reasonCode: 'DISPATCH_NO_GRID' },
  ];

  it.each(table)('$name', (row) => {
    const located = where.locate({ lng: row.lng, lat: row.lat });
    expect(located).toEqual({ gridId: row.gridId, candidates: row.candidates, townId: row.townId });
    expect(where.locateNaive({ lng: row.lng, lat: row.lat })).toEqual(located);
    const r = routeConcern(grid, OFFICES, { located, placeId: null, category: category(row.townId!) });
    expect(r).toMatchObject({ step: row.step, gridId: row.gridId, townId: row.townId, reasonCode: row.reasonCode });
  });

  it('finds no town for a point outside every town, and knows every town has a boundary', () => {
    expect(where.locate({ lng: 15, lat: 5 })).toEqual({ gridId: null, candidates: [], townId: null });
    expect(where.townsCovered).toBe(true);
    expect(new LocationIndex(grid, BOUNDARIES.filter((b) => b.nodeId !== 't2')).townsCovered).toBe(false);
  });

  it('fills in the cooperative, village and town of the located grid and says why', () => {
    const r = routeConcern(grid, OFFICES, { located: where.locate({ lng: 4, lat: 4 }), placeId: 'v2', category: category('t1', 'environment') });
    expect(r).toMatchObject({ step: 'location', gridId: 'c1-gb', cooperativeId: 'c1', villageId: 'v1', townId: 't1', coOfficeId: 't1-env' });
    expect(r.reason).toContain('一社乙网格');
    expect(r.reason).toContain('甲镇人居环境办');
  });

  it('names both grids in the reason when the point is on their shared border', () => {
    const r = routeConcern(grid, OFFICES, { located: where.locate({ lng: 2.5, lat: 3 }), placeId: null, category: category('t1') });
    expect(r.reason).toMatch(/一社甲网格、一社乙网格的分界线上/);
  });

  it('falls back to the picked place when the location is in no grid', () => {
    const r = routeConcern(grid, OFFICES, { located: where.locate({ lng: 1.5, lat: 1.5 }), placeId: 'c2', category: category('t1') });
    expect(r).toMatchObject({ step: 'place', cooperativeId: 'c2', reasonCode: 'PLACE_COOPERATIVE_NO_GRID' });
    expect(r.reason).toContain('不在任何网格内');
  });

  it('refuses to route with neither a located town nor a place', () => {
    expect(() => routeConcern(grid, OFFICES, { located: where.locate({ lng: 15, lat: 5 }), placeId: null, category: category('t1') })).toThrow(
      expect.objectContaining({ code: 'GRID.PLACE_REQUIRED' }),
    );
  });

  it('converts a GCJ-02 position before locating it', () => {
    // A 200 m grid around a real WGS-84 point in 丹灶镇; WeChat reports the point in GCJ-02, ~500 m away.
    const wgs = { lat: 23.0375, lng: 112.9425 };
    const d = 0.001;
    const ring: Ring = [
      [wgs.lng - d, wgs.lat - d],
      [wgs.lng + d, wgs.lat - d],
      [wgs.lng + d, wgs.lat + d],
      [wgs.lng - d, wgs.lat + d],
      [wgs.lng - d, wgs.lat - d],
    ];
    const g = new GridIndex([
      { id: 't', kind: 'town', name: '镇', parentId: null },
      { id: 'v', kind: 'village', name: '村', parentId: 't' },
      { id: 'g', kind: 'grid', name: '网格', parentId: 'v' },
    ]);
    const w = new LocationIndex(g, [{ nodeId: 'g', geometry: { type: 'Polygon', coordinates: [ring] } }]);
    const gcj = wgs84ToGcj02(wgs);
    expect(w.locate(gcj).gridId).toBeNull(); // read as WGS-84 it misses the grid
    expect(w.locate(toWgs84(gcj, 'gcj02')).gridId).toBe('g');
    expect(w.locate(toWgs84(wgs, 'wgs84')).gridId).toBe('g');
  });
});

describe('a point on a border between places', () => {
  const sq = (x0: number, y0: number, x1: number, y1: number): BoundaryGeometry => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
  /** Four unit grids around (1, 1), named by where they lie, under ids the caller picks. */
  function quad(ids: { sw: string; se: string; nw: string; ne: string }, towns?: { west: string; east: string }) {
    const nodes: GridNode[] = towns
      ? [
          { id: towns.west, kind: 'town', name: '西镇', parentId: null },
          { id: towns.east, kind: 'town', name: '东镇', parentId: null },
          { id: 'vw', kind: 'village', name: '西村', parentId: towns.west },
          { id: 've', kind: 'village', name: '东村', parentId: towns.east },
        ]
      : [
          { id: 't', kind: 'town', name: '镇', parentId: null },
          { id: 'vw', kind: 'village', name: '西村', parentId: 't' },
          { id: 've', kind: 'village', name: '东村', parentId: 't' },
        ];
    nodes.push(
      { id: ids.sw, kind: 'grid', name: '西南', parentId: 'vw' },
      { id: ids.nw, kind: 'grid', name: '西北', parentId: 'vw' },
      { id: ids.se, kind: 'grid', name: '东南', parentId: 've' },
      { id: ids.ne, kind: 'grid', name: '东北', parentId: 've' },
    );
    const boundaries: Boundary[] = [
      { nodeId: ids.sw, geometry: sq(0, 0, 1, 1) },
      { nodeId: ids.se, geometry: sq(1, 0, 2, 1) },
      { nodeId: ids.nw, geometry: sq(0, 1, 1, 2) },
      { nodeId: ids.ne, geometry: sq(1, 1, 2, 2) },
    ];
    if (towns) boundaries.push({ nodeId: towns.west, geometry: sq(0, 0, 1, 2) }, { nodeId: towns.east, geometry: sq(1, 0, 2, 2) });
    return new LocationIndex(new GridIndex(nodes), boundaries);
  }
  const where = (w: LocationIndex, lng: number, lat: number) => {
    const a = w.locate({ lng, lat });
    expect(w.locateNaive({ lng, lat })).toEqual(a);
    return a;
  };
  // Every way of giving the four places ids: the smallest id sits in each corner in turn.
  const namings = [
    { sw: 'g-a', se: 'g-b', nw: 'g-c', ne: 'g-d' },
    { sw: 'g-d', se: 'g-c', nw: 'g-b', ne: 'g-a' },
    { sw: 'g-b', se: 'g-a', nw: 'g-d', ne: 'g-c' },
    { sw: 'g-c', se: 'g-d', nw: 'g-a', ne: 'g-b' },
  ];

  it.each(namings)('goes by where the boundaries lie, whatever the ids (%o)', (ids) => {
    const w = quad(ids);
    expect(where(w, 1, 0.5)).toMatchObject({ gridId: ids.se, candidates: [ids.sw, ids.se].sort() }); // north-south border: east
    expect(where(w, 0.5, 1).gridId).toBe(ids.nw); // east-west border: north
    expect(where(w, 1, 1)).toMatchObject({ gridId: ids.ne, candidates: Object.values(ids).sort() }); // the corner of four: north-east
    expect(where(w, 1, 2).gridId).toBe(ids.nw); // the north end of the north-south border: north-west
    expect(where(w, 2, 1).gridId).toBe(ids.ne); // the east end of the east-west border
    expect(where(w, 1, 0).gridId).toBe(ids.se); // the south end: north-east of it lies the east one
  });

  it('decides a border between two towns by the same rule, whatever their ids', () => {
    for (const towns of [{ west: 'a-town', east: 'z-town' }, { west: 'z-town', east: 'a-town' }]) {
      const w = quad(namings[0], towns);
      expect(where(w, 1, 0.5)).toMatchObject({ gridId: namings[0].se, townId: towns.east });
      // Without grid boundaries, the towns alone decide it.
      const bare = new LocationIndex(
        new GridIndex([
          { id: towns.west, kind: 'town', name: '西镇', parentId: null },
          { id: towns.east, kind: 'town', name: '东镇', parentId: null },
        ]),
        [
          { nodeId: towns.west, geometry: sq(0, 0, 1, 2) },
          { nodeId: towns.east, geometry: sq(1, 0, 2, 2) },
        ],
      );
      expect(where(bare, 1, 1)).toEqual({ gridId: null, candidates: [], townId: towns.east });
    }
  });

  it('gives a point two overlapping grids both hold (within the tolerance) to the smaller one, not the smaller id', () => {
    const nodes: GridNode[] = [
      { id: 't', kind: 'town', name: '镇', parentId: null },
      { id: 'v', kind: 'village', name: '村', parentId: 't' },
      { id: 'g-big', kind: 'grid', name: '大', parentId: 'v' },
      { id: 'a-small', kind: 'grid', name: '小', parentId: 'v' },
    ];
    for (const [big, small] of [['g-big', 'a-small'], ['a-small', 'g-big']]) {
      const w = new LocationIndex(new GridIndex(nodes), [
        { nodeId: big, geometry: sq(0, 0, 10, 10) },
        { nodeId: small, geometry: sq(9.99, 0, 12, 1) },
      ]);
      expect(where(w, 9.995, 0.5).gridId).toBe(small);
    }
  });
});

describe('the spatial index', () => {
  /** A town with one village and n grids of random rectangles (integer corners, so points often fall on edges and vertices). */
  function randomGrid(rects: Array<[number, number, number, number, boolean]>): { g: GridIndex; boundaries: Boundary[] } {
    const nodes: GridNode[] = [
      { id: 't', kind: 'town', name: '镇', parentId: null },
      { id: 'v', kind: 'village', name: '村', parentId: 't' },
    ];
    const boundaries: Boundary[] = [];
    rects.forEach(([x, y, w, h, split], i) => {
      const id = `g${String(i).padStart(3, '0')}`;
      nodes.push({ id, kind: 'grid', name: id, parentId: 'v' });
      const r = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
      const geometry: BoundaryGeometry = split
        ? { type: 'MultiPolygon', coordinates: [[r(x, y, x + w, y + h)], [r(x + w + 1, y, x + 2 * w + 1, y + h), r(x + w + 1.25, y + 0.25, x + w + 1.75, y + 0.75)]] }
        : { type: 'Polygon', coordinates: [r(x, y, x + w, y + h)] };
      boundaries.push({ nodeId: id, geometry });
    });
    return { g: new GridIndex(nodes), boundaries };
  }

  const rect = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.boolean());
  const coord = fc.oneof(fc.integer({ min: -2, max: 90 }), fc.double({ min: -2, max: 90, noNaN: true }), fc.integer({ min: -4, max: 180 }).map((n) => n / 2));

  it('returns for random points exactly what a naive scan over all polygons returns', () => {
    fc.assert(
      fc.property(fc.array(rect, { minLength: 1, maxLength: 80 }), fc.array(fc.tuple(coord, coord), { minLength: 1, maxLength: 40 }), (rects, points) => {
        const { g, boundaries } = randomGrid(rects);
        const w = new LocationIndex(g, boundaries);
        for (const [lng, lat] of points) expect(w.locate({ lng, lat })).toEqual(w.locateNaive({ lng, lat }));
      }),
      { numRuns: 300 },
    );
  });

  it('puts every point of a tiling in exactly one tile, borders included', () => {
    // A 20 × 20 tiling of unit squares: every point of [0,20]² has at least one candidate and one chosen grid.
    const rects: Array<[number, number, number, number, boolean]> = [];
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) rects.push([x, y, 1, 1, false]);
    const { g, boundaries } = randomGrid(rects);
    const w = new LocationIndex(g, boundaries);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), (lng, lat) => {
        const r = w.locate({ lng, lat });
        expect(r.gridId).not.toBeNull();
        expect(r.candidates).toContain(r.gridId);
      }),
      { numRuns: 2000 },
    );
  });
});
