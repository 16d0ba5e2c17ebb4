import type Database from 'better-sqlite3';

/**
 * Row counts of every table but the audit log (which records refused staff attempts by design), so a
 * test can assert that a refused call wrote nothing anywhere.
 */
export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_log' ORDER BY name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number]));
}
