import { polygonContains, type Position, type Ring } from './geo';
import { geometriesOverlap, overlappingParts, overlapShare, polygonsOverlap, selfIntersection } from './geo-overlap';

const box = (x0: number, y0: number, x1: number, y1: number): Ring => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const poly = (...rings: Ring[]): Ring[] => rings;

describe('whether two polygons overlap', () => {
  const cases: Array<[string, Ring[], Ring[], boolean]> = [
    ['two squares sharing an edge', poly(box(0, 0, 1, 1)), poly(box(1, 0, 2, 1)), false],
    ['two squares sharing a corner', poly(box(0, 0, 1, 1)), poly(box(1, 1, 2, 2)), false],
    ['a square touching another along part of its edge, with an extra vertex', poly(box(0, 0, 1, 1)), poly([[1, 0.2], [2, 0.2], [2, 0.8], [1, 0.8], [1, 0.5], [1, 0.2]]), false],
    ['two squares apart', poly(box(0, 0, 1, 1)), poly(box(3, 3, 4, 4)), false],
    ['a square filling the hole of another exactly', poly(box(0, 0, 3, 3), box(1, 1, 2, 2).reverse()), poly(box(1, 1, 2, 2)), false],
    ['two squares whose edges cross', poly(box(0, 0, 2, 2)), poly(box(1, 1, 3, 3)), true],
    ['a square inside another, apart from its edges', poly(box(0, 0, 4, 4)), poly(box(1, 1, 2, 2)), true],
    ['two identical squares (the edges coincide, nothing crosses)', poly(box(0, 0, 1, 1)), poly(box(0, 0, 1, 1)), true],
    ['a square inside another, sharing an edge', poly(box(0, 0, 4, 4)), poly(box(0, 0, 1, 1)), true],
    ['a square in the hole of another but bigger than the hole', poly(box(0, 0, 3, 3), box(1, 1, 2, 2).reverse()), poly(box(0.5, 0.5, 2.5, 2.5)), true],
  ];
  it.each(cases)('%s: %s', (_name, a, b, overlaps) => {
    const at = polygonsOverlap(a, b);
    expect(at !== null).toBe(overlaps);
    expect(polygonsOverlap(b, a) !== null).toBe(overlaps);
  });

  it('answers a point that is strictly inside both', () => {
    const at = polygonsOverlap(poly(box(0, 0, 2, 2)), poly(box(1, 1, 3, 3))) as Position;
    expect(at[0]).toBeGreaterThanOrEqual(1);
    expect(at[0]).toBeLessThanOrEqual(2);
    expect(geometriesOverlap({ type: 'MultiPolygon', coordinates: [[box(10, 10, 11, 11)], [box(0, 0, 1, 1)]] }, { type: 'Polygon', coordinates: [box(0.5, 0.5, 0.6, 0.6)] })).not.toBeNull();
  });

  it('estimates the shared share of the smaller area', () => {
    const a = { type: 'Polygon' as const, coordinates: [box(0, 0, 2, 2)] };
    expect(overlapShare(a, { type: 'Polygon', coordinates: [box(1, 0, 3, 2)] })).toBeCloseTo(0.5, 2);
    expect(overlapShare(a, { type: 'Polygon', coordinates: [box(2, 0, 3, 2)] })).toBe(0);
  });
});

describe('a ring that crosses itself', () => {
  const cases: Array<[string, Ring[], Position | null]> = [
    ['a square', poly(box(0, 0, 1, 1)), null],
    ['a square with a repeated vertex', poly([[0, 0], [1, 0], [1, 0], [1, 1], [0, 1], [0, 0]]), null],
    ['a square with a hole', poly(box(0, 0, 3, 3), box(1, 1, 2, 2)), null],
    ['a bow tie', poly([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]), [1, 1]],
    ['a figure eight through one vertex', poly([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]]), [1, 1]],
    ['a spike folding back', poly([[0, 0], [2, 0], [3, 0], [2, 0.0], [2, 2], [0, 2], [0, 0]]), [3, 0]],
    ['a hole touching its outer ring', poly(box(0, 0, 3, 3), box(0, 1, 1, 2)), [0, 1]],
  ];
  it.each(cases)('%s', (_name, p, at) => {
    const found = selfIntersection(p);
    if (at === null) expect(found).toBeNull();
    else expect(found).not.toBeNull();
  });
});

describe('the parts of one MultiPolygon against each other', () => {
  const multi = (...parts: Ring[][]) => ({ type: 'MultiPolygon' as const, coordinates: parts });
  const cases: Array<[string, ReturnType<typeof multi>, [number, number] | null]> = [
    ['two parts apart', multi(poly(box(0, 0, 1, 1)), poly(box(3, 3, 4, 4))), null],
    ['two parts touching along an edge', multi(poly(box(0, 0, 1, 1)), poly(box(1, 0, 2, 1))), null],
    ['two parts touching at a corner', multi(poly(box(0, 0, 1, 1)), poly(box(1, 1, 2, 2))), null],
    ['an island inside the hole of another part', multi(poly(box(0, 0, 5, 5), box(1, 1, 4, 4).reverse()), poly(box(2, 2, 3, 3))), null],
    ['two parts whose edges cross', multi(poly(box(0, 0, 2, 2)), poly(box(1, 1, 3, 3))), [0, 1]],
    ['a part inside another', multi(poly(box(0, 0, 4, 4)), poly(box(9, 9, 10, 10)), poly(box(1, 1, 2, 2))), [0, 2]],
    ['the same part twice', multi(poly(box(9, 9, 10, 10)), poly(box(0, 0, 1, 1)), poly(box(0, 0, 1, 1))), [1, 2]],
    ['an island bigger than the hole it sits in', multi(poly(box(0, 0, 5, 5), box(1, 1, 4, 4).reverse()), poly(box(0.5, 0.5, 4.5, 4.5))), [0, 1]],
  ];
  it.each(cases)('%s', (_name, g, pair) => {
    const found = overlappingParts(g);
    expect(found === null ? null : [found.i, found.j]).toEqual(pair);
    // The witness lies in both parts.
    if (found) expect([polygonContains(found.at[0], found.at[1], g.coordinates[found.i]), polygonContains(found.at[0], found.at[1], g.coordinates[found.j])]).toEqual([true, true]);
  });

  it('finds nothing to compare in a Polygon', () => {
    expect(overlappingParts({ type: 'Polygon', coordinates: [box(0, 0, 1, 1)] })).toBeNull();
  });
});
