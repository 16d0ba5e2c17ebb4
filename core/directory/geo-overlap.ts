/**
 * Whether boundaries cross themselves or overlap each other, exactly (no tolerance in the arithmetic):
 * two places may touch — share an edge or a vertex — but their interiors must not meet. Used by the
 * boundary import; pure.
 *
 * Interiors of two polygons meet iff (1) an edge of one properly crosses an edge of the other, or
 * (2) a piece of one's boundary (its edges split where the other's vertices lie on them) runs strictly
 * inside the other, or (3) the two share a piece of boundary and lie on the same side of it. Without
 * (1) and (2) the boundary of any common region is made of shared pieces only, so (3) finds it.
 */
import { bboxOf, pointInRing, polygonsOf, ringArea2, type BBox, type BoundaryGeometry, type Position, type Ring } from './geo';

interface Edge {
  ring: number;
  index: number;
  a: Position;
  b: Position;
  box: BBox;
}

const orient = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const within = (a: Position, b: Position, p: Position) =>
  p[0] >= Math.min(a[0], b[0]) && p[0] <= Math.max(a[0], b[0]) && p[1] >= Math.min(a[1], b[1]) && p[1] <= Math.max(a[1], b[1]);
const onSegment = (a: Position, b: Position, p: Position) => orient(a, b, p) === 0 && within(a, b, p);
const boxesMeet = (p: BBox, q: BBox) => p[0] <= q[2] && q[0] <= p[2] && p[1] <= q[3] && q[1] <= p[3];

/** A ring without repeated consecutive positions, still closed. */
function distinct(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) if (out.length === 0 || out[out.length - 1][0] !== p[0] || out[out.length - 1][1] !== p[1]) out.push(p);
  return out;
}

function edgesOf(poly: Ring[]): { edges: Edge[]; sizes: number[] } {
  const edges: Edge[] = [];
  const sizes: number[] = [];
  poly.forEach((raw, ring) => {
    const r = distinct(raw);
    sizes.push(r.length - 1);
    for (let i = 0; i + 1 < r.length; i++) {
      const a = r[i];
      const b = r[i + 1];
      edges.push({ ring, index: i, a, b, box: [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])] });
    }
  });
  return { edges, sizes };
}

/** Calls `visit` for every pair (one from `xs`, one from `ys`, or two of `xs` when ys is null) whose boxes meet; stops when it answers true. */
function pairs(xs: Edge[], ys: Edge[] | null, visit: (e: Edge, f: Edge) => boolean): void {
  const tagged = [...xs.map((e) => ({ e, side: 0 })), ...(ys ?? []).map((e) => ({ e, side: 1 }))].sort((p, q) => p.e.box[0] - q.e.box[0]);
  for (let i = 0; i < tagged.length; i++) {
    const { e, side } = tagged[i];
    for (let j = i + 1; j < tagged.length && tagged[j].e.box[0] <= e.box[2]; j++) {
      const o = tagged[j];
      if (ys !== null && o.side === side) continue;
      if (!boxesMeet(e.box, o.e.box)) continue;
      if (ys !== null && side === 1 ? visit(o.e, e) : visit(e, o.e)) return;
    }
  }
}

function crossing(e: Edge, f: Edge): Position | null {
  const o1 = orient(e.a, e.b, f.a);
  const o2 = orient(e.a, e.b, f.b);
  const o3 = orient(f.a, f.b, e.a);
  const o4 = orient(f.a, f.b, e.b);
  if (((o1 < 0 && o2 > 0) || (o1 > 0 && o2 < 0)) && ((o3 < 0 && o4 > 0) || (o3 > 0 && o4 < 0))) {
    const t = o3 / (o3 - o4);
    return [e.a[0] + t * (e.b[0] - e.a[0]), e.a[1] + t * (e.b[1] - e.a[1])];
  }
  return null;
}

/**
 * Where a polygon's rings cross or touch themselves or each other, or null when they do not. Two
 * consecutive edges of a ring may only share their common vertex (not fold back along each other).
 */
export function selfIntersection(poly: Ring[]): Position | null {
  const { edges, sizes } = edgesOf(poly);
  let found: Position | null = null;
  pairs(edges, null, (e, f) => {
    const adjacent = e.ring === f.ring && (Math.abs(e.index - f.index) === 1 || Math.abs(e.index - f.index) === sizes[e.ring] - 1);
    if (adjacent) {
      // They share one vertex; they fold back when collinear and pointing against each other.
      const [shared, p, q] = e.b[0] === f.a[0] && e.b[1] === f.a[1] ? [e.b, e.a, f.b] : [e.a, e.b, f.a];
      const back = orient(p, shared, q) === 0 && (p[0] - shared[0]) * (q[0] - shared[0]) + (p[1] - shared[1]) * (q[1] - shared[1]) > 0;
      if (back) found = shared;
      return back;
    }
    found = crossing(e, f) ?? [f.a, f.b, e.a, e.b].find((p, i) => (i < 2 ? onSegment(e.a, e.b, p) : onSegment(f.a, f.b, p))) ?? null;
    return found !== null;
  });
  return found;
}

type Relation = 'inside' | 'outside' | 'boundary';

function relation(poly: Ring[], p: Position): Relation {
  const outer = pointInRing(p[0], p[1], poly[0]);
  if (outer !== 'inside') return outer;
  for (let h = 1; h < poly.length; h++) {
    const r = pointInRing(p[0], p[1], poly[h]);
    if (r === 'boundary') return 'boundary';
    if (r === 'inside') return 'outside';
  }
  return 'inside';
}

/** A point strictly inside both polygons, or null when their interiors do not meet (touching is fine). */
export function polygonsOverlap(pa: Ring[], pb: Ring[]): Position | null {
  if (!boxesMeet(bboxOf({ type: 'Polygon', coordinates: pa }), bboxOf({ type: 'Polygon', coordinates: pb }))) return null;
  const A = edgesOf(pa).edges;
  const B = edgesOf(pb).edges;
  const splits = new Map<Edge, number[]>();
  const split = (e: Edge, p: Position) => {
    const len2 = (e.b[0] - e.a[0]) ** 2 + (e.b[1] - e.a[1]) ** 2;
    const t = ((p[0] - e.a[0]) * (e.b[0] - e.a[0]) + (p[1] - e.a[1]) * (e.b[1] - e.a[1])) / len2;
    if (t > 0 && t < 1) splits.set(e, [...(splits.get(e) ?? []), t]);
  };
  let witness: Position | null = null;
  pairs(A, B, (e, f) => {
    witness = crossing(e, f);
    if (witness) return true;
    for (const p of [f.a, f.b]) if (onSegment(e.a, e.b, p)) split(e, p);
    for (const p of [e.a, e.b]) if (onSegment(f.a, f.b, p)) split(f, p);
    return false;
  });
  if (witness) return witness;
  const check = (edges: Edge[], own: Ring[], other: Ring[]): Position | null => {
    for (const e of edges) {
      const ts = [0, ...(splits.get(e) ?? []).sort((x, y) => x - y), 1];
      for (let k = 0; k + 1 < ts.length; k++) {
        if (ts[k + 1] === ts[k]) continue;
        const t = (ts[k] + ts[k + 1]) / 2;
        const m: Position = [e.a[0] + t * (e.b[0] - e.a[0]), e.a[1] + t * (e.b[1] - e.a[1])];
        const r = relation(other, m);
        if (r === 'inside') return m;
        if (r === 'boundary') {
          // A shared piece: a step off it to either side must not be inside both.
          const dx = e.b[0] - e.a[0];
          const dy = e.b[1] - e.a[1];
          const step = ((ts[k + 1] - ts[k]) * 1e-4) / 2;
          for (const s of [step, -step]) {
            const q: Position = [m[0] - dy * s, m[1] + dx * s];
            if (relation(own, q) === 'inside' && relation(other, q) === 'inside') return q;
          }
        }
      }
    }
    return null;
  };
  return check(A, pa, pb) ?? check(B, pb, pa);
}

/** A point strictly inside both geometries, or null. */
export function geometriesOverlap(a: BoundaryGeometry, b: BoundaryGeometry): Position | null {
  for (const pa of polygonsOf(a)) for (const pb of polygonsOf(b)) {
    const w = polygonsOverlap(pa, pb);
    if (w) return w;
  }
  return null;
}

/**
 * Two parts of one MultiPolygon whose interiors meet (i < j, 0-based, and a point inside both), or null.
 * Parts may touch (at a point or along an edge); an island inside another part's hole is apart from it.
 * Overlapping parts would count their common area twice and blur which part a point lies in.
 */
export function overlappingParts(g: BoundaryGeometry): { i: number; j: number; at: Position } | null {
  const parts = polygonsOf(g);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const at = polygonsOverlap(parts[i], parts[j]);
      if (at) return { i, j, at };
    }
  }
  return null;
}

export function geometryArea(g: BoundaryGeometry): number {
  let area = 0;
  for (const poly of polygonsOf(g)) poly.forEach((ring, i) => (area += (i === 0 ? 1 : -1) * Math.abs(ringArea2(ring)) / 2));
  return area;
}

const SAMPLES = 48;

/**
 * The share of the smaller geometry's area that the two have in common, estimated on a SAMPLES ×
 * SAMPLES lattice over the intersection of their boxes (deterministic). For the tolerance between
 * places of one town, whose boundaries are often digitised separately and overlap by a sliver.
 */
export function overlapShare(a: BoundaryGeometry, b: BoundaryGeometry): number {
  const ba = bboxOf(a);
  const bb = bboxOf(b);
  const box: BBox = [Math.max(ba[0], bb[0]), Math.max(ba[1], bb[1]), Math.min(ba[2], bb[2]), Math.min(ba[3], bb[3])];
  if (box[0] >= box[2] || box[1] >= box[3]) return 0;
  const w = (box[2] - box[0]) / SAMPLES;
  const h = (box[3] - box[1]) / SAMPLES;
  const strictlyIn = (g: BoundaryGeometry, p: Position) => polygonsOf(g).some((poly) => relation(poly, p) === 'inside');
  let hits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    for (let j = 0; j < SAMPLES; j++) {
      const p: Position = [box[0] + (i + 0.5) * w, box[1] + (j + 0.5) * h];
      if (strictlyIn(a, p) && strictlyIn(b, p)) hits++;
    }
  }
  const smaller = Math.min(geometryArea(a), geometryArea(b));
  return smaller > 0 ? (hits * w * h) / smaller : 0;
}
