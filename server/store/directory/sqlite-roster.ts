/**
 * The directory writes of the admin pages (issue 19) on SQLite: pending roster entries, removals and the
 * departure records they leave, a town's categories. SqliteDirectory delegates these methods here.
 */
import type Database from 'better-sqlite3';
import type { Category, StaffMember } from '../../../core/model';
import type { DepartedStaff, PendingStaff } from '../../../core/directory/roster-import';

type Row = Record<string, unknown>;

const toStaff = (r: Row): StaffMember => ({ openid: r.openid as string, name: r.name as string, role: r.role as StaffMember['role'], nodeId: r.node_id as string, phone: r.phone === null ? null : (r.phone as string) });

export class SqliteRoster {
  private readonly q;
  private readonly removeTx;
  private readonly categoryTx;

  constructor(db: Database.Database) {
    this.q = {
      pending: db.prepare(`SELECT * FROM staff_pending ORDER BY node_id, phone`),
      staff: db.prepare(`SELECT * FROM staff WHERE openid = ?`),
      deleteStaff: db.prepare(`DELETE FROM staff WHERE openid = ?`),
      deletePending: db.prepare(`DELETE FROM staff_pending WHERE phone = ?`),
      insertDeparted: db.prepare(`INSERT INTO staff_departed (id, openid, name, role, node_id, phone, removed_at, removed_by)
        VALUES (@id, @openid, @name, @role, @nodeId, @phone, @removedAt, @removedBy)`),
      departed: db.prepare(`SELECT * FROM staff_departed ORDER BY removed_at DESC, id DESC`),
      upsertCategory: db.prepare(`INSERT INTO categories (town_id, code, name, kind, lead_office_code, sort, ack_hours, resolve_days, enabled)
        VALUES (@townId, @code, @name, @kind, @leadOfficeCode, (SELECT COALESCE(MAX(sort), -1) + 1 FROM categories WHERE town_id = @townId), @ackHours, @resolveDays, @enabled)
        ON CONFLICT(town_id, code) DO UPDATE SET name = excluded.name, kind = excluded.kind, lead_office_code = excluded.lead_office_code,
          ack_hours = excluded.ack_hours, resolve_days = excluded.resolve_days, enabled = excluded.enabled`),
      bumpVersion: db.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`),
    };
    this.categoryTx = db.transaction((c: Category) => {
      this.q.upsertCategory.run({ ...c, enabled: c.enabled ? 1 : 0 });
      this.q.bumpVersion.run();
    });
    this.removeTx = db.transaction((openid: string, departure: Omit<DepartedStaff, keyof StaffMember>): StaffMember | null => {
      const r = this.q.staff.get(openid) as Row | undefined;
      if (!r) return null;
      const member = toStaff(r);
      this.q.insertDeparted.run({ ...member, ...departure });
      this.q.deleteStaff.run(openid);
      if (member.phone !== null) this.q.deletePending.run(member.phone);
      return member;
    });
  }

  listPending(): PendingStaff[] {
    return (this.q.pending.all() as Row[]).map((r) => ({ phone: r.phone as string, name: r.name as string, role: r.role as StaffMember['role'], nodeId: r.node_id as string }));
  }
  remove(openid: string, departure: Omit<DepartedStaff, keyof StaffMember>): StaffMember | null {
    return this.removeTx.immediate(openid, departure);
  }
  removePending(phone: string): boolean {
    return this.q.deletePending.run(phone).changes > 0;
  }
  saveCategory(category: Category): void {
    this.categoryTx.immediate(category);
  }
  listDeparted(): DepartedStaff[] {
    return (this.q.departed.all() as Row[]).map((r) => ({ ...toStaff(r), id: r.id as string, removedAt: r.removed_at as string, removedBy: r.removed_by as string }));
  }
}
