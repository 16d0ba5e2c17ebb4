/**
 * Contract cases for Open311's servicerequestupdates (issue 18): concerns found by when they last changed,
 * and the timelines and threads of many concerns read at once. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at, change, concern, event, message } from '../contract-fixtures';

export function describeOpen311Contract(current: () => Store): void {
  describe('open311 updates', () => {
    it('searches concerns by when they last changed, within [updatedFrom, updatedTo), together with the other filters', async () => {
      const store = current();
      const cs = [
        concern({ id: 'c-u1', createdAt: at(0), updatedAt: at(0) }),
        concern({ id: 'c-u2', createdAt: at(10), updatedAt: at(10) }),
        concern({ id: 'c-u3', createdAt: at(20), updatedAt: at(20), reporterOpenid: I.resident2 }),
      ];
      for (const c of cs) await store.concerns.create(c, [], []);
      // A change moves updatedAt: the oldest concern is now the most recently changed.
      await store.concerns.commit('c-u1', 1, change({ patch: { updatedAt: at(50) }, messages: [message(cs[0], '已安排清运', { at: at(50) })] }));
      // Scoped to the fixtures' town, as every caller scopes a search (no CloudBase index serves creation time alone).
      const ids = async (q: { updatedFrom?: string; updatedTo?: string; reporterOpenid?: string }) =>
        (await store.concerns.search({ createdFrom: '0000', createdTo: '9999', nodes: [{ level: 'town', id: 'danzao' }], ...q }, 100)).map((c) => c.id);
      expect(await ids({ updatedFrom: at(10) })).toEqual(['c-u3', 'c-u2', 'c-u1']);
      expect(await ids({ updatedFrom: at(10), updatedTo: at(50) })).toEqual(['c-u3', 'c-u2']);
      expect(await ids({ updatedFrom: at(11), updatedTo: at(51) })).toEqual(['c-u3', 'c-u1']);
      expect(await ids({ updatedTo: at(10) })).toEqual([]);
      expect(await ids({ updatedFrom: at(11), reporterOpenid: I.resident })).toEqual(['c-u1']);
    });

    it("reads the timelines and threads of many concerns at once, each in stored order, leaving unknown ids out", async () => {
      const store = current();
      const [x, y] = [concern(), concern()];
      const accepted = event(x, 'accept', { at: at(1) });
      await store.concerns.create(x, [event(x, 'submit', { at: at(0), fromStatus: null, toStatus: 'assigned' })], []);
      await store.concerns.create(y, [], []);
      const held = message(x, '联系我13900001111', { at: at(3), authorOpenid: I.resident, authorName: '陈阿姨', authorRole: 'resident', moderation: 'held' });
      await store.concerns.commit(x.id, 1, change({ events: [accepted], messages: [message(x, '已受理', { at: at(2) }), held] }));
      const h = await store.concerns.histories([x.id, y.id, 'c-missing']);
      expect([...h.keys()].sort()).toEqual([x.id, y.id].sort());
      expect(h.get(x.id)!.events.map((e) => [e.type, e.toStatus, e.concernId])).toEqual([
        ['submit', 'assigned', x.id],
        ['accept', 'accepted', x.id],
      ]);
      expect(h.get(x.id)!.events[1]).toEqual(accepted);
      expect(h.get(x.id)!.messages).toEqual([message(x, '已受理', { id: h.get(x.id)!.messages[0].id, at: at(2) }), held]);
      expect(h.get(y.id)).toEqual({ events: [], messages: [] });
      expect((await store.concerns.histories([])).size).toBe(0);
    });
  });
}
