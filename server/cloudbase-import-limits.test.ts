/**
 * The imports at their maximum sizes (issue 22, items 1 and 8), through the concern function on the
 * CloudBase wire fake at realistic latency: 10–30 ms a request from a seeded generator, in simulated time
 * (test/fakes/cloudbase-limits.ts), each call within the function's timeout from cloudbaserc.json. A
 * roster of ROSTER_LIMITS.rows people (each with a phone: a staff document and a pending entry removed)
 * and a boundary file of IMPORT_LIMITS.features new places finish within the budget, no transaction
 * over 50 writes. Then the same work cut between chunks, or run twice at once, ends stored once.
 */
import { IMPORT_LIMITS } from '../core/directory/boundary-import';
import type { BoundaryImportPlan } from '../core/directory/boundary-import';
import type { PolygonGeometry } from '../core/directory/geo';
import { ROSTER_LIMITS } from '../core/directory/roster-import';
import type { NewConcern } from '../core/ports';
import { TX_WRITES } from './cloudbase/chunks';
import { cloudbaseIdentity } from './cloud-identity';
import { createCloudHandler } from './cloud-function';
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { DEMO_IDENTITIES as I } from './demo-data';
import { concern as aConcern, event, notice } from './store/contract-fixtures';
import { FUNCTION_BUDGET_MS, useCloudFunctions, useWechatPassing, wechatContext } from './test-cloud-function';
import { testClock } from './test-clock';
import { WireLimits, writesPerTransaction } from '../test/fakes/cloudbase-limits';

const cloud = useCloudFunctions();
useWechatPassing();
beforeEach(() => {
  cloud.wire().limits = new WireLimits({ latencyMs: [10, 30], seed: 2022 });
});


/** One call of the concern function within its deployed timeout, in simulated time. */
function concernFunction() {
  const rt = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), testClock('2026-12-02T01:00:00.000Z').now);
  const fn = createCloudHandler('concern', async () => rt.router, cloudbaseIdentity);
  return async <T>(openid: string, action: string, data: unknown) => {
    const wire = cloud.wire();
    const from = wire.requests.length;
    const started = wire.limits.now;
    const res = (await wire.limits.invoke('concern', FUNCTION_BUDGET_MS.concern, () => fn({ action, data }, wechatContext(openid)))) as { ok: boolean; data?: T; code?: string; message?: string };
    if (!res.ok) throw new Error(`${action}: ${res.code} ${res.message}`);
    return { data: res.data as T, simulatedMs: wire.limits.now - started, requests: wire.requests.slice(from) };
  };
}

const openid = (i: number) => `o-roster-${String(i).padStart(5, '0')}`;
const phone = (i: number) => `139${String(i).padStart(8, '0')}`;
const rosterCsv = (n: number, offset = 0) =>
  ['openid,phone,name,role,node', ...Array.from({ length: n }, (_, i) => `${openid(offset + i)},${phone(offset + i)},委员${offset + i},staff,dz-xinan-2`)].join('\n');

const square = (lng: number, lat: number, d: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + d, lat], [lng + d, lat + d], [lng, lat + d], [lng, lat]]],
});
/** The i-th of many small places in a lattice inside 西城 (no two overlap). */
const place = (i: number) => square(112.9 + (i % 40) * 0.0002, 23 + Math.floor(i / 40) * 0.0002, 0.0001);

describe('at their maximum sizes, within the concern function’s timeout', () => {
  it(`imports a roster of ${ROSTER_LIMITS.rows} people, each with a phone, no transaction over ${TX_WRITES} writes`, async () => {
    const call = concernFunction();
    const out = await call(I.districtAdmin, 'roster/import', { csv: rosterCsv(ROSTER_LIMITS.rows) });
    expect(out.simulatedMs).toBeLessThan(FUNCTION_BUDGET_MS.concern);
    expect(Math.max(...writesPerTransaction(out.requests))).toBeLessThanOrEqual(TX_WRITES);
    const staff = cloud.wire().documents('staff').filter((d) => d._id.startsWith('o-roster-'));
    expect(staff).toHaveLength(ROSTER_LIMITS.rows);
    // A file one row longer is refused whole, before anything is written.
    await expect(call(I.districtAdmin, 'roster/import', { csv: rosterCsv(ROSTER_LIMITS.rows + 1, ROSTER_LIMITS.rows) })).rejects.toThrow(/IMPORT.INVALID/);
    expect(cloud.wire().documents('staff').filter((d) => d._id.startsWith('o-roster-'))).toHaveLength(ROSTER_LIMITS.rows);
  }, 300_000);

  it(`imports a boundary file of ${IMPORT_LIMITS.features} new places, no transaction over ${TX_WRITES} writes`, async () => {
    const call = concernFunction();
    const features = Array.from({ length: IMPORT_LIMITS.features }, (_, i) => ({ type: 'Feature', properties: { parentId: 'dz-xicheng', name: `新社${i}`, kind: 'cooperative' }, geometry: place(i) }));
    const nodesBefore = cloud.wire().documents('grid_nodes').length;
    const out = await call(I.districtAdmin, 'grid/importBoundaries', { geojson: { type: 'FeatureCollection', features } });
    expect(out.simulatedMs).toBeLessThan(FUNCTION_BUDGET_MS.concern);
    expect(Math.max(...writesPerTransaction(out.requests))).toBeLessThanOrEqual(TX_WRITES);
    expect(cloud.wire().documents('grid_nodes').length - nodesBefore).toBe(IMPORT_LIMITS.features);
    const more = [...features, { type: 'Feature', properties: { parentId: 'dz-xicheng', name: '多一个', kind: 'cooperative' }, geometry: place(IMPORT_LIMITS.features) }];
    await expect(call(I.districtAdmin, 'grid/importBoundaries', { geojson: { type: 'FeatureCollection', features: more } })).rejects.toThrow(/IMPORT.INVALID/);
    expect(cloud.wire().documents('grid_nodes').length - nodesBefore).toBe(IMPORT_LIMITS.features);
  }, 300_000);
});

/** Cuts the network at the `cut`-th request from now; answers a function that heals it. */
function cutAt(cut: number): () => void {
  const wire = cloud.wire();
  const handle = wire.handle.bind(wire);
  let sent = 0;
  wire.handle = async (action, params) => {
    if (++sent === cut) throw new Error(`network cut at request ${cut}`);
    return handle(action, params);
  };
  return () => {
    wire.handle = handle;
  };
}

describe('cut between chunks, or run twice at once, each import ends stored once', () => {
  const roster = (n: number) => ({
    staff: Array.from({ length: n }, (_, i) => ({ openid: openid(i), name: `委员${i}`, role: 'staff' as const, nodeId: 'dz-xinan-2', phone: phone(i) })),
    pending: Array.from({ length: n }, (_, i) => ({ phone: phone(10_000 + i), name: `待绑定${i}`, role: 'staff' as const, nodeId: 'dz-xinan-1' })),
  });

  it.each([30, 120, 200])('a roster of 100 people and 100 pending entries cut at request %i, then run again', async (cut) => {
    const { directory } = cloud.store();
    const v = await directory.gridVersion();
    const plan = roster(100);
    const heal = cutAt(cut);
    expect(await directory.applyRosterImport(plan, v).then(() => 'done', () => 'cut')).toBe('cut');
    heal();
    expect(await directory.applyRosterImport(plan, v)).toBe(true);
    const wire = cloud.wire();
    expect(wire.documents('staff').filter((d) => d._id.startsWith('o-roster-')).map((d) => d._id).sort()).toEqual(plan.staff.map((m) => m.openid).sort());
    expect(wire.documents('staff_pending').filter((d) => plan.pending.some((p) => p.phone === d._id))).toHaveLength(100);
    expect(await directory.gridVersion()).toBe(v);
  }, 120_000);

  it('two rosters applied at once are both applied whole', async () => {
    const { directory } = cloud.store();
    const v = await directory.gridVersion();
    const a = roster(80);
    const b = { staff: a.staff.map((m, i) => ({ ...m, openid: `o-other-${i}` })), pending: [] };
    expect(await Promise.all([directory.applyRosterImport(a, v), directory.applyRosterImport(b, v), directory.applyRosterImport(a, v)])).toEqual([true, true, true]);
    const ids = cloud.wire().documents('staff').map((d) => d._id);
    expect(ids.filter((id) => id.startsWith('o-roster-') || id.startsWith('o-other-'))).toHaveLength(160);
  }, 120_000);

  it.each([20, 90, 150])('a boundary file of 120 new places cut at request %i, then run again, bumps the grid version once', async (cut) => {
    const { directory } = cloud.store();
    const v = await directory.gridVersion();
    const plan: BoundaryImportPlan = {
      scopeNodeId: 'dz-xicheng',
      newNodes: Array.from({ length: 120 }, (_, i) => ({ id: `dz-xicheng-cut-${i}`, kind: 'cooperative', name: `新社${i}`, parentId: 'dz-xicheng' })),
      boundaries: Array.from({ length: 120 }, (_, i) => ({ nodeId: `dz-xicheng-cut-${i}`, geometry: place(i) })),
    };
    const heal = cutAt(cut);
    const first = await directory.applyBoundaryImport(plan, v).then(() => 'done', () => 'cut');
    heal();
    if (first === 'cut') expect(await directory.applyBoundaryImport(plan, v)).toBe(true);
    expect(await directory.gridVersion()).toBe(v + 1);
    const nodes = (await directory.listNodes()).filter((n) => n.id.startsWith('dz-xicheng-cut-'));
    expect(nodes).toHaveLength(120);
    expect((await directory.listBoundaries()).filter((b) => b.nodeId.startsWith('dz-xicheng-cut-'))).toHaveLength(120);
    // Once applied, the same plan at the old version writes nothing.
    expect(await directory.applyBoundaryImport(plan, v)).toBe(false);
  }, 120_000);

  it('a hotline batch of 120 tickets imported twice at once stores each ticket, guard and notice once', async () => {
    const { concerns } = cloud.store();
    const tickets = (): NewConcern[] =>
      Array.from({ length: 120 }, (_, i) => {
        const c = aConcern({ id: `c-twice-${i}`, source: '12345', reporterOpenid: 'open311-12345', requestId: `TW${i}` });
        return { concern: c, events: [event(c, 'submitted', { actorOpenid: c.reporterOpenid })], notifications: [{ ...notice(I.daguoChair), id: `n-twice-${i}` }] };
      });
    const [x, y] = await Promise.all([concerns.createMany(tickets()), concerns.createMany(tickets())]);
    expect(x.created.length + y.created.length).toBe(120);
    expect(x.created.length + x.existing.length).toBe(120);
    expect(y.created.length + y.existing.length).toBe(120);
    const wire = cloud.wire();
    expect(wire.documents('concerns').filter((d) => d._id.startsWith('c-twice-'))).toHaveLength(120);
    expect(wire.documents('concern_requests').filter((d) => String(d.concernId).startsWith('c-twice-'))).toHaveLength(120);
    expect(wire.documents('outbox').filter((d) => d._id.startsWith('n-twice-'))).toHaveLength(120);
  }, 120_000);
});

it('a boundary file cut in its node chunks and sent again to the same warm container creates each place once', async () => {
  const call = concernFunction();
  // 120 places: 240 writes in 5 transactions, the boundaries first; the 4th and 5th hold only new nodes.
  const features = Array.from({ length: 120 }, (_, i) => ({ type: 'Feature', properties: { parentId: 'dz-xicheng', name: `暖社${i}`, kind: 'cooperative' }, geometry: place(i) }));
  const geojson = { type: 'FeatureCollection', features };
  // The container is warm: its directory snapshot is built before the import.
  await call(I.districtAdmin, 'grid/locate', { location: { lat: 23.01, lng: 112.91 }, coord: 'wgs84' });
  const wire = cloud.wire();
  const handle = wire.handle.bind(wire);
  let started = 0;
  // The function dies as its 5th transaction starts, and sends nothing more.
  wire.handle = async (action, params) => {
    if (action === 'database.startTransaction') started++;
    if (started >= 5) throw new Error('function died');
    return handle(action, params);
  };
  await expect(call(I.districtAdmin, 'grid/importBoundaries', { geojson })).rejects.toThrow();
  wire.handle = handle;
  const named = () => wire.documents('grid_nodes').filter((d) => String(d.name).startsWith('暖社'));
  expect(named().length).toBeGreaterThan(0);
  expect(named().length).toBeLessThan(120);
  await call(I.districtAdmin, 'grid/importBoundaries', { geojson });
  const names = named().map((d) => String(d.name));
  expect(new Set(names).size).toBe(120);
  expect(names).toHaveLength(120);
  expect(wire.documents('grid_boundaries').filter((d) => named().some((n) => n._id === d._id))).toHaveLength(120);
  // The boundaries the cut run wrote for nodes it never created are gone.
  const nodeIds = new Set(wire.documents('grid_nodes').map((d) => d._id));
  expect(wire.documents('grid_boundaries').filter((d) => !nodeIds.has(d._id))).toEqual([]);
}, 120_000);
