/**
 * Repository contract for crediting the dashboard's rates (issue 16): 响应率 counts at the route that
 * decided it (`sla.acceptedBy`), 办结 at the route that resolved (`sla.resolvedBy`), everything else where
 * the concern is now; concerns stored without credits count where they are now. Runs on every store.
 */
import type { RouteCredit, RouteDecision } from '../../../core/model';
import type { RateCounts, Store } from '../../../core/ports';
import { at, change, clocks, closedClocks, concern, ROUTE } from '../contract-fixtures';

const GRID_B: RouteDecision = { ...ROUTE, step: 'manual', cooperativeId: 'dz-xicheng-b', gridId: 'dz-xicheng-b-g' };
const XINAN: RouteDecision = { ...ROUTE, step: 'manual', villageId: 'dz-xinan', cooperativeId: null, gridId: null };
const credit = (r: RouteDecision): RouteCredit => ({ townId: r.townId, villageId: r.villageId, cooperativeId: r.cooperativeId, gridId: r.gridId });

function row(route: RouteDecision, counts: Partial<RateCounts>): RateCounts {
  return { month: '2026-11', ...credit(route), total: 0, responseDecided: 0, respondedInTime: 0, resolved: 0, rated: 0, satisfied: 0, overdue: 0, ...counts };
}
const byRoute = (rows: RateCounts[]) => [...rows].sort((a, b) => ((a.villageId ?? '') + (a.gridId ?? '') < (b.villageId ?? '') + (b.gridId ?? '') ? -1 : 1));

export function describeRateCreditContract(current: () => Store): void {
  describe('rate counts credited to the node that did the work', () => {
    async function seed(store: Store) {
      // Accepted in time by 大果 grid, transferred to grid B, resolved there.
      const movedResolved = concern();
      await store.concerns.create(movedResolved, [], []);
      const accepted = clocks({ ackedAt: at(60), firstResponse: 'in_time', acceptedBy: credit(ROUTE) });
      await store.concerns.commit(movedResolved.id, 1, change({ patch: { status: 'accepted', sla: accepted } }));
      await store.concerns.commit(movedResolved.id, 2, change({ patch: { status: 'assigned', route: GRID_B, pastNodeIds: ['dz-xicheng-daguo', 'dz-xicheng-daguo-g'] } }));
      await store.concerns.commit(movedResolved.id, 3, change({ patch: { status: 'resolved', sla: { ...closedClocks(), ...accepted, resolvedAt: at(200), resolvedBy: credit(GRID_B), dueAt: null, watchAt: null } } }));
      // Stored before credits existed: late and resolved, all counted where it is.
      await store.concerns.create(concern({ status: 'resolved', sla: closedClocks() }), [], []);
      await store.concerns.create(concern({ status: 'resolved', sla: { ...closedClocks(), firstResponse: 'late' } }), [], []);
      // Accepted late by 大果 grid, transferred to another village, still open.
      const movedOpen = concern({ route: XINAN, pastNodeIds: ['dz-xicheng', 'dz-xicheng-daguo', 'dz-xicheng-daguo-g'], status: 'assigned', sla: clocks({ firstResponse: 'late', acceptedBy: credit(ROUTE) }) });
      await store.concerns.create(concern({ id: movedOpen.id }), [], []);
      await store.concerns.commit(movedOpen.id, 1, change({ patch: { route: XINAN, pastNodeIds: movedOpen.pastNodeIds, status: 'assigned', sla: movedOpen.sla } }));
      // Passed on by 大果 grid before anyone accepted it: nothing to credit there.
      const passed = concern();
      await store.concerns.create(passed, [], []);
      await store.concerns.commit(passed.id, 1, change({ patch: { route: GRID_B, pastNodeIds: ['dz-xicheng-daguo', 'dz-xicheng-daguo-g'] } }));
    }

    const daguo = row(ROUTE, { total: 2, responseDecided: 3, respondedInTime: 1, resolved: 2 });
    const gridB = row(GRID_B, { total: 2, resolved: 1 });
    const xinan = row(XINAN, { total: 1 });
    const span = { fromMonth: '2026-11', toMonth: '2026-11' };

    it('credits 响应 to the grid that accepted and 办结 to the grid that resolved, though the concern moved on', async () => {
      const store = current();
      await seed(store);
      expect(await store.concerns.rateCounts({ ...span, node: { level: 'grid', id: 'dz-xicheng-daguo-g' } })).toEqual([daguo]);
      expect(await store.concerns.rateCounts({ ...span, node: { level: 'grid', id: 'dz-xicheng-b-g' } })).toEqual([gridB]);
      expect(await store.concerns.rateCounts({ ...span, node: { level: 'cooperative', id: 'dz-xicheng-daguo' } })).toEqual([daguo]);
    });

    it('keeps each part on its route when a village, the town or an office sums them', async () => {
      const store = current();
      await seed(store);
      expect(byRoute(await store.concerns.rateCounts({ ...span, node: { level: 'village', id: 'dz-xicheng' } }))).toEqual(byRoute([daguo, gridB]));
      expect(await store.concerns.rateCounts({ ...span, node: { level: 'village', id: 'dz-xinan' } })).toEqual([xinan]);
      expect(byRoute(await store.concerns.rateCounts({ ...span, node: { level: 'town', id: 'danzao' } }))).toEqual(byRoute([daguo, gridB, xinan]));
      expect(byRoute(await store.concerns.rateCounts({ ...span, officeId: 'danzao-environment' }))).toEqual(byRoute([daguo, gridB, xinan]));
    });

    it('leaves a withdrawn concern out of the total (解决率\'s denominator), though its missed clock still counts as 超期', async () => {
      const store = current();
      const kept = concern({ route: XINAN });
      await store.concerns.create(kept, [], []);
      const taken = concern({ route: XINAN });
      await store.concerns.create(taken, [], []);
      await store.concerns.commit(taken.id, 1, change({ patch: { status: 'withdrawn', sla: { ...closedClocks(), overdue: true } } }));
      expect(await store.concerns.rateCounts({ ...span, node: { level: 'village', id: 'dz-xinan' } })).toEqual([row(XINAN, { total: 1, overdue: 1 })]);
      // Only withdrawn concerns under a node: no row at all, not a row of zeros that reads as 0 %.
      const alone = concern({ route: GRID_B });
      await store.concerns.create(alone, [], []);
      await store.concerns.commit(alone.id, 1, change({ patch: { status: 'withdrawn', sla: closedClocks() } }));
      expect(await store.concerns.rateCounts({ ...span, node: { level: 'grid', id: 'dz-xicheng-b-g' } })).toEqual([]);
    });
  });
}
