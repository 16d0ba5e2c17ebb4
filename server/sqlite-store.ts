import Database from 'better-sqlite3';
import type { Category, Concern, ConcernEvent, ConcernMessage, GridNode, Notification, Office, StaffMember } from '../core/model';
import { OPEN_STATUSES } from '../core/lifecycle';
import type { ConcernChange, ConcernRepo, DirectoryRepo, EventRepo, InboxScope, MessageRepo, OutboxRepo, PageQuery, Store, TeamRepo, UserRecord } from '../core/ports';
import type { Page } from '../core/views';
import { MIGRATIONS } from './sqlite-schema';
import { keysetPage } from './sqlite-paging';
import { SqliteMessages, SqliteOutbox, outboxEnqueuer } from './sqlite-outbox';
import { SqliteEvents, SqliteTeams } from './sqlite-volunteer';

type Row = Record<string, unknown>;

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for tests. */
  path: string;
}

/** Opens the database, enforces WAL and foreign keys, and applies pending migrations. */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  if (path !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}

const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toConcern(r: Row): Concern {
  return {
    id: r.id as string,
    reporterOpenid: r.reporter_openid as string,
    category: r.category as string,
    description: r.description as string,
    placeId: r.place_id as string,
    location: r.lat === null || r.lat === undefined ? null : { lat: r.lat as number, lng: r.lng as number },
    photos: JSON.parse(r.photos as string) as string[],
    status: r.status as Concern['status'],
    route: JSON.parse(r.route as string) as Concern['route'],
    createdAt: r.created_at as string,
    updatedAt: r.updated_at as string,
    version: r.version as number,
    requestId: s(r.request_id),
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
  };
}

/** The SQLite adapter of every repository. better-sqlite3 is synchronous; the interfaces are async for CloudBase. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  readonly directory: DirectoryRepo;
  readonly concerns: ConcernRepo;
  readonly outbox: OutboxRepo;
  readonly messages: MessageRepo;
  readonly teams: TeamRepo;
  readonly events: EventRepo;

  constructor(opts: SqliteStoreOptions) {
    this.db = openDatabase(opts.path);
    this.directory = new SqliteDirectory(this.db);
    this.concerns = new SqliteConcerns(this.db);
    this.outbox = new SqliteOutbox(this.db);
    this.messages = new SqliteMessages(this.db);
    this.teams = new SqliteTeams(this.db);
    this.events = new SqliteEvents(this.db);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

export class SqliteDirectory implements DirectoryRepo {
  private readonly q;
  constructor(private readonly db: Database.Database) {
    this.q = {
      gridVersion: db.prepare(`SELECT value FROM grid_meta WHERE key = 'grid_version'`).pluck(),
      nodes: db.prepare(`SELECT id, kind, name, parent_id FROM grid_nodes`),
      offices: db.prepare(`SELECT id, town_id, code, name FROM offices ORDER BY town_id, id`),
      categories: db.prepare(`SELECT * FROM categories ORDER BY town_id, sort, code`),
      categoriesOfTown: db.prepare(`SELECT * FROM categories WHERE town_id = ? ORDER BY sort, code`),
      staff: db.prepare(`SELECT * FROM staff WHERE openid = ?`),
      allStaff: db.prepare(`SELECT * FROM staff ORDER BY node_id, openid`),
      user: db.prepare(`SELECT * FROM users WHERE openid = ?`),
      insertUser: db.prepare(`INSERT INTO users (openid, name, phone, created_at) VALUES (@openid, @name, @phone, @createdAt) ON CONFLICT(openid) DO NOTHING`),
    };
  }

  async gridVersion(): Promise<number> {
    return this.q.gridVersion.get() as number;
  }
  async listNodes(): Promise<GridNode[]> {
    return (this.q.nodes.all() as Row[]).map((r) => ({ id: r.id as string, kind: r.kind as GridNode['kind'], name: r.name as string, parentId: s(r.parent_id) }));
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
  private readonly commitTx;
  private readonly enqueue;

  constructor(private readonly db: Database.Database) {
    this.enqueue = outboxEnqueuer(db);
    this.q = {
      insert: db.prepare(`INSERT INTO concerns (id, reporter_openid, category, description, place_id, lat, lng, photos, status, route,
          town_id, village_id, cooperative_id, grid_id, co_office_id, created_at, updated_at, version, request_id)
        VALUES (@id, @reporter_openid, @category, @description, @place_id, @lat, @lng, @photos, @status, @route,
          @town_id, @village_id, @cooperative_id, @grid_id, @co_office_id, @created_at, @updated_at, @version, @request_id)`),
      byRequest: db.prepare(`SELECT * FROM concerns WHERE reporter_openid = ? AND request_id = ?`),
      get: db.prepare(`SELECT * FROM concerns WHERE id = ?`),
      update: db.prepare(`UPDATE concerns SET status = @status, route = @route, town_id = @town_id, village_id = @village_id,
          cooperative_id = @cooperative_id, grid_id = @grid_id, co_office_id = @co_office_id, updated_at = @updated_at,
          version = version + 1 WHERE id = @id AND version = @expected`),
      nextEventSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_events WHERE concern_id = ?`).pluck(),
      nextMessageSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_messages WHERE concern_id = ?`).pluck(),
      insertEvent: db.prepare(`INSERT INTO concern_events (concern_id, seq, id, type, actor_openid, actor_name, actor_role, at, from_status, to_status, note, request_id)
        VALUES (@concernId, @seq, @id, @type, @actorOpenid, @actorName, @actorRole, @at, @fromStatus, @toStatus, @note, @requestId)`),
      insertMessage: db.prepare(`INSERT INTO concern_messages (concern_id, seq, id, author_openid, author_name, author_role, text, photos, at)
        VALUES (@concernId, @seq, @id, @authorOpenid, @authorName, @authorRole, @text, @photos, @at)`),
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
      this.appendEvents(c.id, events, c.requestId);
      this.enqueue(notifications);
      return { concern: c, created: true };
    });

    this.commitTx = db.transaction((id: string, expected: number, change: ConcernChange): Concern | null => {
      const cur = this.q.get.get(id) as Row | undefined;
      if (!cur) return null;
      const merged: Concern = { ...toConcern(cur), ...change.patch };
      const res = this.q.update.run({ ...concernRow(merged), expected });
      if (res.changes !== 1) return null;
      this.appendEvents(id, change.events, change.requestId);
      let seq = this.q.nextMessageSeq.get(id) as number;
      for (const m of change.messages) this.q.insertMessage.run({ ...m, seq: seq++, photos: JSON.stringify(m.photos) });
      this.enqueue(change.notifications);
      return toConcern(this.q.get.get(id) as Row);
    });
  }

  /** The first event of a step carries the step's requestId, so a retry is recognised. */
  private appendEvents(id: string, events: ConcernEvent[], requestId: string | null): void {
    let seq = this.q.nextEventSeq.get(id) as number;
    events.forEach((e, i) => this.q.insertEvent.run({ ...e, seq: seq++, requestId: i === 0 ? requestId : null }));
  }

  async create(concern: Concern, events: ConcernEvent[], notifications: Notification[]) {
    return this.createTx.immediate(concern, events, notifications);
  }
  async get(id: string): Promise<Concern | null> {
    const r = this.q.get.get(id) as Row | undefined;
    return r ? toConcern(r) : null;
  }
  async commit(id: string, expectedVersion: number, change: ConcernChange): Promise<Concern | null> {
    return this.commitTx.immediate(id, expectedVersion, change);
  }
  async hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean> {
    return this.q.hasRequest.get(concernId, actorOpenid, requestId) !== undefined;
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
    const ors: string[] = [];
    const params: unknown[] = [];
    if (scope.nodeIds.length > 0) {
      const marks = scope.nodeIds.map(() => '?').join(',');
      for (const col of ['grid_id', 'cooperative_id', 'village_id', 'town_id']) {
        ors.push(`${col} IN (${marks})`);
        params.push(...scope.nodeIds);
      }
    }
    if (scope.officeId !== null) {
      ors.push('co_office_id = ?');
      params.push(scope.officeId);
    }
    if (ors.length === 0) return { items: [], nextCursor: null };
    let where = `(${ors.join(' OR ')})`;
    if (scope.openOnly) {
      where += ` AND status IN (${OPEN_STATUSES.map(() => '?').join(',')})`;
      params.push(...OPEN_STATUSES);
    }
    return this.page(where, params, page);
  }

  private page(where: string, params: unknown[], page: PageQuery): Page<Concern> {
    return keysetPage(this.db, 'concerns', where, params, page, toConcern);
  }
}

function concernRow(c: Concern) {
  return {
    id: c.id,
    reporter_openid: c.reporterOpenid,
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
  };
}
