/**
 * The grid editor and the district's towns (issue 19) on SQLite: a node added, renamed or retired, a new
 * town with its offices and categories, each in one transaction guarded by the grid version, which it
 * bumps. SqliteDirectory delegates these methods here.
 */
import type Database from 'better-sqlite3';
import type { Category, GridNode, Office } from '../../../core/model';

type Row = Record<string, unknown>;

/** A stored node; `code` and `retiredAt` only when set, so nodes stored before issue 19 read as before. */
export const toNode = (r: Row): GridNode => ({
  id: r.id as string,
  kind: r.kind as GridNode['kind'],
  name: r.name as string,
  parentId: r.parent_id === null ? null : (r.parent_id as string),
  ...(typeof r.code === 'string' ? { code: r.code } : {}),
  ...(typeof r.retired_at === 'string' ? { retiredAt: r.retired_at } : {}),
});

export class SqliteGridAdmin {
  private readonly saveTx;
  private readonly retireTx;

  constructor(db: Database.Database) {
    const q = {
      version: db.prepare(`SELECT value FROM grid_meta WHERE key = 'grid_version'`).pluck(),
      bump: db.prepare(`UPDATE grid_meta SET value = value + 1 WHERE key = 'grid_version'`),
      node: db.prepare(`SELECT id FROM grid_nodes WHERE id = ?`),
      insert: db.prepare(`INSERT INTO grid_nodes (id, kind, name, parent_id, code) VALUES (@id, @kind, @name, @parentId, @code)`),
      rename: db.prepare(`UPDATE grid_nodes SET name = @name, code = @code WHERE id = @id AND retired_at IS NULL`),
      retire: db.prepare(`UPDATE grid_nodes SET retired_at = ? WHERE id = ? AND retired_at IS NULL`),
      office: db.prepare(`INSERT INTO offices (id, town_id, code, name) VALUES (@id, @townId, @code, @name)`),
      category: db.prepare(`INSERT INTO categories (town_id, code, name, kind, lead_office_code, sort, ack_hours, resolve_days, enabled)
        VALUES (@townId, @code, @name, @kind, @leadOfficeCode, @sort, @ackHours, @resolveDays, @enabled)`),
    };
    this.saveTx = db.transaction((node: GridNode, expected: number, town?: { offices: Office[]; categories: Category[] }): boolean => {
      if ((q.version.get() as number) !== expected) return false;
      const row = { id: node.id, kind: node.kind, name: node.name, parentId: node.parentId, code: node.code ?? null };
      if (q.node.get(node.id)) {
        if (q.rename.run(row).changes === 0) return false;
      } else {
        q.insert.run(row);
        for (const o of town?.offices ?? []) q.office.run(o);
        (town?.categories ?? []).forEach((c, sort) => q.category.run({ ...c, sort, enabled: c.enabled ? 1 : 0 }));
      }
      q.bump.run();
      return true;
    });
    this.retireTx = db.transaction((id: string, retiredAt: string, expected: number): boolean => {
      if ((q.version.get() as number) !== expected) return false;
      if (q.retire.run(retiredAt, id).changes === 0) return false;
      q.bump.run();
      return true;
    });
  }

  save(node: GridNode, expectedVersion: number, town?: { offices: Office[]; categories: Category[] }): boolean {
    return this.saveTx.immediate(node, expectedVersion, town);
  }
  retire(id: string, retiredAt: string, expectedVersion: number): boolean {
    return this.retireTx.immediate(id, retiredAt, expectedVersion);
  }
}
