/**
 * Repository interfaces, named after domain operations. Adapters implement them over SQLite
 * (locally and in tests) and over CloudBase (production); core never sees which.
 */
import type { ActionChange, ActionStatus, VolunteerAction } from './action-model';
import type { BoundaryImportPlan } from './boundary-import';
import type { PointsBalance, PointsEntry, PointsMonthTotal, PointsSettings, RedeemOutcome, Redemption, Reward } from './points-model';
import type { CalendarYear } from './calendar';
import type { Boundary } from './locate';
import type { ApiClientRecord } from './api-client-model';
import type { ApiClient, AuditEntry, Feedback, Category, Concern, ConcernEvent, ConcernMessage, ConcernStatus, GridNode, InboxMessage, Moderation, Notification, Office, OutboxItem, StaffMember } from './model';
import type { RateLimits } from './policy';
import type { ContentReport, ReportedKind } from './report-model';
import type { ResidentPlace, ResidentVerification, Topic, TopicComment, TopicVote, VoteOutcome } from './topic-model';
import type { DepartedStaff, PendingStaff, RosterImportPlan } from './roster-import';
import type { SlaConfig } from './sla';
import type { Page, SubscribeTemplateIds } from './views';
import type { HoursAudit, Membership, SignUp, Team, VolunteerEvent, VolunteerSettings } from './volunteer-model';

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
  /**
   * The directory version: increments whenever grid nodes, boundaries or the calendar change, so the
   * caches built from them (grid index, spatial index, working-day calendar) know when to rebuild.
   */
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
  /**
   * Creates the user on first sight; never overwrites an existing one. `hint.absent`: the caller has just
   * read that no such user exists, so a store may skip its own read (it still never overwrites one).
   */
  ensureUser(user: UserRecord, hint?: { absent: boolean }): Promise<UserRecord>;
  /**
   * The Open311 client system whose API key hashes to `keyHash` (SHA-256, hex), or null (also when it
   * was revoked). A single read by a unique field; keys are never stored in the clear.
   */
  findApiClient(keyHash: string): Promise<ApiClient | null>;
  /** The working-day calendar: the latest version of every year that has a list, oldest year first. */
  listCalendarYears(): Promise<CalendarYear[]>;
  /**
   * Stores `entry` as the year's next version and bumps the directory version (so every cache clocks
   * with it), in one atomic step. Earlier versions are kept. Writes nothing and returns false when the
   * year's latest stored version is no longer `entry.version - 1` (someone saved it meanwhile).
   */
  saveCalendarYear(entry: CalendarYear): Promise<boolean>;
  /**
   * Stores each given list (version 1) for a year that has no list yet; a year already stored, by an
   * admin or an earlier seed, is left as it is. Returns the years added. Idempotent.
   */
  seedCalendarYears(years: CalendarYear[]): Promise<number[]>;

  // Admin (issue 19): people on the roster.
  /** Roster entries waiting for their WeChat user, ordered by node then phone. */
  listPendingStaff(): Promise<PendingStaff[]>;
  /**
   * Takes `openid` off the roster and stores who they were as `departure` (with the member's fields), in
   * one atomic step; a pending entry with their phone goes too. Their next call finds no roster entry.
   * Returns the removed member, or null (nothing written) when `openid` is not on the roster.
   */
  removeStaff(openid: string, departure: Omit<DepartedStaff, keyof StaffMember>): Promise<StaffMember | null>;
  /** Drops the pending entry of this phone; false (nothing written) when there is none. */
  removePendingStaff(phone: string): Promise<boolean>;
  /** Every departure record, newest first (removedAt, then id, descending). */
  listDepartedStaff(): Promise<DepartedStaff[]>;
  /**
   * Adds or replaces a town's category (by town and code) and bumps the directory version, in one atomic
   * step, so every cached snapshot (and the SLA clocks of the next concern) sees it. A new category sorts
   * after the town's others; an edited one keeps its place.
   */
  saveCategory(category: Category): Promise<void>;
  /** The users whose WeChat account carries this phone (a team leader is found by phone). CloudBase: the `phone` index of `users`. */
  findUsersByPhone(phone: string): Promise<UserRecord[]>;

  // Admin (issue 19): Open311 clients, in sqlite-api-clients.ts and cloudbase/api-clients.ts.
  /**
   * Stores a new client with the SHA-256 hash of `key` (the key itself is never stored); false (nothing
   * written) when a client with its id exists.
   */
  createApiClient(client: ApiClient, key: string, createdAt: string): Promise<boolean>;
  /** Every client, revoked ones too, by createdAt then id. */
  listApiClients(): Promise<ApiClientRecord[]>;
  /**
   * Revokes the client: one conditional update from not revoked, after which `findApiClient` no longer
   * finds its key. The client answered as revoked; null (nothing written) when there is no such client
   * or it was revoked already.
   */
  revokeApiClient(id: string, revokedAt: string): Promise<ApiClientRecord | null>;

  // Admin (issue 19): the grid editor and the district's towns, in sqlite-grid-admin.ts and cloudbase/grid-admin.ts.
  /**
   * Writes one node — a new one (for a new town, with `town`'s offices and categories) or a stored one's
   * new name and code (kind, parent and retirement never change here) — and bumps the grid version, in one
   * atomic step, so every cached snapshot rebuilds. Writes nothing and returns false when the grid version
   * is no longer `expectedVersion` (someone changed the grid meanwhile).
   */
  saveNode(node: GridNode, expectedVersion: number, town?: { offices: Office[]; categories: Category[] }): Promise<boolean>;
  /**
   * Marks the node retired at `retiredAt` (kept, with its boundary, for its history) and bumps the grid
   * version, in one atomic step. Writes nothing and returns false when the grid version is no longer
   * `expectedVersion`, or the node is missing or retired already.
   */
  retireNode(id: string, retiredAt: string, expectedVersion: number): Promise<boolean>;
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

/**
 * Teams, their leaders and members. Membership records have the deterministic id `${teamId}_${openid}`,
 * so a person has one record per team whatever the number of concurrent applications.
 */
export interface TeamRepo {
  listTeams(): Promise<Team[]>;
  getTeam(id: string): Promise<Team | null>;
  /** Team ids this person leads (a leader is a resident; leadership is its own table/collection). */
  ledBy(openid: string): Promise<string[]>;
  isLeader(teamId: string, openid: string): Promise<boolean>;
  leaders(teamId: string): Promise<Array<{ openid: string; name: string }>>;
  getMembership(teamId: string, openid: string): Promise<Membership | null>;
  membershipsOf(openid: string): Promise<Membership[]>;
  /** Members of every status, oldest application first. */
  listMembers(teamId: string): Promise<Membership[]>;
  memberCounts(): Promise<Map<string, number>>;
  /**
   * Records an application, atomically: creates the record, or re-opens a declined/left one as pending
   * (conditional on its status), and queues the notices in the same step. A pending or member record is
   * returned unchanged with `changed: false`. CloudBase: `doc(id).create()` or a conditional
   * `where({_id, status: _.in(['declined','left'])}).update()` in one transaction with the outbox add.
   */
  apply(m: Membership, notices: Notification[]): Promise<{ membership: Membership; changed: boolean }>;
  /**
   * Moves a membership from one of `from` to `to`, only if its status is still one of `from` (a
   * conditional update), queuing the notices in the same step. Returns null when it was not in `from`.
   */
  transition(id: string, from: readonly Membership['status'][], to: Membership['status'], at: string, notices: Notification[]): Promise<Membership | null>;
  /** Sets or clears the 党员 badge of a current member; null when there is no such member. Single-document update. */
  setPartyMember(id: string, partyMember: boolean): Promise<Membership | null>;
  /**
   * Applications whose note is held for a moderator, in these teams (all when null), oldest first, at
   * most `limit`. An indexed query on the held notes (SQLite a partial index, CloudBase `noteModeration`).
   */
  heldNotes(teamIds: string[] | null, limit: number): Promise<Membership[]>;
  /** A moderator's decision on a held note: a conditional single-document update from `held`; false when not held. */
  decideNote(membershipId: string, to: 'published' | 'rejected'): Promise<boolean>;

  // Admin (issue 19): teams as the town's admin sets them up.
  /** Stores a new team (no leaders yet); false (nothing written) when a team with its id exists. */
  createTeam(team: Team): Promise<boolean>;
  /**
   * Replaces the team's leaders by exactly these people, atomically (two admins saving at once: one set
   * wins whole). False (nothing written) when there is no such team.
   */
  setLeaders(teamId: string, leaders: Array<{ openid: string; name: string }>): Promise<boolean>;
  /**
   * Marks the team archived at `at`, only if it is not archived yet (a conditional single-document
   * update); false (nothing written) when there is no such team or it was archived already.
   */
  archiveTeam(teamId: string, at: string): Promise<boolean>;
}

export type SignUpOutcome =
  /** `position`: the waitlist position, when the store counted it with its last reads (else the caller counts it). */
  | { kind: 'signed' | 'waitlisted'; signUp: SignUp; created: boolean; position?: number }
  | { kind: 'full' }
  | { kind: 'closed' }
  /** A retry of a request (same requestId) whose place the person has since cancelled. */
  | { kind: 'stale'; signUp: SignUp };

export interface CancelOutcome {
  /** The cancelled sign-up, or null when the person held no place. */
  cancelled: SignUp | null;
  /** Whoever the waitlist promoted into the freed place, if anyone. */
  promoted: SignUp | null;
}

/** Why and when an event was called off, with the content check's verdict on the reason. */
export interface EventCancellation {
  reason: string;
  moderation: Moderation;
  at: string;
}

export interface AttendanceChange {
  field: 'checkIn' | 'checkOut';
  at: string;
}

/**
 * Volunteer events, their sign-ups and attendance. The event document carries the counters
 * (`signedCount`, `waitlistCount`); each sign-up is its own document with id `${eventId}_${openid}`.
 */
export interface EventRepo {
  /** Stores a new event. Single insert. */
  createEvent(e: VolunteerEvent): Promise<void>;
  /**
   * Sets the place and waitlist counters of open events to what their sign-ups hold, where they differ:
   * a sign-up that took a place and died before writing its document must not keep the place for ever.
   * Where a sign-up may still be on its way (CloudBase: the counter moved since the previous run), the
   * event is left for the next run. Answers how many events were corrected. Run by the SLA timer.
   */
  reconcileCounters(now: string): Promise<number>;
  getEvent(id: string): Promise<VolunteerEvent | null>;
  /** Open and cancelled events of these teams ending at or after `from`, soonest first. */
  listEvents(teamIds: string[], from: string): Promise<VolunteerEvent[]>;
  getSignUp(eventId: string, openid: string): Promise<SignUp | null>;
  /** Every sign-up of the event (any status), in arrival order. */
  listSignUps(eventId: string): Promise<SignUp[]>;
  /** 1-based place in the waitlist of a waitlisted sign-up with this arrival order. A count query. */
  waitlistPosition(eventId: string, arrival: number): Promise<number>;
  /** This person's sign-ups of every status, with their events, newest event first. */
  signUpsOf(openid: string): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>>;
  /**
   * Takes a place for this person, as ONE atomic step — never a read of the count followed by a write:
   * 1. a person already holding a place (signed or waitlisted) gets it back (`created: false`);
   *    a retry with the requestId of a place since cancelled gets `stale`;
   * 2. otherwise the event's `signedCount` is incremented only where the event is open and
   *    `signedCount < capacity` (a conditional update), and the sign-up is written `signed`;
   * 3. when that matched nothing and the event has a waitlist, `waitlistCount` is incremented the same
   *    way and the sign-up is written `waitlisted` with the next arrival order; with no waitlist: `full`.
   * An event that is not open gives `closed`. The sign-up document id is `${eventId}_${openid}`, so two
   * concurrent calls by one person cannot both take a place.
   * CloudBase: `where({_id: eventId, status: 'open', signedCount: _.lt(capacity)}).update({signedCount:
   * _.inc(1)})` (capacity never changes), then `doc(`${eventId}_${openid}`).set(...)`, both in one
   * transaction (or the counter given back when the document write fails). Arrival order there is the
   * server date plus the document id.
   */
  signUp(eventId: string, person: { openid: string; name: string }, requestId: string | null, at: string, read?: SignUpReads): Promise<SignUpOutcome>;
  /**
   * Gives up this person's place, atomically with its consequences: the sign-up becomes `cancelled`
   * (conditional on it being signed or waitlisted), the matching counter is decremented, and when a
   * signed place was freed the first waitlisted sign-up by arrival becomes `signed` (counters moved in
   * the same step) and `promotionNotice` is queued for that person. CloudBase: one transaction.
   */
  cancelSignUp(eventId: string, openid: string, at: string, promotionNotice: NoticeTemplate): Promise<CancelOutcome>;
  /**
   * Cancels an open event (conditional on status 'open') and queues `notice` for every person signed
   * or waitlisted at that moment, in the same atomic step; returns how many were told, or null when
   * the event was not open. CloudBase: one transaction (event update + one outbox add per sign-up).
   */
  cancelEvent(eventId: string, cancel: EventCancellation, notice: NoticeTemplate): Promise<number | null>;
  /**
   * Events whose texts or cancellation reason are held for a moderator, in these teams (all when null),
   * oldest first, at most `limit`. Indexed queries on each held field (SQLite partial indexes; CloudBase
   * `moderation` and `cancelModeration`), merged.
   */
  heldEvents(teamIds: string[] | null, limit: number): Promise<VolunteerEvent[]>;
  /**
   * A moderator's decision on an event's texts ('event') or its cancellation reason ('cancelReason'): a
   * conditional update of that field from `held`, queuing the notices in the same atomic step; false when
   * it was not held. CloudBase: one transaction (event update + outbox adds).
   */
  decideEvent(eventId: string, field: 'event' | 'cancelReason', to: 'published' | 'rejected', notices: Notification[]): Promise<boolean>;
  /** 下架 of a reported event (issue 15): sets `textRemovedAt` once, on a published event only; false otherwise. */
  takeDownText(eventId: string, at: string): Promise<boolean>;
  /**
   * Hours audit entries whose reason is held for a moderator, of events of these teams (all when null),
   * oldest first, at most `limit`. SQLite: the partial index joined with the events; CloudBase: the
   * `reasonModeration` index, then the entries' events read to keep those of the teams.
   */
  heldHoursReasons(teamIds: string[] | null, limit: number): Promise<HoursAudit[]>;
  /**
   * A moderator's decision on a held reason: a conditional update of the entry's `reasonModeration`
   * only (the entry is otherwise never changed); false when not held.
   */
  decideHoursReason(entryId: string, to: 'published' | 'rejected'): Promise<boolean>;
  /**
   * Records a check-in (only where none is recorded yet) or a check-out (only after a check-in), on a
   * signed place. Single conditional update; returns the sign-up after it, or null when it did not apply.
   */
  recordAttendance(signUpId: string, change: AttendanceChange): Promise<SignUp | null>;
  /**
   * Sets confirmed minutes and appends the audit entries, in one atomic step; every audit entry's
   * sign-up must belong to `eventId`. CloudBase: one transaction.
   */
  confirmHours(eventId: string, entries: HoursAudit[]): Promise<void>;
  hoursAudit(eventId: string): Promise<HoursAudit[]>;
  /**
   * Signed places of open events starting between `from` and `until` that were not reminded yet, at most `limit`.
   */
  dueReminders(from: string, until: string, limit: number): Promise<Array<{ signUp: SignUp; event: VolunteerEvent }>>;
  /**
   * Marks the sign-up reminded — only if it was not yet (conditional update) — and queues the notice
   * in the same step. Returns false when someone else already did, so each person is reminded once.
   */
  markReminded(signUpId: string, at: string, notice: Notification): Promise<boolean>;
  /** This person's personal check-in code, created on first use. Unique per person (a create that may lose to a concurrent one and then reads). */
  personalCode(openid: string, fresh: string): Promise<string>;
  /** Whose personal code this is, or null. */
  personByCode(code: string): Promise<string | null>;
}

/** Feedback about the app (投诉建议). */
export interface FeedbackRepo {
  /** Single insert. */
  add(f: Feedback): Promise<void>;
  /** Feedback of these towns (all, including feedback with no town, when null), newest first. */
  list(townIds: string[] | null, page: PageQuery): Promise<Page<Feedback>>;
}

/** A person's right to be forgotten, across every repository. */
export interface PrivacyRepo {
  /**
   * In ONE atomic step: replaces the person's openid by `tombstone` wherever it is stored (their
   * concerns stay with the committee, reported by nobody nameable), blanks their name and phone in
   * every record, deletes their in-app messages and personal check-in code, and marks the user record
   * deleted. Records of other people are untouched. CloudBase: one transaction per collection batch,
   * idempotent so an interrupted run can simply be repeated.
   */
  forget(openid: string, tombstone: string, at: string): Promise<void>;
  /**
   * me/delete's files (issue 14): replaces each photo's file id `from` by `to` on the concern
   * `concernId` (its photos and its messages' photos) and on the photo's check. Idempotent: a photo
   * already renamed, or a concern without it, is left as it is. No other record changes.
   */
  renamePhotos(renames: PhotoRename[]): Promise<void>;
}

/** A stored photo moved by me/delete to a place that names nobody. */
export interface PhotoRename {
  concernId: string;
  from: string;
  to: string;
}

/** Per-town settings kept by the town admin. */
export interface TownSettings {
  /** Resolved concerns shown on the public board (personal data removed), and open ones can get "+1". */
  publicBoard: boolean;
  /** Quick reply templates for staff, per category code. */
  replyTemplates: Record<string, string[]>;
}

/** Which open concerns count as "the same problem nearby". */
export interface SimilarQuery {
  townId: string;
  category: string;
  villageId: string | null;
  gridId: string | null;
  /** A box around the reported point (WGS-84); core filters by exact distance afterwards. */
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number } | null;
  limit: number;
}

/** The public board: town settings, resolved concerns per village, open ones nearby, and "+1"s. */
export interface BoardRepo {
  settings(townId: string): Promise<TownSettings>;
  saveReplyTemplates(townId: string, templates: Record<string, string[]>): Promise<void>;
  /** Admin (issue 19): turns the town's public board on or off; its reply templates stay as they were. */
  setPublicBoard(townId: string, on: boolean): Promise<void>;
  /**
   * Every query of the board lists public concerns only (core/content.ts isPublicConcern): a published
   * description, never a 举报 category. Held text never reaches a public surface.
   */
  /** Resolved or closed concerns of these towns (and this village, when given), most recently updated first. */
  listResolved(townIds: string[], villageId: string | null, limit: number): Promise<Concern[]>;
  /** Open concerns of the category in the town, in the village or grid or inside the box; newest first. */
  similarOpen(q: SimilarQuery): Promise<Concern[]>;
  /** Records one "+1" per person per concern; false when this person already did. Single insert. */
  plusOne(concernId: string, openid: string, at: string): Promise<boolean>;
  /** "+1" counts of these concerns, and whether this person gave one. */
  plusOnes(concernIds: string[], openid: string): Promise<Map<string, { count: number; mine: boolean }>>;
  /** Residents report on a map (#17): open public concerns of the town located inside the box (WGS-84), newest update first. */
  openInBox(townId: string, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }, limit: number): Promise<Concern[]>;
  // Admin (issue 19): a town's working time, kept with its other settings.
  /** The town's working-time settings as stored; every field null when it keeps the deployment's defaults. */
  workSettings(townId: string): Promise<TownWorkSettings>;
  /** Replaces the town's working-time settings whole; its public board and reply templates stay as they were. */
  saveWorkSettings(townId: string, work: TownWorkSettings): Promise<void>;
  /** Every town that stored working-time settings (any field set), by town id. */
  listWorkSettings(): Promise<Array<{ townId: string; work: TownWorkSettings }>>;
}

/**
 * A town's working time (issue 19), each null while the town keeps the deployment's default: the working
 * day the SLA clocks count (minutes after Beijing midnight), the check-in margin of its volunteer events
 * and how long before an event its reminders go out.
 */
export interface TownWorkSettings {
  dayStartMinute: number | null;
  dayEndMinute: number | null;
  checkinMarginMinutes: number | null;
  reminderLeadMinutes: number | null;
}

/** 举报 reports (core/report-model.ts): one per person and item, decided together per item. */
export interface ContentReportRepo {
  /**
   * Stores a report unless this person already reported this item (whatever its status): ONE insert that
   * is a no-op on the (kind, item, reporter) key. True when stored.
   */
  add(r: ContentReport): Promise<boolean>;
  /** Open reports of items in these towns (all when null), oldest first, at most `limit`. */
  open(townIds: string[] | null, limit: number): Promise<ContentReport[]>;
  /** Whether an open report of this item exists in these towns (all when null). */
  isOpen(kind: ReportedKind, itemId: string, townIds: string[] | null): Promise<boolean>;
  /**
   * Closes the open reports of one item in these towns (all when null): ONE conditional update from
   * `open` to `to`; answers how many it closed (0: none open there, decided already or another town's).
   */
  close(kind: ReportedKind, itemId: string, to: 'kept' | 'removed', at: string, townIds: string[] | null): Promise<number>;
}

/** Actions started and resolved in one village and month (Beijing time), for 办理统计. */
export interface ActionMonthCount {
  villageId: string | null;
  month: string;
  started: number;
  /** Concerns resolved with an action's result, counted in the month the action was resolved. */
  concernsResolved: number;
}

/**
 * Volunteer actions (志愿行动, issue 20). An open action (draft, scheduled, reported) holds its concerns:
 * a concern is in at most one open action at a time, and every write that starts or ends one changes the
 * action and those holds in ONE atomic step, with its notices.
 */
export interface ActionRepo {
  /** Stores a new action holding its concerns, with its notices; false, writing nothing, when any concern is held by an open action. */
  create(a: VolunteerAction, notices: Notification[]): Promise<boolean>;
  get(id: string): Promise<VolunteerAction | null>;
  /** The newest action that took on this concern (open or not), or null. */
  latestOf(concernId: string): Promise<VolunteerAction | null>;
  /** The action an event was scheduled for, or null. */
  ofEvent(eventId: string): Promise<VolunteerAction | null>;
  /** The teams' actions in these statuses, oldest first. */
  listOfTeams(teamIds: string[], statuses: readonly ActionStatus[]): Promise<VolunteerAction[]>;
  /**
   * Moves the action from one of `from` to `to` with `change` and queues the notices, in ONE atomic step;
   * a move out of the open statuses releases its concerns. Answers the stored action, or null (nothing
   * written) when it was not in `from`.
   */
  transition(id: string, from: readonly ActionStatus[], to: ActionStatus, change: ActionChange, notices: Notification[]): Promise<VolunteerAction | null>;
  /** Per village and month from `fromMonth` to `toMonth` (YYYY-MM, Beijing time) of these towns (all when null). */
  monthlyCounts(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<ActionMonthCount[]>;
}

/**
 * Points (积分制, issue 20): an append-only ledger with one balance per person and place. Every write that
 * changes a balance writes its ledger entry in the same atomic step; a redemption takes one unit of stock
 * and the points together, or nothing.
 */
export interface PointsRepo {
  /** The settings stored for a node, or null (points off, default rates). */
  settings(nodeId: string): Promise<PointsSettings | null>;
  saveSettings(s: PointsSettings): Promise<void>;
  /** Adds earned entries with their balances; an entry whose id is stored already adds nothing. Answers how many were new. */
  award(entries: PointsEntry[]): Promise<number>;
  /** A person's balances, one per place. */
  balances(openid: string): Promise<PointsBalance[]>;
  /** A person's ledger, newest first. */
  history(openid: string, limit: number): Promise<PointsEntry[]>;
  /** The place's balances by points earned, most first (ties by openid). */
  ranking(nodeId: string, limit: number): Promise<PointsBalance[]>;
  listRewards(nodeId: string): Promise<Reward[]>;
  getReward(id: string): Promise<Reward | null>;
  /** Stores a reward's name, price and whether it is offered, and adds `addStock` to its stock (never below 0): a concurrent redemption is never overwritten. */
  saveReward(r: Omit<Reward, 'stock'>, addStock: number): Promise<Reward>;
  /** Takes one unit of the reward and its points from the person's balance with the redemption and its ledger entry, in ONE atomic step; nothing when refused. */
  redeem(r: Redemption): Promise<RedeemOutcome>;
  getRedemption(id: string): Promise<Redemption | null>;
  /** The redemption with this code at this place, or null. */
  redemptionByCode(nodeId: string, code: string): Promise<Redemption | null>;
  /** A person's redemptions, newest first. */
  redemptionsOf(openid: string): Promise<Redemption[]>;
  /** pending → handed, conditionally; null when it was not pending. */
  handOver(id: string, at: string, by: string): Promise<Redemption | null>;
  /** pending or handed → reversed: the unit back in stock, the points back with a ledger entry, in one step; null when it was not. */
  reverse(id: string, reason: string, at: string, entry: PointsEntry): Promise<Redemption | null>;
  /** Points earned and redeemed per place and month from `fromMonth` to `toMonth` (Beijing time) in these towns (all when null). */
  monthlyTotals(query: { fromMonth: string; toMonth: string; townIds: string[] | null }): Promise<PointsMonthTotal[]>;
  /** The place's latest redemptions, newest first (ties by id, descending), at most `limit` (积分核销). */
  redemptionsAt(nodeId: string, limit: number): Promise<Redemption[]>;
  /**
   * me/delete (h20c): the person's ledger entries and redemptions go to `tombstone` with their name blanked
   * (the place's monthly totals stay), and their balances are removed (no ranking shows them). Pending
   * redemptions are reversed by the caller first. Idempotent: an interrupted run can be repeated.
   */
  forget(openid: string, tombstone: string): Promise<void>;
  /**
   * Gives back the units of stock that redemptions cut off half-way took and never held (CloudBase; SQLite
   * takes stock and writes the redemption in one transaction, and answers 0). Like the sign-up counters, a
   * reward that may have a redemption on its way is left for a later run. Answers how many rewards were
   * corrected. Run by the SLA timer.
   */
  reconcileStock(now: string): Promise<number>;
}

// Issue 16 (staff daily use): a resident's contact, left on 我的 with consent, asked once.
/** What a resident answered when asked how the committee may reach them. */
export interface ResidentContact {
  openid: string;
  /** The phone they left (a mainland mobile number), or null: they skipped, or left none. */
  phone: string | null;
  /** When they answered, by saving or by skipping: a resident is asked once. */
  answeredAt: string;
  /** When they agreed to the consent text by saving; null for a skip. */
  consentedAt: string | null;
}

export interface ContactRepo {
  get(openid: string): Promise<ResidentContact | null>;
  /**
   * Stores the answer, replacing an earlier one, and when `name` is given the user's display name, in one
   * atomic step. Writes nothing and returns false when the user does not exist (or has left).
   */
  save(contact: ResidentContact, name: string | null): Promise<boolean>;
}

export interface Store {
  directory: DirectoryRepo;
  concerns: ConcernRepo;
  outbox: OutboxRepo;
  messages: MessageRepo;
  audit: AuditRepo;
  teams: TeamRepo;
  events: EventRepo;
  privacy: PrivacyRepo;
  feedback: FeedbackRepo;
  photoChecks: PhotoCheckRepo;
  /** 举报: people's reports of published text, for the moderators. */
  contentReports: ContentReportRepo;
  /** The public board and town settings. */
  board: BoardRepo;
  /** 街坊议事 (yishi): topics, their comments, supports and votes, and residents' stated places. */
  topics: TopicRepo;
  /** Volunteer actions (志愿行动) that take on concerns (issue 20). */
  actions: ActionRepo;
  /** Points, rewards and redemptions (积分制, issue 20). */
  points: PointsRepo;
  // Issue 16 (staff daily use): how a resident can be reached.
  /** 联系方式: the phone a resident chose to leave on 我的, and whether they were asked. */
  contacts: ContactRepo;
  close(): Promise<void>;
}

/**
 * Counts a caller's uses of a budget within a window. `take` records one use and returns false when
 * the budget was already spent; it must be atomic per key.
 */
export interface RateLimiter {
  take(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean>;
  /** True when the budget is used up at `now`, recording nothing (e.g. "too many wrong keys from this address"). */
  spent(key: string, limit: number, windowSeconds: number, now: Date): Promise<boolean>;
}

/** Delivers one notification over one channel; throws to have the outbox retry it. */
export interface NotificationSender {
  send(item: OutboxItem): Promise<void>;
}

/** What a content check says about a text: publish it, hold it for a person to review, or refuse it. */
export interface ContentVerdict {
  verdict: 'pass' | 'review' | 'reject';
  /** Why, as a stable machine-readable label (e.g. `ad`, `abuse`), when the check gives one. */
  label?: string;
}

/**
 * The content check of one stored photo, keyed by the file. Created when the photo is attached to a
 * concern or a message; its status says who may see the photo: `published` (everyone who may see the
 * concern), `pending` (the same, while WeChat's asynchronous check runs), `held` or `rejected` (only the
 * uploader and the moderators).
 */
export interface PhotoCheck {
  /** The check's own id (a file id is a storage reference, not an id a client may send). */
  id: string;
  fileId: string;
  /** The uploader, who still sees a held photo. */
  openid: string;
  /** The concern the photo is attached to (to the concern itself or to a message of its thread). */
  concernId: string;
  townId: string;
  /** WeChat's trace id while the verdict is pending (mediaCheckAsync); null for a verdict given at once. */
  traceId: string | null;
  status: 'pending' | Moderation;
  submittedAt: string;
  decidedAt: string | null;
  /** `topic`: a topic's background photo, `concernId` then holding the topic's id (街坊议事); absent: a concern's. */
  subject?: 'topic';
}

/** Photo checks (`photo_checks`): one per file. */
export interface PhotoCheckRepo {
  /** Stores new checks; a file already checked keeps its first check (a retried submission adds nothing). */
  add(checks: PhotoCheck[]): Promise<void>;
  /** The checks of these files that exist. One batched read (`fileId: _.in(ids)`). */
  ofFiles(fileIds: string[]): Promise<PhotoCheck[]>;
  /** Every check of the photos this person uploaded (an indexed query by uploader), for me/delete. */
  ofUploader(openid: string): Promise<PhotoCheck[]>;
  /**
   * WeChat's verdict for a trace id: moves the pending check to `status` (a conditional update, so a
   * repeated push changes nothing); the check as updated, or null when no pending check has that trace id.
   */
  settle(traceId: string, status: Moderation, at: string): Promise<PhotoCheck | null>;
  /** Held checks in these towns (all when null), oldest first, at most `limit`. An indexed query. */
  held(townIds: string[] | null, limit: number): Promise<PhotoCheck[]>;
  /** A moderator's decision: ONE conditional update from `held`, in these towns (all when null); false when not held there. */
  decide(id: string, to: 'published' | 'rejected', at: string, townIds: string[] | null): Promise<boolean>;
}

/**
 * Checks stored photos (WeChat mediaCheckAsync in production, a digest blocklist locally). A check either
 * answers at once or answers a trace id; the verdict for a trace id arrives later (WeChat's message push,
 * `settlePhotoCheck` in core/photos.ts).
 */
export interface ImageCheck {
  submit(fileId: string, openid: string): Promise<{ verdict: ContentVerdict['verdict'] } | { traceId: string }>;
}

/** Checks user-written text before it is stored or shown to others (WeChat msgSecCheck in production). */
export interface ContentCheck {
  /** `openid` is the author: WeChat's check weighs the author's history. */
  check(text: string, openid: string): Promise<ContentVerdict>;
}

/**
 * Photos are uploaded by the client straight to storage and referenced by file id (`cloud://…` on
 * CloudBase, `local://uploads/…` locally). The server hands out display URLs, deletes files and stores the
 * photos it receives itself (Open311 file parts).
 */
/** The image types a stored photo may be, as file extensions. */
export type PhotoType = 'jpg' | 'png' | 'webp';

export interface PhotoStorage {
  /** A display URL for each file id, in the same order; null for a file that does not exist. */
  displayUrls(fileIds: string[]): Promise<Array<string | null>>;
  /** Deletes the files; ids of files that do not exist are ignored. */
  delete(fileIds: string[]): Promise<void>;
  /**
   * Stores a photo the server received itself (an Open311 client's file part, the local server's upload) as
   * an upload of `owner`, so that `ownedBy(owner, …)` holds for it; answers its file id. The bytes were
   * already checked to be of `type`.
   */
  upload(owner: string, bytes: Uint8Array, type: PhotoType): Promise<string>;
  /**
   * Whether each file was uploaded by this person. A storage without the method proves only that the
   * file exists in it (a non-null display URL).
   */
  ownedBy?(openid: string, fileIds: string[]): Promise<boolean[]>;
  /**
   * me/delete: copies each of the person's files to a place whose id and URLs name nobody (idempotent: a
   * copy made before is made again) and answers each file's id there, in order; a file whose id names
   * nobody already, or that is not this person's upload, keeps its id. The originals stay until `forgetOwner`.
   */
  rehome(openid: string, fileIds: string[]): Promise<string[]>;
  /** The person's uploads this storage can list (attached or not); null when it cannot list them (CloudBase). */
  uploadsOf(openid: string): Promise<string[] | null>;
  /**
   * me/delete, after the stores point at the rehomed ids: deletes the originals of the `rehomed` files and
   * every record that names the person as a file's owner. Idempotent.
   */
  forgetOwner(openid: string, rehomed: string[]): Promise<void>;
}

/** Everything core needs from the outside world, wired by one composition root per runtime. */
export interface Deps {
  store: Store;
  now: () => Date;
  newId: (prefix: string) => string;
  /** A keyed digest of `message` (HMAC-SHA256 with the deployment's server secret, hex): signs short-lived codes. */
  digest: (message: string) => string;
  rateLimiter: RateLimiter;
  rateLimits: RateLimits;
  /** Checks user text before others see it (WeChat msgSecCheck in production, a word list locally). */
  contentCheck: ContentCheck;
  /**
   * SLA policies and the working window; DEFAULT_SLA (core/sla.ts) when absent. The holiday lists are
   * not taken from here: concerns are clocked with the calendar stored in the directory.
   */
  sla?: SlaConfig;
  /** Volunteer module settings; defaults in core/volunteer-model.ts when absent. */
  volunteer?: VolunteerSettings;
  /** Raw DEFLATE (e.g. node:zlib deflateRawSync) for .xlsx exports; without it entries are stored uncompressed. */
  deflateRaw?: (data: Uint8Array) => Uint8Array;
  /** Photo storage: checks photo ids and turns them into display URLs. Without it, photos are refused. */
  photos?: PhotoStorage;
  /** The content check of photos. Without it, photos are refused too: no photo is shown unchecked. */
  imageCheck?: ImageCheck;
  /** 街坊议事 (yishi): supports a proposal needs, per town id; DEFAULT_SUPPORTS_NEEDED for a town not named. */
  topicSupports?: Readonly<Record<string, number>>;
  /** Admin (issue 19): a new Open311 API key (random, unguessable); without it no client is created. */
  newApiKey?: () => string;
  /** The subscribe-message template ids the server sends with, told to the client by `me/profile` (issue 15). */
  subscribeTemplates?: SubscribeTemplateIds;
}

/** The fields of a topic a change may set (core/topic-service.ts); the id and version are the store's. */
export type TopicChange = Partial<Omit<Topic, 'id' | 'townId' | 'placeId' | 'createdAt' | 'version'>>;

/**
 * 街坊议事 (yishi, core/topic-model.ts). Supports and votes are one record per person and topic, so their
 * counts are exact under any concurrency: they are counted from those records, never kept by increments.
 */
export interface TopicRepo {
  create(t: Topic): Promise<void>;
  get(id: string): Promise<Topic | null>;
  /** Topics of these places (none when empty), most recently updated first, at most `limit`. */
  listByPlaces(placeIds: string[], limit: number): Promise<Topic[]>;
  /**
   * ONE conditional update: applies `change` and bumps the version when the topic is still at `version`;
   * answers the topic as stored after it, or null when it changed since (or does not exist).
   */
  update(id: string, version: number, change: TopicChange): Promise<Topic | null>;
  /** Open topics whose deadline is at or before `at`, earliest deadline first, at most `limit`. */
  dueToClose(at: string, limit: number): Promise<Topic[]>;
  addComment(c: TopicComment): Promise<void>;
  /** A topic's comments and replies, oldest first. */
  comments(topicId: string): Promise<TopicComment[]>;
  /** Records one support per person and topic: false when this person supported it already. */
  support(topicId: string, openid: string, at: string): Promise<boolean>;
  /** How many people support the topic, and whether `openid` is one of them. */
  supports(topicId: string, openid: string): Promise<{ count: number; mine: boolean }>;
  /** One vote per person and topic: a first vote, a changed choice, or the same choice (nothing written). */
  vote(v: TopicVote): Promise<VoteOutcome>;
  /** The option `openid` chose, or null. */
  myVote(topicId: string, openid: string): Promise<string | null>;
  /** Votes per option id (options nobody chose are absent) and how many people voted. */
  tally(topicId: string): Promise<{ turnout: number; counts: Record<string, number> }>;
  getPlace(openid: string): Promise<ResidentPlace | null>;
  /** Stores (or replaces) a person's stated place. */
  setPlace(p: ResidentPlace): Promise<void>;
  /** The people who stated one of these places (none when empty), in openid order. */
  residentsOf(placeIds: string[]): Promise<string[]>;
  /**
   * A person's account is deleted (me/delete): their votes, supports, comments and topics move to
   * `tombstone` (counts stay as they were), their name is blanked on their comments and topics, and their
   * stated place is removed. Idempotent: a run cut short is simply repeated.
   */
  forget(openid: string, tombstone: string): Promise<void>;
  // Issue 21, second round: verified residents, the town's support number, a person's 议事 data.
  /** The stated places of these places' residents (none when empty), in openid order, at most `limit`. */
  listResidents(placeIds: string[], limit: number): Promise<ResidentPlace[]>;
  /**
   * ONE conditional update: sets (or, with null, clears) the committee's mark on the person's stated place
   * and clears their request, only while their stated place is still `placeId`. False when it is not.
   */
  setVerification(openid: string, placeId: string, verified: ResidentVerification | null): Promise<boolean>;
  /** ONE conditional update: records the person's request while their stated place is `placeId`. */
  requestVerification(openid: string, placeId: string, at: string): Promise<boolean>;
  /** The supports a proposal of this town needs, as its admin set it, or null. */
  townSupports(townId: string): Promise<number | null>;
  setTownSupports(townId: string, supportsNeeded: number, at: string): Promise<void>;
  /** What one person has in 议事 (me/export): the topics and comments they wrote, their votes and supports. */
  personData(openid: string): Promise<{ topics: Topic[]; comments: TopicComment[]; votes: TopicVote[]; supports: Array<{ topicId: string; at: string }> }>;
  // 内容审核 of 议事 texts (issue 21, second round).
  /** Topics whose title and background are held, in these towns (all when null), at most `limit`, in id order. */
  heldTopics(townIds: string[] | null, limit: number): Promise<Topic[]>;
  /** Comments held for review in these towns (all when null), at most `limit`, in id order. */
  heldComments(townIds: string[] | null, limit: number): Promise<TopicComment[]>;
  getComment(id: string): Promise<TopicComment | null>;
  /**
   * ONE conditional update of a comment's moderation from `from` to `to`, only in these towns (all when
   * null): false (nothing changed) when it is not at `from` there.
   */
  setCommentModeration(id: string, from: Moderation, to: Moderation, townIds: string[] | null): Promise<boolean>;
  /** Topics with a held text of their committee (`committeeHeld`) in these towns (all when null), at most `limit`, in id order. An indexed query. */
  heldCommittee(townIds: string[] | null, limit: number): Promise<Topic[]>;
}

/**
 * What a sign-up's caller has just read (issue 22): the person's sign-up for the event, and the event. A
 * store may decide from these instead of reading them again; every write it makes still checks the stored
 * state (a place is taken only while the event is open and not full; a sign-up written only where it was
 * as read), so an answer read a moment earlier changes nothing.
 */
export interface SignUpReads {
  held: SignUp | null;
  event: Pick<VolunteerEvent, 'capacity' | 'status' | 'waitlist' | 'signedCount'>;
}
