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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Outputs {
  'me/profile': Profile;
  'grid/tree': { nodes: GridTreeNode[] };
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
