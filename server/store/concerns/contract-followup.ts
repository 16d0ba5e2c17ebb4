/**
 * Contract cases for a resident following up a concern (#17): a withdrawal is a commit to the status
 * `withdrawn` with the clocks off, a chase an event that leaves the status as it was. Both go through the
 * store's one commit, so these cases pin what every adapter must do with them. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at, change, closedClocks, clocks, concern, event, notice } from '../contract-fixtures';

export function describeFollowUpContract(current: () => Store): void {
  describe('following up (withdraw, chase)', () => {
    const scope = { nodes: [{ level: 'grid' as const, id: 'dz-xicheng-daguo-g' }], officeId: null };
    const ids = (cs: Array<{ id: string }>) => cs.map((c) => c.id);

    it('commits a withdrawal: the status, no clocks, its event and the handlers\' notices; it leaves the open inbox, the SLA watch and the board', async () => {
      const store = current();
      const c = concern({ id: 'c-f-withdrawn', sla: clocks({ dueAt: at(100), watchAt: at(100) }) });
      await store.concerns.create(c, [], []);
      const withdrawn = event(c, 'withdrawn', { actorOpenid: I.resident, actorName: '陈阿姨', actorRole: 'resident', fromStatus: 'assigned', toStatus: 'withdrawn', note: '已自行解决', at: at(5) });
      const saved = await store.concerns.commit(
        c.id,
        c.version,
        change({ patch: { status: 'withdrawn', sla: closedClocks(), updatedAt: at(5) }, events: [withdrawn], notifications: [notice(I.daguoChair, at(5))], requestId: 'req-f-withdraw' }),
      );
      expect(saved).toMatchObject({ id: c.id, status: 'withdrawn', version: c.version + 1, sla: closedClocks() });
      expect(await store.concerns.get(c.id)).toEqual(saved);
      expect(await store.concerns.timeline(c.id)).toEqual([withdrawn]);
      expect(await store.concerns.hasRequest(c.id, I.resident, 'req-f-withdraw')).toBe(true);
      expect(ids((await store.concerns.inbox({ ...scope, openOnly: true }, { cursor: null, limit: 10 })).items)).not.toContain(c.id);
      expect(ids((await store.concerns.inbox({ ...scope, openOnly: false }, { cursor: null, limit: 10 })).items)).toContain(c.id);
      expect(ids(await store.concerns.dueForSla(at(1000), 10))).not.toContain(c.id);
      expect(ids(await store.board.listResolved(['danzao'], null, 30))).not.toContain(c.id);
      expect(ids(await store.concerns.search({ createdFrom: at(-10), createdTo: at(10), statuses: ['withdrawn'], nodes: [{ level: 'town', id: c.route.townId }] }, 10))).toEqual([c.id]);
      expect(ids((await store.concerns.listByReporter(I.resident, { cursor: null, limit: 10 })).items)).toContain(c.id);
    });

    it('keeps chases on the timeline in order, the status and the clocks as they were', async () => {
      const store = current();
      const c = concern({ id: 'c-f-chased', sla: clocks({ dueAt: at(100), watchAt: at(100) }) });
      await store.concerns.create(c, [], []);
      const chase = (t: number) => event(c, 'chased', { actorOpenid: I.resident, actorName: '陈阿姨', actorRole: 'resident', fromStatus: 'assigned', toStatus: 'assigned', at: at(t) });
      const first = chase(10);
      const second = chase(90_000);
      const once = await store.concerns.commit(c.id, c.version, change({ patch: { status: 'assigned', updatedAt: at(10) }, events: [first] }));
      await store.concerns.commit(c.id, once!.version, change({ patch: { status: 'assigned', updatedAt: at(90_000) }, events: [second] }));
      const after = await store.concerns.get(c.id);
      expect(after).toMatchObject({ status: 'assigned', sla: c.sla, version: c.version + 2 });
      expect(await store.concerns.timeline(c.id)).toEqual([first, second]);
      expect(ids((await store.concerns.inbox({ ...scope, openOnly: true }, { cursor: null, limit: 10 })).items)).toContain(c.id);
    });
  });
}
