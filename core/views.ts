import type { GridTreeNode } from './grid';
import type { AuditEntry, Category, ConcernEvent, ConcernMessage, ConcernRating, ConcernStatus, FirstResponse, InboxMessage, LatLng, NodeKind, Role, RouteDecision } from './model';

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

/** The concern's clocks as shown: due times of this round and whether it is (or was) overdue. */
export interface SlaView {
  round: number;
  ackDueAt: string | null;
  resolveDueAt: string | null;
  /** The deadline an open concern is sorted by (acknowledge, then resolve); null once resolved. */
  dueAt: string | null;
  ackedAt: string | null;
  resolvedAt: string | null;
  /** A clock was missed, or the current deadline has passed. */
  overdue: boolean;
  firstResponse: FirstResponse;
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
  sla: SlaView;
  rating: ConcernRating | null;
}

/** What the caller may do next on a concern; the UI shows exactly these buttons. */
export type ConcernMove = 'accept' | 'reply' | 'resolve' | 'rate' | 'dispatch' | 'transfer' | 'return' | 'escalate';

/** One row of the dashboard: counts and rates of concerns created in one month under one node. */
export interface RateRow {
  month: string;
  /** The node (or office) counted; `direct` rows count concerns handled at the viewer's own level. */
  nodeId: string;
  name: string;
  kind: NodeKind | 'office' | 'direct';
  total: number;
  responseDecided: number;
  respondedInTime: number;
  resolved: number;
  rated: number;
  satisfied: number;
  overdue: number;
  /** 响应率: accepted within the acknowledge clock, of those decided; null without data. */
  responseRate: number | null;
  /** 解决率: resolved or closed, of all. */
  resolveRate: number | null;
  /** 满意率: 满意 or 基本满意, of those rated. */
  satisfactionRate: number | null;
}

export interface RatesView {
  node: { id: string; name: string; kind: NodeKind | 'office' };
  /** Newest first. */
  months: string[];
  /** Per month: the viewer's node first (all below it), then each child that has concerns. */
  rows: RateRow[];
}

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
  'concern/rate': ConcernDetail;
  'concern/dispatch': ConcernDetail;
  'concern/transfer': ConcernDetail;
  'concern/return': ConcernDetail;
  'concern/escalate': ConcernDetail;
  'stats/rates': RatesView;
  'message/list': Page<InboxMessage> & { unread: number };
  'message/markRead': { changed: number; unread: number };
  'audit/list': Page<AuditEntry>;
}
