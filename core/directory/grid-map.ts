/**
 * The town's grid drawn for the report page (`grid/map`): each village, cooperative and grid boundary of
 * ONE town, simplified for drawing (Douglas–Peucker) so the answer stays small whatever the file held, and
 * the open public concerns of the town as points (no text: a public surface shows where, never what was
 * written). Pure: the service reads the snapshot and the board and hands them in.
 */
import { bboxOf, polygonsOf, wgs84ToGcj02, type BBox, type BoundaryGeometry, type CoordSystem, type Ring } from './geo';
import type { GridNode } from '../model';

/** Every ring of an answer together keeps at most this many points; the tolerance grows until it does. */
export const MAP_POINTS_MAX = 4000;
/** At most this many concern points on one town's map. */
export const MAP_CONCERNS_MAX = 100;
/** Coordinates are rounded to 6 decimals (about 10 cm): enough for drawing, fewer bytes. */
const ROUND = 1e6;

export type MapArea = {
  id: string;
  name: string;
  kind: 'town' | 'village' | 'cooperative' | 'grid';
  parentId: string | null;
  /** Outer rings only, [lng, lat] pairs, each closed (first point repeated last). Holes are not drawn. */
  rings: [number, number][][];
};

export interface MapConcernPoint {
  id: string;
  categoryName: string;
  lat: number;
  lng: number;
}

export interface GridMapView {
  townId: string;
  townName: string;
  /** The system of every coordinate in the answer: WGS-84, or GCJ-02 when asked (WeChat's Map). */
  coord: CoordSystem;
  /** Every town, for switching the map to another one. */
  towns: { id: string; name: string }[];
  /** The box around every area, [minLng, minLat, maxLng, maxLat]; null when the town has no boundary. */
  bounds: BBox | null;
  areas: MapArea[];
  concerns: MapConcernPoint[];
}

/** Squared distance from p to the segment a–b, in degrees² (fine at a town's scale). */
function segmentDistance2(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on an open polyline: the points kept, ends always kept. */
function simplifyLine(pts: [number, number][], tol2: number): [number, number][] {
  if (pts.length <= 2) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let worst = -1;
    let worstAt = -1;
    for (let i = from + 1; i < to; i++) {
      const d = segmentDistance2(pts[i], pts[from], pts[to]);
      if (d > worst) {
        worst = d;
        worstAt = i;
      }
    }
    if (worstAt >= 0 && worst > tol2) {
      keep[worstAt] = 1;
      stack.push([from, worstAt], [worstAt, to]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
}

/**
 * A closed ring simplified with tolerance `tol` (degrees): split at the point farthest from the first so
 * both halves keep their ends; never fewer than 4 points (a triangle, closed) for a ring that had them.
 */
export function simplifyRing(ring: Ring, tol: number): [number, number][] {
  const pts = ring.map((p) => [p[0], p[1]] as [number, number]);
  const open = pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1] ? pts.slice(0, -1) : pts;
  if (open.length <= 3) return [...open, open[0]];
  let far = 1;
  let farD = -1;
  for (let i = 1; i < open.length; i++) {
    const d = (open[i][0] - open[0][0]) ** 2 + (open[i][1] - open[0][1]) ** 2;
    if (d > farD) {
      farD = d;
      far = i;
    }
  }
  const tol2 = tol * tol;
  const a = simplifyLine(open.slice(0, far + 1), tol2);
  const b = simplifyLine([...open.slice(far), open[0]], tol2);
  let out = [...a, ...b.slice(1)];
  if (out.length < 4) {
    // A sliver: keep a triangle of its first, farthest and the point farthest from both.
    const third = open.reduce((best, p) => (segmentDistance2(p, open[0], open[far]) > segmentDistance2(best, open[0], open[far]) ? p : best), open[1]);
    out = [open[0], open[far], third, open[0]];
  }
  return out;
}

const round = (v: number) => Math.round(v * ROUND) / ROUND;

/** The nodes of the town (itself included) that carry a boundary, in tree order (parents first). */
export function townAreas(nodes: readonly GridNode[], townId: string, boundaryOf: (id: string) => BoundaryGeometry | null): { node: GridNode; geometry: BoundaryGeometry }[] {
  const byParent = new Map<string, GridNode[]>();
  for (const n of nodes) if (n.parentId !== null) byParent.set(n.parentId, [...(byParent.get(n.parentId) ?? []), n]);
  const out: { node: GridNode; geometry: BoundaryGeometry }[] = [];
  const town = nodes.find((n) => n.id === townId);
  const queue = town ? [town] : [];
  while (queue.length > 0) {
    const n = queue.shift()!;
    const g = boundaryOf(n.id);
    if (g) out.push({ node: n, geometry: g });
    queue.push(...(byParent.get(n.id) ?? []));
  }
  return out;
}

/**
 * The areas drawn (WGS-84): outer rings simplified with a tolerance that starts at 1/2000 of the town's
 * extent and doubles until all rings together keep at most `maxPoints` points.
 */
export function drawAreas(areas: readonly { node: GridNode; geometry: BoundaryGeometry }[], maxPoints = MAP_POINTS_MAX): { bounds: BBox | null; areas: MapArea[] } {
  if (areas.length === 0) return { bounds: null, areas: [] };
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const a of areas) {
    const b = bboxOf(a.geometry);
    box[0] = Math.min(box[0], b[0]);
    box[1] = Math.min(box[1], b[1]);
    box[2] = Math.max(box[2], b[2]);
    box[3] = Math.max(box[3], b[3]);
  }
  const extent = Math.max(box[2] - box[0], box[3] - box[1], 1e-6);
  const outers = areas.map((a) => polygonsOf(a.geometry).map((poly) => poly[0]));
  let tol = extent / 2000;
  let rings: [number, number][][][] = [];
  for (let i = 0; i < 40; i++) {
    rings = outers.map((polys) => polys.map((r) => simplifyRing(r, tol)));
    const total = rings.reduce((n, polys) => n + polys.reduce((m, r) => m + r.length, 0), 0);
    if (total <= maxPoints) break;
    tol *= 2;
  }
  const r2 = (p: [number, number]): [number, number] => [round(p[0]), round(p[1])];
  return {
    bounds: [round(box[0]), round(box[1]), round(box[2]), round(box[3])],
    areas: areas.map((a, i) => ({
      id: a.node.id,
      name: a.node.name,
      kind: a.node.kind === 'district' ? 'town' : a.node.kind,
      parentId: a.node.parentId,
      rings: rings[i].map((r) => r.map(r2)),
    })),
  };
}

/** A drawn map in another coordinate system (GCJ-02 for WeChat's Map); WGS-84 stays as it is. */
export function inCoord(drawn: { bounds: BBox | null; areas: MapArea[] }, coord: CoordSystem): { bounds: BBox | null; areas: MapArea[] } {
  if (coord === 'wgs84') return drawn;
  const convert = (lng: number, lat: number): [number, number] => {
    const g = wgs84ToGcj02({ lat, lng });
    return [round(g.lng), round(g.lat)];
  };
  const b = drawn.bounds;
  return {
    bounds: b ? [...convert(b[0], b[1]), ...convert(b[2], b[3])] : null,
    areas: drawn.areas.map((a) => ({ ...a, rings: a.rings.map((r) => r.map((p) => convert(p[0], p[1]))) })),
  };
}
