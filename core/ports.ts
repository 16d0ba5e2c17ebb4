/**
 * Repository interfaces, named after domain operations. Adapters implement them over SQLite
 * (locally and in tests) and over CloudBase (production); core never sees which.
 */
import type { BoundaryImportPlan } from './boundary-import';
import type { Boundary } from './locate';
import type { AuditEntry, Category, Concern, ConcernEvent, ConcernMessage, GridNode, InboxMessage, Notification, Office, OutboxItem, StaffMember } from './model';
import type { RateLimits } from './policy';
import type { RosterImportPlan } from './roster-import';
import type { SlaConfig } from './sla';
import type { Page } from './views';

export interface PageQuery {
  cursor: string | null;
  limit: number;
}

export interface UserRecord {
  openid: string;
  name: string;
  phone: string | null;
  createdAt: string;
}

export interface DirectoryRepo {
  /** Increments whenever grid nodes change, so caches of the grid index know when to rebuild. */
  gridVersion(): Promise<number>;
  listNodes(): Promise<GridNode[]>;
  /** Every stored boundary (WGS-84 GeoJSON geometry), one per node at most. */
  listBoundaries(): Promise<Boundary[]>;
  /**
   * Applies a checked boundary import in one transaction: creates its new nodes, replaces every boundary
   * inside the plan's scope by the plan's, and bumps the grid version. Writes nothing and returns false
   * when the grid version is no longer `expectedVersion` (someone changed the grid meanwhile).
   */
  applyBoundaryImport(plan: BoundaryImportPlan, expectedVersion: number): Promise<boolean>;
  /** Adds or updates the plan's roster entries in one transaction; false (nothing written) when the grid version moved. */
  applyRosterImport(plan: RosterImportPlan, expectedVersion: number): Promise<boolean>;
  /** Binds a pending roster entry with this phone to this openid, atomically; returns the new staff member or null. */
  claimPendingStaff(openid: string, phone: string): Promise<StaffMember | null>;
  listOffices(): Promise<Office[]>;
  listCategories(townId?: string): Promise<Category[]>;
  findStaff(openid: string): Promise<StaffMember | null>;
  listStaff(): Promise<StaffMember[]>;
  /** Staff members serving any of these nodes (or offices). */
  listStaffAt(nodeIds: string[]): Promise<StaffMember[]>;
  findUser(openid: string): Promise<UserRecord | null>;
  /** Creates the user on first sight; never overwrites an existing one. */
  ensureUser(user: UserRecord): Promise<UserRecord>;
}

/** A route level: which of the concern's route ids a node is matched against. */
export type RouteLevel = 'town' | 'village' | 'cooperative' | 'grid';

export interface RouteNode {
  level: RouteLevel;
  id: string;
}

/**
 * Which concerns an inbox shows: those routed through any of these nodes (a cooperative's id matches
 * `route.cooperativeId`, and so on), or co-handled by this office.
 * - `openOnly`: open concerns only, ordered by `sla.dueAt` ascending, then id ascending (most urgent first);
 * - otherwise every concern, newest first by (createdAt, id) descending.
 * Cursor paging on that order (keyset, never an offset); adapters need an index per route level on
 * (level id, dueAt, id) for open concerns and on (level id, createdAt, id).
 */
export interface InboxScope {
  nodes: RouteNode[];
  officeId: string | null;
  openOnly: boolean;
}

/** Counts behind 响应率, 解决率, 满意率 and 超期, for concerns created in one month under one route group. */
export interface RateCounts {
  /** YYYY-MM in Beijing time of `createdAt`. */
  month: string;
  townId: string;
  villageId: string | null;
  cooperativeId: string | null;
  gridId: string | null;
  total: number;
  /** First acceptance decided (accepted, or its clock ran out) / of those, accepted in time. */
  responseDecided: number;
  respondedInTime: number;
  /** Status resolved or closed. */
  resolved: number;
  rated: number;
  /** Latest rating 满意 or 基本满意. */
  satisfied: number;
  /** A clock was missed at some point (ConcernSla.overdue). */
  overdue: number;
}

/** Concerns created from `fromMonth` to `toMonth` (inclusive, YYYY-MM, Beijing time) under a node or co-handled by an office. */
export type RateQuery = { fromMonth: string; toMonth: string } & ({ node: RouteNode } | { officeId: string });

export interface ConcernChange {
  patch: Partial<Pick<Concern, 'status' | 'route' | 'sla' | 'rating' | 'updatedAt'>>;
  events: ConcernEvent[];
  messages: ConcernMessage[];
  /** Stored with the events so a retried call can be recognised. */
  requestId: string | null;
  /** Queued in the outbox in the same atomic step as the change: a transition never loses its notices. */
  notifications: Notification[];
}

export interface ConcernRepo {
  /**
   * Stores a new concern with its first events, atomically. When the reporter already stored a concern
   * under the same requestId, returns that one with `created: false` and writes nothing.
   */
  create(concern: Concern, events: ConcernEvent[], notifications: Notification[]): Promise<{ concern: Concern; created: boolean }>;
  get(id: string): Promise<Concern | null>;
  listByReporter(openid: string, page: PageQuery): Promise<Page<Concern>>;
  inbox(scope: InboxScope, page: PageQuery): Promise<Page<Concern>>;
  /**
   * Applies a change only if the stored version is still `expectedVersion`, bumping the version and
   * appending the events and messages in the same atomic step. Returns null when someone else won.
   */
  commit(id: string, expectedVersion: number, change: ConcernChange): Promise<Concern | null>;
  /**
   * Open concerns whose `sla.watchAt` is at or before `now`, earliest first: what the SLA job must act on.
   * Must use an index on watchAt that holds only rows with a pending clock (never a scan of closed
   * concerns). Acting on them goes through `commit` with the version read here: the version check is the
   * conditional update that keeps two SLA runs from escalating the same concern twice.
   */
  dueForSla(now: string, limit: number): Promise<Concern[]>;
  /** Counts per (month, town, village, cooperative, grid) for the dashboard; an aggregate, not a scan in core. */
  rateCounts(query: RateQuery): Promise<RateCounts[]>;
  /** True when an event for this concern was already stored under this actor's requestId. */
  hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean>;
  timeline(id: string): Promise<ConcernEvent[]>;
  thread(id: string): Promise<ConcernMessage[]>;
}

/**
 * The notification outbox, kept apart from the lifecycle: domain operations enqueue into it in their own
 * transaction; a worker delivers what is due and retries failures with backoff.
 */
export interface OutboxRepo {
  /**
   * Claims up to `limit` pending items due at `now`, leasing them until `leaseUntil` so that a second
   * worker running at the same time does not claim them too.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxItem[]>;
  markSent(id: string, at: string): Promise<void>;
  /** Records a failed attempt; `nextAttemptAt` null gives up (status dead, kept for review). */
  markFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  get(id: string): Promise<OutboxItem | null>;
}

/** The in-app inbox that the local delivery adapter writes to and residents read. */
export interface MessageRepo {
  /** Stores a delivered notification; delivering the same outbox item twice stores it once. */
  deliver(message: InboxMessage): Promise<void>;
  list(openid: string, page: PageQuery): Promise<Page<InboxMessage>>;
  unreadCount(openid: string): Promise<number>;
  /** Marks the given messages (or all, when ids is null) of this person read; returns how many changed. */
  markRead(openid: string, ids: string[] | null, at: string): Promise<number>;
}

/** The audit log: append-only; nothing updates or deletes an entry. */
export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>;
  /** Entries of these towns (all towns when null), newest first. */
  list(townIds: string[] | null, page: PageQuery): Promise<Page<AuditEntry>>;
}

export interface Store {
  directory: DirectoryRepo;
  concerns: ConcernRepo;
  outbox: OutboxRepo;
  messages: MessageRepo;
  audit: AuditRepo;
  close(): Promise<void>;
}

/**
 * Counts a caller's uses of a budget within a window. `take` records one use and returns false when
 * the budget was already spent; it must be atomic per key.
 */
export interface RateLimiter {
  take(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean>;
}

/** Delivers one notification over one channel; throws to have the outbox retry it. */
export interface NotificationSender {
  send(item: OutboxItem): Promise<void>;
}

/** Everything core needs from the outside world, wired by one composition root per runtime. */
export interface Deps {
  store: Store;
  now: () => Date;
  newId: (prefix: string) => string;
  rateLimiter: RateLimiter;
  rateLimits: RateLimits;
  /** SLA clocks and the working-day calendar; DEFAULT_SLA (core/sla.ts) when absent. */
  sla?: SlaConfig;
}
