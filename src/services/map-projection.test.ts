import { centreOn, clientToSvg, labelPoint, MAP_WIDTH, MAX_HEIGHT, MAX_ZOOM, MIN_HEIGHT, panView, projection, ringPath, scaleToFit, svgToClient, zoomOf, zoomView, type Bounds } from './map-projection';

/** 丹灶镇's demo box, about 10 × 8 km. */
const TOWN: Bounds = [112.88, 23.0, 112.98, 23.07];

describe('projection', () => {
  it('puts north up and east right, the whole box inside the drawing with its margin', () => {
    const p = projection(TOWN);
    const [x0, y0] = p.toXY(TOWN[0], TOWN[3]);
    const [x1, y1] = p.toXY(TOWN[2], TOWN[1]);
    expect(x0).toBeCloseTo(MAP_WIDTH * 0.04, 6);
    expect(x1).toBeCloseTo(MAP_WIDTH * 0.96, 6);
    expect(y0).toBeGreaterThanOrEqual(0);
    expect(y1).toBeGreaterThan(y0);
    expect(y1).toBeLessThanOrEqual(p.full.h);
    expect(p.full.w).toBe(MAP_WIDTH);
  });

  it('keeps distances true to scale: a kilometre east is as long as a kilometre north', () => {
    const p = projection(TOWN);
    const lat = 23.035;
    const [ax, ay] = p.toXY(112.93, lat);
    const [ex] = p.toXY(112.93 + 1 / (111.32 * Math.cos((lat * Math.PI) / 180)), lat);
    const [, ny] = p.toXY(112.93, lat + 1 / 111.32);
    expect(ex - ax).toBeCloseTo(ay - ny, 0);
  });

  it('turns every point back into the lat/lng it came from', () => {
    const p = projection(TOWN);
    for (const [lng, lat] of [[112.9425, 23.0375], [112.88, 23.0], [112.98, 23.07], [113.5, 22.1]]) {
      const [x, y] = p.toXY(lng, lat);
      const [lng2, lat2] = p.toLngLat(x, y);
      expect(lng2).toBeCloseTo(lng, 9);
      expect(lat2).toBeCloseTo(lat, 9);
    }
  });

  it('keeps a flat town tappable and a tall one within the height limit', () => {
    expect(projection([112.0, 23.0, 113.0, 23.001]).full.h).toBe(MIN_HEIGHT);
    const tall = projection([112.0, 23.0, 112.01, 24.0]);
    expect(tall.full.h).toBeCloseTo(MAX_HEIGHT, 6);
    const [x, y] = tall.toXY(112.01, 23.0);
    expect(x).toBeLessThan(MAP_WIDTH);
    expect(y).toBeLessThanOrEqual(MAX_HEIGHT);
  });
});

describe('the view', () => {
  const { full } = projection(TOWN);

  it('zooms in about a point that stays where it was on screen, and not past the limits', () => {
    const anchor: [number, number] = [300, 200];
    const z = zoomView(full, full, 2, anchor);
    expect(zoomOf(z, full)).toBeCloseTo(2, 9);
    expect((anchor[0] - z.x) / z.w).toBeCloseTo((anchor[0] - full.x) / full.w, 9);
    expect((anchor[1] - z.y) / z.h).toBeCloseTo((anchor[1] - full.y) / full.h, 9);
    expect(zoomOf(zoomView(z, full, 1000), full)).toBe(MAX_ZOOM);
    expect(zoomView(z, full, 0.001)).toEqual(full);
  });

  it('zooms about the middle when no point is given, and pans without leaving the drawing', () => {
    const z = zoomView(full, full, 4);
    expect(z.x + z.w / 2).toBeCloseTo(full.w / 2, 9);
    expect(z.y + z.h / 2).toBeCloseTo(full.h / 2, 9);
    const moved = panView(z, full, 50, -20);
    expect(moved.x - z.x).toBeCloseTo(50, 9);
    expect(moved.y - z.y).toBeCloseTo(-20, 9);
    const far = panView(z, full, -1e6, 1e6);
    expect(far.x).toBe(0);
    expect(far.y + far.h).toBeCloseTo(full.h, 9);
    expect(centreOn(z, full, 0, 0)).toMatchObject({ x: 0, y: 0 });
  });

  it('maps a tap on screen to SVG units and back, for a zoomed view at any size on screen', () => {
    const v = zoomView(full, full, 3, [700, 100]);
    const rect = { left: 12, top: 340, width: 351, height: (351 * v.h) / v.w };
    const [x, y] = clientToSvg(v, rect, 200, 420);
    expect(svgToClient(v, rect, x, y)).toEqual([expect.closeTo(200, 9), expect.closeTo(420, 9)]);
    expect(clientToSvg(v, rect, rect.left, rect.top)).toEqual([v.x, v.y]);
  });
});

describe('drawing helpers', () => {
  const p = projection(TOWN);
  const square: [number, number][] = [[112.9, 23.01], [112.92, 23.01], [112.92, 23.03], [112.9, 23.03], [112.9, 23.01]];

  it('draws a ring as one closed path', () => {
    const d = ringPath(square, p);
    expect(d.startsWith('M')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    expect(d.match(/L/g)).toHaveLength(4);
  });

  it('labels a ring at its centroid', () => {
    const [x, y] = labelPoint(square, p);
    const [cx, cy] = p.toXY(112.91, 23.02);
    expect(x).toBeCloseTo(cx, 6);
    expect(y).toBeCloseTo(cy, 6);
  });

  it('chooses a WeChat map scale that fits the town: closer for a small one, within 3–18', () => {
    const town = scaleToFit(TOWN);
    expect(town).toBeGreaterThanOrEqual(10);
    expect(town).toBeLessThanOrEqual(13);
    expect(scaleToFit([112.93, 23.03, 112.94, 23.04])).toBeGreaterThan(town);
    expect(scaleToFit([60, 0, 140, 50])).toBe(3);
    expect(scaleToFit([112.93, 23.03, 112.93, 23.03])).toBe(18);
  });
});
