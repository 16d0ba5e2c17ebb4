/**
 * Repository interfaces, named after domain operations. Adapters implement them over SQLite
 * (locally and in tests) and over CloudBase (production); core never sees which.
 */
import type { BoundaryImportPlan } from './boundary-import';
import type { Boundary } from './locate';
import type { Category, Concern, ConcernEvent, ConcernMessage, GridNode, Office, StaffMember } from './model';
import type { RosterImportPlan } from './roster-import';
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
  findUser(openid: string): Promise<UserRecord | null>;
  /** Creates the user on first sight; never overwrites an existing one. */
  ensureUser(user: UserRecord): Promise<UserRecord>;
}

/** Which concerns an inbox shows: those routed to any of these nodes, or co-handled by this office. */
export interface InboxScope {
  nodeIds: string[];
  officeId: string | null;
  openOnly: boolean;
}

export interface ConcernChange {
  patch: Partial<Pick<Concern, 'status' | 'route' | 'updatedAt'>>;
  events: ConcernEvent[];
  messages: ConcernMessage[];
  /** Stored with the events so a retried call can be recognised. */
  requestId: string | null;
}

export interface ConcernRepo {
  /**
   * Stores a new concern with its first events, atomically. When the reporter already stored a concern
   * under the same requestId, returns that one with `created: false` and writes nothing.
   */
  create(concern: Concern, events: ConcernEvent[]): Promise<{ concern: Concern; created: boolean }>;
  get(id: string): Promise<Concern | null>;
  listByReporter(openid: string, page: PageQuery): Promise<Page<Concern>>;
  inbox(scope: InboxScope, page: PageQuery): Promise<Page<Concern>>;
  /**
   * Applies a change only if the stored version is still `expectedVersion`, bumping the version and
   * appending the events and messages in the same atomic step. Returns null when someone else won.
   */
  commit(id: string, expectedVersion: number, change: ConcernChange): Promise<Concern | null>;
  /** True when an event for this concern was already stored under this actor's requestId. */
  hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean>;
  timeline(id: string): Promise<ConcernEvent[]>;
  thread(id: string): Promise<ConcernMessage[]>;
}

export interface Store {
  directory: DirectoryRepo;
  concerns: ConcernRepo;
  close(): Promise<void>;
}

/** Everything core needs from the outside world, wired by one composition root per runtime. */
export interface Deps {
  store: Store;
  now: () => Date;
  newId: (prefix: string) => string;
}
