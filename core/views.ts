import type { GridTreeNode } from './grid';
import type { AuditEntry, Category, ConcernEvent, ConcernMessage, ConcernStatus, InboxMessage, LatLng, Role, RouteDecision } from './model';

export interface Profile {
  openid: string;
  name: string;
  role: Role;
  nodeId: string | null;
  nodeName: string | null;
}

export interface RouteView extends RouteDecision {
  townName: string;
  villageName: string | null;
  cooperativeName: string | null;
  gridName: string | null;
  coOfficeName: string | null;
}

export interface ConcernSummary {
  id: string;
  category: string;
  categoryName: string;
  description: string;
  status: ConcernStatus;
  placeId: string;
  placeName: string;
  createdAt: string;
  updatedAt: string;
  route: RouteView;
}

/** What the caller may do next on a concern; the UI shows exactly these buttons. */
export type ConcernMove = 'accept' | 'reply' | 'resolve';

export interface ConcernDetail extends ConcernSummary {
  location: LatLng | null;
  photos: string[];
  reporterName: string;
  /** True when the caller is the reporter. */
  mine: boolean;
  moves: ConcernMove[];
  timeline: ConcernEvent[];
  thread: ConcernMessage[];
}

/** Where a point goes, shown to the resident before submitting. */
export interface LocateView {
  /** The point in WGS-84 (converted when the input was GCJ-02). */
  location: LatLng;
  /**
   * grid: inside a grid; town: inside a town but no grid (the town's dispatcher decides);
   * outside: outside every town of the deployment (a report there is refused); unknown: no boundary tells.
   */
  result: 'grid' | 'town' | 'outside' | 'unknown';
  townId: string | null;
  townName: string | null;
  villageId: string | null;
  villageName: string | null;
  cooperativeId: string | null;
  cooperativeName: string | null;
  gridId: string | null;
  gridName: string | null;
  /** Every grid whose boundary holds the point, by id; more than one means it lies on a shared border. */
  candidates: string[];
}

export interface BoundaryImportView {
  gridVersion: number;
  nodesCreated: number;
  boundaries: number;
}

export interface RosterImportView {
  staff: number;
  pending: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Outputs {
  'me/profile': Profile;
  'grid/tree': { nodes: GridTreeNode[] };
  'grid/locate': LocateView;
  'grid/importBoundaries': BoundaryImportView;
  'roster/import': RosterImportView;
  'category/list': { items: Category[] };
  'concern/submit': ConcernDetail;
  'concern/listMine': Page<ConcernSummary>;
  'concern/get': ConcernDetail;
  'concern/inbox': Page<ConcernSummary>;
  'concern/accept': ConcernDetail;
  'concern/reply': ConcernDetail;
  'concern/resolve': ConcernDetail;
  'message/list': Page<InboxMessage> & { unread: number };
  'message/markRead': { changed: number; unread: number };
  'audit/list': Page<AuditEntry>;
}
