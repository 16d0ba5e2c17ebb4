/** The directory on SQLite (DirectoryRepo): the grid and its boundaries, staff and users, categories, the holiday calendar, Open311 clients. */
import type Database from 'better-sqlite3';
import type { ApiClient, Category, GridNode, Office, StaffMember } from '../../../core/model';
import type { BoundaryImportPlan } from '../../../core/directory/boundary-import';
import { builtinCalendarYears, type CalendarYear } from '../../../core/directory/calendar';
import type { Boundary } from '../../../core/directory/locate';
import type { DirectoryRepo, UserRecord } from '../../../core/ports';
import type { DepartedStaff, PendingStaff, RosterImportPlan } from '../../../core/directory/roster-import';
import type { ApiClientRecord } from '../../../core/admin/api-client-model';
import { SqliteRoster } from './sqlite-roster';
import { SqliteApiClients, toApiClientRecord } from '../trust/sqlite-api-clients';
import { SqliteGridAdmin, toNode } from './sqlite-grid-admin';
import { addApiClient } from '../../api-keys';
import { s } from '../concerns/sqlite-concern-rows';

type Row = Record<string, unknown>;

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

function toStaff(r: Row): StaffMember {
  return { openid: r.openid as string, name: r.name as string, role: r.role as StaffMember['role'], nodeId: r.node_id as string, phone: s(r.phone) };
}
function toUser(r: Row): UserRecord {
  return { openid: r.openid as string, name: r.name as string, phone: s(r.phone), createdAt: r.created_at as string };
}
