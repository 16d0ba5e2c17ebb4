/**
 * Contract cases for what Open311 and the hotline import need (issues 7 and 9): client keys, batch
 * import, search and latest replies. Called by describeStoreContract, after describeTrustContract.
 */
import type { ApiClient, Concern } from '../../../core/model';
import type { Store } from '../../../core/ports';
import { hashApiKey } from '../../api-keys';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { DEMO_API_CLIENTS, DEMO_OPEN311 } from '../../demo-open311';
import { at, change, concern, message, ROUTE } from '../contract-fixtures';
import { newConcern } from './contract-trust';

export function describeOpen311StoreContract(current: () => Store): void {
  describe('Open311 and the hotline import', () => {
    it('finds a client system by the hash of its key only', async () => {
      const { directory } = current();
      const hotline = DEMO_API_CLIENTS.find((c) => c.client.id === DEMO_OPEN311.hotline.id)!;
      expect(await directory.findApiClient(hashApiKey(DEMO_OPEN311.hotline.key))).toEqual(hotline.client);
      expect(await directory.findApiClient(hashApiKey(DEMO_OPEN311.danzaoTown.key))).toEqual<ApiClient>(DEMO_API_CLIENTS[1].client);
      expect(await directory.findApiClient(DEMO_OPEN311.hotline.key)).toBeNull();
      expect(await directory.findApiClient(hashApiKey('not-a-key'))).toBeNull();
    });

    it('imports a batch in one step, and a re-run adds only the tickets not stored yet', async () => {
      const store = current();
      const a = newConcern({ requestId: 'NH0001' });
      const b = newConcern({ requestId: 'NH0002' });
      const first = await store.concerns.createMany([a, b]);
      expect(first).toEqual({ created: [a.concern, b.concern], existing: [] });
      const c = newConcern({ requestId: 'NH0003' });
      const again = await store.concerns.createMany([newConcern({ requestId: 'NH0001' }), c, newConcern({ requestId: 'NH0003' })]);
      expect(again).toEqual({ created: [c.concern], existing: [a.concern, c.concern] });
      expect(await store.concerns.timeline(c.concern.id)).toEqual(c.events);
      expect((await store.concerns.listByReporter('open311-12345', { cursor: null, limit: 10 })).items).toHaveLength(3);
      expect((await store.outbox.claimDue(at(10), at(70), 100)).filter((n) => n.recipientOpenid === I.daguoChair)).toHaveLength(3);
      expect(await store.concerns.createMany([])).toEqual({ created: [], existing: [] });
    });

    it('imports all or nothing: a batch with one concern that cannot be stored stores none of it', async () => {
      const store = current();
      const taken = concern({ id: 'c-taken-0001' });
      await store.concerns.create(taken, [], []);
      const good = newConcern({ requestId: 'NH0101' });
      const clash = newConcern({ id: 'c-taken-0001', requestId: 'NH0102' });
      // (Not `rejects.toThrow()`: an SqliteError may come from another test file's realm and fail `instanceof Error`.)
      expect(await store.concerns.createMany([good, clash]).then(() => 'stored', () => 'refused')).toBe('refused');
      expect(await store.concerns.get(good.concern.id)).toBeNull();
      expect(await store.concerns.get('c-taken-0001')).toEqual(taken);
      expect(await store.outbox.claimDue(at(10), at(70), 100)).toEqual([]);
      // Nothing of the failed batch blocks its retry.
      expect((await store.concerns.createMany([good])).created).toEqual([good.concern]);
    });

    it('searches concerns by place, office, reporter, ids, category, status and creation time, newest first', async () => {
      const store = current();
      const jjRoute = { ...ROUTE, townId: 'jiujiang', villageId: 'jj-dungen', cooperativeId: null, gridId: null, coOfficeId: null };
      const cs = [
        concern({ id: 'c-s1', createdAt: at(10) }),
        concern({ id: 'c-s2', createdAt: at(20), category: 'parking', status: 'resolved', reporterOpenid: I.resident2 }),
        concern({ id: 'c-s3', createdAt: at(30), route: jjRoute }),
        concern({ id: 'c-s4', createdAt: at(30), status: 'closed' }),
        concern({ id: 'c-s5', createdAt: at(40), route: { ...ROUTE, cooperativeId: null, gridId: null, coOfficeId: null } }),
      ];
      for (const c of cs) await store.concerns.create(c, [], []);
      const ids = async (q: Partial<Parameters<Store['concerns']['search']>[0]>, limit = 100) =>
        (await store.concerns.search({ createdFrom: at(0), createdTo: at(1000), ...q }, limit)).map((c) => c.id);
      // Every town the fixtures use: callers always scope a search (no CloudBase index serves creation time alone).
      const everywhere = { nodes: [{ level: 'town' as const, id: 'danzao' }, { level: 'town' as const, id: 'jiujiang' }] };
      expect(await ids(everywhere)).toEqual(['c-s5', 'c-s4', 'c-s3', 'c-s2', 'c-s1']);
      expect(await ids(everywhere, 2)).toEqual(['c-s5', 'c-s4']);
      expect(await store.concerns.search({ createdFrom: at(0), createdTo: at(1000), ...everywhere }, 1)).toEqual([cs[4]]);
      expect(await ids({ createdFrom: at(20), createdTo: at(40), ...everywhere })).toEqual(['c-s4', 'c-s3', 'c-s2']);
      expect(await ids({ nodes: [{ level: 'town', id: 'danzao' }] })).toEqual(['c-s5', 'c-s4', 'c-s2', 'c-s1']);
      expect(await ids({ nodes: [{ level: 'cooperative', id: 'dz-xicheng-daguo' }, { level: 'village', id: 'jj-dungen' }] })).toEqual(['c-s4', 'c-s3', 'c-s2', 'c-s1']);
      expect(await ids({ officeId: 'danzao-environment' })).toEqual(['c-s4', 'c-s2', 'c-s1']);
      expect(await ids({ nodes: [{ level: 'village', id: 'jj-dungen' }], officeId: 'danzao-environment' })).toEqual(['c-s4', 'c-s3', 'c-s2', 'c-s1']);
      expect(await ids({ reporterOpenid: I.resident2 })).toEqual(['c-s2']);
      expect(await ids({ ids: ['c-s1', 'c-s3', 'c-missing'] })).toEqual(['c-s3', 'c-s1']);
      expect(await ids({ ids: [] })).toEqual([]);
      expect(await ids({ categories: ['parking'], ...everywhere })).toEqual(['c-s2']);
      expect(await ids({ statuses: ['resolved', 'closed'], ...everywhere })).toEqual(['c-s4', 'c-s2']);
      expect(await ids({ statuses: ['assigned'], nodes: [{ level: 'town', id: 'danzao' }], categories: ['environment'] })).toEqual(['c-s5', 'c-s1']);
    });

    it("answers each concern's latest reply by someone other than its reporter", async () => {
      const store = current();
      const [x, y, z] = [concern(), concern(), concern()];
      for (const c of [x, y, z]) await store.concerns.create(c, [], []);
      const mine = (c: Concern, text: string, s: number) => message(c, text, { authorOpenid: I.resident, authorName: '陈阿姨', authorRole: 'resident', at: at(s) });
      await store.concerns.commit(x.id, 1, change({ messages: [message(x, '已受理', { at: at(1) }), mine(x, '谢谢', 2), message(x, '已清运完毕', { at: at(3) }), mine(x, '好的', 4)] }));
      await store.concerns.commit(y.id, 1, change({ messages: [mine(y, '还没人来', 1)] }));
      const replies = await store.concerns.latestReplies([x.id, y.id, z.id, 'c-missing']);
      expect([...replies.entries()]).toEqual([[x.id, { concernId: x.id, text: '已清运完毕', at: at(3) }]]);
      expect((await store.concerns.latestReplies([])).size).toBe(0);
    });
  });
}
