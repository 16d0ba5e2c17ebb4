/**
 * Directory repository: people, staff, offices, the grid and town boundaries (re-exported by core/ports.ts).
 */
import type { ApiClientRecord } from '../admin/api-client-model';
import type { BoundaryImportPlan } from './boundary-import';
import type { CalendarYear } from './calendar';
import type { Boundary } from './locate';
import type { ApiClient, Category, GridNode, Office, StaffMember } from '../model';
import type { DepartedStaff, PendingStaff, RosterImportPlan } from './roster-import';

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
