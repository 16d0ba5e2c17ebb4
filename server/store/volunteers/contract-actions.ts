/**
 * Contract cases for volunteer actions (ActionRepo, issue 20): a concern is held by at most one open action,
 * under concurrency too; transitions are conditional, queue their notices in the same step, and release the
 * concerns when the action ends; the monthly numbers per village. Called by describeStoreContract.
 */
import type { VolunteerAction } from '../../../core/volunteers/action-model';
import type { Store } from '../../../core/ports';
import { DEMO_IDENTITIES as I, DEMO_TEAMS } from '../../demo-data';
import { at, notice, uid } from '../contract-fixtures';

function action(over: Partial<VolunteerAction> = {}): VolunteerAction {
  return {
    id: uid('va'),
    teamId: DEMO_TEAMS.daguo,
    townId: 'danzao',
    villageId: 'dz-xicheng',
    placeId: 'dz-xicheng-daguo',
    concernIds: [uid('c-va')],
    title: '人居环境整治：西城社区 · 大果经济社',
    description: '· 巷口垃圾堆积',
    place: '西城社区 · 大果经济社',
    photos: [],
    status: 'draft',
    eventId: null,
    result: null,
    startedByOpenid: I.daguoChair,
    startedByName: '大果社委',
    startedAt: at(0),
    startedMonth: '2026-11',
    resolvedMonth: null,
    concernsResolved: 0,
    updatedAt: at(0),
    ...over,
  };
}

export function describeActionContract(current: () => Store): void {
  describe('volunteer actions', () => {
    it('stores an action with its notices and answers it by id, by concern and by team', async () => {
      const { actions, outbox } = current();
      const a = action({ concernIds: ['c-va-1', 'c-va-2'], photos: ['cloud://env/p/1.jpg'] });
      const n = notice(I.daguoLeader);
      expect(await actions.create(a, [n])).toBe(true);
      expect(await actions.get(a.id)).toEqual(a);
      expect(await actions.get('va-none')).toBeNull();
      expect(await actions.latestOf('c-va-2')).toEqual(a);
      expect(await actions.latestOf('c-none')).toBeNull();
      expect(await actions.listOfTeams([DEMO_TEAMS.daguo], ['draft'])).toEqual([a]);
      expect(await actions.listOfTeams([DEMO_TEAMS.daguo], ['scheduled'])).toEqual([]);
      expect(await actions.listOfTeams([], ['draft'])).toEqual([]);
      expect((await outbox.get(n.id))?.recipientOpenid).toBe(I.daguoLeader);
    });

    it('refuses a second open action on a held concern and writes nothing, not even its notices', async () => {
      const { actions, outbox } = current();
      const first = action({ concernIds: ['c-va-held'] });
      await actions.create(first, []);
      const second = action({ concernIds: ['c-va-free', 'c-va-held'] });
      const n = notice(I.daguoLeader);
      expect(await actions.create(second, [n])).toBe(false);
      expect(await actions.get(second.id)).toBeNull();
      expect(await outbox.get(n.id)).toBeNull();
      // The free concern was not taken by the refused action.
      const third = action({ concernIds: ['c-va-free'] });
      expect(await actions.create(third, [])).toBe(true);
    });

    it('lets exactly one of many concurrent actions take the same concern', async () => {
      const { actions } = current();
      const racers = Array.from({ length: 8 }, () => action({ concernIds: ['c-va-race'] }));
      const won = await Promise.all(racers.map((a) => actions.create(a, [])));
      expect(won.filter(Boolean)).toHaveLength(1);
      expect((await actions.latestOf('c-va-race'))?.id).toBe(racers[won.indexOf(true)].id);
    });

    it('moves only from the given statuses, queues the notices with the move, and finds the action by its event', async () => {
      const { actions, outbox } = current();
      const a = action();
      await actions.create(a, []);
      expect(await actions.transition(a.id, ['scheduled'], 'reported', { updatedAt: at(10) }, [])).toBeNull();
      expect(await actions.transition('va-none', ['draft'], 'scheduled', { updatedAt: at(10) }, [])).toBeNull();
      expect(await actions.transition(a.id, [], 'scheduled', { updatedAt: at(10) }, [])).toBeNull();
      const scheduled = await actions.transition(a.id, ['draft'], 'scheduled', { eventId: 'v-va-1', updatedAt: at(10) }, []);
      expect(scheduled).toEqual({ ...a, status: 'scheduled', eventId: 'v-va-1', updatedAt: at(10) });
      expect(await actions.ofEvent('v-va-1')).toEqual(scheduled);
      expect(await actions.ofEvent('v-none')).toBeNull();
      const result = { text: '已清理', moderation: 'published' as const, photos: ['cloud://env/p/after.jpg'], at: at(20), byName: '罗队长' };
      const n = notice(I.daguoChair);
      const reported = await actions.transition(a.id, ['scheduled'], 'reported', { result, updatedAt: at(20) }, [n]);
      expect(reported).toEqual({ ...scheduled, status: 'reported', result, updatedAt: at(20) });
      expect((await outbox.get(n.id))?.recipientOpenid).toBe(I.daguoChair);
      // A refused move queues nothing.
      const late = notice(I.daguoChair);
      expect(await actions.transition(a.id, ['scheduled'], 'cancelled', { updatedAt: at(30) }, [late])).toBeNull();
      expect(await outbox.get(late.id)).toBeNull();
      expect(await actions.get(a.id)).toEqual(reported);
    });

    it('releases the concerns when an action is resolved or cancelled, and answers the newest action of a concern', async () => {
      const { actions } = current();
      const a = action({ concernIds: ['c-va-again'] });
      await actions.create(a, []);
      // Still held while open (draft → scheduled keeps the hold).
      await actions.transition(a.id, ['draft'], 'scheduled', { eventId: 'v-va-2', updatedAt: at(5) }, []);
      expect(await actions.create(action({ concernIds: ['c-va-again'] }), [])).toBe(false);
      await actions.transition(a.id, ['scheduled'], 'cancelled', { updatedAt: at(10) }, []);
      const b = action({ concernIds: ['c-va-again'], startedAt: at(20), updatedAt: at(20) });
      expect(await actions.create(b, [])).toBe(true);
      expect((await actions.latestOf('c-va-again'))?.id).toBe(b.id);
      await actions.transition(b.id, ['draft'], 'resolved', { resolved: { month: '2026-12', concerns: 1 }, updatedAt: at(30) }, []);
      expect(await actions.get(b.id)).toMatchObject({ status: 'resolved', resolvedMonth: '2026-12', concernsResolved: 1 });
      expect(await actions.create(action({ concernIds: ['c-va-again'], startedAt: at(40) }), [])).toBe(true);
      // The cancelled action keeps its record.
      expect((await actions.get(a.id))?.status).toBe('cancelled');
    });

    it('counts actions started and concerns resolved per village and month, within the months and towns asked for', async () => {
      const { actions } = current();
      const mk = async (over: Partial<VolunteerAction>, resolved?: { month: string; concerns: number }) => {
        const a = action(over);
        await actions.create(a, []);
        if (resolved) await actions.transition(a.id, ['draft'], 'resolved', { resolved, updatedAt: at(50) }, []);
      };
      await mk({ startedMonth: '2026-11' }, { month: '2026-12', concerns: 3 });
      await mk({ startedMonth: '2026-11' });
      await mk({ startedMonth: '2026-12', villageId: 'dz-xinan', placeId: 'dz-xinan' }, { month: '2026-12', concerns: 1 });
      await mk({ startedMonth: '2026-10' });
      await mk({ startedMonth: '2026-11', townId: 'jiujiang', villageId: 'jj-dungen', placeId: 'jj-dungen' });
      expect(await actions.monthlyCounts({ fromMonth: '2026-11', toMonth: '2026-12', townIds: ['danzao'] })).toEqual([
        { villageId: 'dz-xicheng', month: '2026-11', started: 2, concernsResolved: 0 },
        { villageId: 'dz-xicheng', month: '2026-12', started: 0, concernsResolved: 3 },
        { villageId: 'dz-xinan', month: '2026-12', started: 1, concernsResolved: 1 },
      ]);
      expect(await actions.monthlyCounts({ fromMonth: '2026-11', toMonth: '2026-11', townIds: null })).toEqual([
        { villageId: 'dz-xicheng', month: '2026-11', started: 2, concernsResolved: 0 },
        { villageId: 'jj-dungen', month: '2026-11', started: 1, concernsResolved: 0 },
      ]);
      expect(await actions.monthlyCounts({ fromMonth: '2026-11', toMonth: '2026-12', townIds: [] })).toEqual([]);
    });
  });
}
