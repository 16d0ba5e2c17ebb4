/**
 * Plane geometry of grid boundaries: GeoJSON polygons and multipolygons in WGS-84 ([lng, lat]),
 * their validation, bounding boxes and an exact point-in-polygon test, plus the GCJ-02 → WGS-84
 * conversion for positions from WeChat.
 *
 * Containment is CLOSED: a point on an edge or vertex of a boundary is inside it. Two polygons that
 * share an edge therefore both contain the points on it; callers break that tie deterministically.
 * Every edge computation orders the edge's endpoints canonically first, so two polygons that share an
 * edge compute bit-identical answers for it: a point is on the shared edge for both or for neither,
 * and the crossing test puts a point off the edge in exactly one of them — never in a gap, never in both.
 */
import type { LatLng } from '../model';

export type Position = [lng: number, lat: number];
export type Ring = Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}
export type BoundaryGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

export type CoordSystem = 'wgs84' | 'gcj02';

/** The polygons of a geometry: one for a Polygon, each part for a MultiPolygon. */
export function polygonsOf(g: BoundaryGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

export function bboxOf(g: BoundaryGeometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of polygonsOf(g)) {
    for (const [x, y] of poly[0]) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/** Twice the signed area of a ring (positive when counter-clockwise). */
export function ringArea2(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a;
}

/**
 * Problems of a candidate geometry, in words an admin can act on; empty when it is usable.
 * Checks shape and numbers, closed rings of at least four positions, coordinates in range and
 * rings that enclose an area. Self-intersection is checked by geo-overlap.ts.
 */
export function geometryProblems(value: unknown): string[] {
  if (!value || typeof value !== 'object') return ['缺少边界（geometry）'];
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return [`边界类型必须是 Polygon 或 MultiPolygon，而不是 ${String(g.type)}`];
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return ['边界坐标为空'];
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
  const out: string[] = [];
  polys.forEach((poly, pi) => {
    const where = g.type === 'MultiPolygon' ? `第${pi + 1}块` : '';
    if (!Array.isArray(poly) || poly.length === 0) {
      out.push(`${where}多边形为空`);
      return;
    }
    poly.forEach((ring: unknown, ri) => {
      const name = `${where}${ri === 0 ? '外环' : `第${ri}个内环（洞）`}`;
      if (!Array.isArray(ring) || ring.length < 4) {
        out.push(`${name}至少需要 4 个坐标（首尾相同）`);
        return;
      }
      for (const p of ring as unknown[]) {
        if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
          out.push(`${name}有无效坐标 ${JSON.stringify(p)}`);
          return;
        }
        const [lng, lat] = p as number[];
        if (lng < -180 || lng > 180 || lat < -90 || lat > 90) {
          out.push(`${name}坐标超出经纬度范围 ${JSON.stringify(p)}（应为 [经度, 纬度]）`);
          return;
        }
      }
      const first = ring[0] as number[];
      const last = ring[ring.length - 1] as number[];
      if (first[0] !== last[0] || first[1] !== last[1]) out.push(`${name}首尾坐标不相同（未闭合）`);
      else if (ringArea2(ring as Ring) === 0) out.push(`${name}面积为零`);
    });
  });
  return out;
}

/** The geometry with only [lng, lat] kept in each position, so stored boundaries are canonical. */
export function normalizeGeometry(g: BoundaryGeometry): BoundaryGeometry {
  const ring = (r: Ring): Ring => r.map((p) => [p[0], p[1]]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((poly) => poly.map(ring)) };
}

export type RingRelation = 'inside' | 'outside' | 'boundary';

/** Where (x, y) lies relative to one ring (even-odd crossing test with canonical edges). */
export function pointInRing(x: number, y: number, ring: Ring): RingRelation {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    let ax = ring[j][0];
    let ay = ring[j][1];
    let bx = ring[i][0];
    let by = ring[i][1];
    // Canonical order: the same edge walked either way gives the same arithmetic.
    if (ax > bx || (ax === bx && ay > by)) {
      const tx = ax;
      const ty = ay;
      ax = bx;
      ay = by;
      bx = tx;
      by = ty;
    }
    // On the edge: collinear and within the segment's box.
    if (
      x >= ax &&
      x <= bx &&
      y >= Math.min(ay, by) &&
      y <= Math.max(ay, by) &&
      (bx - ax) * (y - ay) - (by - ay) * (x - ax) === 0
    ) {
      return 'boundary';
    }
    // Half-open in y: an edge counts when exactly one endpoint lies above the point's line.
    if (ay > y !== by > y) {
      const xCross = ax + ((y - ay) * (bx - ax)) / (by - ay);
      if (x < xCross) inside = !inside;
    }
  }
  return inside ? 'inside' : 'outside';
}

/** True when (x, y) is in the closed polygon: inside its outer ring (or on it) and not strictly inside a hole. */
export function polygonContains(x: number, y: number, poly: Ring[]): boolean {
  const outer = pointInRing(x, y, poly[0]);
  if (outer === 'outside') return false;
  if (outer === 'boundary') return true;
  for (let h = 1; h < poly.length; h++) if (pointInRing(x, y, poly[h]) === 'inside') return false;
  return true;
}

/** True when the point lies in any part of the geometry (closed). */
export function geometryContains(g: BoundaryGeometry, lng: number, lat: number): boolean {
  for (const poly of polygonsOf(g)) if (polygonContains(lng, lat, poly)) return true;
  return false;
}

// ---- GCJ-02 ----------------------------------------------------------------------------------

const GCJ_A = 6378245.0;
const GCJ_EE = 0.00669342162296594323;

/** GCJ-02 offsets apply only inside mainland China's rough box; outside it the two systems agree. */
export function outOfChina(lat: number, lng: number): boolean {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

function transformLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function transformLng(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

/** WGS-84 → GCJ-02 (the published forward transform). */
export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p.lat, p.lng)) return { lat: p.lat, lng: p.lng };
  let dLat = transformLat(p.lng - 105.0, p.lat - 35.0);
  let dLng = transformLng(p.lng - 105.0, p.lat - 35.0);
  const radLat = (p.lat / 180.0) * Math.PI;
  let magic = Math.sin(radLat);
  magic = 1 - GCJ_EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((GCJ_A * (1 - GCJ_EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((GCJ_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}

/**
 * GCJ-02 → WGS-84. The forward transform has no closed inverse; fixed-point iteration on it converges
 * to well under a centimetre in a few steps (the offset field is smooth and small).
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outOfChina(p.lat, p.lng)) return { lat: p.lat, lng: p.lng };
  let w: LatLng = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 30; i++) {
    const g = wgs84ToGcj02(w);
    const dLat = g.lat - p.lat;
    const dLng = g.lng - p.lng;
    w = { lat: w.lat - dLat, lng: w.lng - dLng };
    if (Math.abs(dLat) < 1e-10 && Math.abs(dLng) < 1e-10) break;
  }
  return w;
}

/** A reported position in WGS-84, whatever system the client said it used. */
export function toWgs84(p: LatLng, coord: CoordSystem = 'wgs84'): LatLng {
  return coord === 'gcj02' ? gcj02ToWgs84(p) : { lat: p.lat, lng: p.lng };
}
