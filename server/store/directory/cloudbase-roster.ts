/**
 * The roster writes of the admin pages (issue 19) on CloudBase: pending entries (`staff_pending`, `_id`
 * phone), removals and the departure records they leave (`staff_departed`, `_id` the record's id).
 * CloudbaseDirectory delegates its roster methods here.
 */
import type { StaffMember } from '../../../core/model';
import type { DepartedStaff, PendingStaff } from '../../../core/directory/roster-import';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

/** A roster document (`_id` the openid). */
export const toStaff = (d: StoredDoc): StaffMember => ({ openid: d._id, name: String(d.name), role: d.role as StaffMember['role'], nodeId: String(d.nodeId), phone: d.phone === null || d.phone === undefined ? null : `${d.phone as string}` });
const toPending = (d: StoredDoc): PendingStaff => ({ phone: d._id, name: String(d.name), role: d.role as StaffMember['role'], nodeId: String(d.nodeId) });
const toDeparted = (d: StoredDoc): DepartedStaff => ({
  ...toStaff({ ...d, _id: String(d.openid) }),
  id: d._id,
  removedAt: String(d.removedAt),
  removedBy: String(d.removedBy),
});
const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

export class CloudbaseRoster {
  constructor(private readonly cb: CloudbaseDb) {}

  async listPending(): Promise<PendingStaff[]> {
    return (await this.cb.readAll('staff_pending')).map(toPending).sort(byKey((p) => `${p.nodeId}\u0000${p.phone}`));
  }

  /** One transaction: the member is read, the departure record created, the member (and a pending entry of their phone) removed. */
  async remove(openid: string, departure: Omit<DepartedStaff, keyof StaffMember>): Promise<StaffMember | null> {
    return this.cb.transaction(async (tx) => {
      const d = await tx.get('staff', openid);
      if (!d) return null;
      const member = toStaff(d);
      const { id, ...rest } = departure;
      await tx.create('staff_departed', { _id: id, openid: member.openid, name: member.name, role: member.role, nodeId: member.nodeId, phone: member.phone, ...rest });
      await tx.remove('staff', openid);
      if (member.phone !== null && (await tx.get('staff_pending', member.phone))) await tx.remove('staff_pending', member.phone);
      return member;
    });
  }

  async removePending(phone: string): Promise<boolean> {
    return this.cb.transaction(async (tx) => {
      if (!(await tx.get('staff_pending', phone))) return false;
      await tx.remove('staff_pending', phone);
      return true;
    });
  }

  /** A few documents per person who ever left: read whole, newest first. */
  async listDeparted(): Promise<DepartedStaff[]> {
    return (await this.cb.readAll('staff_departed'))
      .map(toDeparted)
      .sort(byKey((x) => `${x.removedAt}\u0000${x.id}`))
      .reverse();
  }
}
