import type { ContactRepo, ResidentContact } from '../../../core/ports';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

const toContact = (d: StoredDoc): ResidentContact => ({
  openid: d._id,
  phone: typeof d.phone === 'string' ? d.phone : null,
  answeredAt: String(d.answeredAt),
  consentedAt: typeof d.consentedAt === 'string' ? d.consentedAt : null,
});

/**
 * Issue 16: 联系方式 (`contacts`, `_id` the openid). A save is one transaction over two documents: the user
 * must still be there, then the contact is set whole and the display name updated.
 */
export class CloudbaseContacts implements ContactRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async get(openid: string): Promise<ResidentContact | null> {
    const d = await this.cb.getDoc('contacts', openid);
    return d ? toContact(d) : null;
  }
  async save(contact: ResidentContact, name: string | null): Promise<boolean> {
    const { openid, ...rest } = contact;
    return this.cb.transaction(async (tx) => {
      const user = await tx.get('users', openid);
      if (!user || user.deletedAt) return false;
      await tx.set('contacts', { _id: openid, ...rest });
      if (name !== null) await tx.update('users', openid, { name });
      return true;
    });
  }
}
