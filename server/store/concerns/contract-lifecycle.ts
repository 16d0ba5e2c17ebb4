/**
 * Contract cases for the directory imports (issue 3), the concern lifecycle's clocks, inbox order, SLA
 * job and rates (issue 4), and the audit log (issue 7). Called by describeStoreContract.
 */
import type { BoundaryImportPlan } from '../../../core/directory/boundary-import';
import { DirectoryCache } from '../../../core/directory/directory';
import type { PolygonGeometry } from '../../../core/directory/geo';
import type { AuditEntry, Concern } from '../../../core/model';
import { DEFAULT_RATE_LIMITS } from '../../../core/policy';
import type { Deps, InboxScope, RateCounts, Store } from '../../../core/ports';
import { DEFAULT_SLA } from '../../../core/concerns/sla';
import { runSlaJob } from '../../../core/concerns/sla-job';
import { DEMO_IDENTITIES as I, type DirectoryData } from '../../demo-data';
import { hmacDigest, newId } from '../../ids';
import { WordListContentCheck } from '../../local-content-check';
import { MemoryRateLimiter } from '../../memory-rate-limiter';
import { at, change, clocks, closedClocks, concern, event, notice, ROUTE, uid } from '../contract-fixtures';

const square = (lng: number, lat: number, d: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng, lat],
      [lng + d, lat],
      [lng + d, lat + d],
      [lng, lat + d],
      [lng, lat],
    ],
  ],
});

export function describeDirectoryContract(current: () => Store, data: DirectoryData): void {
  describe('directory imports', () => {
    const byNode = <T extends { nodeId: string }>(xs: T[]) => [...xs].sort((a, b) => (a.nodeId < b.nodeId ? -1 : 1));
    const plan = (): BoundaryImportPlan => ({
      scopeNodeId: 'dz-xicheng',
      newNodes: [{ id: 'dz-xicheng-new', kind: 'cooperative', name: '西城新经济社', parentId: 'dz-xicheng' }],
      boundaries: [
        { nodeId: 'dz-xicheng-daguo', geometry: square(112.94, 23.03, 0.01) },
        { nodeId: 'dz-xicheng-new', geometry: { type: 'MultiPolygon', coordinates: [square(112.95, 23.03, 0.005).coordinates, square(112.96, 23.03, 0.005).coordinates] } },
      ],
    });

    it('lists every stored boundary, geometry intact', async () => {
      expect(await current().directory.listBoundaries()).toEqual(byNode(data.boundaries));
    });

    it('applies a boundary import: new nodes, every boundary in the scope replaced, the rest kept, the version bumped', async () => {
      const store = current();
      const v = await store.directory.gridVersion();
      expect(await store.directory.applyBoundaryImport(plan(), v)).toBe(true);
      expect(await store.directory.gridVersion()).toBe(v + 1);
      expect((await store.directory.listNodes()).find((n) => n.id === 'dz-xicheng-new')).toEqual(plan().newNodes[0]);
      const inScope = new Set(['dz-xicheng', 'dz-xicheng-daguo', 'dz-xicheng-daguo-g', 'dz-xicheng-2', 'dz-xicheng-2-g']);
      const kept = data.boundaries.filter((b) => !inScope.has(b.nodeId));
      expect(await store.directory.listBoundaries()).toEqual(byNode([...kept, ...plan().boundaries]));
    });

    it('writes nothing when the grid version moved, and lets one of two concurrent imports win', async () => {
      const store = current();
      const v = await store.directory.gridVersion();
      expect(await store.directory.applyBoundaryImport(plan(), v - 1)).toBe(false);
      expect(await store.directory.gridVersion()).toBe(v);
      expect((await store.directory.listNodes()).map((n) => n.id)).not.toContain('dz-xicheng-new');
      const other: BoundaryImportPlan = { scopeNodeId: 'xq-ruxi', newNodes: [], boundaries: [{ nodeId: 'xq-ruxi', geometry: square(112.9, 22.9, 0.02) }] };
      const results = await Promise.all([store.directory.applyBoundaryImport(plan(), v), store.directory.applyBoundaryImport(other, v)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.directory.gridVersion()).toBe(v + 1);
      const boundaries = await store.directory.listBoundaries();
      if (results[0]) expect(boundaries.find((b) => b.nodeId === 'xq-ruxi')).toEqual(data.boundaries.find((b) => b.nodeId === 'xq-ruxi'));
      else expect((await store.directory.listNodes()).map((n) => n.id)).not.toContain('dz-xicheng-new');
    });

    it('applies a roster import: staff added or updated, pending entries kept by phone, the version unchanged', async () => {
      const store = current();
      const v = await store.directory.gridVersion();
      const chair = { ...data.staff.find((s) => s.openid === I.daguoChair)!, name: '黄社长（新）', nodeId: 'dz-xicheng' };
      const fresh = { openid: 'o-roster-new', name: '新委员', role: 'staff' as const, nodeId: 'dz-xinan-2', phone: null };
      const pending = { phone: '13800000099', name: '待绑定', role: 'staff' as const, nodeId: 'dz-xinan-1' };
      expect(await store.directory.applyRosterImport({ staff: [chair, fresh], pending: [pending] }, v - 1)).toBe(false);
      expect(await store.directory.findStaff('o-roster-new')).toBeNull();
      expect(await store.directory.applyRosterImport({ staff: [chair, fresh], pending: [pending] }, v)).toBe(true);
      expect(await store.directory.gridVersion()).toBe(v);
      expect(await store.directory.findStaff(I.daguoChair)).toEqual(chair);
      expect(await store.directory.findStaff('o-roster-new')).toEqual(fresh);
      // A later import that names the pending phone with an openid binds it directly and drops the pending entry.
      const bound = { openid: 'o-roster-bound', name: '待绑定', role: 'staff' as const, nodeId: 'dz-xinan-1', phone: '13800000099' };
      expect(await store.directory.applyRosterImport({ staff: [bound], pending: [] }, v)).toBe(true);
      expect(await store.directory.claimPendingStaff('o-someone', '13800000099')).toBeNull();
    });

    it('binds a pending roster entry to exactly one of several people claiming its phone at once', async () => {
      const store = current();
      const v = await store.directory.gridVersion();
      await store.directory.applyRosterImport({ staff: [], pending: [{ phone: '13800000098', name: '新网格员', role: 'staff', nodeId: 'dz-xinan-2' }] }, v);
      expect(await store.directory.claimPendingStaff('o-claim-x', '13800000000')).toBeNull();
      // An openid that is already staff does not take it.
      expect(await store.directory.claimPendingStaff(I.daguoChair, '13800000098')).toBeNull();
      const claims = await Promise.all(['o-claim-a', 'o-claim-b', 'o-claim-c'].map((o) => store.directory.claimPendingStaff(o, '13800000098')));
      const won = claims.filter((c) => c !== null);
      expect(won).toHaveLength(1);
      expect(won[0]).toEqual({ openid: won[0].openid, name: '新网格员', role: 'staff', nodeId: 'dz-xinan-2', phone: '13800000098' });
      expect(await store.directory.findStaff(won[0].openid)).toEqual(won[0]);
      expect(await store.directory.claimPendingStaff('o-claim-d', '13800000098')).toBeNull();
    });
  });
}

export function describeLifecycleContract(current: () => Store): void {
  describe('concern clocks, urgency and rates', () => {
    it('stores clocks and a rating with the concern and changes them with a commit', async () => {
      const store = current();
      const c = concern();
      await store.concerns.create(c, [], []);
      expect(await store.concerns.get(c.id)).toEqual(c);
      const sla = clocks({ ackedAt: at(60), firstResponse: 'in_time', dueAt: at(86400), watchAt: at(86400) });
      const rating = { value: 'basically_satisfied' as const, comment: '还行', at: at(120), round: 1 };
      const saved = await store.concerns.commit(c.id, 1, change({ patch: { status: 'resolved', sla: { ...sla, resolvedAt: at(100), dueAt: null, watchAt: null }, rating, updatedAt: at(120) } }));
      expect(saved).toEqual({ ...c, status: 'resolved', sla: { ...sla, resolvedAt: at(100), dueAt: null, watchAt: null }, rating, updatedAt: at(120), version: 2 });
      expect(await store.concerns.get(c.id)).toEqual(saved);
      // A rating replaced as a whole: the comment of the earlier one does not linger.
      const again = await store.concerns.commit(c.id, 2, change({ patch: { rating: { value: 'unsatisfied', comment: null, at: at(130), round: 1 } } }));
      expect((await store.concerns.get(c.id))!.rating).toEqual(again!.rating);
      expect(again!.rating).toEqual({ value: 'unsatisfied', comment: null, at: at(130), round: 1 });
    });

    it('orders the open inbox most urgent first by (dueAt, id), pages it without gaps, and leaves out what has no deadline', async () => {
      const store = current();
      const due = [500, 100, 300, 100, 200, 300, 400];
      const open: Concern[] = due.map((s, i) => concern({ id: `c-due-${i}`, sla: clocks({ dueAt: at(s), watchAt: at(s) }) }));
      const officeOnly = concern({ id: 'c-due-office', route: { ...ROUTE, townId: 'xiqiao', villageId: 'xq-ruxi', cooperativeId: 'xq-ruxi-1', gridId: null }, sla: clocks({ dueAt: at(250) }) });
      const done = concern({ id: 'c-due-done', status: 'resolved', sla: closedClocks() });
      for (const c of [...open, officeOnly, done]) await store.concerns.create(c, [], []);
      const scope = { nodes: [{ level: 'grid' as const, id: 'dz-xicheng-daguo-g' }, { level: 'village' as const, id: 'dz-xicheng' }], officeId: 'danzao-environment', openOnly: true };
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<Store['concerns']['inbox']>> = await store.concerns.inbox(scope, { cursor, limit: 3 });
        expect(page.items.length).toBeLessThanOrEqual(3);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      const expected = [...open, officeOnly].sort((a, b) => (a.sla.dueAt === b.sla.dueAt ? (a.id < b.id ? -1 : 1) : a.sla.dueAt! < b.sla.dueAt! ? -1 : 1)).map((c) => c.id);
      expect(seen).toEqual(expected);
    });

    it('narrows the open inbox (due in a range, overdue, by status) and counts each concern once, whatever branches match it', async () => {
      const store = current();
      const cs = [
        concern({ id: 'c-n-today', sla: clocks({ dueAt: at(500) }) }),
        concern({ id: 'c-n-late', sla: clocks({ dueAt: at(50) }) }),
        concern({ id: 'c-n-flagged', status: 'accepted', sla: clocks({ dueAt: at(90_000), overdue: true }) }),
        concern({ id: 'c-n-later', status: 'in_progress', sla: clocks({ dueAt: at(90_000) }) }),
        concern({ id: 'c-n-closed', status: 'closed', sla: closedClocks() }),
      ];
      for (const c of cs) await store.concerns.create(c, [], []);
      // The grid, its village and the lead office all match every concern: each still counts once.
      const base = { nodes: [{ level: 'grid' as const, id: 'dz-xicheng-daguo-g' }, { level: 'village' as const, id: 'dz-xicheng' }], officeId: 'danzao-environment', openOnly: true };
      const ids = async (filter?: InboxScope['filter']) => {
        const out: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<Store['concerns']['inbox']>> = await store.concerns.inbox({ ...base, filter }, { cursor, limit: 2 });
          out.push(...page.items.map((c) => c.id));
          cursor = page.nextCursor;
        } while (cursor !== null);
        return out;
      };
      const cases: Array<[InboxScope['filter'], string[]]> = [
        [undefined, ['c-n-late', 'c-n-today', 'c-n-flagged', 'c-n-later']],
        [{ kind: 'due', from: at(100), before: at(1000) }, ['c-n-today']],
        [{ kind: 'overdue', at: at(100) }, ['c-n-late', 'c-n-flagged']],
        [{ kind: 'statuses', statuses: ['assigned'] }, ['c-n-late', 'c-n-today']],
      ];
      for (const [filter, expected] of cases) {
        expect([filter?.kind, await ids(filter)]).toEqual([filter?.kind, expected]);
        expect([filter?.kind, await store.concerns.countInbox({ ...base, filter })]).toEqual([filter?.kind, expected.length]);
      }
      expect(await store.concerns.countInbox({ nodes: [{ level: 'grid', id: 'dz-xinan-1-g' }], officeId: null, openOnly: true })).toBe(0);
    });

    it('finds what the SLA job must act on: clocks run out by now, earliest first, none without a pending clock', async () => {
      const store = current();
      const cs = [
        concern({ id: 'c-watch-late', sla: clocks({ watchAt: at(20) }) }),
        concern({ id: 'c-watch-early', sla: clocks({ watchAt: at(10) }) }),
        concern({ id: 'c-watch-none', sla: clocks({ watchAt: null }) }),
        concern({ id: 'c-watch-future', sla: clocks({ watchAt: at(5000) }) }),
        concern({ id: 'c-watch-closed', status: 'closed', sla: closedClocks() }),
      ];
      for (const c of cs) await store.concerns.create(c, [], []);
      expect((await store.concerns.dueForSla(at(30), 10)).map((c) => c.id)).toEqual(['c-watch-early', 'c-watch-late']);
      expect((await store.concerns.dueForSla(at(20), 1)).map((c) => c.id)).toEqual(['c-watch-early']);
      expect(await store.concerns.dueForSla(at(5), 10)).toEqual([]);
      expect((await store.concerns.dueForSla(at(30), 10))[0]).toEqual(cs[1]);
    });

    it('escalates an overdue concern once when two SLA jobs run at the same time', async () => {
      const store = current();
      const deps: Deps = { store, now: () => new Date(Date.parse(at(3601))), newId, digest: hmacDigest('contract-test-secret'), rateLimiter: new MemoryRateLimiter(), rateLimits: DEFAULT_RATE_LIMITS, sla: DEFAULT_SLA, contentCheck: new WordListContentCheck({ reject: [], review: [] }) };
      const cs = Array.from({ length: 4 }, () => concern());
      for (const c of cs) await store.concerns.create(c, [event(c, 'submitted')], []);
      const now = new Date(Date.parse(at(3601)));
      const [a, b] = await Promise.all([runSlaJob(deps, new DirectoryCache(store.directory), now), runSlaJob(deps, new DirectoryCache(store.directory), now)]);
      expect(a.escalated + b.escalated).toBe(cs.length);
      for (const c of cs) {
        expect((await store.concerns.timeline(c.id)).filter((e) => e.type === 'sla_escalated')).toHaveLength(1);
        const after = (await store.concerns.get(c.id))!;
        expect(after).toMatchObject({ version: 2, route: { villageId: 'dz-xicheng', cooperativeId: null, gridId: null }, sla: { ackMissed: true, overdue: true, watchAt: c.sla.resolveDueAt } });
      }
      // The village's staff were told once per concern.
      const told = (await store.outbox.claimDue(at(7200), at(7260), 100)).filter((n) => n.recipientOpenid === I.xichengStaff);
      expect(told).toHaveLength(cs.length);
      expect(await store.concerns.dueForSla(at(3601), 10)).toEqual([]);
    });

    it('counts 响应, 解决, 满意 and 超期 per Beijing month and route for a node or an office, over the months asked', async () => {
      const store = current();
      const village = { ...ROUTE, cooperativeId: null, gridId: null, coOfficeId: null };
      const rated = (value: 'satisfied' | 'unsatisfied') => ({ value, comment: null, at: at(50), round: 1 });
      const cs = [
        concern({ status: 'resolved', sla: { ...closedClocks(), firstResponse: 'in_time' }, rating: rated('satisfied') }),
        concern({ sla: clocks({ firstResponse: 'late', overdue: true, ackMissed: true }) }),
        concern({ sla: clocks({ firstResponse: 'in_time', ackedAt: at(10) }) }),
        // 2026-11-30T17:00Z is 2026-12-01 01:00 in Beijing.
        concern({ route: village, status: 'closed', sla: closedClocks(), rating: rated('unsatisfied'), createdAt: '2026-11-30T17:00:00.000Z', updatedAt: '2026-11-30T17:00:00.000Z' }),
        // 2026-10-31T15:59Z is still October in Beijing: outside the months asked.
        concern({ createdAt: '2026-10-31T15:59:00.000Z', updatedAt: '2026-10-31T15:59:00.000Z' }),
        concern({ route: { ...ROUTE, townId: 'xiqiao', villageId: 'xq-ruxi', cooperativeId: 'xq-ruxi-1', gridId: null, coOfficeId: null } }),
      ];
      for (const c of cs) await store.concerns.create(c, [], []);
      const row = (month: string, route: typeof ROUTE, counts: Partial<RateCounts>): RateCounts => ({
        month,
        townId: route.townId,
        villageId: route.villageId,
        cooperativeId: route.cooperativeId,
        gridId: route.gridId,
        total: 0,
        responseDecided: 0,
        respondedInTime: 0,
        resolved: 0,
        rated: 0,
        satisfied: 0,
        overdue: 0,
        ...counts,
      });
      const sorted = (rows: RateCounts[]) => [...rows].sort((a, b) => (a.month + (a.gridId ?? '') < b.month + (b.gridId ?? '') ? -1 : 1));
      const nov = row('2026-11', ROUTE, { total: 3, responseDecided: 3, respondedInTime: 2, resolved: 1, rated: 1, satisfied: 1, overdue: 1 });
      const dec = row('2026-12', village, { total: 1, responseDecided: 0, resolved: 1, rated: 1, satisfied: 0 });
      expect(sorted(await store.concerns.rateCounts({ fromMonth: '2026-11', toMonth: '2026-12', node: { level: 'village', id: 'dz-xicheng' } }))).toEqual(sorted([nov, dec]));
      expect(await store.concerns.rateCounts({ fromMonth: '2026-11', toMonth: '2026-11', node: { level: 'town', id: 'danzao' } })).toEqual([nov]);
      expect(await store.concerns.rateCounts({ fromMonth: '2026-11', toMonth: '2026-12', officeId: 'danzao-environment' })).toEqual([nov]);
      expect(await store.concerns.rateCounts({ fromMonth: '2026-10', toMonth: '2026-10', node: { level: 'grid', id: 'dz-xicheng-daguo-g' } })).toEqual([row('2026-10', ROUTE, { total: 1 })]);
      expect(await store.concerns.rateCounts({ fromMonth: '2027-01', toMonth: '2027-03', node: { level: 'town', id: 'danzao' } })).toEqual([]);
    });
  });

  describe('audit log', () => {
    const entry = (townId: string | null, seconds: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
      id: uid('a'),
      at: at(seconds),
      actorOpenid: I.townAdmin,
      actorName: '丹灶镇管理员',
      actorRole: 'admin',
      nodeId: townId,
      townId,
      action: 'concern/transfer',
      targetId: 'c1',
      outcome: 'ok',
      ...over,
    });

    it('appends entries and lists those of the given towns newest first, in pages', async () => {
      const store = current();
      const danzao = [entry('danzao', 1), entry('danzao', 2, { targetId: null, outcome: 'AUTH.FORBIDDEN' }), entry('danzao', 3), entry('danzao', 3)];
      const others = [entry('xiqiao', 4), entry(null, 5, { actorRole: 'staff', nodeId: 'nanhai' })];
      for (const e of [...danzao, ...others]) await store.audit.append(e);
      const newestFirst = (xs: AuditEntry[]) => [...xs].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
      const first = await store.audit.list(['danzao'], { cursor: null, limit: 3 });
      expect(first.items).toEqual(newestFirst(danzao).slice(0, 3));
      const rest = await store.audit.list(['danzao'], { cursor: first.nextCursor, limit: 3 });
      expect(rest).toEqual({ items: newestFirst(danzao).slice(3), nextCursor: null });
      expect((await store.audit.list(['danzao', 'xiqiao'], { cursor: null, limit: 10 })).items).toEqual(newestFirst([...danzao, others[0]]));
      expect((await store.audit.list(null, { cursor: null, limit: 10 })).items).toEqual(newestFirst([...danzao, ...others]));
      expect((await store.audit.list([], { cursor: null, limit: 10 })).items).toEqual([]);
    });

    it('narrows the list to one person, one action and one span of time, each alone or together, in pages', async () => {
      const store = current();
      // Towns of their own, so entries of other cases do not show.
      const t1 = uid('town');
      const t2 = uid('town');
      const he = { actorOpenid: I.xinanStaff, actorName: '何社委', actorRole: 'staff' as const };
      const mine = [
        entry(t1, 10, { action: 'concern/accept' }),
        entry(t1, 11, { ...he, action: 'concern/accept' }),
        entry(t1, 12, { ...he, action: 'concern/reply' }),
        entry(t1, 13, { ...he, action: 'concern/accept' }),
        entry(t1, 14, { ...he, action: 'concern/accept' }),
        entry(t2, 15, { ...he, action: 'concern/accept' }),
      ];
      for (const e of mine) await store.audit.append(e);
      const newestFirst = (xs: AuditEntry[]) => [...xs].sort((a, b) => (a.at === b.at ? (a.id < b.id ? 1 : -1) : a.at < b.at ? 1 : -1));
      const page = { cursor: null, limit: 10 };
      const byHe = await store.audit.list([t1], page, { actorOpenid: I.xinanStaff });
      expect(byHe.items).toEqual(newestFirst(mine.slice(1, 5)));
      expect((await store.audit.list([t1], page, { action: 'concern/accept' })).items).toEqual(newestFirst([mine[0], mine[1], mine[3], mine[4]]));
      expect((await store.audit.list([t1], page, { actorOpenid: I.xinanStaff, action: 'concern/accept' })).items).toEqual(newestFirst([mine[1], mine[3], mine[4]]));
      // [from, to): the entry at `to` is outside.
      expect((await store.audit.list([t1], page, { from: at(11), to: at(13) })).items).toEqual(newestFirst([mine[1], mine[2]]));
      expect((await store.audit.list([t1, t2], page, { actorOpenid: I.xinanStaff, action: 'concern/accept', from: at(13) })).items).toEqual(newestFirst([mine[3], mine[4], mine[5]]));
      expect((await store.audit.list([t1], page, { to: at(11) })).items).toEqual([mine[0]]);
      // Every town (a district admin), narrowed by person and time: only these entries of his.
      expect((await store.audit.list(null, page, { actorOpenid: I.xinanStaff, from: at(11), to: at(16) })).items).toEqual(newestFirst(mine.slice(1)));
      expect((await store.audit.list(null, page, { action: 'concern/reply', from: at(12), to: at(13) })).items).toEqual([mine[2]]);
      // Paged under a filter: the cursor keeps it.
      const first = await store.audit.list([t1], { cursor: null, limit: 2 }, { actorOpenid: I.xinanStaff });
      expect(first.items).toEqual(newestFirst(mine.slice(1, 5)).slice(0, 2));
      const rest = await store.audit.list([t1], { cursor: first.nextCursor, limit: 2 }, { actorOpenid: I.xinanStaff });
      expect(rest.items).toEqual(newestFirst(mine.slice(1, 5)).slice(2));
      expect((await store.audit.list([t1], page, { actorOpenid: 'nobody' })).items).toEqual([]);
      expect((await store.audit.list([], page, { action: 'concern/accept' })).items).toEqual([]);
    });

    it('offers no way to change or remove an entry', () => {
      const methods = new Set<string>();
      for (let o: object | null = current().audit; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
        for (const k of Object.getOwnPropertyNames(o)) if (k !== 'constructor' && typeof (current().audit as unknown as Record<string, unknown>)[k] === 'function') methods.add(k);
      }
      expect([...methods].sort()).toEqual(['append', 'list']);
    });
  });

  describe('notices queued with a change', () => {
    it('queues the notices of a commit in the same step, and none for a commit that lost', async () => {
      const store = current();
      const c = concern();
      await store.concerns.create(c, [], []);
      const [won, lost] = [notice(I.resident), notice(I.resident2)];
      expect(await store.concerns.commit(c.id, 1, change({ patch: { status: 'accepted' }, notifications: [won] }))).not.toBeNull();
      expect(await store.concerns.commit(c.id, 1, change({ patch: { status: 'accepted' }, notifications: [lost] }))).toBeNull();
      expect(await store.outbox.get(won.id)).toMatchObject({ status: 'pending', recipientOpenid: I.resident });
      expect(await store.outbox.get(lost.id)).toBeNull();
    });
  });
}
