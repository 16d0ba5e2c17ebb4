/**
 * What every PhotoStorage does with a photo the server stores itself (`upload`), checked the same way on the
 * local folder and on CloudBase storage (through the real SDK): the file is its owner's upload and nobody
 * else's, has a display URL that serves the very bytes, and is gone after `delete`.
 */
import type { PhotoStorage } from '../core/ports';

export interface PhotoStorageUnderTest {
  storage: PhotoStorage;
  /** The bytes a display URL serves. */
  fetchBytes(url: string): Promise<Buffer>;
  done(): Promise<void>;
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 5)]);

export function photoStorageUploadContract(name: string, make: () => Promise<PhotoStorageUnderTest>): void {
  describe(`${name}: uploads by the server`, () => {
    let t: PhotoStorageUnderTest;
    beforeEach(async () => {
      t = await make();
    });
    afterEach(() => t.done());

    it("stores the bytes as the owner's upload, served by its display URL, until deleted", async () => {
      const id = await t.storage.upload('open311-12345', PNG, 'png');
      const other = await t.storage.upload('open311-12345', PNG, 'png');
      expect(other).not.toBe(id);
      expect(id).toMatch(/\.png$/);
      expect(await t.storage.ownedBy!('open311-12345', [id])).toEqual([true]);
      expect(await t.storage.ownedBy!('o-resident', [id])).toEqual([false]);
      const [url] = await t.storage.displayUrls([id]);
      expect(url).not.toBeNull();
      expect((await t.fetchBytes(url!)).equals(PNG)).toBe(true);
      await t.storage.delete([id]);
      expect(await t.storage.displayUrls([id, other])).toEqual([null, expect.any(String)]);
      expect(await t.storage.ownedBy!('open311-12345', [id])).toEqual([false]);
    });
  });
}
