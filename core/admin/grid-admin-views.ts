/** What the grid editor and the district's town actions answer (issue 19). Type-only on the client. */
import type { ImportProblem } from '../directory/boundary-import';
import type { Position } from '../directory/geo';
import type { GridNode, NodeKind } from '../model';

/** `node/save` and `node/retire`: the node as stored now, and the grid version the change made. */
export interface NodeSaved {
  node: GridNode;
  placeName: string;
  gridVersion: number;
}

export type BoundaryChange = 'added' | 'changed' | 'removed' | 'unchanged';

/** One outline to draw: outer rings only, thinned to at most PREVIEW_RING_POINTS points each. */
export interface PreviewShape {
  nodeId: string;
  name: string;
  kind: NodeKind;
  change: BoundaryChange;
  rings: Position[][];
}

/**
 * `grid/previewBoundaries`: what `grid/importBoundaries` would do with the same file, written nowhere.
 * With problems (`ok: false`) the import would be refused with exactly these; otherwise the boundaries
 * added, changed and removed in the admin's scope, the new nodes, overlaps within the tolerance and the
 * parts of a place its children leave uncovered, and simplified outlines to draw.
 */
export interface BoundaryPreview {
  ok: boolean;
  problems: ImportProblem[];
  /** The grid version the preview was made against: applying after a change is IMPORT.CONFLICT. */
  gridVersion: number;
  counts: Record<BoundaryChange, number>;
  nodes: Array<{ nodeId: string; name: string; kind: NodeKind; change: BoundaryChange; isNew: boolean }>;
  /** Unrelated places of one town whose outlines overlap by a sliver the import tolerates (share of the smaller). */
  overlaps: Array<{ a: string; aName: string; b: string; bName: string; share: number }>;
  /** Places whose children's outlines cover less than all of them (share left to the place itself, e.g. a dispatcher margin). */
  gaps: Array<{ nodeId: string; name: string; uncovered: number }>;
  shapes: PreviewShape[];
  /** [minLng, minLat, maxLng, maxLat] of every shape, or null when there is none. */
  bbox: [number, number, number, number] | null;
}

export interface TownAdminEntry {
  /** null while pending: appointed by phone, before their first sign-in. */
  openid: string | null;
  name: string;
  phone: string | null;
  pending: boolean;
}

/** `town/list`: a town of the district, its code, whether it is retired, its admins. */
export interface TownEntry {
  id: string;
  name: string;
  code: string | null;
  retiredAt: string | null;
  villages: number;
  hasBoundary: boolean;
  admins: TownAdminEntry[];
}
