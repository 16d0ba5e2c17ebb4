/** Domain types shared by core, server adapters and the mini program (type-only imports on the client). */

export type NodeKind = 'district' | 'town' | 'village' | 'cooperative' | 'grid';

export interface GridNode {
  id: string;
  kind: NodeKind;
  name: string;
  parentId: string | null;
}

export interface Office {
  id: string;
  townId: string;
  /** Stable code of the office within any town, e.g. `enforcement`, `environment`. */
  code: string;
  name: string;
}

/** 12345 ticket kinds; they pick the default resolve clock. */
export type CategoryKind = 'consult' | 'help' | 'suggest' | 'complaint' | 'report';

export interface Category {
  townId: string;
  code: string;
  name: string;
  kind: CategoryKind;
  /** Code of the town office that joins as co-handler, if any. */
  leadOfficeCode: string | null;
}

/** `leader`: a resident who leads a volunteer team (leadership is stored per team, not in the staff roster). */
export type Role = 'resident' | 'staff' | 'office' | 'admin' | 'leader';

/** Who is calling, resolved on the server from the roster; never taken from a request. */
export interface Caller {
  openid: string;
  name: string;
  role: Role;
  /** For staff and admins: the grid node they serve; for office staff: the office id. */
  nodeId: string | null;
  /**
   * For a resident who leads a volunteer team: that team and its village or cooperative. The caller's
   * role stays `resident`, so leading a team grants nothing in the concern workflow; team actions check
   * leadership of the team in question.
   */
  leads?: { teamId: string; nodeId: string } | null;
}

export interface StaffMember {
  openid: string;
  name: string;
  role: Exclude<Role, 'resident' | 'leader'>;
  nodeId: string;
  phone: string | null;
}

export type ConcernStatus = 'submitted' | 'dispatching' | 'assigned' | 'accepted' | 'in_progress' | 'resolved' | 'closed';

export type RouteStep = 'location' | 'place' | 'dispatch';

export interface RouteDecision {
  step: RouteStep;
  townId: string;
  villageId: string | null;
  cooperativeId: string | null;
  gridId: string | null;
  /** Office that joins as co-handler because it leads the category. */
  coOfficeId: string | null;
  /** Machine-readable reason, stable across releases. */
  reasonCode: string;
  /** Why, in words a resident and a committee member can read. */
  reason: string;
}

export interface LatLng {
  lat: number;
  lng: number;
}

export interface Concern {
  id: string;
  reporterOpenid: string;
  category: string;
  description: string;
  placeId: string;
  location: LatLng | null;
  photos: string[];
  status: ConcernStatus;
  route: RouteDecision;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency counter: every committed transition increments it. */
  version: number;
  requestId: string | null;
}

export type ActorRole = Role | 'system';

export interface ConcernEvent {
  id: string;
  concernId: string;
  type: string;
  actorOpenid: string | null;
  actorName: string | null;
  actorRole: ActorRole;
  at: string;
  fromStatus: ConcernStatus | null;
  toStatus: ConcernStatus | null;
  note: string | null;
}

export interface ConcernMessage {
  id: string;
  concernId: string;
  authorOpenid: string;
  authorName: string;
  authorRole: ActorRole;
  text: string;
  photos: string[];
  at: string;
}

/**
 * What a person is told, as plain fields. Each delivery adapter maps a kind to its own form: a WeChat
 * one-time subscribe message template (with its field limits) in production, an in-app message locally.
 */
export type NotificationKind =
  | 'concern_assigned'
  | 'concern_replied'
  | 'concern_resolved'
  | 'team_applied'
  | 'team_reviewed'
  | 'event_promoted'
  | 'event_cancelled'
  | 'event_reminder';

export interface Notification {
  id: string;
  recipientOpenid: string;
  kind: NotificationKind;
  /** Short subject in Chinese, e.g. 诉求有新回复. */
  title: string;
  /** One or two sentences in Chinese. */
  body: string;
  /** Mini-program page to open, with its query, e.g. `/pages/concern/index?id=…`. */
  page: string;
  createdAt: string;
}

export type OutboxStatus = 'pending' | 'sent' | 'dead';

/** A notification waiting in, or done with, the outbox. Rows are never deleted. */
export interface OutboxItem extends Notification {
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
}

/** A message in a person's in-app inbox (the local delivery adapter). */
export interface InboxMessage {
  id: string;
  recipientOpenid: string;
  kind: NotificationKind;
  title: string;
  body: string;
  page: string;
  createdAt: string;
  readAt: string | null;
}
