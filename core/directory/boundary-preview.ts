/**
 * `grid/previewBoundaries` (issue 19): the map preview of a boundary file before it is applied. It runs
 * exactly the checks of `grid/importBoundaries` (planBoundaryImport) and writes nothing; applying stays
 * that import action. With problems, the answer lists them (the import would refuse the file with the
 * same); otherwise it says which boundaries of the admin's scope the file adds, changes and removes, which
 * nodes it creates, the slivers of overlap it tolerates, the part of each place its children leave
 * uncovered, and thinned outer rings to draw (an SVG in H5).
 */
import { planBoundaryImport } from './boundary-import';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { bboxOf, polygonsOf, type BoundaryGeometry, type Position } from './geo';
import { geometriesOverlap, geometryArea, overlapShare } from './geo-overlap';
import { GridIndex } from './grid';
import type { BoundaryChange, BoundaryPreview, PreviewShape } from '../admin/grid-admin-views';
import { adminScope } from './grid-service';
import type { ParsedInputOf } from '../schemas';

/** Points kept per drawn ring, and outlines drawn at most: enough to see a change, small on the wire. */
export const PREVIEW_RING_POINTS = 120;
export const PREVIEW_SHAPES_MAX = 600;
/** A place whose children leave less than this share of it uncovered is not reported. */
const GAP_REPORTED = 0.005;

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** Every k-th point of a ring, its first and last kept, so at most `max` remain. */
export function thinRing(ring: readonly Position[], max = PREVIEW_RING_POINTS): Position[] {
  const step = Math.max(1, Math.ceil(ring.length / max));
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i += step) out.push([r6(ring[i][0]), r6(ring[i][1])]);
  const last = ring[ring.length - 1];
  if (step > 1 && last) out.push([r6(last[0]), r6(last[1])]);
  return out;
}

const same = (a: BoundaryGeometry | undefined, b: BoundaryGeometry | undefined) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

export async function previewBoundaries(ctx: Ctx, input: ParsedInputOf<'grid/previewBoundaries'>): Promise<BoundaryPreview> {
  const snap = await ctx.directory.current();
  const scope = adminScope(ctx, snap);
  const current = await ctx.deps.store.directory.listBoundaries();
  let n = 0;
  const checked = planBoundaryImport(snap.grid, current, scope, input.geojson, () => `new-${++n}`);
  const empty = { gridVersion: snap.version, counts: { added: 0, changed: 0, removed: 0, unchanged: 0 }, nodes: [], overlaps: [], gaps: [], shapes: [], bbox: null };
  if (!checked.ok) return { ok: false, problems: checked.problems, ...empty };
  const { plan } = checked;
  const next = new GridIndex([...snap.grid.all(), ...plan.newNodes]);
  const isNew = new Set(plan.newNodes.map((x) => x.id));
  const before = new Map(current.filter((b) => next.isWithin(b.nodeId, scope)).map((b) => [b.nodeId, b.geometry]));
  const after = new Map(plan.boundaries.map((b) => [b.nodeId, b.geometry]));
  const counts: Record<BoundaryChange, number> = { added: 0, changed: 0, removed: 0, unchanged: 0 };
  const nodes: BoundaryPreview['nodes'] = [];
  const shapes: PreviewShape[] = [];
  for (const id of new Set([...after.keys(), ...before.keys()])) {
    const node = next.get(id);
    if (!node) continue;
    const a = after.get(id);
    const b = before.get(id);
    const change: BoundaryChange = a === undefined ? 'removed' : b === undefined ? 'added' : same(a, b) ? 'unchanged' : 'changed';
    counts[change]++;
    if (change !== 'unchanged') nodes.push({ nodeId: id, name: node.name, kind: node.kind, change, isNew: isNew.has(id) });
    if (shapes.length < PREVIEW_SHAPES_MAX) shapes.push({ nodeId: id, name: node.name, kind: node.kind, change, rings: polygonsOf((a ?? b)!).map((poly) => thinRing(poly[0])) });
  }
  // Slivers between siblings the import tolerates (≤ SAME_TOWN_OVERLAP), and what children leave uncovered.
  const overlaps: BoundaryPreview['overlaps'] = [];
  const gaps: BoundaryPreview['gaps'] = [];
  for (const [id, geometry] of after) {
    const kids = next.children(id).filter((c) => c.retiredAt === undefined && after.has(c.id));
    kids.forEach((k, i) => {
      for (const o of kids.slice(i + 1)) {
        if (!geometriesOverlap(after.get(k.id)!, after.get(o.id)!)) continue;
        overlaps.push({ a: k.id, aName: k.name, b: o.id, bName: o.name, share: r6(overlapShare(after.get(k.id)!, after.get(o.id)!)) });
      }
    });
    if (kids.length === 0) continue;
    const covered = kids.reduce((sum, k) => sum + geometryArea(after.get(k.id)!), 0) / geometryArea(geometry);
    if (1 - covered > GAP_REPORTED) gaps.push({ nodeId: id, name: next.get(id)!.name, uncovered: r6(Math.max(0, 1 - covered)) });
  }
  const boxes = shapes.length === 0 ? [] : [...after.values(), ...before.values()].map(bboxOf);
  const bbox: BoundaryPreview['bbox'] = boxes.length === 0 ? null : [Math.min(...boxes.map((x) => x[0])), Math.min(...boxes.map((x) => x[1])), Math.max(...boxes.map((x) => x[2])), Math.max(...boxes.map((x) => x[3]))];
  return { ok: true, problems: [], gridVersion: snap.version, counts, nodes, overlaps, gaps, shapes, bbox };
}
