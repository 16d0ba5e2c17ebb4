import type { ReportedKind } from '../../../core/trust/report-model';
import { reportDocId } from './cloudbase-content-reports';
import type { ConcernEvent, ConcernMessage } from '../../../core/model';
import type { PhotoRename, PrivacyRepo } from '../../../core/ports';
import { photoCheckDocId } from './cloudbase-photo-checks';
import { DELETED_NAME } from '../../deleted-name';
import { plusOneId } from '../board/cloudbase-board';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

type StoredEvent = Omit<ConcernEvent, 'concernId'>;
type StoredMessage = Omit<ConcernMessage, 'concernId'>;

/** What an undeliverable notice says once its recipient has left (as in the SQLite store). */
const GONE = 'recipient deleted their account';

/**
 * Forgets a person on CloudBase. A transaction there holds single-document operations only, and the
 * person's documents are found by queries, so the step cannot be one transaction as on SQLite. It is a
 * sequence of steps each of which is atomic on its own (one transaction per moved document, or one
 * multi-document update by filter) and IDEMPOTENT: every step finds its work by the openid still stored,
 * so whatever an interrupted run left behind, running `forget` again (with any tombstone) finishes it.
 * The user document goes last: while it exists, the forgetting is not finished.
 *
 * Ids built from the openid (`${teamId}_${openid}`, `${eventId}_${openid}`, request guards
 * `${openid}:${requestId}`, personal notices `${id}_${openid}`, "+1"s `${concernId}_${openid}`) are moved to the tombstone's id by a
 * transaction that creates the new document and removes the old one.
 */
export class CloudbasePrivacy implements PrivacyRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  /**
   * One transaction per concern rewrites its photos and its messages' photos (arrays written whole with
   * `_.set`); one per photo check moves its document to the id derived from the new file id (the id is
   * derived from the file id). Each step finds nothing left to do when repeated.
   */
  async renamePhotos(renames: PhotoRename[]): Promise<void> {
    const _ = this.cb._;
    const byConcern = new Map<string, Map<string, string>>();
    for (const r of renames) byConcern.set(r.concernId, (byConcern.get(r.concernId) ?? new Map<string, string>()).set(r.from, r.to));
    for (const [concernId, map] of byConcern) {
      const swap = (ids: string[] | undefined) => (ids ?? []).map((id) => map.get(id) ?? id);
      const touches = (ids: string[] | undefined) => (ids ?? []).some((id) => map.has(id));
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('concerns', concernId);
        if (!d) return;
        const messages = (d.messages as StoredMessage[] | undefined) ?? [];
        const photos = d.photos as string[] | undefined;
        if (!touches(photos) && !messages.some((m) => touches(m.photos))) return;
        await tx.update('concerns', concernId, { photos: _.set(swap(photos)), messages: _.set(messages.map((m) => (touches(m.photos) ? { ...m, photos: swap(m.photos) } : m))) });
      });
    }
    for (const r of renames) {
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('photo_checks', photoCheckDocId(r.from));
        if (!d) return;
        await tx.set('photo_checks', { ...d, _id: photoCheckDocId(r.to), fileId: r.to });
        await tx.remove('photo_checks', d._id);
      });
    }
  }

  async forget(openid: string, tombstone: string, at: string): Promise<void> {
    await this.concerns(openid, tombstone);
    await this.outbox(openid, tombstone);
    await this.cb.removeWhere('inbox_messages', { recipientOpenid: openid });
    await this.memberships(openid, tombstone);
    await this.signUps(openid, tombstone);
    await this.cb.removeWhere('vol_person_codes', { _id: openid });
    // Issue 16: the phone they left for the committee goes with them.
    await this.cb.removeWhere('contacts', { _id: openid });
    await this.cb.updateWhere('feedback', { authorOpenid: openid }, { authorOpenid: tombstone, contact: null });
    await this.cb.updateWhere('photo_checks', { openid }, { openid: tombstone });
    await this.reports(openid, tombstone);
    await this.plusOnes(openid, tombstone);
    await this.user(openid, tombstone, at);
  }

  /**
   * Concerns the person reported, or acted or wrote in: one transaction per concern rewrites the reporter,
   * the actor and author fields of their events and messages, the request keys, and moves the request
   * guard. Arrays are written whole with `_.set` (an array value in an update is otherwise not replaced
   * reliably). The version is not bumped: nothing a handler sees changes but names.
   */
  private async concerns(o: string, t: string): Promise<void> {
    const _ = this.cb._;
    const docs = await this.cb.readAll('concerns', _.or([{ reporterOpenid: o }, { 'events.actorOpenid': o }, { 'messages.authorOpenid': o }]) as unknown as Record<string, unknown>);
    for (const { _id: id } of docs) {
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('concerns', id);
        if (!d) return;
        const events = ((d.events as StoredEvent[] | undefined) ?? []).map((e) => (e.actorOpenid === o ? { ...e, actorOpenid: t, actorName: DELETED_NAME } : e));
        const messages = ((d.messages as StoredMessage[] | undefined) ?? []).map((m) => (m.authorOpenid === o ? { ...m, authorOpenid: t, authorName: DELETED_NAME } : m));
        const requestKeys = ((d.requestKeys as string[] | undefined) ?? []).map((k) => (k.startsWith(`${o}|`) ? `${t}${k.slice(o.length)}` : k));
        const reported = d.reporterOpenid === o;
        if (reported && typeof d.requestId === 'string') {
          const guard = await tx.get('concern_requests', `${o}:${d.requestId}`);
          if (guard) {
            await tx.set('concern_requests', { ...guard, _id: `${t}:${d.requestId}` });
            await tx.remove('concern_requests', guard._id);
          }
        }
        await tx.update('concerns', id, {
          ...(reported ? { reporterOpenid: t } : {}),
          events: _.set(events),
          messages: _.set(messages),
          requestKeys: _.set(requestKeys),
        });
      });
    }
  }

  /**
   * Notices for the person: those still pending go nowhere now and are kept as dead (like any undeliverable
   * notice); every one is re-addressed to the tombstone. A personal notice whose id carries the openid is
   * moved to the tombstone's id first.
   */
  private async outbox(o: string, t: string): Promise<void> {
    const personal = (await this.cb.readAll('outbox', { recipientOpenid: o })).filter((d) => d._id.includes(o));
    for (const { _id: id } of personal) {
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('outbox', id);
        if (!d || d.recipientOpenid !== o) return;
        await tx.set('outbox', { ...this.forgotten(d, t), _id: id.split(o).join(t) });
        await tx.remove('outbox', id);
      });
    }
    await this.cb.updateWhere('outbox', { recipientOpenid: o, status: 'pending' }, { recipientOpenid: t, status: 'dead', lastError: GONE, leaseUntil: '' });
    await this.cb.updateWhere('outbox', { recipientOpenid: o }, { recipientOpenid: t, leaseUntil: '' });
  }

  private forgotten(d: StoredDoc, t: string): StoredDoc {
    const pending = d.status === 'pending';
    return { ...d, recipientOpenid: t, leaseUntil: '', status: pending ? 'dead' : d.status, lastError: pending ? GONE : (d.lastError ?? null) };
  }

  /**
   * Each membership `${teamId}_${o}` becomes `${teamId}_${t}`, in one transaction per membership. The
   * application's note is the person's own words: it goes (nothing is left to moderate).
   */
  private async memberships(o: string, t: string): Promise<void> {
    for (const { _id: id } of await this.cb.readAll('vol_members', { openid: o })) {
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('vol_members', id);
        if (!d || d.openid !== o) return;
        await tx.set('vol_members', { ...d, _id: `${String(d.teamId)}_${t}`, openid: t, name: DELETED_NAME, note: null, noteModeration: 'published' });
        await tx.remove('vol_members', id);
      });
    }
  }

  /**
   * Each sign-up `${eventId}_${o}` becomes `${eventId}_${t}`. Its hours audit entries point at the new id
   * before (so an interrupted run leaves none behind: the next run still finds the sign-up) and again after
   * the move (for an entry a leader appended meanwhile).
   */
  private async signUps(o: string, t: string): Promise<void> {
    for (const { _id: id, eventId } of await this.cb.readAll('vol_signups', { openid: o })) {
      const moved = `${String(eventId)}_${t}`;
      await this.cb.updateWhere('vol_hours_audit', { signUpId: id }, { signUpId: moved });
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('vol_signups', id);
        if (!d || d.openid !== o) return;
        await tx.set('vol_signups', { ...d, _id: moved, openid: t, name: DELETED_NAME });
        await tx.remove('vol_signups', id);
      });
      await this.cb.updateWhere('vol_hours_audit', { signUpId: id }, { signUpId: moved });
    }
  }

  /**
   * Each report's id is derived from its reporter: it moves to the id derived from the tombstone, in one
   * transaction per report. The report stays with the moderators' record, made by nobody nameable.
   */
  private async reports(o: string, t: string): Promise<void> {
    for (const { _id: id } of await this.cb.readAll('content_reports', { reporterOpenid: o })) {
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('content_reports', id);
        if (!d || d.reporterOpenid !== o) return;
        await tx.set('content_reports', { ...d, _id: reportDocId(d.kind as ReportedKind, String(d.itemId), t), reporterOpenid: t });
        await tx.remove('content_reports', id);
      });
    }
  }

  /** Each "+1" `${concernId}_${o}` becomes `${concernId}_${t}` (it still counts), in one transaction per "+1". */
  private async plusOnes(o: string, t: string): Promise<void> {
    for (const { _id: id } of await this.cb.readAll('concern_plus_ones', { openid: o })) {
      await this.cb.transaction(async (tx) => {
        const d = await tx.get('concern_plus_ones', id);
        if (!d || d.openid !== o) return;
        await tx.set('concern_plus_ones', { ...d, _id: plusOneId(String(d.concernId), t), openid: t });
        await tx.remove('concern_plus_ones', id);
      });
    }
  }

  /** Last: the user document moves to the tombstone's id, with no name or phone, marked deleted. */
  private async user(o: string, t: string, at: string): Promise<void> {
    await this.cb.transaction(async (tx) => {
      const d = await tx.get('users', o);
      if (!d) return;
      await tx.set('users', { _id: t, name: DELETED_NAME, phone: null, createdAt: d.createdAt, deletedAt: at });
      await tx.remove('users', o);
    });
  }
}
