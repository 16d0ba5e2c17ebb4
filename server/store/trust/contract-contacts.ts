/**
 * Contract cases for issue 16's 联系方式: a resident's answer (a phone with consent, or a skip) is stored
 * whole with their display name in one step, replaced by a later answer, refused for a person who is not
 * (or no longer) a user, and gone when the person is forgotten. Called by describeStoreContract.
 */
import type { ResidentContact, Store } from '../../../core/ports';
import { at } from '../contract-fixtures';

const RESIDENT = { openid: 'o-contact-5e1b', name: '街坊5e1b', phone: null, createdAt: at(0) };
const answer = (over: Partial<ResidentContact> = {}): ResidentContact => ({ openid: RESIDENT.openid, phone: '13912345678', answeredAt: at(1), consentedAt: at(1), ...over });

export function describeContactContract(current: () => Store): void {
  describe('contacts (联系方式)', () => {
    it('stores an answer with the display name at once, and a later answer replaces it whole', async () => {
      const store = current();
      await store.directory.ensureUser(RESIDENT);
      expect(await store.contacts.get(RESIDENT.openid)).toBeNull();

      expect(await store.contacts.save(answer(), '陈姨')).toBe(true);
      expect(await store.contacts.get(RESIDENT.openid)).toEqual(answer());
      expect(await store.directory.findUser(RESIDENT.openid)).toEqual({ ...RESIDENT, name: '陈姨' });

      // No name: the display name stays; the phone may be taken back (null), and the consent goes with it.
      const later = answer({ phone: null, answeredAt: at(5), consentedAt: null });
      expect(await store.contacts.save(later, null)).toBe(true);
      expect(await store.contacts.get(RESIDENT.openid)).toEqual(later);
      expect(await store.directory.findUser(RESIDENT.openid)).toEqual({ ...RESIDENT, name: '陈姨' });
      // Another person's contact is their own.
      expect(await store.contacts.get('o-someone-else')).toBeNull();
    });

    it('writes nothing for an openid that is not a user, nor for one who has left', async () => {
      const store = current();
      expect(await store.contacts.save(answer({ openid: 'o-never-seen' }), '谁')).toBe(false);
      expect(await store.contacts.get('o-never-seen')).toBeNull();
      expect(await store.directory.findUser('o-never-seen')).toBeNull();

      await store.directory.ensureUser(RESIDENT);
      await store.contacts.save(answer(), null);
      await store.privacy.forget(RESIDENT.openid, 'gone-contact-0001', at(9));
      expect(await store.contacts.get(RESIDENT.openid)).toBeNull();
      expect(await store.contacts.get('gone-contact-0001')).toBeNull();
      // The tombstone is not a person who can answer, and the old openid is no user any more.
      expect(await store.contacts.save(answer({ openid: 'gone-contact-0001' }), '谁')).toBe(false);
      expect(await store.contacts.save(answer(), '谁')).toBe(false);
      expect(await store.contacts.get('gone-contact-0001')).toBeNull();
    });
  });
}
