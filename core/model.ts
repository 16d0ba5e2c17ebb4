/** Domain types shared by core, server adapters and the mini program (type-only imports on the client). */

export type NodeKind = 'district' | 'town' | 'village' | 'cooperative' | 'grid';

export interface GridNode {
  id: string;
  kind: NodeKind;
  name: string;
  parentId: string | null;
  /** Issue 19: the town's own code for the node (unique within its town), when the admin gave one. */
  code?: string;
  /** Issue 19: when the node was retired (撤销). A retired node keeps its history and routes nothing new. */
  retiredAt?: string;
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
  /** The town's SLA overrides (issue 19): working hours to acknowledge, working days to resolve; null keeps the kind's default. */
  ackHours: number | null;
  resolveDays: number | null;
  /** Off: not offered for new reports (CATEGORY.UNKNOWN); concerns filed under it keep it. */
  enabled: boolean;
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

export type ConcernStatus = 'submitted' | 'dispatching' | 'assigned' | 'accepted' | 'in_progress' | 'resolved' | 'closed' | 'withdrawn';

/**
 * How the current route was decided: at submit by location, picked place or the dispatcher queue; later
 * by a person (`manual`: 派单 or 转派) or by escalation (`escalation`: 上报, by hand or by the SLA timer).
 */
export type RouteStep = 'location' | 'place' | 'dispatch' | 'manual' | 'escalation';

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

/** The resident's rating of a resolved concern: 满意 / 基本满意 / 不满意. */
export type Rating = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export interface ConcernRating {
  value: Rating;
  comment: string | null;
  at: string;
  /** The round (see ConcernSla.round) that was rated. */
  round: number;
}

/**
 * Whether the first acknowledgement (签收) of round 1 met its clock; feeds 响应率. Decided once: by the
 * first acceptance, or by the SLA job when the clock runs out first.
 */
export type FirstResponse = 'pending' | 'in_time' | 'late';

/**
 * SLA clocks of the concern's current round, on the working-day calendar (core/concerns/sla.ts). A reopen (重办)
 * starts a new round with fresh clocks. `dueAt` and `watchAt` are derived by core whenever the concern
 * changes, and stored so that adapters can index them: inboxes sort by `dueAt`, the SLA job looks only
 * at rows whose `watchAt` has passed.
 */
export interface ConcernSla {
  round: number;
  /** null for concerns stored before clocks existed. */
  ackDueAt: string | null;
  resolveDueAt: string | null;
  /** First acceptance in this round. */
  ackedAt: string | null;
  resolvedAt: string | null;
  /** This round's clocks that ran out before being met (each escalates once). */
  ackMissed: boolean;
  resolveMissed: boolean;
  /** Sticky: a clock was missed in some round. Flags the case in lists and counts in 超期. */
  overdue: boolean;
  firstResponse: FirstResponse;
  /** The deadline an open concern is sorted by: acknowledge until accepted, then resolve; null when not open. */
  dueAt: string | null;
  /** The next deadline the SLA job acts on; null when no clock is pending. */
  watchAt: string | null;
  /**
   * Years this round's clocks ran through that had no holiday list when they were set (counted on
   * weekends only, so a deadline may fall on a holiday). Absent when the calendar was complete.
   */
  calendarGaps?: number[];
  /**
   * The route that decided 响应率 (the node that accepted in round 1, or that held the concern when its
   * first acknowledge clock ran out) and the route of the latest 办结: the dashboard credits each rate to
   * the node that did the work, not the one holding the concern now. Absent on concerns stored before
   * this was recorded; counts then fall back to the current route.
   */
  acceptedBy?: RouteCredit;
  resolvedBy?: RouteCredit;
}

/** The route levels a rate is credited to. */
export type RouteCredit = Pick<RouteDecision, 'townId' | 'villageId' | 'cooperativeId' | 'gridId'>;

/**
 * Where a concern came in: the mini program, an Open311 client system, or the district 12345 hotline
 * (by its Open311 client or a CSV import). Imported concerns are routed and clocked like any other.
 */
/** Where a concern came from: the app, a client system (Open311, the 12345 hotline), or a volunteer team's leader in the field (issue 20, `event/flagPlace`). */
export type ConcernSource = 'app' | 'open311' | '12345' | 'team';

/** A ticket relayed by a client system: no person in the app wrote it. */
export const isRelayedSource = (s: ConcernSource): boolean => s === 'open311' || s === '12345';

export interface Concern {
  id: string;
  /** For imported concerns: the client system's pseudo-resident (`open311-<clientId>`), never a person. */
  reporterOpenid: string;
  source: ConcernSource;
  category: string;
  description: string;
  placeId: string;
  location: LatLng | null;
  photos: string[];
  status: ConcernStatus;
  route: RouteDecision;
  sla: ConcernSla;
  /** The latest rating; null until the resident rates. */
  rating: ConcernRating | null;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-concurrency counter: every committed transition increments it. */
  version: number;
  requestId: string | null;
  /** Content check of the description: shown to others only once published. */
  moderation: Moderation;
  /**
   * Village, cooperative and grid ids that held the concern and passed it on (转派, 上报, 退回, or the SLA
   * timer's escalation), each once, oldest first; only ever grows. Their staff keep it, read-only, in 全部.
   */
  pastNodeIds: string[];
}

/**
 * Where user text stands with the content check: published; held for a moderator (the town admin)
 * to review; or rejected by the moderator. Held and rejected text is kept, never dropped, and shown
 * only to its author and the moderators.
 */
export type Moderation = 'published' | 'held' | 'rejected';

/**
 * A client system of the Open311 API (e.g. the district 12345 platform). Its key is stored only as a
 * SHA-256 hash. It acts as a pseudo-resident with openid `open311-<id>` when it posts requests.
 */
export interface ApiClient {
  id: string;
  name: string;
  /** What its posts become: `12345` for the district hotline platform, `open311` for any other system. */
  source: Exclude<ConcernSource, 'app' | 'team'>;
  /** Towns it may post to and read from. */
  townIds: string[];
  /** `own`: it reads back only the requests it posted; `scope`: every request of its towns (oversight). */
  reads: 'own' | 'scope';
  /** Its budget, per key: calls of any kind per minute, and posts per hour. */
  requestsPerMinute: number;
  postsPerHour: number;
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
  moderation: Moderation;
}

/**
 * What a person is told, as plain fields. Each delivery adapter maps a kind to its own form: a WeChat
 * one-time subscribe message template (with its field limits) in production, an in-app message locally.
 */
export type NotificationKind =
  | 'concern_assigned'
  | 'concern_accepted'
  | 'concern_replied'
  | 'concern_resolved'
  | 'concern_rated'
  | 'concern_reopened'
  | 'concern_rerouted'
  | 'concern_overdue'
  | 'team_applied'
  | 'team_reviewed'
  | 'event_promoted'
  | 'event_cancelled'
  | 'event_reminder'
  /** To the leader who created an event: the moderator published or rejected its texts. */
  | 'event_reviewed'
  /** To admins, daily: a year that clocks run into has no holiday list yet. */
  | 'calendar_missing'
  /** To the author of a text a moderator took down (下架); in-app only (core/trust/takedown-notice.ts). */
  | 'content_removed'
  // 街坊议事 (yishi): to a place's residents when a topic opens and when it is decided; to a proposer when answered.
  | 'topic_opened'
  | 'topic_decided'
  | 'topic_answered'
  /** Volunteer actions (issue 20): to a team's leaders, a new action to schedule; to handlers, its result or cancellation. */
  | 'action_started'
  | 'action_reported'
  | 'action_cancelled'
  // Residents following up (#17): to the handlers.
  | 'concern_withdrawn'
  | 'concern_chased';

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

/** A message in a person's in-app inbox (the local delivery adapter): a delivered notification. */
export interface InboxMessage extends Notification {
  readAt: string | null;
}

/** Feedback about the app itself (投诉建议), read by the district's admins. */
export interface Feedback {
  id: string;
  authorOpenid: string;
  text: string;
  /** How to reach the author, if they chose to leave it. */
  contact: string | null;
  /** The town of the author's node when they wrote it (staff, admins, leaders); null for a resident: the district's. */
  townId: string | null;
  createdAt: string;
  moderation: Moderation;
}

/** One staff or admin action, as the append-only audit log keeps it. */
export interface AuditEntry {
  id: string;
  at: string;
  actorOpenid: string;
  actorName: string;
  actorRole: Role;
  /** The grid node or office the actor serves. */
  nodeId: string | null;
  /** The town the actor works in, or null for a district-level actor; admins read their town's entries. */
  townId: string | null;
  action: string;
  /** The object acted on, when the input names one (e.g. a concern id). */
  targetId: string | null;
  /** `ok`, or the error code of a refused attempt. */
  outcome: string;
}
