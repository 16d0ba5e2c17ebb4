/**
 * The contract of the repository interfaces in core/ports.ts, as one suite that any store adapter must
 * pass: `describeStoreContract(name, factory)`. It runs against the SQLite store
 * (sqlite-store.contract.test.ts), the CloudBase adapter on the in-process wire fake
 * (cloudbase/cloudbase-store.test.ts) and, with `npm run test:cloudbase`, a real CloudBase environment.
 * A new repository method gets its cases here, and every adapter that lacks it fails; the last case fails
 * while any method of any repository has none (store-contract-coverage.ts).
 */
import type { ApiClient, Concern } from '../../core/model';
import type { RouteLevel, Store } from '../../core/ports';
import { DEMO_IDENTITIES as I, demoDirectory, demoVolunteers, type DirectoryData, type VolunteerData } from '../demo-data';
import { at, change, closedClocks, concern, event, message, notice, ROUTE, T0 } from './contract-fixtures';
import { describeBoardContract } from './board/contract-board';
import { describeCalendarContract } from './directory/contract-calendar';
import { recordingStore, repositoryMethods } from './contract-coverage';
import { describeRateCreditContract } from './concerns/contract-rates';
import { describeDirectoryContract, describeLifecycleContract } from './concerns/contract-lifecycle';
import { describeVolunteerContract } from './volunteers/contract-volunteer';
import { describeHeldVolunteerTexts } from './volunteers/contract-volunteer-held';
import { describeTrustContract, type Everything } from './trust/contract-trust';
import { describeOpen311StoreContract } from './trust/contract-trust-open311';
import { describeReportContract } from './trust/contract-reports';
import { describeOpen311Contract } from './concerns/contract-open311';
import { describePagingContract } from './contract-paging';
import { describeTopicContract } from './board/contract-topics';
import { describeContactContract } from './trust/contract-contacts';
import { DEMO_API_CLIENTS } from '../demo-open311';
import { describeActionContract } from './volunteers/contract-actions';
import { describePointsContract } from './volunteers/contract-points';
// Issue 22, chunked transactions:
import { describeChunkContract } from './contract-chunks';
// Admin (issue 19).
import { describeRosterContract } from './directory/contract-roster';
import { describeApiClientContract } from './trust/contract-api-clients';
import { describeGridAdminContract } from './directory/contract-grid-admin';
import { describeFollowUpContract } from './concerns/contract-followup';
import { describeEventReportContract } from './volunteers/contract-event-reports';
import { describeTeamArchiveContract } from './volunteers/contract-team-archive';
import { describeTownWorkContract } from './directory/contract-town-work';
// Issue 20, item 3 (h20b): a concern a team flagged.
import { describeSourceContract } from './concerns/contract-sources';
import { describeOutboxContract } from './concerns/contract-outbox';
import { beijingMonthKey } from '../../core/beijing';

/**
 * Creates a store holding exactly `data` in its directory, `volunteers` in its teams and `apiClients` as
 * its Open311 client systems (keys stored hashed), with the public board on in `boardTowns` only, and
 * disposes of it. `everything` answers every record
 * the store holds (every row of every table, every document of every collection).
 */
export interface StoreFactory {
  create(data: DirectoryData, volunteers: VolunteerData, apiClients: ReadonlyArray<{ client: ApiClient; key: string }>, boardTowns: readonly string[]): Promise<Store>;
  everything: Everything;
  dispose?(store: Store): Promise<void>;
}

export function describeStoreContract(name: string, factory: StoreFactory, timeoutMs = 5000): void {
  describe(`the repository contract on ${name}`, () => {
    jest.setTimeout(timeoutMs);
    const data = demoDirectory(at(-3600));
    const volunteers = demoVolunteers(new Date(T0), (eventId) => `code-${eventId}`);
    const boardTowns = ['danzao', 'xiqiao'];
    /** Every repository method the cases below call (`repo.method`). */
    const called = new Set<string>();
    let store: Store;
    beforeEach(async () => {
      store = recordingStore(await factory.create(data, volunteers, DEMO_API_CLIENTS, boardTowns), called);
    });
    const current = () => store;
    describeDirectoryContract(current, data);
    describeCalendarContract(current);
    describeLifecycleContract(current);
    describeVolunteerContract(current, volunteers);
    describeHeldVolunteerTexts(current);
    describeTrustContract(current, factory.everything);
    describeOpen311StoreContract(current);
    describeBoardContract(current, boardTowns);
    describeOpen311Contract(current);
    describeReportContract(current);
    describePagingContract(current);
    describeTopicContract(current);
    describeActionContract(current);
    describePointsContract(current);
    // Issue 16 (staff daily use).
    describeContactContract(current);
    // Issue 22, chunked transactions:
    describeChunkContract(current);
    // Admin (issue 19).
    describeRosterContract(current, data);
    describeFollowUpContract(current);
    // Admin (issue 19): Open311 clients.
    describeApiClientContract(current);
    // Admin (issue 19): the grid editor and the district's towns.
    describeGridAdminContract(current);
    // Staff daily use (issue 16): rates credited to the node that did the work.
    describeRateCreditContract(current);
    // WeChat review (issue 15): 举报 of volunteer event texts.
    describeEventReportContract(current);
    // Admin (issue 19): archiving a volunteer team.
    describeTeamArchiveContract(current);
    // Admin (issue 19): a town's working time.
    describeTownWorkContract(current, boardTowns);
    // Issue 20, item 3 (h20b): a concern a team flagged.
    describeSourceContract(current);
    afterEach(async () => {
      if (factory.dispose) await factory.dispose(store);
      await store.close();
    });

    describe('directory', () => {
      it('lists the grid, offices, staff and categories it was given, in a stable order', async () => {
        expect(await store.directory.gridVersion()).toBeGreaterThan(0);
        const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
        expect(byId(await store.directory.listNodes())).toEqual(byId(data.nodes));
        expect((await store.directory.listOffices()).map((o) => o.id)).toEqual([...data.offices].sort((a, b) => (a.townId + a.id < b.townId + b.id ? -1 : 1)).map((o) => o.id));
        expect(await store.directory.listCategories('danzao')).toEqual(data.categories.filter((c) => c.townId === 'danzao'));
        expect(await store.directory.listCategories()).toHaveLength(data.categories.length);
        expect((await store.directory.listStaff()).map((s) => s.openid)).toEqual(
          [...data.staff].sort((a, b) => (a.nodeId === b.nodeId ? (a.openid < b.openid ? -1 : 1) : a.nodeId < b.nodeId ? -1 : 1)).map((s) => s.openid),
        );
      });

      it.each([
        ['the cooperative and its grid', ['dz-xicheng-daguo', 'dz-xicheng-daguo-g'], [I.daguoChair, I.daguoGridWorker]],
        ['an office', ['danzao-environment'], [I.envOffice]],
        ['no node at all', [], []],
        ['a node nobody serves', ['xq-ruxi-1'], []],
      ])('finds the staff serving %s', async (_what, nodeIds, openids) => {
        expect((await store.directory.listStaffAt(nodeIds)).map((s) => s.openid).sort()).toEqual([...openids].sort());
      });

      it('finds staff and users by openid, and answers null for strangers', async () => {
        expect(await store.directory.findStaff(I.daguoChair)).toEqual(data.staff.find((s) => s.openid === I.daguoChair));
        expect(await store.directory.findStaff('nobody')).toBeNull();
        expect(await store.directory.findUser(I.resident)).toEqual(data.users.find((u) => u.openid === I.resident));
        expect(await store.directory.findUser('nobody')).toBeNull();
      });

      it('creates a user on first sight and never overwrites one, even when many arrive at once', async () => {
        const first = { openid: 'o-new', name: '街坊0001', phone: null, createdAt: at(5) };
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.directory.ensureUser({ ...first, name: `街坊${i}` })));
        const stored = await store.directory.findUser('o-new');
        expect(stored).not.toBeNull();
        for (const r of results) expect(r).toEqual(stored);
        expect(await store.directory.ensureUser({ ...data.users[0], name: '别人' })).toEqual(data.users[0]);
      });
    });

    describe('concerns', () => {
      it('stores a concern with its first events and gives it back exactly', async () => {
        const c = concern({ location: { lat: 23.05, lng: 112.9 }, photos: ['cloud://env/a.jpg'], requestId: 'req-00000001' });
        const events = [event(c, 'submitted', { actorOpenid: I.resident, actorRole: 'resident', fromStatus: null, toStatus: 'submitted' }), event(c, 'routed', { actorOpenid: null, actorName: null, actorRole: 'system' })];
        expect(await store.concerns.create(c, events, [])).toEqual({ concern: c, created: true });
        expect(await store.concerns.get(c.id)).toEqual(c);
        expect(await store.concerns.timeline(c.id)).toEqual(events);
        expect(await store.concerns.thread(c.id)).toEqual([]);
        expect(await store.concerns.get('c-missing')).toBeNull();
        expect(await store.concerns.hasRequest(c.id, I.resident, 'req-00000001')).toBe(true);
        expect(await store.concerns.hasRequest(c.id, I.resident2, 'req-00000001')).toBe(false);
      });

      it('answers a concern with whether a step of it was stored under an actor\'s requestId, from one read', async () => {
        const c = concern({ requestId: 'req-seen-0001' });
        await store.concerns.create(c, [event(c, 'submitted', { actorOpenid: I.resident, actorRole: 'resident', fromStatus: null, toStatus: 'submitted' })], []);
        expect(await store.concerns.getWithRequest(c.id, I.resident, 'req-seen-0001')).toEqual({ concern: c, seen: true });
        expect(await store.concerns.getWithRequest(c.id, I.resident2, 'req-seen-0001')).toEqual({ concern: c, seen: false });
        expect(await store.concerns.getWithRequest(c.id, I.resident, 'req-other-001')).toEqual({ concern: c, seen: false });
        await store.concerns.commit(c.id, 1, change({ patch: { status: 'accepted', updatedAt: at(1) }, events: [event(c, 'accepted')], requestId: 'req-acc-0001' }));
        const now = await store.concerns.get(c.id);
        expect(now).toMatchObject({ status: 'accepted', version: 2 });
        expect(await store.concerns.getWithRequest(c.id, I.daguoChair, 'req-acc-0001')).toEqual({ concern: now, seen: true });
        expect(await store.concerns.getWithRequest(c.id, I.daguoChair, 'req-acc-0002')).toEqual({ concern: now, seen: false });
        expect(await store.concerns.getWithRequest('c-missing', I.resident, 'req-seen-0001')).toEqual({ concern: null, seen: false });
      });

      it("answers the reporter's earlier concern for a repeated requestId and writes nothing", async () => {
        const c = concern({ requestId: 'req-dup-0001' });
        await store.concerns.create(c, [event(c, 'submitted')], [notice(I.daguoChair)]);
        const again = concern({ requestId: 'req-dup-0001', description: '又提交了一次' });
        expect(await store.concerns.create(again, [event(again, 'submitted')], [notice(I.daguoChair)])).toEqual({ concern: c, created: false });
        expect(await store.concerns.get(again.id)).toBeNull();
        expect(await store.outbox.claimDue(at(10), at(70), 100)).toHaveLength(1);
        // Another reporter may use the same requestId.
        const other = concern({ requestId: 'req-dup-0001', reporterOpenid: I.resident2 });
        expect((await store.concerns.create(other, [], [])).created).toBe(true);
      });

      it('stores one concern when the same request is submitted several times at once, and answers it to each', async () => {
        const tries = Array.from({ length: 4 }, (_, i) => concern({ requestId: 'req-race-0001', description: `同时提交${i}` }));
        const results = await Promise.all(tries.map((c) => store.concerns.create(c, [event(c, 'submitted')], [notice(I.daguoChair)])));
        const stored = results.filter((r) => r.created).map((r) => r.concern);
        expect(stored).toHaveLength(1);
        for (const r of results) expect(r.concern.id).toBe(stored[0].id);
        expect(await store.outbox.claimDue(at(10), at(70), 100)).toHaveLength(1);
      });

      it("finds a reporter's concerns by their requestIds, and nobody else's", async () => {
        const a = concern({ requestId: 't-NH001' });
        const b = concern({ requestId: 't-NH002' });
        const other = concern({ requestId: 't-NH001', reporterOpenid: I.resident2 });
        for (const c of [a, b, other, concern()]) await store.concerns.create(c, [], []);
        const ids = (cs: Concern[]) => cs.map((c) => c.id).sort();
        expect(ids(await store.concerns.byRequests(a.reporterOpenid, ['t-NH001', 't-NH002', 't-NH404']))).toEqual([a.id, b.id].sort());
        expect(ids(await store.concerns.byRequests(I.resident2, ['t-NH001']))).toEqual([other.id]);
        expect(await store.concerns.byRequests(a.reporterOpenid, [])).toEqual([]);
        expect((await store.concerns.byRequests(a.reporterOpenid, ['t-NH002']))[0]).toMatchObject({ id: b.id, requestId: 't-NH002', route: b.route });
      });

      it('stores one concern when the same submission arrives many times at once', async () => {
        const tries = Array.from({ length: 6 }, () => concern({ requestId: 'req-race-0001' }));
        const results = await Promise.all(tries.map((c) => store.concerns.create(c, [event(c, 'submitted')], [notice(I.daguoChair)])));
        expect(results.filter((r) => r.created)).toHaveLength(1);
        const winner = results.find((r) => r.created)!.concern;
        for (const r of results) expect(r.concern.id).toBe(winner.id);
        expect((await store.concerns.listByReporter(I.resident, { cursor: null, limit: 50 })).items).toHaveLength(1);
        expect(await store.outbox.claimDue(at(10), at(70), 100)).toHaveLength(1);
      });

      it('applies a change at the expected version: patch, version, events and messages together', async () => {
        const c = concern();
        await store.concerns.create(c, [event(c, 'submitted')], []);
        const accept = event(c, 'accepted');
        const saved = await store.concerns.commit(c.id, 1, change({ patch: { status: 'accepted', updatedAt: at(1) }, events: [accept], requestId: 'req-accept-01' }));
        expect(saved).toEqual({ ...c, status: 'accepted', updatedAt: at(1), version: 2 });
        expect(await store.concerns.get(c.id)).toEqual(saved);
        const reply = event(c, 'replied', { fromStatus: 'accepted', toStatus: 'in_progress', note: '已安排清运' });
        const m = message(c, '已安排清运');
        const route = { ...ROUTE, gridId: null, reason: '改派' };
        const replied = await store.concerns.commit(c.id, 2, change({ patch: { status: 'in_progress', updatedAt: at(2), route }, events: [reply], messages: [m], notifications: [notice(I.resident)] }));
        expect(replied).toEqual({ ...c, status: 'in_progress', updatedAt: at(2), route, version: 3 });
        expect(await store.concerns.get(c.id)).toEqual(replied);
        expect((await store.concerns.timeline(c.id)).map((e) => e.id)).toEqual([expect.any(String), accept.id, reply.id]);
        expect(await store.concerns.thread(c.id)).toEqual([m]);
        expect(await store.concerns.hasRequest(c.id, I.daguoChair, 'req-accept-01')).toBe(true);
        expect(await store.concerns.hasRequest(c.id, I.daguoChair, 'req-other-01')).toBe(false);
      });

      it.each([
        ['without notifications', [] as string[]],
        ['with notifications', [I.resident]],
      ])('refuses a change at a stale version and writes nothing (%s)', async (_what, recipients) => {
        const c = concern();
        await store.concerns.create(c, [], []);
        const ch = () => change({ patch: { status: 'accepted' }, events: [event(c, 'accepted')], messages: [message(c, '好')], notifications: recipients.map((r) => notice(r)) });
        expect(await store.concerns.commit(c.id, 1, ch())).not.toBeNull();
        expect(await store.concerns.commit(c.id, 1, ch())).toBeNull();
        expect(await store.concerns.commit('c-missing', 1, ch())).toBeNull();
        expect(await store.concerns.timeline(c.id)).toHaveLength(1);
        expect(await store.concerns.thread(c.id)).toHaveLength(1);
        expect((await store.concerns.get(c.id))!.version).toBe(2);
        expect(await store.outbox.claimDue(at(10), at(70), 100)).toHaveLength(recipients.length);
      });

      it.each([
        ['without notifications', false],
        ['with notifications', true],
        ['one of each kind', null],
      ])('lets exactly one of two concurrent accepts win (%s)', async (_what, notify) => {
        const c = concern();
        await store.concerns.create(c, [], []);
        const accept = (who: string, withNotice: boolean) =>
          store.concerns.commit(c.id, 1, change({ patch: { status: 'accepted' }, events: [event(c, 'accepted', { actorOpenid: who })], notifications: withNotice ? [notice(I.resident)] : [] }));
        const results = await Promise.all([accept(I.daguoChair, notify ?? false), accept(I.daguoGridWorker, notify ?? true), accept(I.xichengStaff, notify ?? false)]);
        expect(results.filter((r) => r !== null)).toHaveLength(1);
        const timeline = await store.concerns.timeline(c.id);
        expect(timeline).toHaveLength(1);
        expect((await store.concerns.get(c.id))!.version).toBe(2);
        const winner = [I.daguoChair, I.daguoGridWorker, I.xichengStaff][results.findIndex((r) => r !== null)];
        expect(timeline[0].actorOpenid).toBe(winner);
        const queued = await store.outbox.claimDue(at(10), at(70), 100);
        expect(queued).toHaveLength(notify === false ? 0 : notify === true ? 1 : winner === I.daguoGridWorker ? 1 : 0);
      });

      it("pages a reporter's concerns newest first by (createdAt, id), without gaps or repeats", async () => {
        const mine: Concern[] = [];
        for (let i = 0; i < 7; i++) {
          const c = concern({ id: `c-page-${i}`, createdAt: at(Math.floor(i / 2)), updatedAt: at(Math.floor(i / 2)) });
          mine.push(c);
          await store.concerns.create(c, [], []);
        }
        await store.concerns.create(concern({ reporterOpenid: I.resident2 }), [], []);
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<Store['concerns']['listByReporter']>> = await store.concerns.listByReporter(I.resident, { cursor, limit: 3 });
          expect(page.items.length).toBeLessThanOrEqual(3);
          seen.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        const expected = [...mine].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1)).map((c) => c.id);
        expect(seen).toEqual(expected);
      });

      it('fills an inbox by the nodes a concern went to, by co-handling office, and by open status', async () => {
        const atGrid = concern({ id: 'c-in-grid' });
        const atVillage = concern({ id: 'c-in-village', route: { ...ROUTE, cooperativeId: null, gridId: null, coOfficeId: null } });
        const elsewhere = concern({ id: 'c-in-other', route: { ...ROUTE, townId: 'xiqiao', villageId: 'xq-ruxi', cooperativeId: 'xq-ruxi-1', gridId: null, coOfficeId: null } });
        const closed = concern({ id: 'c-in-closed', status: 'closed', sla: closedClocks() });
        for (const c of [atGrid, atVillage, elsewhere, closed]) await store.concerns.create(c, [], []);
        const ids = async (nodes: Array<[RouteLevel, string]>, officeId: string | null, openOnly: boolean) =>
          (await store.concerns.inbox({ nodes: nodes.map(([level, id]) => ({ level, id })), officeId, openOnly }, { cursor: null, limit: 20 })).items.map((c) => c.id).sort();
        expect(await ids([['grid', 'dz-xicheng-daguo-g']], null, true)).toEqual(['c-in-grid']);
        expect(await ids([['cooperative', 'dz-xicheng-daguo']], null, false)).toEqual(['c-in-closed', 'c-in-grid']);
        expect(await ids([['village', 'dz-xicheng']], null, true)).toEqual(['c-in-grid', 'c-in-village']);
        expect(await ids([['town', 'danzao'], ['town', 'xiqiao']], null, true)).toEqual(['c-in-grid', 'c-in-other', 'c-in-village']);
        expect(await ids([['cooperative', 'xq-ruxi-1'], ['grid', 'dz-xicheng-daguo-g']], null, true)).toEqual(['c-in-grid', 'c-in-other']);
        // A node id is matched at its own level only.
        expect(await ids([['village', 'dz-xicheng-daguo']], null, false)).toEqual([]);
        expect(await ids([], 'danzao-environment', true)).toEqual(['c-in-grid']);
        expect(await ids([], null, true)).toEqual([]);
        const firstPage = await store.concerns.inbox({ nodes: [{ level: 'town', id: 'danzao' }], officeId: null, openOnly: false }, { cursor: null, limit: 2 });
        expect(firstPage.items).toHaveLength(2);
        expect(firstPage.items).toEqual([atVillage, atGrid]);
        const rest = await store.concerns.inbox({ nodes: [{ level: 'town', id: 'danzao' }], officeId: null, openOnly: false }, { cursor: firstPage.nextCursor, limit: 2 });
        expect(rest.items).toEqual([closed]);
        expect(rest.nextCursor).toBeNull();
      });

      it('keeps a concern in the whole inbox of every node that passed it on, once, newest first, and out of their open inbox', async () => {
        const away = { ...ROUTE, villageId: 'dz-xinan', cooperativeId: 'dz-xinan-x', gridId: null };
        const passed = ['dz-xicheng-daguo', 'dz-xicheng-daguo-g', 'dz-xicheng'];
        const moved = concern({ id: 'c-past-1', createdAt: at(1) });
        const stayed = concern({ id: 'c-past-2', createdAt: at(2) });
        const twice = concern({ id: 'c-past-3', createdAt: at(3) });
        for (const c of [moved, stayed, twice]) await store.concerns.create(c, [], []);
        const sentAway = await store.concerns.commit(moved.id, 1, change({ patch: { route: away, pastNodeIds: passed }, events: [event(moved, 'transferred')] }));
        expect(sentAway?.pastNodeIds).toEqual(passed);
        expect((await store.concerns.get(moved.id))?.pastNodeIds).toEqual(passed);
        // Moved away, then on again: the list only grows, and the nodes it names are indexed once each.
        await store.concerns.commit(twice.id, 1, change({ patch: { route: away, pastNodeIds: passed } }));
        await store.concerns.commit(twice.id, 2, change({ patch: { route: ROUTE, pastNodeIds: [...passed, 'dz-xinan', 'dz-xinan-x'] } }));
        const scope = (nodes: Array<[RouteLevel, string]>, openOnly: boolean) => ({ nodes: nodes.map(([level, id]) => ({ level, id })), officeId: null, openOnly });
        const walk = async (nodes: Array<[RouteLevel, string]>) => {
          const seen: string[] = [];
          let cursor: string | null = null;
          do {
            const page: Awaited<ReturnType<Store['concerns']['inbox']>> = await store.concerns.inbox(scope(nodes, false), { cursor, limit: 1 });
            seen.push(...page.items.map((c) => c.id));
            cursor = page.nextCursor;
          } while (cursor !== null);
          return seen;
        };
        expect(await walk([['cooperative', 'dz-xicheng-daguo']])).toEqual(['c-past-3', 'c-past-2', 'c-past-1']);
        expect(await walk([['village', 'dz-xicheng'], ['cooperative', 'dz-xicheng-daguo']])).toEqual(['c-past-3', 'c-past-2', 'c-past-1']);
        expect(await walk([['village', 'dz-xinan']])).toEqual(['c-past-3', 'c-past-1']);
        const open = (await store.concerns.inbox(scope([['cooperative', 'dz-xicheng-daguo']], true), { cursor: null, limit: 20 })).items.map((c) => c.id).sort();
        expect(open).toEqual(['c-past-2', 'c-past-3']);
        expect(await store.concerns.countInbox(scope([['cooperative', 'dz-xicheng-daguo']], true))).toBe(2);
        expect((await store.concerns.get(stayed.id))?.pastNodeIds).toEqual([]);
        // 转出 on the dashboard: per month and node asked, each concern once per node.
        const month = beijingMonthKey(at(1));
        const span = { fromMonth: month, toMonth: month };
        expect(await store.concerns.passedOnCounts({ ...span, nodeIds: ['dz-xicheng-daguo', 'dz-xinan', 'dz-xicheng', 'dz-xinan-1'] })).toEqual([
          { month, nodeId: 'dz-xicheng', count: 2 },
          { month, nodeId: 'dz-xicheng-daguo', count: 2 },
          { month, nodeId: 'dz-xinan', count: 1 },
        ]);
        expect(await store.concerns.passedOnCounts({ fromMonth: '2020-01', toMonth: '2020-02', nodeIds: ['dz-xicheng'] })).toEqual([]);
        expect(await store.concerns.passedOnCounts({ ...span, nodeIds: [] })).toEqual([]);
      });
    });

    describeOutboxContract(current);

    // Declared last, so it runs after every case above.
    it('has a case for every method of every repository', () => {
      expect(repositoryMethods().filter((m) => !called.has(m))).toEqual([]);
    });
  });
}
