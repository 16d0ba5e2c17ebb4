/**
 * Which grid a point belongs to, from the stored boundaries. Built once per grid version (it hangs on
 * the directory snapshot): a packed R-tree over the boxes of every grid polygon narrows a query to a
 * few candidates, then the exact closed point-in-polygon test decides.
 *
 * The rule, identical for the indexed and the naive path: the grids whose boundary holds the point
 * (closed: edges and vertices count) are the candidates. One candidate is the grid. A point on a border
 * that several hold goes to exactly one of them by where the boundaries lie, never by their ids (an id
 * says nothing about the place, and ids are made by the server anyway): the grid that holds a point a
 * hair (BORDER_NUDGE) to the north-east of it — the grid east of a north-south border, north of an
 * east-west one — else, in this order, to the north-west, south-west or south-east (a corner where grids
 * only touch); of several still (boundaries that overlap within the import's tolerance), the smallest by
 * area, the more specific place. Only grids of identical area holding the same nudged point fall back to
 * the id order. The town is decided the same way among the towns whose boundary holds the point, when
 * no grid does; else it is the chosen grid's town.
 */
import { geometryArea } from './geo-overlap';
import { bboxOf, geometryContains, polygonContains, polygonsOf, type BBox, type BoundaryGeometry, type Ring } from './geo';
import type { GridIndex } from './grid';
import type { GridNode, LatLng } from '../model';
import { PackedRTree } from './spatial-index';

export interface Boundary {
  nodeId: string;
  geometry: BoundaryGeometry;
}

export interface Located {
  /** The grid the point goes to, or null when no grid boundary holds it. */
  gridId: string | null;
  /** Every grid whose boundary holds the point, by id; more than one means it lies on a shared border. */
  candidates: string[];
  /** The chosen grid's town, else the town whose boundary holds the point, else null. */
  townId: string | null;
}

/**
 * How far (degrees, ~1 cm) a point on a border is moved to see which side it lies on; the north-south
 * step is slanted by an irrational factor so that the nudge runs along no edge of a lattice of borders.
 */
const BORDER_NUDGE = 1e-7;
const NUDGE_SLANT = Math.SQRT1_2;
/** North-east first, then north-west, south-west, south-east. */
const NUDGES: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [-1, 1],
  [-1, -1],
  [1, -1],
];

interface Part {
  nodeId: string;
  poly: Ring[];
  box: BBox;
}

function partsOf(nodes: readonly GridNode[], boundaryOf: Map<string, BoundaryGeometry>): Part[] {
  const parts: Part[] = [];
  for (const n of nodes) {
    const g = boundaryOf.get(n.id);
    if (!g) continue;
    for (const poly of polygonsOf(g)) parts.push({ nodeId: n.id, poly, box: bboxOf({ type: 'Polygon', coordinates: poly }) });
  }
  return parts;
}

function containing(parts: readonly Part[], hits: Iterable<number>, lng: number, lat: number): string[] {
  const ids = new Set<string>();
  for (const i of hits) {
    const p = parts[i];
    if (!ids.has(p.nodeId) && polygonContains(lng, lat, p.poly)) ids.add(p.nodeId);
  }
  return [...ids].sort();
}

export class LocationIndex {
  private readonly boundaryOf: Map<string, BoundaryGeometry>;
  private readonly gridParts: Part[];
  private readonly townParts: Part[];
  private readonly gridTree: PackedRTree;
  private readonly townTree: PackedRTree;
  /** True when every town of the deployment has a boundary, so "outside every town" is knowable. */
  readonly townsCovered: boolean;
  /** How many boundaries are loaded (any level). */
  readonly boundaryCount: number;

  constructor(
    private readonly grid: GridIndex,
    boundaries: readonly Boundary[],
  ) {
    // A retired node's boundary (issue 19) takes no new point: routing and locate skip it.
    this.boundaryOf = new Map(boundaries.filter((b) => grid.get(b.nodeId) && grid.get(b.nodeId)!.retiredAt === undefined).map((b) => [b.nodeId, b.geometry]));
    this.boundaryCount = this.boundaryOf.size;
    const all = grid.all();
    const towns = all.filter((n) => n.kind === 'town' && n.retiredAt === undefined);
    this.gridParts = partsOf(all.filter((n) => n.kind === 'grid'), this.boundaryOf);
    this.townParts = partsOf(towns, this.boundaryOf);
    this.gridTree = new PackedRTree(this.gridParts.map((p) => p.box));
    this.townTree = new PackedRTree(this.townParts.map((p) => p.box));
    this.townsCovered = towns.length > 0 && towns.every((t) => this.boundaryOf.has(t.id));
  }

  boundary(nodeId: string): BoundaryGeometry | null {
    return this.boundaryOf.get(nodeId) ?? null;
  }

  /** Where a WGS-84 point goes, through the spatial index. */
  locate(p: LatLng): Located {
    const hits: number[] = [];
    this.gridTree.searchPoint(p.lng, p.lat, (i) => hits.push(i));
    const candidates = containing(this.gridParts, hits, p.lng, p.lat);
    return this.decide(
      candidates,
      () => {
        const th: number[] = [];
        this.townTree.searchPoint(p.lng, p.lat, (i) => th.push(i));
        return containing(this.townParts, th, p.lng, p.lat);
      },
      p,
    );
  }

  /** The same rule by scanning every boundary: the reference the index is tested and benchmarked against. */
  locateNaive(p: LatLng): Located {
    const scan = (parts: readonly Part[]) => {
      const ids = new Set<string>();
      for (const part of parts) {
        const [a, b, c, d] = part.box;
        if (p.lng < a || p.lat < b || p.lng > c || p.lat > d) continue;
        if (polygonContains(p.lng, p.lat, part.poly)) ids.add(part.nodeId);
      }
      return [...ids].sort();
    };
    return this.decide(scan(this.gridParts), () => scan(this.townParts), p);
  }

  private decide(candidates: string[], towns: () => string[], p: LatLng): Located {
    const gridId = this.onBorder(candidates, p);
    if (gridId !== null) return { gridId, candidates, townId: this.grid.placement(gridId).town?.id ?? null };
    return { gridId: null, candidates, townId: this.onBorder(towns(), p) };
  }

  /** Which of the nodes whose boundaries hold `p` it goes to (the rule above); null for none. */
  private onBorder(ids: readonly string[], p: LatLng): string | null {
    if (ids.length <= 1) return ids[0] ?? null;
    for (const [dx, dy] of NUDGES) {
      const x = p.lng + dx * BORDER_NUDGE;
      const y = p.lat + dy * BORDER_NUDGE * NUDGE_SLANT;
      const holding = ids.filter((id) => geometryContains(this.boundaryOf.get(id)!, x, y));
      if (holding.length === 0) continue;
      const area = (id: string) => geometryArea(this.boundaryOf.get(id)!);
      return holding.map((id) => ({ id, a: area(id) })).sort((m, n) => m.a - n.a || (m.id < n.id ? -1 : 1))[0].id;
    }
    return ids[0];
  }

  /** True when the node's boundary holds the point; false when it has none. */
  contains(nodeId: string, p: LatLng): boolean {
    const g = this.boundaryOf.get(nodeId);
    return g ? geometryContains(g, p.lng, p.lat) : false;
  }
}
