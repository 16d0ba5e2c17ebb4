/**
 * Contract cases for the public board (BoardRepo): town settings and quick replies, resolved concerns of
 * towns and villages, open ones nearby, "+1" once per person. Every query lists public concerns only:
 * a published description, never a 举报 category. Called by describeStoreContract, whose store has the
 * board on in `boardTowns` only.
 */
import type { Concern } from '../../../core/model';
import type { SimilarQuery, Store } from '../../../core/ports';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at, closedClocks, concern, ROUTE } from '../contract-fixtures';

const RUXI = { ...ROUTE, townId: 'xiqiao', villageId: 'xq-ruxi', cooperativeId: 'xq-ruxi-1', gridId: null, coOfficeId: null };
const ids = (cs: Concern[]) => cs.map((c) => c.id);
const done = (over: Partial<Concern>) => concern({ status: 'resolved', sla: closedClocks(), ...over });

export function describeBoardContract(current: () => Store, boardTowns: readonly string[]): void {
  describe('public board', () => {
    const create = async (...cs: Concern[]) => {
      for (const c of cs) await current().concerns.create(c, [], []);
    };

    it('answers the settings of a town: the board as set up, no quick replies, and the board off where nothing is set', async () => {
      const { board } = current();
      const [on] = boardTowns;
      expect(await board.settings(on)).toEqual({ publicBoard: true, replyTemplates: {} });
      expect(await board.settings('jiujiang')).toEqual({ publicBoard: false, replyTemplates: {} });
      expect(await board.settings('no-such-town')).toEqual({ publicBoard: false, replyTemplates: {} });
    });

    it('replaces the quick replies of a town and leaves its board setting as it was', async () => {
      const { board } = current();
      const [on] = boardTowns;
      await board.saveReplyTemplates(on, { environment: ['已安排保洁员清理。', '已联系环卫站清运。'], road: ['已报修。'] });
      expect(await board.settings(on)).toEqual({ publicBoard: true, replyTemplates: { environment: ['已安排保洁员清理。', '已联系环卫站清运。'], road: ['已报修。'] } });
      await board.saveReplyTemplates(on, { road: ['已报修，三天内修好。'] });
      expect(await board.settings(on)).toEqual({ publicBoard: true, replyTemplates: { road: ['已报修，三天内修好。'] } });
      await board.saveReplyTemplates('jiujiang', { other: ['已转交。'] });
      expect(await board.settings('jiujiang')).toEqual({ publicBoard: false, replyTemplates: { other: ['已转交。'] } });
      await board.saveReplyTemplates(on, {});
      expect(await board.settings(on)).toEqual({ publicBoard: true, replyTemplates: {} });
    });

    it('lists resolved and closed public concerns of the towns, most recently updated first, within the village and the limit', async () => {
      const older = done({ id: 'c-b-older', updatedAt: at(10) });
      const newer = done({ id: 'c-b-newer', status: 'closed', updatedAt: at(20) });
      const sameTime = done({ id: 'c-b-same', updatedAt: at(20) });
      const otherVillage = done({ id: 'c-b-xinan', route: { ...ROUTE, villageId: 'dz-xinan', cooperativeId: null, gridId: null }, updatedAt: at(15) });
      const otherTown = done({ id: 'c-b-ruxi', route: RUXI, updatedAt: at(30) });
      const open = concern({ id: 'c-b-open', updatedAt: at(40) });
      const held = done({ id: 'c-b-held', moderation: 'held', updatedAt: at(41) });
      const rejected = done({ id: 'c-b-rejected', moderation: 'rejected', updatedAt: at(42) });
      const report = done({ id: 'c-b-report', category: 'illegal_building', updatedAt: at(43) });
      await create(older, newer, sameTime, otherVillage, otherTown, open, held, rejected, report);
      const { board } = current();
      expect(ids(await board.listResolved(['danzao'], null, 30))).toEqual(['c-b-same', 'c-b-newer', 'c-b-xinan', 'c-b-older']);
      expect(ids(await board.listResolved(['danzao'], 'dz-xicheng', 30))).toEqual(['c-b-same', 'c-b-newer', 'c-b-older']);
      expect(ids(await board.listResolved(['danzao', 'xiqiao'], null, 2))).toEqual(['c-b-ruxi', 'c-b-same']);
      expect(ids(await board.listResolved(['xiqiao'], 'dz-xicheng', 30))).toEqual([]);
      expect(await board.listResolved([], null, 30)).toEqual([]);
      expect((await board.listResolved(['danzao'], 'dz-xicheng', 30)).find((c) => c.id === older.id)).toEqual(older);
    });

    it('finds open public concerns of the category in the town: in the village, in the grid or inside the box, newest first', async () => {
      const inVillage = concern({ id: 'c-s-village', route: { ...ROUTE, gridId: null }, createdAt: at(1) });
      const inGrid = concern({ id: 'c-s-grid', route: { ...ROUTE, villageId: 'dz-xinan' }, createdAt: at(2) });
      const inBox = concern({ id: 'c-s-box', route: { ...ROUTE, villageId: 'dz-xinan', gridId: null }, location: { lat: 23.05, lng: 112.9 }, createdAt: at(3) });
      const outside = concern({ id: 'c-s-out', route: { ...ROUTE, villageId: 'dz-xinan', gridId: null }, location: { lat: 23.2, lng: 112.9 }, createdAt: at(4) });
      const resolved = done({ id: 'c-s-done', createdAt: at(5) });
      const road = concern({ id: 'c-s-road', category: 'road', createdAt: at(6) });
      const held = concern({ id: 'c-s-held', moderation: 'held', createdAt: at(7) });
      const otherTown = concern({ id: 'c-s-ruxi', route: RUXI, createdAt: at(8) });
      const report = concern({ id: 'c-s-report', category: 'fire_safety', createdAt: at(9) });
      await create(inVillage, inGrid, inBox, outside, resolved, road, held, otherTown, report);
      const { board } = current();
      const q = (over: Partial<SimilarQuery>): SimilarQuery => ({ townId: 'danzao', category: 'environment', villageId: null, gridId: null, box: null, limit: 20, ...over });
      const box = { minLat: 23.04, maxLat: 23.06, minLng: 112.89, maxLng: 112.91 };
      expect(ids(await board.similarOpen(q({ villageId: 'dz-xicheng' })))).toEqual(['c-s-village']);
      expect(ids(await board.similarOpen(q({ gridId: 'dz-xicheng-daguo-g' })))).toEqual(['c-s-grid']);
      expect(ids(await board.similarOpen(q({ box })))).toEqual(['c-s-box']);
      expect(ids(await board.similarOpen(q({ villageId: 'dz-xicheng', gridId: 'dz-xicheng-daguo-g', box })))).toEqual(['c-s-box', 'c-s-grid', 'c-s-village']);
      expect(ids(await board.similarOpen(q({ villageId: 'dz-xicheng', gridId: 'dz-xicheng-daguo-g', box, limit: 2 })))).toEqual(['c-s-box', 'c-s-grid']);
      expect(ids(await board.similarOpen(q({ category: 'road', villageId: 'dz-xicheng' })))).toEqual(['c-s-road']);
      expect(ids(await board.similarOpen(q({ category: 'fire_safety', villageId: 'dz-xicheng' })))).toEqual([]);
      expect(ids(await board.similarOpen(q({ townId: 'xiqiao', villageId: 'xq-ruxi' })))).toEqual(['c-s-ruxi']);
      // Nothing to be near: nothing is similar.
      expect(await board.similarOpen(q({}))).toEqual([]);
    });

    it('finds the open public concerns of a town inside a box, most recently updated first, within the limit (the map of #17)', async () => {
      const near = (id: string, over: Partial<Concern>) => concern({ id, location: { lat: 23.05, lng: 112.9 }, ...over });
      await create(
        near('c-m-old', { updatedAt: at(1) }),
        near('c-m-new', { updatedAt: at(3), status: 'accepted' }),
        near('c-m-mid', { updatedAt: at(2), route: { ...ROUTE, villageId: 'dz-xinan', cooperativeId: null, gridId: null }, category: 'road' }),
        near('c-m-far', { updatedAt: at(4), location: { lat: 23.3, lng: 112.9 } }),
        concern({ id: 'c-m-nowhere', updatedAt: at(5) }),
        near('c-m-done', { updatedAt: at(6), status: 'resolved', sla: closedClocks() }),
        near('c-m-withdrawn', { updatedAt: at(6), status: 'withdrawn', sla: closedClocks() }),
        near('c-m-held', { updatedAt: at(7), moderation: 'held' }),
        near('c-m-rejected', { updatedAt: at(7), moderation: 'rejected' }),
        near('c-m-report', { updatedAt: at(8), category: 'fire_safety' }),
        near('c-m-ruxi', { updatedAt: at(9), route: RUXI }),
      );
      const { board } = current();
      const box = { minLat: 23.0, maxLat: 23.1, minLng: 112.85, maxLng: 112.95 };
      expect(ids(await board.openInBox('danzao', box, 100))).toEqual(['c-m-new', 'c-m-mid', 'c-m-old']);
      expect(ids(await board.openInBox('danzao', box, 2))).toEqual(['c-m-new', 'c-m-mid']);
      expect(ids(await board.openInBox('danzao', { ...box, maxLat: 23.4 }, 100))).toEqual(['c-m-far', 'c-m-new', 'c-m-mid', 'c-m-old']);
      expect(ids(await board.openInBox('xiqiao', box, 100))).toEqual(['c-m-ruxi']);
      expect(await board.openInBox('danzao', { minLat: 22, maxLat: 22.5, minLng: 112, maxLng: 112.5 }, 100)).toEqual([]);
    });

    it('records one +1 per person per concern, even when the same person taps many times at once, and counts them', async () => {
      const a = concern({ id: 'c-p-a' });
      const b = concern({ id: 'c-p-b' });
      await create(a, b);
      const { board } = current();
      const first = await Promise.all(Array.from({ length: 6 }, () => board.plusOne(a.id, I.resident2, at(1))));
      expect(first.filter((created) => created)).toHaveLength(1);
      expect(await board.plusOne(a.id, I.resident2, at(2))).toBe(false);
      expect(await board.plusOne(a.id, I.daguoLeader, at(3))).toBe(true);
      expect(await board.plusOne(b.id, I.daguoLeader, at(4))).toBe(true);
      const seenBy = async (openid: string) => Object.fromEntries(await board.plusOnes([a.id, b.id, 'c-p-none'], openid));
      expect(await seenBy(I.resident2)).toEqual({ [a.id]: { count: 2, mine: true }, [b.id]: { count: 1, mine: false } });
      expect(await seenBy(I.daguoLeader)).toEqual({ [a.id]: { count: 2, mine: true }, [b.id]: { count: 1, mine: true } });
      expect(await seenBy(I.resident)).toEqual({ [a.id]: { count: 2, mine: false }, [b.id]: { count: 1, mine: false } });
      expect((await board.plusOnes([], I.resident2)).size).toBe(0);
    });
  });
}
