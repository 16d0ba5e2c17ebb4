import { gcj02ToWgs84, geometryProblems, pointInRing, toWgs84, wgs84ToGcj02, type Ring } from './geo';

describe('GCJ-02 conversion', () => {
  // Reference pairs published with eviltransform's test suite (WGS-84 → GCJ-02).
  const table = [
    { city: 'Shenzhen', wgs: { lat: 22.543847, lng: 113.912316 }, gcj: { lat: 22.540796131694766, lng: 113.9171764808363 } },
    { city: 'Shanghai', wgs: { lat: 31.1774276, lng: 121.5272106 }, gcj: { lat: 31.17530398364597, lng: 121.531541859215 } },
    { city: 'Beijing', wgs: { lat: 39.911954, lng: 116.377817 }, gcj: { lat: 39.91334545536069, lng: 116.38404722455657 } },
  ];

  it.each(table)('matches the published forward transform in $city', ({ wgs, gcj }) => {
    const out = wgs84ToGcj02(wgs);
    expect(out.lat).toBeCloseTo(gcj.lat, 9);
    expect(out.lng).toBeCloseTo(gcj.lng, 9);
  });

  it.each(table)('converts GCJ-02 back to WGS-84 within a millimetre in $city', ({ wgs, gcj }) => {
    const out = gcj02ToWgs84(gcj);
    expect(Math.abs(out.lat - wgs.lat)).toBeLessThan(1e-8);
    expect(Math.abs(out.lng - wgs.lng)).toBeLessThan(1e-8);
    expect(toWgs84(gcj, 'gcj02')).toEqual(out);
  });

  it('leaves WGS-84 input and positions outside China unchanged', () => {
    expect(toWgs84({ lat: 23, lng: 113 }, 'wgs84')).toEqual({ lat: 23, lng: 113 });
    expect(toWgs84({ lat: 23, lng: 113 })).toEqual({ lat: 23, lng: 113 });
    expect(gcj02ToWgs84({ lat: 48.85, lng: 2.35 })).toEqual({ lat: 48.85, lng: 2.35 });
  });
});

describe('a point against a ring', () => {
  const square: Ring = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  const table: Array<[string, number, number, string]> = [
    ['inside', 2, 2, 'inside'],
    ['outside', 5, 2, 'outside'],
    ['on an edge', 4, 2, 'boundary'],
    ['on a vertex', 4, 4, 'boundary'],
    ['level with a vertex, outside', -1, 4, 'outside'],
    ['level with a vertex, inside', 2, 4 - 1e-12, 'inside'],
  ];
  it.each(table)('%s', (_name, x, y, expected) => {
    expect(pointInRing(x, y, square)).toBe(expected);
    expect(pointInRing(x, y, [...square].reverse())).toBe(expected);
  });
});

describe('checking a boundary geometry', () => {
  const ok = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] };
  const table: Array<[string, unknown, RegExp | null]> = [
    ['a closed triangle is fine', ok, null],
    ['a multipolygon of two parts is fine', { type: 'MultiPolygon', coordinates: [ok.coordinates, [[[2, 2], [3, 2], [3, 3], [2, 2]]]] }, null],
    ['a missing geometry', null, /缺少边界/],
    ['a point is not a boundary', { type: 'Point', coordinates: [0, 0] }, /Polygon 或 MultiPolygon/],
    ['an empty polygon', { type: 'Polygon', coordinates: [] }, /为空/],
    ['an empty ring list in a multipolygon part', { type: 'MultiPolygon', coordinates: [[]] }, /多边形为空/],
    ['a ring of three positions', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, /至少需要 4 个坐标/],
    ['an open ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, /未闭合/],
    ['a ring of zero area', { type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] }, /面积为零/],
    ['latitude and longitude swapped out of range', { type: 'Polygon', coordinates: [[[23, 113], [24, 113], [24, 114], [23, 113]]] }, /超出经纬度范围/],
    ['a non-numeric coordinate', { type: 'Polygon', coordinates: [[[0, 0], ['a', 0], [1, 1], [0, 0]]] }, /无效坐标/],
  ];
  it.each(table)('%s', (_name, geometry, problem) => {
    const found = geometryProblems(geometry);
    if (problem === null) expect(found).toEqual([]);
    else expect(found.join('；')).toMatch(problem);
  });
});
