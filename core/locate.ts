/**
 * Which grid a point belongs to, from the stored boundaries. Built once per grid version (it hangs on
 * the directory snapshot): a packed R-tree over the boxes of every grid polygon narrows a query to a
 * few candidates, then the exact closed point-in-polygon test decides.
 *
 * The rule, identical for the indexed and the naive path: the grids whose boundary holds the point
 * (closed: edges and vertices count) are the candidates; the chosen grid is the candidate with the
 * smallest id, so a point on a border shared by several grids goes to exactly one, the same one on
 * every run. The town is the chosen grid's town, else the smallest-id town whose boundary holds it.
 */
import { bboxOf, geometryContains, polygonContains, polygonsOf, type BBox, type BoundaryGeometry, type Ring } from './geo';
import type { GridIndex } from './grid';
import type { GridNode, LatLng } from './model';
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
    this.boundaryOf = new Map(boundaries.filter((b) => grid.get(b.nodeId)).map((b) => [b.nodeId, b.geometry]));
    this.boundaryCount = this.boundaryOf.size;
    const all = grid.all();
    const towns = all.filter((n) => n.kind === 'town');
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
    return this.decide(candidates, () => {
      const th: number[] = [];
      this.townTree.searchPoint(p.lng, p.lat, (i) => th.push(i));
      return containing(this.townParts, th, p.lng, p.lat);
    });
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
    return this.decide(scan(this.gridParts), () => scan(this.townParts));
  }

  private decide(candidates: string[], towns: () => string[]): Located {
    const gridId = candidates[0] ?? null;
    if (gridId !== null) return { gridId, candidates, townId: this.grid.placement(gridId).town?.id ?? null };
    return { gridId: null, candidates, townId: towns()[0] ?? null };
  }

  /** True when the node's boundary holds the point; false when it has none. */
  contains(nodeId: string, p: LatLng): boolean {
    const g = this.boundaryOf.get(nodeId);
    return g ? geometryContains(g, p.lng, p.lat) : false;
  }
}
