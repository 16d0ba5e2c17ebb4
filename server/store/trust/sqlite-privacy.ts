import type Database from 'better-sqlite3';
import type { PhotoRename, PrivacyRepo } from '../../../core/ports';
import { DELETED_NAME } from '../../deleted-name';

export { DELETED_NAME };

/**
 * Forgets a person in one transaction. Ids built from an openid (`${teamId}_${openid}`,
 * `${eventId}_${openid}`) are rebuilt on the tombstone; foreign keys are checked at commit.
 */
export class SqlitePrivacy implements PrivacyRepo {
  private readonly forgetTx;
  private readonly renameTx;

  constructor(db: Database.Database) {
    // A JSON list of file ids with `from` replaced by `to` (order kept).
    const renamed = `(SELECT json_group_array(CASE WHEN value = @from THEN @to ELSE value END) FROM (SELECT value FROM json_each(photos) ORDER BY key))`;
    const renames = [
      db.prepare(`UPDATE concerns SET photos = ${renamed} WHERE id = @concernId AND EXISTS (SELECT 1 FROM json_each(photos) WHERE value = @from)`),
      db.prepare(`UPDATE concern_messages SET photos = ${renamed} WHERE concern_id = @concernId AND EXISTS (SELECT 1 FROM json_each(photos) WHERE value = @from)`),
      db.prepare(`UPDATE photo_checks SET file_id = @to WHERE file_id = @from`),
    ];
    this.renameTx = db.transaction((list: PhotoRename[]) => {
      for (const r of list) for (const s of renames) s.run(r);
    });
    const run = (sql: string) => db.prepare(sql);
    const steps = [
      run(`UPDATE users SET openid = @t, name = @name, phone = NULL, deleted_at = @at WHERE openid = @o`),
      run(`UPDATE concerns SET reporter_openid = @t WHERE reporter_openid = @o`),
      run(`UPDATE concern_events SET actor_openid = @t, actor_name = @name WHERE actor_openid = @o`),
      run(`UPDATE concern_messages SET author_openid = @t, author_name = @name WHERE author_openid = @o`),
      // Notices still queued for the person go nowhere now; kept as dead, like any undeliverable notice.
      // A personal notice's id carries the openid (`${id}_${openid}`): it is rebuilt on the tombstone.
      run(`UPDATE outbox SET id = replace(id, @o, @t), recipient_openid = @t, status = CASE WHEN status = 'pending' THEN 'dead' ELSE status END,
             last_error = CASE WHEN status = 'pending' THEN 'recipient deleted their account' ELSE last_error END, lease_until = NULL
           WHERE recipient_openid = @o`),
      run(`DELETE FROM inbox_messages WHERE recipient_openid = @o`),
      // Issue 16: the phone they left for the committee goes with them.
      run(`DELETE FROM resident_contacts WHERE openid = @o`),
      // An application's note is the person's own words: it goes (nothing is left to moderate).
      run(`UPDATE vol_members SET id = team_id || '_' || @t, openid = @t, name = @name, note = NULL, note_moderation = 'published' WHERE openid = @o`),
      run(`UPDATE vol_hours_audit SET signup_id = event_id || '_' || @t WHERE signup_id IN (SELECT id FROM vol_signups WHERE openid = @o)`),
      run(`UPDATE vol_signups SET id = event_id || '_' || @t, openid = @t, name = @name WHERE openid = @o`),
      run(`DELETE FROM vol_person_codes WHERE openid = @o`),
      run(`UPDATE feedback SET author_openid = @t, contact = NULL WHERE author_openid = @o`),
      run(`UPDATE concern_plus_ones SET openid = @t WHERE openid = @o`),
      run(`UPDATE photo_checks SET openid = @t WHERE openid = @o`),
      // A report stays with the moderators' record, made by nobody nameable.
      run(`UPDATE content_reports SET reporter_openid = @t WHERE reporter_openid = @o`),
    ];
    this.forgetTx = db.transaction((p: { o: string; t: string; at: string; name: string }) => {
      db.pragma('defer_foreign_keys = ON');
      for (const s of steps) s.run(p);
    });
  }

  async renamePhotos(renames: PhotoRename[]): Promise<void> {
    this.renameTx.immediate(renames);
  }

  async forget(openid: string, tombstone: string, at: string): Promise<void> {
    this.forgetTx.immediate({ o: openid, t: tombstone, at, name: DELETED_NAME });
  }
}
