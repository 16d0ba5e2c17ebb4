import type Database from 'better-sqlite3';
import type { ContactRepo, ResidentContact } from '../../../core/ports';

type Row = Record<string, unknown>;

const toContact = (r: Row): ResidentContact => ({
  openid: r.openid as string,
  phone: (r.phone as string | null) ?? null,
  answeredAt: r.answered_at as string,
  consentedAt: (r.consented_at as string | null) ?? null,
});

/**
 * Issue 16: 联系方式 (`resident_contacts`, one row per resident). A save writes the row and the user's display
 * name in one transaction, and only for a user still there (not one who left: their row moved to a tombstone).
 */
export class SqliteContacts implements ContactRepo {
  private readonly one;
  private readonly saveTx;
  constructor(db: Database.Database) {
    this.one = db.prepare(`SELECT * FROM resident_contacts WHERE openid = ?`);
    const live = db.prepare(`SELECT 1 FROM users WHERE openid = ? AND deleted_at IS NULL`).pluck();
    const upsert = db.prepare(`INSERT INTO resident_contacts (openid, phone, answered_at, consented_at) VALUES (@openid, @phone, @answeredAt, @consentedAt)
      ON CONFLICT(openid) DO UPDATE SET phone = excluded.phone, answered_at = excluded.answered_at, consented_at = excluded.consented_at`);
    const rename = db.prepare(`UPDATE users SET name = ? WHERE openid = ?`);
    this.saveTx = db.transaction((c: ResidentContact, name: string | null): boolean => {
      if (!live.get(c.openid)) return false;
      upsert.run(c);
      if (name !== null) rename.run(name, c.openid);
      return true;
    });
  }
  async get(openid: string): Promise<ResidentContact | null> {
    const r = this.one.get(openid) as Row | undefined;
    return r ? toContact(r) : null;
  }
  async save(contact: ResidentContact, name: string | null): Promise<boolean> {
    return this.saveTx.immediate(contact, name);
  }
}
