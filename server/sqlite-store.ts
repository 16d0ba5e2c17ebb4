import { SqliteContacts } from './sqlite-contacts';
import { SqliteBoard } from './sqlite-board';
import Database from 'better-sqlite3';
import type { ApiClient, Category, Concern, ConcernEvent, ConcernMessage, GridNode, Notification, Office, StaffMember } from '../core/model';
import type { BoundaryImportPlan } from '../core/boundary-import';
import { builtinCalendarYears, type CalendarYear } from '../core/calendar';
import type { Boundary } from '../core/locate';
import type { AuditRepo, BoardRepo, FeedbackRepo, HeldContent, PhotoCheckRepo, PrivacyRepo, ConcernChange, ConcernHistory, ConcernRepo, ConcernSearch, LatestReply, NewConcern, DirectoryRepo, EventRepo, InboxScope, MessageRepo, OutboxRepo, PageQuery, PassedOnCount, RateCounts, RateQuery, RouteLevel, Store, TeamRepo, UserRecord } from '../core/ports';
import type { DepartedStaff, PendingStaff, RosterImportPlan } from '../core/roster-import';
import { SqliteRoster } from './sqlite-roster';
import { SqliteApiClients, toApiClientRecord } from './sqlite-api-clients';
import { SqliteGridAdmin, toNode } from './sqlite-grid-admin';
import { addApiClient } from './api-keys';
import type { ApiClientRecord } from '../core/api-client-model';
import { DEFAULT_SLA, noClocks, startRound, type SlaConfig } from '../core/sla';
import { SqliteAudit } from './sqlite-audit';
import { SqliteFeedback } from './sqlite-feedback';
import { SqlitePhotoChecks } from './sqlite-photo-checks';
import { SqliteContentReports } from './sqlite-content-reports';
import { SqliteTopics } from './sqlite-topics';
import type { TopicRepo } from '../core/ports';
import type { ContactRepo, ContentReportRepo } from '../core/ports';
import { SqlitePrivacy } from './sqlite-privacy';
import type { Page } from '../core/views';
import { decodeCursor, encodeCursor } from './cursor';
import { MIGRATIONS } from './sqlite-schema';
import { keysetPage } from './sqlite-paging';
import { checkBeforeOpen, DatabaseRefusedError, quickCheck } from './sqlite-durability';
import { SqliteMessages, SqliteOutbox, outboxEnqueuer } from './sqlite-outbox';
import { SqliteEvents, SqliteTeams } from './sqlite-volunteer';
import { SqliteActions } from './sqlite-actions';
import { SqlitePoints } from './sqlite-points';
import { sqliteRateCounts } from './sqlite-rates';
import type { ActionRepo, PointsRepo } from '../core/ports';

type Row = Record<string, unknown>;

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for tests. */
  path: string;
  /** Clocks given to concerns stored before clocks existed (migration 3). */
  sla?: SlaConfig;
}

/**
 * Opens the database: checks an existing file before trusting it (see sqlite-durability.ts), enforces WAL with
 * an fsync per commit (`synchronous = FULL`: an answered write survives power loss) and foreign keys, and
 * applies pending migrations. `fresh` is true when no file (nor any trace of one) existed: a first start.
 */
export function openCheckedDatabase(path: string): { db: Database.Database; fresh: boolean } {
  const memory = path === ':memory:';
  const { fresh } = memory ? { fresh: true } : checkBeforeOpen(path);
  if (!fresh) {
    // A read-only probe first: a refused file must not be checkpointed or otherwise written by our close.
    let probe: Database.Database;
    try {
      probe = new Database(path, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new DatabaseRefusedError(path, `SQLite cannot open it (${e instanceof Error ? e.message : String(e)})`);
    }
    try {
      quickCheck(probe, path);
    } finally {
      probe.close();
    }
  }
  const db = new Database(path);
  try {
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      db.transaction(() => {
        db.exec(MIGRATIONS[v]);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return { db, fresh };
}

/** Opens the database as openCheckedDatabase does; for scripts that do not care whether it was new. */
export function openDatabase(path: string): Database.Database {
  return openCheckedDatabase(path).db;
}

const s = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);

function toConcern(r: Row): Concern {
  return {
    id: r.id as string,
    reporterOpenid: r.reporter_openid as string,
    source: r.origin === 'team' ? 'team' : ((r.source ?? 'app') as Concern['source']),
    category: r.category as string,
    description: r.description as string,
    placeId: r.place_id as string,
    location: r.lat === null || r.lat === undefined ? null : { lat: r.lat as number, lng: r.lng as number },
    photos: JSON.parse(r.photos as string) as string[],
    status: r.status as Concern['status'],
    route: JSON.parse(r.route as string) as Concern['route'],
    sla: r.sla ? (JSON.parse(r.sla as string) as Concern['sla']) : noClocks(),
    rating: r.rating ? (JSON.parse(r.rating as string) as Concern['rating']) : null,
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: r.version as number,
    requestId: s(r.request_id),
    moderation: (r.moderation as Concern['moderation'] | undefined) ?? 'published',
    pastNodeIds: JSON.parse((r.past_nodes as string | undefined) ?? '[]') as string[],
  };
}

function toEvent(r: Row): ConcernEvent {
  return {
    id: r.id as string,
    concernId: r.concern_id as string,
    type: r.type as string,
    actorOpenid: s(r.actor_openid),
    actorName: s(r.actor_name),
    actorRole: r.actor_role as ConcernEvent['actorRole'],
    at: r.at as string,
    fromStatus: s(r.from_status) as ConcernEvent['fromStatus'],
    toStatus: s(r.to_status) as ConcernEvent['toStatus'],
    note: s(r.note),
  };
}

function toMessage(r: Row): ConcernMessage {
  return {
    id: r.id as string,
    concernId: r.concern_id as string,
    authorOpenid: r.author_openid as string,
    authorName: r.author_name as string,
    authorRole: r.author_role as ConcernMessage['authorRole'],
    text: r.text as string,
    photos: JSON.parse(r.photos as string) as string[],
    at: r.at as string,
    moderation: (r.moderation as ConcernMessage['moderation'] | undefined) ?? 'published',
  };
}

/** The SQLite adapter of every repository. better-sqlite3 is synchronous; the interfaces are async for CloudBase. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly directory: DirectoryRepo;
  readonly concerns: ConcernRepo;
  readonly outbox: OutboxRepo;
  readonly messages: MessageRepo;
  readonly audit: AuditRepo;
  readonly privacy: PrivacyRepo;
  readonly feedback: FeedbackRepo;
  readonly photoChecks: PhotoCheckRepo;
  readonly contentReports: ContentReportRepo;
  readonly teams: TeamRepo;
  readonly events: EventRepo;
  readonly board: BoardRepo;
  /** 街坊议事 (yishi). */
  readonly topics: TopicRepo;
  /** Volunteer actions (issue 20). */
  readonly actions: ActionRepo;
  readonly points: PointsRepo;
  readonly contacts: ContactRepo;
  /** No database file existed before this store opened one: a first start, which may be seeded. */
  readonly fresh: boolean;

  constructor(opts: SqliteStoreOptions) {
    ({ db: this.db, fresh: this.fresh } = openCheckedDatabase(opts.path));
    const directory = new SqliteDirectory(this.db);
    // The national holiday lists this release knows, for every year the store has no list of yet.
    directory.seedBuiltinCalendar();
    this.directory = directory;
    this.concerns = new SqliteConcerns(this.db);
    backfillClocks(this.db, opts.sla ?? DEFAULT_SLA);
    this.outbox = new SqliteOutbox(this.db);
    this.messages = new SqliteMessages(this.db);
    this.audit = new SqliteAudit(this.db);
    this.privacy = new SqlitePrivacy(this.db);
    this.feedback = new SqliteFeedback(this.db);
    this.photoChecks = new SqlitePhotoChecks(this.db);
    this.contentReports = new SqliteContentReports(this.db);
    this.teams = new SqliteTeams(this.db);
    this.events = new SqliteEvents(this.db);
    this.board = new SqliteBoard(this.db, toConcern);
    this.topics = new SqliteTopics(this.db);
    this.actions = new SqliteActions(this.db);
    this.points = new SqlitePoints(this.db);
    this.contacts = new SqliteContacts(this.db);
  }

  /**
   * Copies the write-ahead log into the database file and empties it (TRUNCATE), without waiting for other
   * processes' readers. Not done (a full disk, a reader still on the log) leaves the log whole for the next try.
   */
  checkpoint(): { done: boolean; reason?: string } {
    if (!this.db.open || this.db.memory) return { done: true };
    const wait = this.db.pragma('busy_timeout', { simple: true }) as number;
    this.db.pragma('busy_timeout = 0');
    try {
      const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      return r.busy === 0 ? { done: true } : { done: false, reason: `busy: ${r.checkpointed} of ${r.log} frames copied` };
    } catch (e) {
      return { done: false, reason: e instanceof Error ? e.message : String(e) };
    } finally {
      this.db.pragma(`busy_timeout = ${wait}`);
    }
  }

  /** Empties the log into the database file first, so a stopped server leaves one file behind. */
  async close(): Promise<void> {
    if (!this.db.open) return;
    this.checkpoint();
    this.db.close();
  }
}

const calendarRow = (y: CalendarYear) => ({ ...y, holidays: JSON.stringify(y.holidays), makeupWorkdays: JSON.stringify(y.makeupWorkdays) });
const toCalendarYear = (r: Row): CalendarYear => ({
  year: r.year as number,
  holidays: JSON.parse(r.holidays as string) as string[],
  makeupWorkdays: JSON.parse(r.makeup_workdays as string) as string[],
  basis: r.basis as string,
  version: r.version as number,
  source: r.source as CalendarYear['source'],
  savedAt: r.saved_at as string,
  savedBy: s(r.saved_by),
});

export class SqliteDirectory implements DirectoryRepo {
  private readonly q;
  private readonly boundaryTx;
  private readonly rosterTx;
  private readonly claimTx;
  private readonly calendarTx;
  private readonly seedCalendarTx;
  private readonly roster: SqliteRoster;
  private readonly apiClients: SqliteApiClients;
  private readonly gridAdmin: SqliteGridAdmin;
  constructor(private readonly db: Database.Database) {
    this.gridAdmin = new SqliteGridAdmin(db);
    this.roster = new SqliteRoster(db);
    this.apiClients = new SqliteApiClients(db);
    this.q = {
      boundaries: db.prepare(`SELECT node_id, geometry FROM grid_boundaries ORDER BY node_id`),
      insertNode: db.prepare(`INSERT INTO grid_nodes (id, kind, name, parent_id) VALUES (@id, @kind, @name, @parentId)`),
      // Every boundary of the scope node and its descendants.
      deleteScopeBoundaries: db.prepare(`WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT n.id FROM grid_nodes n JOIN sub ON n.parent_id = sub.id)
        DELETE FROM grid_boundaries WHERE node_id IN (SELECT id FROM sub)`),
      insertBoundary: db.prepare(`INSERT INTO grid_boundaries (node_id, geometry) VALUES (?, ?)`),
      bumpVersion: db.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`),
      upsertStaff: db.prepare(`INSERT INTO staff (openid, name, role, node_id, phone) VALUES (@openid, @name, @role, @nodeId, @phone)
        ON CONFLICT(openid) DO UPDATE SET name = excluded.name, role = excluded.role, node_id = excluded.node_id, phone = excluded.phone`),
      upsertPending: db.prepare(`INSERT INTO staff_pending (phone, name, role, node_id) VALUES (@phone, @name, @role, @nodeId)
        ON CONFLICT(phone) DO UPDATE SET name = excluded.name, role = excluded.role, node_id = excluded.node_id`),
      pendingByPhone: db.prepare(`SELECT * FROM staff_pending WHERE phone = ?`),
      deletePending: db.prepare(`DELETE FROM staff_pending WHERE phone = ?`),
      gridVersion: db.prepare(`SELECT value FROM grid_meta WHERE key = 'grid_version'`).pluck(),
      nodes: db.prepare(`SELECT id, kind, name, parent_id, code, retired_at FROM grid_nodes`),
      offices: db.prepare(`SELECT id, town_id, code, name FROM offices ORDER BY town_id, id`),
      categories: db.prepare(`SELECT * FROM categories ORDER BY town_id, sort, code`),
      categoriesOfTown: db.prepare(`SELECT * FROM categories WHERE town_id = ? ORDER BY sort, code`),
      staff: db.prepare(`SELECT * FROM staff WHERE openid = ?`),
      allStaff: db.prepare(`SELECT * FROM staff ORDER BY node_id, openid`),
      user: db.prepare(`SELECT * FROM users WHERE openid = ?`),
      insertUser: db.prepare(`INSERT INTO users (openid, name, phone, created_at) VALUES (@openid, @name, @phone, @createdAt) ON CONFLICT(openid) DO NOTHING`),
      apiClient: db.prepare(`SELECT * FROM api_clients WHERE key_hash = ? AND revoked_at IS NULL`),
      calendarYears: db.prepare(`SELECT c.* FROM calendar_years c
        WHERE c.version = (SELECT MAX(version) FROM calendar_years WHERE year = c.year) ORDER BY c.year`),
      calendarLatest: db.prepare(`SELECT COALESCE(MAX(version), 0) FROM calendar_years WHERE year = ?`).pluck(),
      insertCalendar: db.prepare(`INSERT INTO calendar_years (year, version, holidays, makeup_workdays, basis, source, saved_at, saved_by)
        VALUES (@year, @version, @holidays, @makeupWorkdays, @basis, @source, @savedAt, @savedBy)`),
    };
    this.calendarTx = db.transaction((entry: CalendarYear): boolean => {
      if ((this.q.calendarLatest.get(entry.year) as number) !== entry.version - 1) return false;
      this.q.insertCalendar.run(calendarRow(entry));
      this.q.bumpVersion.run();
      return true;
    });
    this.seedCalendarTx = db.transaction((years: CalendarYear[]): number[] => {
      const added = years.filter((y) => (this.q.calendarLatest.get(y.year) as number) === 0);
      for (const y of added) this.q.insertCalendar.run(calendarRow({ ...y, version: 1 }));
      if (added.length > 0) this.q.bumpVersion.run();
      return added.map((y) => y.year);
    });

    this.boundaryTx = db.transaction((plan: BoundaryImportPlan, expected: number): boolean => {
      if ((this.q.gridVersion.get() as number) !== expected) return false;
      for (const n of plan.newNodes) this.q.insertNode.run(n);
      this.q.deleteScopeBoundaries.run(plan.scopeNodeId);
      for (const b of plan.boundaries) this.q.insertBoundary.run(b.nodeId, JSON.stringify(b.geometry));
      this.q.bumpVersion.run();
      return true;
    });
    this.rosterTx = db.transaction((plan: RosterImportPlan, expected: number): boolean => {
      if ((this.q.gridVersion.get() as number) !== expected) return false;
      for (const m of plan.staff) {
        this.q.upsertStaff.run(m);
        if (m.phone !== null) this.q.deletePending.run(m.phone);
      }
      for (const p of plan.pending) this.q.upsertPending.run(p);
      return true;
    });
    this.claimTx = db.transaction((openid: string, phone: string): StaffMember | null => {
      if (this.q.staff.get(openid)) return null;
      const p = this.q.pendingByPhone.get(phone) as Row | undefined;
      if (!p) return null;
      this.q.upsertStaff.run({ openid, name: p.name, role: p.role, nodeId: p.node_id, phone });
      this.q.deletePending.run(phone);
      return toStaff(this.q.staff.get(openid) as Row);
    });
  }

  async listBoundaries(): Promise<Boundary[]> {
    return (this.q.boundaries.all() as Row[]).map((r) => ({ nodeId: r.node_id as string, geometry: JSON.parse(r.geometry as string) as Boundary['geometry'] }));
  }
  async applyBoundaryImport(plan: BoundaryImportPlan, expectedVersion: number): Promise<boolean> {
    return this.boundaryTx.immediate(plan, expectedVersion);
  }
  async applyRosterImport(plan: RosterImportPlan, expectedVersion: number): Promise<boolean> {
    return this.rosterTx.immediate(plan, expectedVersion);
  }
  async claimPendingStaff(openid: string, phone: string): Promise<StaffMember | null> {
    // A plain read first: nearly every caller has nothing pending, and must not take the write lock.
    if (!this.q.pendingByPhone.get(phone)) return null;
    return this.claimTx.immediate(openid, phone);
  }

  async gridVersion(): Promise<number> {
    return this.q.gridVersion.get() as number;
  }
  async listNodes(): Promise<GridNode[]> {
    return (this.q.nodes.all() as Row[]).map(toNode);
  }
  async listOffices(): Promise<Office[]> {
    return (this.q.offices.all() as Row[]).map((r) => ({ id: r.id as string, townId: r.town_id as string, code: r.code as string, name: r.name as string }));
  }
  async listCategories(townId?: string): Promise<Category[]> {
    const rows = (townId === undefined ? this.q.categories.all() : this.q.categoriesOfTown.all(townId)) as Row[];
    return rows.map((r) => ({
      townId: r.town_id as string,
      code: r.code as string,
      name: r.name as string,
      kind: r.kind as Category['kind'],
      leadOfficeCode: s(r.lead_office_code),
      ackHours: r.ack_hours === null ? null : (r.ack_hours as number),
      resolveDays: r.resolve_days === null ? null : (r.resolve_days as number),
      enabled: r.enabled === 1,
    }));
  }
  async findStaff(openid: string): Promise<StaffMember | null> {
    const r = this.q.staff.get(openid) as Row | undefined;
    return r ? toStaff(r) : null;
  }
  async listStaff(): Promise<StaffMember[]> {
    return (this.q.allStaff.all() as Row[]).map(toStaff);
  }
  async listStaffAt(nodeIds: string[]): Promise<StaffMember[]> {
    if (nodeIds.length === 0) return [];
    return (this.db.prepare(`SELECT * FROM staff WHERE node_id IN (${nodeIds.map(() => '?').join(',')}) ORDER BY openid`).all(...nodeIds) as Row[]).map(toStaff);
  }
  async findUser(openid: string): Promise<UserRecord | null> {
    const r = this.q.user.get(openid) as Row | undefined;
    return r ? toUser(r) : null;
  }
  async ensureUser(user: UserRecord): Promise<UserRecord> {
    this.q.insertUser.run(user);
    return toUser(this.q.user.get(user.openid) as Row);
  }
  async listCalendarYears(): Promise<CalendarYear[]> {
    return (this.q.calendarYears.all() as Row[]).map(toCalendarYear);
  }
  async saveCalendarYear(entry: CalendarYear): Promise<boolean> {
    return this.calendarTx.immediate(entry);
  }  // Admin (issue 19): the roster, in sqlite-roster.ts.
  async listPendingStaff(): Promise<PendingStaff[]> {
    return this.roster.listPending();
  }
  async removeStaff(openid: string, departure: Omit<DepartedStaff, keyof StaffMember>): Promise<StaffMember | null> {
    return this.roster.remove(openid, departure);
  }
  async removePendingStaff(phone: string): Promise<boolean> {
    return this.roster.removePending(phone);
  }
  async listDepartedStaff(): Promise<DepartedStaff[]> {
    return this.roster.listDeparted();
  }
  async saveCategory(category: Category): Promise<void> {
    this.roster.saveCategory(category);
  }
  async findUsersByPhone(phone: string): Promise<UserRecord[]> {
    return (this.db.prepare(`SELECT * FROM users WHERE phone = ? ORDER BY openid`).all(phone) as Row[]).map(toUser);
  }

  async seedCalendarYears(years: CalendarYear[]): Promise<number[]> {
    return this.seedCalendarTx.immediate(years);
  }
  /** The same seed, synchronously, when the store opens. */
  seedBuiltinCalendar(): number[] {
    return this.seedCalendarTx.immediate(builtinCalendarYears());
  }
  async findApiClient(keyHash: string): Promise<ApiClient | null> {
    const r = this.q.apiClient.get(keyHash) as Row | undefined;
    if (!r) return null;
    const { createdAt: _c, revokedAt: _r, ...client } = toApiClientRecord(r);
    return client;
  }
  // Admin (issue 19): Open311 clients, in sqlite-api-clients.ts.
  async createApiClient(client: ApiClient, key: string, createdAt: string): Promise<boolean> {
    return addApiClient(this.db, client, key, createdAt);
  }
  async listApiClients(): Promise<ApiClientRecord[]> {
    return this.apiClients.list();
  }
  async revokeApiClient(id: string, revokedAt: string): Promise<ApiClientRecord | null> {
    return this.apiClients.revoke(id, revokedAt);
  }
  // Admin (issue 19): the grid editor and the district's towns, in sqlite-grid-admin.ts.
  async saveNode(node: GridNode, expectedVersion: number, town?: { offices: Office[]; categories: Category[] }): Promise<boolean> {
    return this.gridAdmin.save(node, expectedVersion, town);
  }
  async retireNode(id: string, retiredAt: string, expectedVersion: number): Promise<boolean> {
    return this.gridAdmin.retire(id, retiredAt, expectedVersion);
  }
}

/**
 * Concerns stored before SLA clocks existed get round-1 clocks from their report time and category, once,
 * so that they keep their place in open inboxes (sorted by due time) and the SLA job sees them.
 */
function backfillClocks(db: Database.Database, config: SlaConfig): void {
  const rows = db
    .prepare(`SELECT c.*, k.kind AS category_kind FROM concerns c LEFT JOIN categories k ON k.town_id = c.town_id AND k.code = c.category WHERE c.sla IS NULL`)
    .all() as Row[];
  if (rows.length === 0) return;
  const write = db.prepare(`UPDATE concerns SET sla = @sla, due_at = @due_at, watch_at = @watch_at WHERE id = @id AND sla IS NULL`);
  db.transaction(() => {
    for (const r of rows) {
      const c = toConcern(r);
      const kind = (r.category_kind as Category['kind'] | null) ?? 'complaint';
      const sla = startRound(config, { townId: c.route.townId, code: c.category, kind }, c.createdAt, null, c.status);
      write.run({ id: c.id, sla: JSON.stringify(sla), due_at: sla.dueAt, watch_at: sla.watchAt });
    }
  })();
}

function toStaff(r: Row): StaffMember {
  return { openid: r.openid as string, name: r.name as string, role: r.role as StaffMember['role'], nodeId: r.node_id as string, phone: s(r.phone) };
}
function toUser(r: Row): UserRecord {
  return { openid: r.openid as string, name: r.name as string, phone: s(r.phone), createdAt: r.created_at as string };
}

export class SqliteConcerns implements ConcernRepo {
  private readonly q;
  private readonly createTx;
  private readonly createManyTx;
  private readonly commitTx;
  private readonly enqueue;

  constructor(private readonly db: Database.Database) {
    this.enqueue = outboxEnqueuer(db);
    this.q = {
      insert: db.prepare(`INSERT INTO concerns (id, reporter_openid, source, category, description, place_id, lat, lng, photos, status, route,
          town_id, village_id, cooperative_id, grid_id, co_office_id, created_at, updated_at, version, request_id,
          sla, due_at, watch_at, overdue, first_response, rating, rating_value, moderation, past_nodes, origin)
        VALUES (@id, @reporter_openid, @source, @category, @description, @place_id, @lat, @lng, @photos, @status, @route,
          @town_id, @village_id, @cooperative_id, @grid_id, @co_office_id, @created_at, @updated_at, @version, @request_id,
          @sla, @due_at, @watch_at, @overdue, @first_response, @rating, @rating_value, @moderation, @past_nodes, @origin)`),
      insertPastNode: db.prepare(`INSERT OR IGNORE INTO concern_past_nodes (node_id, concern_id, created_at) VALUES (?, ?, ?)`),
      byRequest: db.prepare(`SELECT * FROM concerns WHERE reporter_openid = ? AND request_id = ?`),
      get: db.prepare(`SELECT * FROM concerns WHERE id = ?`),
      update: db.prepare(`UPDATE concerns SET status = @status, route = @route, town_id = @town_id, village_id = @village_id,
          cooperative_id = @cooperative_id, grid_id = @grid_id, co_office_id = @co_office_id, updated_at = @updated_at,
          sla = @sla, due_at = @due_at, watch_at = @watch_at, overdue = @overdue, first_response = @first_response,
          rating = @rating, rating_value = @rating_value, past_nodes = @past_nodes,
          version = version + 1 WHERE id = @id AND version = @expected`),
      dueForSla: db.prepare(`SELECT * FROM concerns WHERE watch_at IS NOT NULL AND watch_at <= ? ORDER BY watch_at, id LIMIT ?`),
      nextEventSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_events WHERE concern_id = ?`).pluck(),
      nextMessageSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_messages WHERE concern_id = ?`).pluck(),
      insertEvent: db.prepare(`INSERT INTO concern_events (concern_id, seq, id, type, actor_openid, actor_name, actor_role, at, from_status, to_status, note, request_id)
        VALUES (@concernId, @seq, @id, @type, @actorOpenid, @actorName, @actorRole, @at, @fromStatus, @toStatus, @note, @requestId)`),
      insertMessage: db.prepare(`INSERT INTO concern_messages (concern_id, seq, id, author_openid, author_name, author_role, text, photos, at, moderation)
        VALUES (@concernId, @seq, @id, @authorOpenid, @authorName, @authorRole, @text, @photos, @at, @moderation)`),
      heldConcerns: db.prepare(`SELECT 'concern' AS kind, id, id AS concern_id, town_id, reporter_openid AS author_openid, description AS text, created_at AS at
        FROM concerns WHERE moderation = 'held' ORDER BY created_at, id LIMIT ?`),
      heldMessages: db.prepare(`SELECT 'message' AS kind, m.id, m.concern_id, c.town_id, m.author_openid, m.text, m.at
        FROM concern_messages m JOIN concerns c ON c.id = m.concern_id WHERE m.moderation = 'held' ORDER BY m.at, m.id LIMIT ?`),
      hasRequest: db.prepare(`SELECT 1 FROM concern_events WHERE concern_id = ? AND actor_openid = ? AND request_id = ?`).pluck(),
      timeline: db.prepare(`SELECT * FROM concern_events WHERE concern_id = ? ORDER BY seq`),
      thread: db.prepare(`SELECT * FROM concern_messages WHERE concern_id = ? ORDER BY seq`),
    };

    this.createTx = db.transaction((c: Concern, events: ConcernEvent[], notifications: Notification[]): { concern: Concern; created: boolean } => {
      if (c.requestId !== null) {
        const prior = this.q.byRequest.get(c.reporterOpenid, c.requestId) as Row | undefined;
        if (prior) return { concern: toConcern(prior), created: false };
      }
      this.q.insert.run(concernRow(c));
      this.addPastNodes(c);
      this.appendEvents(c.id, events, c.requestId);
      this.enqueue(notifications);
      return { concern: c, created: true };
    });

    this.createManyTx = db.transaction((items: NewConcern[]): { created: Concern[]; existing: Concern[] } => {
      const out: { created: Concern[]; existing: Concern[] } = { created: [], existing: [] };
      for (const it of items) {
        const r = this.createTx(it.concern, it.events, it.notifications);
        (r.created ? out.created : out.existing).push(r.concern);
      }
      return out;
    });

    this.commitTx = db.transaction((id: string, expected: number, change: ConcernChange): Concern | null => {
      const cur = this.q.get.get(id) as Row | undefined;
      if (!cur) return null;
      const merged: Concern = { ...toConcern(cur), ...change.patch };
      const res = this.q.update.run({ ...concernRow(merged), expected });
      if (res.changes !== 1) return null;
      this.addPastNodes(merged);
      this.appendEvents(id, change.events, change.requestId);
      let seq = this.q.nextMessageSeq.get(id) as number;
      for (const m of change.messages) this.q.insertMessage.run({ ...m, seq: seq++, photos: JSON.stringify(m.photos) });
      this.enqueue(change.notifications);
      return toConcern(this.q.get.get(id) as Row);
    });
  }

  /** The index rows behind the whole inbox's passed-on branch: one per (node, concern), never removed. */
  private addPastNodes(c: Concern): void {
    for (const node of c.pastNodeIds) this.q.insertPastNode.run(node, c.id, c.createdAt);
  }

  /** The first event of a step carries the step's requestId, so a retry is recognised. */
  private appendEvents(id: string, events: ConcernEvent[], requestId: string | null): void {
    let seq = this.q.nextEventSeq.get(id) as number;
    events.forEach((e, i) => this.q.insertEvent.run({ ...e, seq: seq++, requestId: i === 0 ? requestId : null }));
  }

  async create(concern: Concern, events: ConcernEvent[], notifications: Notification[]) {
    return this.createTx.immediate(concern, events, notifications);
  }
  async createMany(items: NewConcern[]) {
    return this.createManyTx.immediate(items);
  }
  async get(id: string): Promise<Concern | null> {
    const r = this.q.get.get(id) as Row | undefined;
    return r ? toConcern(r) : null;
  }
  async search(query: ConcernSearch, limit: number): Promise<Concern[]> {
    const where: string[] = ['created_at >= ?', 'created_at < ?'];
    const params: unknown[] = [query.createdFrom, query.createdTo];
    const inList = (col: string, values: readonly string[]) => {
      where.push(`${col} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    const places: string[] = (query.nodes ?? []).map((n) => {
      params.push(n.id);
      return `${LEVEL_COLUMN[n.level]} = ?`;
    });
    if (query.officeId !== undefined) {
      places.push('co_office_id = ?');
      params.push(query.officeId);
    }
    // Place params were pushed after the date params, so the place clause goes right after them.
    if (places.length > 0) where.push(`(${places.join(' OR ')})`);
    if (query.reporterOpenid !== undefined) {
      where.push('reporter_openid = ?');
      params.push(query.reporterOpenid);
    }
    if (query.ids) inList('id', query.ids.length > 0 ? query.ids : ['']);
    if (query.updatedFrom !== undefined) {
      where.push('updated_at >= ?');
      params.push(query.updatedFrom);
    }
    if (query.updatedTo !== undefined) {
      where.push('updated_at < ?');
      params.push(query.updatedTo);
    }
    if (query.categories) inList('category', query.categories.length > 0 ? query.categories : ['']);
    if (query.statuses) inList('status', query.statuses.length > 0 ? query.statuses : ['']);
    params.push(limit);
    const sql = `SELECT * FROM concerns WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params) as Row[]).map(toConcern);
  }
  async latestReplies(concernIds: string[]): Promise<Map<string, LatestReply>> {
    const out = new Map<string, LatestReply>();
    // Chunks keep each statement under SQLite's parameter limit.
    for (let i = 0; i < concernIds.length; i += 500) {
      const ids = concernIds.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT m.concern_id, m.text, m.at FROM concern_messages m JOIN concerns c ON c.id = m.concern_id
           WHERE m.concern_id IN (${ids.map(() => '?').join(',')}) AND m.author_openid != c.reporter_openid AND m.moderation = 'published'
           ORDER BY m.concern_id, m.seq`,
        )
        .all(...ids) as Row[];
      // Ordered by seq: the last row of each concern wins.
      for (const r of rows) out.set(r.concern_id as string, { concernId: r.concern_id as string, text: r.text as string, at: r.at as string });
    }
    return out;
  }
  async histories(concernIds: string[]): Promise<Map<string, ConcernHistory>> {
    const out = new Map<string, ConcernHistory>();
    for (let i = 0; i < concernIds.length; i += 500) {
      const ids = concernIds.slice(i, i + 500);
      const marks = ids.map(() => '?').join(',');
      const known = this.db.prepare(`SELECT id FROM concerns WHERE id IN (${marks})`).all(...ids) as Row[];
      for (const r of known) out.set(r.id as string, { events: [], messages: [] });
      for (const r of this.db.prepare(`SELECT * FROM concern_events WHERE concern_id IN (${marks}) ORDER BY concern_id, seq`).all(...ids) as Row[]) out.get(r.concern_id as string)?.events.push(toEvent(r));
      for (const r of this.db.prepare(`SELECT * FROM concern_messages WHERE concern_id IN (${marks}) ORDER BY concern_id, seq`).all(...ids) as Row[]) out.get(r.concern_id as string)?.messages.push(toMessage(r));
    }
    return out;
  }
  async commit(id: string, expectedVersion: number, change: ConcernChange): Promise<Concern | null> {
    return this.commitTx.immediate(id, expectedVersion, change);
  }
  async heldContent(townIds: string[] | null, limit: number): Promise<HeldContent[]> {
    // Held items are few (a moderator clears them daily): both kinds, filtered and merged here.
    const rows = [...(this.q.heldConcerns.all(limit) as Row[]), ...(this.q.heldMessages.all(limit) as Row[])];
    return rows
      .map((r) => ({
        kind: r.kind as HeldContent['kind'],
        id: r.id as string,
        concernId: r.concern_id as string,
        townId: r.town_id as string,
        authorOpenid: r.author_openid as string,
        text: r.text as string,
        at: r.at as string,
      }))
      .filter((h) => townIds === null || townIds.includes(h.townId))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
  async decideModeration(kind: HeldContent['kind'], id: string, to: 'published' | 'rejected', townIds: string[] | null, from: 'held' | 'published' = 'held'): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    const inTowns = townIds === null ? '' : ` AND town_id IN (${townIds.map(() => '?').join(',')})`;
    const sql =
      kind === 'concern'
        ? `UPDATE concerns SET moderation = ? WHERE id = ? AND moderation = ?${inTowns}`
        : `UPDATE concern_messages SET moderation = ? WHERE id = ? AND moderation = ? AND concern_id IN (SELECT id FROM concerns WHERE 1 = 1${inTowns})`;
    return prepared(this.db, sql).run(to, id, from, ...(townIds ?? [])).changes === 1;
  }
  async byRequests(reporterOpenid: string, requestIds: string[]): Promise<Concern[]> {
    const out: Concern[] = [];
    // Chunks keep each statement under SQLite's parameter limit.
    for (let i = 0; i < requestIds.length; i += 500) {
      const ids = requestIds.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT * FROM concerns WHERE reporter_openid = ? AND request_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(reporterOpenid, ...ids) as Row[];
      out.push(...rows.map(toConcern));
    }
    return out;
  }
  async hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean> {
    return this.q.hasRequest.get(concernId, actorOpenid, requestId) !== undefined;
  }
  /** Two statements in one synchronous step: nothing is written between them. */
  async getWithRequest(concernId: string, actorOpenid: string, requestId: string): Promise<{ concern: Concern | null; seen: boolean }> {
    const r = this.q.get.get(concernId) as Row | undefined;
    return { concern: r ? toConcern(r) : null, seen: r !== undefined && this.q.hasRequest.get(concernId, actorOpenid, requestId) !== undefined };
  }
  async timeline(id: string): Promise<ConcernEvent[]> {
    return (this.q.timeline.all(id) as Row[]).map(toEvent);
  }
  async thread(id: string): Promise<ConcernMessage[]> {
    return (this.q.thread.all(id) as Row[]).map(toMessage);
  }

  async listByReporter(openid: string, page: PageQuery): Promise<Page<Concern>> {
    return this.page('reporter_openid = ?', [openid], page);
  }

  async inbox(scope: InboxScope, page: PageQuery): Promise<Page<Concern>> {
    return inboxPage(this.db, scope, page);
  }

  async countInbox(scope: InboxScope): Promise<number> {
    return countInbox(this.db, scope);
  }

  async dueForSla(now: string, limit: number): Promise<Concern[]> {
    return (this.q.dueForSla.all(now, limit) as Row[]).map(toConcern);
  }

  async rateCounts(query: RateQuery): Promise<RateCounts[]> {
    return sqliteRateCounts(this.db, query);
  }

  async passedOnCounts(query: { fromMonth: string; toMonth: string; nodeIds: string[] }): Promise<PassedOnCount[]> {
    if (query.nodeIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT strftime('%Y-%m', created_at, '+8 hours') AS month, node_id, COUNT(*) AS n FROM concern_past_nodes
        WHERE node_id IN (${query.nodeIds.map(() => '?').join(',')}) AND created_at >= ? AND created_at < ?
        GROUP BY month, node_id ORDER BY month, node_id`,
      )
      .all(...query.nodeIds, monthStart(query.fromMonth), monthStart(nextMonth(query.toMonth))) as Row[];
    return rows.map((r) => ({ month: r.month as string, nodeId: r.node_id as string, count: r.n as number }));
  }

  private page(where: string, params: unknown[], page: PageQuery): Page<Concern> {
    return keysetPage(this.db, 'concerns', where, params, page, toConcern);
  }
}

function concernRow(c: Concern) {
  return {
    id: c.id,
    reporter_openid: c.reporterOpenid,
    // The source column's CHECK predates team reports (migration 35): a leader's flag is an app report with origin 'team'.
    source: c.source === 'team' ? 'app' : c.source,
    origin: c.source === 'team' ? 'team' : 'resident',
    category: c.category,
    description: c.description,
    place_id: c.placeId,
    lat: c.location?.lat ?? null,
    lng: c.location?.lng ?? null,
    photos: JSON.stringify(c.photos),
    status: c.status,
    route: JSON.stringify(c.route),
    town_id: c.route.townId,
    village_id: c.route.villageId,
    cooperative_id: c.route.cooperativeId,
    grid_id: c.route.gridId,
    co_office_id: c.route.coOfficeId,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    version: c.version,
    request_id: c.requestId,
    moderation: c.moderation,
    sla: JSON.stringify(c.sla),
    due_at: c.sla.dueAt,
    watch_at: c.sla.watchAt,
    overdue: c.sla.overdue ? 1 : 0,
    first_response: c.sla.firstResponse,
    rating: c.rating ? JSON.stringify(c.rating) : null,
    rating_value: c.rating?.value ?? null,
    past_nodes: JSON.stringify(c.pastNodeIds),
  };
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** Inbox SQL varies only with the number of branches and the cursor: prepare each shape once. */
function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = db.prepare(sql)));
  return st;
}

const LEVEL_COLUMN: Readonly<Record<RouteLevel, string>> = { town: 'town_id', village: 'village_id', cooperative: 'cooperative_id', grid: 'grid_id' };

/** The first instant of a Beijing-time month, as the ISO string stored in created_at. */
function monthStart(month: string): string {
  return new Date(`${month}-01T00:00:00+08:00`).toISOString();
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * One WHERE per route node (and the office) of an inbox scope: each is a range of one index —
 * (level id, due_at, id) WHERE due_at IS NOT NULL for open inboxes, (level id, created_at, id) otherwise —
 * with the narrowing of an open inbox as a range on due_at or a filter on the rows of that range.
 */
function inboxBranches(scope: InboxScope): Array<{ where: string; params: unknown[] }> {
  const cols: Array<[col: string, id: string]> = scope.nodes.map((n) => [LEVEL_COLUMN[n.level], n.id]);
  if (scope.officeId !== null) cols.push(['co_office_id', scope.officeId]);
  let extra = '';
  const extraParams: unknown[] = [];
  const f = scope.openOnly ? scope.filter : undefined;
  if (f?.kind === 'due') {
    extra = ' AND due_at >= ? AND due_at < ?';
    extraParams.push(f.from, f.before);
  } else if (f?.kind === 'overdue') {
    extra = ' AND (due_at < ? OR overdue = 1)';
    extraParams.push(f.at);
  } else if (f?.kind === 'statuses') {
    extra = ` AND status IN (${f.statuses.map(() => '?').join(', ') || 'NULL'})`;
    extraParams.push(...f.statuses);
  }
  const routed = cols.map(([col, id]) => ({
    where: `${col} = ?${scope.openOnly ? ' AND due_at IS NOT NULL' : ''}${extra}`,
    params: [id, ...extraParams] as unknown[],
  }));
  if (scope.openOnly) return routed;
  // The whole inbox keeps what each node passed on, through the (node_id, created_at, concern_id) index.
  const passed = scope.nodes.map((n) => ({ where: 'id IN (SELECT concern_id FROM concern_past_nodes WHERE node_id = ?)', params: [n.id] as unknown[] }));
  return [...routed, ...passed];
}

/** The COUNT behind `countInbox`: each concern once, over the UNION of the scope's index ranges; null for an empty scope. */
export function countInboxQuery(scope: InboxScope): { sql: string; params: unknown[] } | null {
  const branches = inboxBranches(scope);
  if (branches.length === 0) return null;
  const sql = `SELECT COUNT(*) FROM (${branches.map((b) => `SELECT id FROM concerns WHERE ${b.where}`).join(' UNION ')})`;
  return { sql, params: branches.flatMap((b) => b.params) };
}

export function countInbox(db: Database.Database, scope: InboxScope): number {
  const q = countInboxQuery(scope);
  if (!q) return 0;
  const row = prepared(db, q.sql).raw().get(...q.params) as [number];
  return row[0];
}

/**
 * An inbox page: one index range per route node (and the office), each already in page order and
 * limited, merged by an outer ORDER BY … LIMIT. Open concerns come most urgent first by (due_at, id);
 * all concerns newest first by (created_at, id). Keyset cursors, never an OFFSET.
 */
export function inboxPage(db: Database.Database, scope: InboxScope, page: PageQuery): Page<Concern> {
  const branches = inboxBranches(scope);
  if (branches.length === 0) return { items: [], nextCursor: null };
  const after = page.cursor === null ? null : decodeCursor(page.cursor);
  const [key, order, cmp] = scope.openOnly ? ['due_at', 'due_at ASC, id ASC', '>'] : ['created_at', 'created_at DESC, id DESC', '<'];
  const params: unknown[] = [];
  const selects = branches.map((b) => {
    let where = b.where;
    params.push(...b.params);
    if (after) {
      where += ` AND (${key} ${cmp} ? OR (${key} = ? AND id ${cmp} ?))`;
      params.push(after.at, after.at, after.id);
    }
    params.push(page.limit + 1);
    return `SELECT * FROM (SELECT * FROM concerns WHERE ${where} ORDER BY ${order} LIMIT ?)`;
  });
  // UNION (not UNION ALL): a concern reached through two branches (its grid and its village, or a node and
  // the co-handling office) is one row before the outer LIMIT, so a page is never cut short.
  const sql = selects.length === 1 ? selects[0] : `${selects.join(' UNION ')} ORDER BY ${order} LIMIT ?`;
  if (selects.length > 1) params.push(page.limit + 1);
  const rows = (prepared(db, sql).all(...params) as Row[]).map(toConcern);
  const more = rows.length > page.limit;
  const items = more ? rows.slice(0, page.limit) : rows;
  const last = items[items.length - 1];
  const lastKey = last ? (scope.openOnly ? last.sla.dueAt : last.createdAt) : null;
  return { items, nextCursor: more && last && lastKey !== null ? encodeCursor({ at: lastKey, id: last.id }) : null };
}
