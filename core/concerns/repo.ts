/**
 * Concern repositories: concerns and their routing, the outbox, the in-app inbox and the audit log (re-exported by core/ports.ts).
 */
import type { AuditEntry, Concern, ConcernEvent, ConcernMessage, ConcernStatus, InboxMessage, Notification, OutboxItem } from '../model';
import type { Page } from '../views';
import type { PageQuery } from '../directory/repo';

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
 * - otherwise every concern, newest first by (createdAt, id) descending — including those passed on from
 *   any of these nodes (`Concern.pastNodeIds` holds the node's id), so a node keeps what it worked on.
 * Cursor paging on that order (keyset, never an offset); adapters need an index per route level on
 * (level id, dueAt, id) for open concerns and on (level id, createdAt, id), and one on
 * (past node id, createdAt, id).
 */
export interface InboxScope {
  nodes: RouteNode[];
  officeId: string | null;
  openOnly: boolean;
  /** Narrows an open inbox (ignored unless `openOnly`); the order and cursors stay those of the open inbox. */
  filter?: InboxNarrowing;
}

/**
 * Narrowings of an open inbox, each served from the same (level id, dueAt, id) index range of open
 * concerns as the inbox itself (a range on dueAt, or a filter on the row within that range):
 * - `due`: from ≤ sla.dueAt < before;
 * - `overdue`: sla.dueAt < at, or sla.overdue (a clock was missed this round or before);
 * - `statuses`: status is one of these.
 */
export type InboxNarrowing =
  | { kind: 'due'; from: string; before: string }
  | { kind: 'overdue'; at: string }
  | { kind: 'statuses'; statuses: ConcernStatus[] };

/** The tallies behind 响应率, 解决率, 满意率 and 超期. */
export interface RateTally {
  /** Concerns counted, the 解决率 denominator: every concern but a withdrawn one (the resident took it back before anyone accepted it). */
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

/** Tallies for concerns created in one month under one route group. */
export interface RateCounts extends RateTally {
  /** YYYY-MM in Beijing time of `createdAt`. */
  month: string;
  townId: string;
  villageId: string | null;
  cooperativeId: string | null;
  gridId: string | null;
}

/** Per creation month (YYYY-MM, Beijing time) and node: how many concerns that node passed on (it is in their `pastNodeIds`). */
export interface PassedOnCount {
  month: string;
  nodeId: string;
  count: number;
}

/** Concerns created from `fromMonth` to `toMonth` (inclusive, YYYY-MM, Beijing time) under a node or co-handled by an office. */
export type RateQuery = { fromMonth: string; toMonth: string } & ({ node: RouteNode } | { officeId: string });

/**
 * A bounded query over concerns for exports and the Open311 API, newest first by (createdAt, id).
 * Every given filter applies (AND); `nodes`/`officeId` match like an inbox scope (any of them).
 * Adapters serve it from the (route level id, createdAt, id) indexes, or from (reporter, createdAt, id).
 */
export interface ConcernSearch {
  /**
   * Routed through any of these nodes, or co-handled by `officeId`; omit both for no place filter. Every
   * caller scopes a search (by place, office, reporter or ids): on CloudBase no index serves creation
   * time alone.
   */
  nodes?: RouteNode[];
  officeId?: string;
  reporterOpenid?: string;
  ids?: string[];
  categories?: string[];
  statuses?: ConcernStatus[];
  /** createdAt in [createdFrom, createdTo). */
  createdFrom: string;
  createdTo: string;
  /** When given, also updatedAt ≥ updatedFrom and < updatedTo (Open311's servicerequestupdates). */
  updatedFrom?: string;
  updatedTo?: string;
}

/** A concern's events and messages, each in stored order. */
export interface ConcernHistory {
  events: ConcernEvent[];
  messages: ConcernMessage[];
}

/** The newest message by a handler (not the reporter) in a concern's thread: what Open311 calls status_notes. */
export interface LatestReply {
  concernId: string;
  text: string;
  at: string;
}

/** One concern with its first events and notices, as `createMany` stores it. */
export interface NewConcern {
  concern: Concern;
  events: ConcernEvent[];
  notifications: Notification[];
}

export interface ConcernChange {
  patch: Partial<Pick<Concern, 'status' | 'route' | 'sla' | 'rating' | 'updatedAt' | 'pastNodeIds'>>;
  events: ConcernEvent[];
  messages: ConcernMessage[];
  /** Stored with the events so a retried call can be recognised. */
  requestId: string | null;
  /** Queued in the outbox in the same atomic step as the change: a transition never loses its notices. */
  notifications: Notification[];
}

/** A piece of user text waiting for a moderator. */
export interface HeldContent {
  kind: 'concern' | 'message';
  /** The concern's id, or the message's. */
  id: string;
  concernId: string;
  townId: string;
  authorOpenid: string;
  text: string;
  at: string;
}

export interface ConcernRepo {
  /**
   * Stores a new concern with its first events, atomically. When the reporter already stored a concern
   * under the same requestId, returns that one with `created: false` and writes nothing.
   */
  create(concern: Concern, events: ConcernEvent[], notifications: Notification[]): Promise<{ concern: Concern; created: boolean }>;
  /**
   * Stores a batch of imported concerns, all or nothing, in ONE atomic step. A concern whose reporter
   * already stored one under the same requestId (e.g. the same 12345 ticket number) is skipped, not
   * overwritten, so a re-run of an import adds only what is missing. Returns what was stored and what
   * already existed. CloudBase: one transaction (a `where({reporterOpenid, requestId})` read and a
   * `doc(id).set` per concern, plus its events and outbox adds); callers keep batches ≤ 500 concerns.
   */
  createMany(items: NewConcern[]): Promise<{ created: Concern[]; existing: Concern[] }>;
  get(id: string): Promise<Concern | null>;
  /** At most `limit` concerns matching the query, newest first. A read; no transaction needed. */
  search(query: ConcernSearch, limit: number): Promise<Concern[]>;
  /**
   * The latest published handler reply of each given concern (messages whose author is not the reporter;
   * a held or rejected one is skipped), for lists that show it (Open311 status_notes, exports). One batched read: `where({concernId: _.in(ids)})`.
   */
  latestReplies(concernIds: string[]): Promise<Map<string, LatestReply>>;
  /**
   * The timeline and thread of each given concern (unknown ids left out), for Open311's
   * servicerequestupdates. Batched reads: SQLite `concern_id IN (…)` per chunk, CloudBase `_id: _.in(ids)`.
   */
  histories(concernIds: string[]): Promise<Map<string, ConcernHistory>>;
  listByReporter(openid: string, page: PageQuery): Promise<Page<Concern>>;
  inbox(scope: InboxScope, page: PageQuery): Promise<Page<Concern>>;
  /**
   * How many concerns `inbox(scope, …)` would list over all its pages, each counted once (a concern
   * matched by two route nodes, or by a node and the office, is one). A read; no transaction needed.
   * Used for open scopes only: adapters count within the open-concern (level id, dueAt, id) indexes —
   * SQLite a COUNT over a UNION of the index ranges; CloudBase one `where(_.or(branches).and(narrowing))
   * .count()` on the collection's dueAt indexes, never a read of the documents.
   */
  countInbox(scope: InboxScope): Promise<number>;
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
  /**
   * Counts per (month, town, village, cooperative, grid) for the dashboard; an aggregate, not a scan in core.
   * 响应 (responseDecided, respondedInTime) is grouped by `sla.acceptedBy`, `resolved` by `sla.resolvedBy`,
   * the rest by the current route; a concern without a credit falls back to its current route. A node's
   * rows include what it accepted or resolved and then passed on (found through its past nodes).
   */
  rateCounts(query: RateQuery): Promise<RateCounts[]>;
  /**
   * For the dashboard's 转出 column: concerns created in the months asked that any of `nodeIds` passed on,
   * counted per month and node — an aggregate over the (past node, createdAt) index, not a scan in core.
   */
  passedOnCounts(query: { fromMonth: string; toMonth: string; nodeIds: string[] }): Promise<PassedOnCount[]>;
  /** True when an event for this concern was already stored under this actor's requestId. */
  hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean>;
  /**
   * The concern (as `get`) and whether a step of it was already stored under this actor's requestId (as
   * `hasRequest`), both from ONE consistent read: the answer never shows a concern without a step it holds.
   */
  getWithRequest(concernId: string, actorOpenid: string, requestId: string): Promise<{ concern: Concern | null; seen: boolean }>;
  /**
   * The reporter's concerns stored under any of these requestIds (e.g. a client system's 12345 ticket
   * numbers), for checks made before a batch is written. One indexed read per chunk.
   */
  byRequests(reporterOpenid: string, requestIds: string[]): Promise<Concern[]>;
  timeline(id: string): Promise<ConcernEvent[]>;
  /** Held descriptions and messages in these towns (all when null), oldest first, at most `limit`. */
  heldContent(townIds: string[] | null, limit: number): Promise<HeldContent[]>;
  /**
   * A moderator's decision on held text: ONE conditional update from `from` (`held`; `published` when a
   * reported text is taken down) to `to`, matching only an item of a concern in these towns (all when
   * null); false when the item is not in `from` there (already decided, another town's, or no such item).
   * Single-document update.
   */
  decideModeration(kind: HeldContent['kind'], id: string, to: 'published' | 'rejected', townIds: string[] | null, from?: 'held' | 'published'): Promise<boolean>;
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
  /**
   * Marks the item sent if the caller's lease (`leaseUntil`, as it claimed) still holds it; false when it
   * is settled or another worker has claimed it since the caller's lease ran out (the caller then stops
   * sending: the rest of its batch is someone else's too).
   */
  markSent(id: string, at: string, leaseUntil: string): Promise<boolean>;
  /**
   * Records a failed attempt if the caller's lease (`leaseUntil`, as it claimed) still holds the item;
   * `nextAttemptAt` null gives up (status dead, kept for review). False when it is settled or another worker
   * has claimed it since: that worker's attempt is the one that counts, so a slow failure neither counts an
   * attempt twice nor gives up an item another worker may be sending.
   */
  markFailed(id: string, error: string, nextAttemptAt: string | null, leaseUntil: string): Promise<boolean>;
  /**
   * Gives back the leases a worker took with `leaseUntil` (a batch that failed as a whole, e.g. on a full
   * disk), without counting an attempt: the items are due again at once. A lease taken since by someone
   * else (another `leaseUntil`) or a settled item is left alone.
   */
  release(ids: readonly string[], leaseUntil: string): Promise<void>;
  get(id: string): Promise<OutboxItem | null>;
  /**
   * Queues notices that no domain change carries (e.g. the reminder that a year has no holiday list).
   * A notice whose id is already queued is left as it is, so a job that runs twice queues it once.
   * Returns how many were added.
   */
  enqueue(notifications: Notification[]): Promise<number>;
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
  /** Entries of these towns (all towns when null), newest first; narrowed by `filter` when given (issue 16, item 8). */
  list(townIds: string[] | null, page: PageQuery, filter?: AuditFilter): Promise<Page<AuditEntry>>;
}

/** Narrows the audit log: one actor, one action, and `at` in [from, to) (ISO instants); absent fields do not narrow. */
export interface AuditFilter {
  actorOpenid?: string;
  action?: string;
  from?: string;
  to?: string;
}

/**
 * A notification for a person the store picks inside the operation (e.g. whoever the waitlist promotes):
 * the store fills in the recipient and derives the id as `${id}_${recipient openid}`.
 */
export type NoticeTemplate = Omit<Notification, 'recipientOpenid'>;
