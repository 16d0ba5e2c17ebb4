/**
 * Contract cases for Open311 clients as the admin manages them (issue 19): a new client is found by the
 * hash of its key (never by the key), listed with when it was made, and revoked once — after which its key
 * opens nothing, while the client stays listed. Called by describeStoreContract.
 */
import type { ApiClient } from '../../../core/model';
import type { Store } from '../../../core/ports';
import { hashApiKey } from '../../api-keys';
import { DEMO_API_CLIENTS } from '../../demo-open311';
import { at } from '../contract-fixtures';

export function describeApiClientContract(current: () => Store): void {
  describe('Open311 clients, as admins manage them', () => {
    const client: ApiClient = { id: 'oc-contract-1', name: '测试平台', source: 'open311', townIds: ['jiujiang'], reads: 'scope', requestsPerMinute: 30, postsPerHour: 40 };

    it('stores a new client with the hash of its key, lists it after the others, and keeps an existing id and key', async () => {
      const { directory } = current();
      const before = await directory.listApiClients();
      expect(before.map((c) => c.id).sort()).toEqual(DEMO_API_CLIENTS.map((c) => c.client.id).sort());
      expect(before.every((c) => c.revokedAt === null)).toBe(true);
      expect(await directory.createApiClient(client, 'key-one', at(10))).toBe(true);
      expect(await directory.findApiClient(hashApiKey('key-one'))).toEqual(client);
      expect(await directory.findApiClient('key-one')).toBeNull();
      // Same id again: nothing written, the first key still opens it and the second opens nothing.
      expect(await directory.createApiClient({ ...client, name: '另一个' }, 'key-two', at(20))).toBe(false);
      expect(await directory.findApiClient(hashApiKey('key-two'))).toBeNull();
      expect(await directory.listApiClients()).toEqual([...before, { ...client, createdAt: at(10), revokedAt: null }]);
    });

    it('revokes a client once: its key opens nothing, it stays listed, and the others keep theirs', async () => {
      const { directory } = current();
      expect(await directory.createApiClient(client, 'key-one', at(10))).toBe(true);
      expect(await directory.revokeApiClient('oc-unknown', at(30))).toBeNull();
      const [revoked, again] = await Promise.all([directory.revokeApiClient(client.id, at(30)), directory.revokeApiClient(client.id, at(31))]);
      // Of two revocations at once, exactly one writes.
      expect([revoked, again].filter((r) => r !== null)).toHaveLength(1);
      const winner = revoked ?? again;
      expect(winner).toEqual({ ...client, createdAt: at(10), revokedAt: winner!.revokedAt });
      expect([at(30), at(31)]).toContain(winner!.revokedAt);
      expect(await directory.revokeApiClient(client.id, at(40))).toBeNull();
      expect(await directory.findApiClient(hashApiKey('key-one'))).toBeNull();
      expect((await directory.listApiClients()).find((c) => c.id === client.id)).toEqual(winner);
      for (const { client: other, key } of DEMO_API_CLIENTS) expect(await directory.findApiClient(hashApiKey(key))).toEqual(other);
    });
  });
}
