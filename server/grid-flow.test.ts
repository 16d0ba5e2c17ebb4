/** Location routing, grid/locate and the admin imports through the real router on SQLite (in memory). */
import { wgs84ToGcj02 } from '../core/directory/geo';
import type { GridTreeNode } from '../core/directory/grid';
import type { ConcernDetail, LocateView } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_POINTS, demoBoundaries } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo' });
});
afterEach(() => rt.close());

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', details: undefined as unknown }),
    (e: unknown) => ({ code: (e as { code?: string }).code ?? String(e), details: (e as { details?: unknown }).details }),
  );
const count = (table: string) => rt.store.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
const snapshot = () =>
  JSON.stringify([
    rt.store.db.prepare('SELECT * FROM grid_nodes ORDER BY id').all(),
    rt.store.db.prepare('SELECT * FROM grid_boundaries ORDER BY node_id').all(),
    rt.store.db.prepare('SELECT * FROM grid_meta').all(),
    rt.store.db.prepare('SELECT * FROM staff ORDER BY openid').all(),
    rt.store.db.prepare('SELECT * FROM staff_pending ORDER BY phone').all(),
  ]);
const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const submit = (extra: Record<string, unknown>) => call(I.resident, 'concern/submit', { category: 'environment', description: '路边垃圾堆了好几天', ...extra });

describe('the demo boundaries', () => {
  it('nest consistently and are accepted by the boundary import as they are', async () => {
    const danzao = demoBoundaries().filter((b) => b.nodeId === 'danzao' || b.nodeId.startsWith('dz-'));
    const geojson = { type: 'FeatureCollection', features: danzao.map((b) => ({ type: 'Feature', properties: { id: b.nodeId }, geometry: b.geometry })) };
    expect(await call(I.townAdmin, 'grid/importBoundaries', { geojson })).toMatchObject({ boundaries: danzao.length, nodesCreated: 0 });
  });

  it('give every town, village, cooperative and grid a boundary, served by grid/tree', async () => {
    const { nodes } = await call<{ nodes: GridTreeNode[] }>(I.resident, 'grid/tree');
    const all: GridTreeNode[] = [];
    const walk = (n: GridTreeNode) => (all.push(n), n.children.forEach(walk));
    nodes.forEach(walk);
    expect(all.filter((n) => n.kind !== 'district' && n.boundary === null).map((n) => n.id)).toEqual([]);
    expect(all.find((n) => n.id === 'dz-xicheng-daguo-g')?.boundary?.type).toBe('Polygon');
  });
});

describe('grid/locate', () => {
  it.each([
    ['a point in 大果网格', DEMO_POINTS.daguo, undefined, { result: 'grid', gridName: '大果网格', cooperativeName: '大果经济社', villageName: '西城社区', townName: '丹灶镇' }],
    ['the same point reported in GCJ-02', wgs84ToGcj02(DEMO_POINTS.daguo), 'gcj02', { result: 'grid', gridId: 'dz-xicheng-daguo-g' }],
    ['a point in the town but in no grid', DEMO_POINTS.danzaoMargin, 'wgs84', { result: 'town', gridId: null, townId: 'danzao' }],
    ['a point outside every town', DEMO_POINTS.outside, undefined, { result: 'outside', gridId: null, townId: null }],
  ])('says where %s goes', async (_name, location, coord, expected) => {
    const v = await call<LocateView>(I.resident, 'grid/locate', coord ? { location, coord } : { location });
    expect(v).toMatchObject(expected);
  });

  it('answers in WGS-84 when asked in GCJ-02', async () => {
    const v = await call<LocateView>(I.resident, 'grid/locate', { location: wgs84ToGcj02(DEMO_POINTS.daguo), coord: 'gcj02' });
    expect(v.location.lat).toBeCloseTo(DEMO_POINTS.daguo.lat, 8);
    expect(v.location.lng).toBeCloseTo(DEMO_POINTS.daguo.lng, 8);
  });

  it('refuses an unknown coordinate system', async () => {
    expect((await failure(call(I.resident, 'grid/locate', { location: DEMO_POINTS.daguo, coord: 'bd09' }))).code).toBe('VALIDATION.FAILED');
  });
});

describe('submitting with a location', () => {
  it('routes by the location before the picked place, stores WGS-84 and says why', async () => {
    const c = await submit({ location: wgs84ToGcj02(DEMO_POINTS.daguo), coord: 'gcj02', placeId: 'dz-xinan-1' });
    expect(c.route).toMatchObject({ step: 'location', gridId: 'dz-xicheng-daguo-g', cooperativeId: 'dz-xicheng-daguo', villageId: 'dz-xicheng', townId: 'danzao', coOfficeId: 'danzao-environment', reasonCode: 'LOCATION_GRID' });
    expect(c.route.reason).toContain('大果网格');
    expect(c.status).toBe('assigned');
    expect(c.location!.lat).toBeCloseTo(DEMO_POINTS.daguo.lat, 8);
    expect(c.placeId).toBe('dz-xinan-1');
  });

  it('needs no picked place when the location is in a grid', async () => {
    const c = await submit({ location: DEMO_POINTS.daguo });
    expect(c.placeId).toBe('dz-xicheng-daguo');
    expect(c.route.gridId).toBe('dz-xicheng-daguo-g');
  });

  it('uses the picked place when the location is in no grid', async () => {
    const c = await submit({ location: DEMO_POINTS.danzaoMargin, placeId: 'dz-xinan-2' });
    expect(c.route).toMatchObject({ step: 'place', cooperativeId: 'dz-xinan-2' });
  });

  it('sends a location in the town but in no grid, without a place, to the dispatcher queue', async () => {
    const c = await submit({ location: DEMO_POINTS.danzaoMargin });
    expect(c).toMatchObject({ status: 'dispatching', placeId: 'danzao' });
    expect(c.route).toMatchObject({ step: 'dispatch', townId: 'danzao', reasonCode: 'DISPATCH_NO_GRID' });
  });

  it('refuses a location outside every town, even with a place, and writes nothing', async () => {
    const before = count('concerns');
    expect((await failure(submit({ location: DEMO_POINTS.outside, placeId: 'dz-xinan-1' }))).code).toBe('GRID.OUTSIDE_AREA');
    expect((await failure(submit({}))).code).toBe('VALIDATION.FAILED');
    expect((await failure(submit({ coord: 'gcj02', placeId: 'dz-xinan-1' }))).code).toBe('VALIDATION.FAILED');
    expect(count('concerns')).toBe(before);
  });
});

describe('importing boundaries', () => {
  const good = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: { id: 'danzao' }, geometry: sq(112.9, 23.0, 113.0, 23.1) },
      { type: 'Feature', properties: { id: 'dz-xinan-1-g' }, geometry: sq(112.91, 23.01, 112.92, 23.02) },
      { type: 'Feature', properties: { parentId: 'dz-xicheng', name: '西城新网格', kind: 'grid' }, geometry: sq(112.93, 23.01, 112.94, 23.02) },
    ],
  };

  it('replaces the grid of the town atomically and the router sees it at once', async () => {
    const before = await call<LocateView>(I.resident, 'grid/locate', { location: DEMO_POINTS.daguo });
    expect(before.gridId).toBe('dz-xicheng-daguo-g');
    const r = await call<{ gridVersion: number; nodesCreated: number; boundaries: number }>(I.townAdmin, 'grid/importBoundaries', { geojson: good });
    expect(r).toMatchObject({ nodesCreated: 1, boundaries: 3 });
    // Every old boundary of 丹灶镇 is gone, the other towns' are kept.
    const ids = (rt.store.db.prepare('SELECT node_id FROM grid_boundaries ORDER BY node_id').pluck().all() as string[]);
    expect(ids.filter((id) => id === 'danzao' || id.startsWith('dz-'))).toEqual(['danzao', 'dz-xinan-1-g']);
    expect(ids.some((id) => id.startsWith('jj-'))).toBe(true);
    expect(ids.filter((id) => id.startsWith('n'))).toHaveLength(1);
    const after = await call<LocateView>(I.resident, 'grid/locate', { location: { lat: 23.015, lng: 112.935 } });
    expect(after).toMatchObject({ result: 'grid', gridName: '西城新网格', villageName: '西城社区' });
    expect((await call<LocateView>(I.resident, 'grid/locate', { location: DEMO_POINTS.daguo })).result).toBe('town');
  });

  it('changes nothing when one feature is bad, and says which', async () => {
    const before = snapshot();
    const bad = { ...good, features: [...good.features, { type: 'Feature', properties: { id: 'dz-xinan-2-g' }, geometry: { type: 'Polygon', coordinates: [] } }] };
    const f = await failure(call(I.townAdmin, 'grid/importBoundaries', { geojson: bad }));
    expect(f.code).toBe('IMPORT.INVALID');
    expect(f.details).toEqual([{ line: 4, ref: 'dz-xinan-2-g', message: expect.stringContaining('为空') }]);
    expect(snapshot()).toBe(before);
  });

  it('changes nothing when the store write fails half-way', async () => {
    const before = snapshot();
    // A boundary for a node that vanishes between check and write makes the transaction fail at its last insert.
    const dir = rt.store.directory;
    const original = dir.applyBoundaryImport.bind(dir);
    dir.applyBoundaryImport = (plan, v) => original({ ...plan, boundaries: [...plan.boundaries, { nodeId: 'no-such-node', geometry: plan.boundaries[0].geometry }] }, v);
    expect((await failure(call(I.townAdmin, 'grid/importBoundaries', { geojson: good }))).code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(snapshot()).toBe(before);
  });

  it('is refused to anyone but an admin, and outside the admin scope', async () => {
    for (const who of [I.resident, I.daguoChair, I.envOffice]) {
      expect((await failure(call(who, 'grid/importBoundaries', { geojson: good }))).code).toBe('AUTH.FORBIDDEN');
    }
    const other = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'jj-dungen-1-g' }, geometry: sq(113.0, 22.8, 113.01, 22.81) }] };
    expect((await failure(call(I.townAdmin, 'grid/importBoundaries', { geojson: other }))).code).toBe('IMPORT.INVALID');
  });
});

describe('importing the roster', () => {
  it('adds staff by openid and binds a phone-only entry to the user with that phone on first call', async () => {
    const csv = 'openid,phone,name,role,node\nnew-grid-worker,,新网格员,staff,dz-xinan-2-g\n,13900000002,李网格员,staff,dz-xinan-2\n';
    expect(await call(I.townAdmin, 'roster/import', { csv })).toMatchObject({ staff: 1, pending: 1, whole: false });
    expect((await call<{ role: string; nodeId: string }>('new-grid-worker', 'me/profile')).role).toBe('staff');
    // 李叔 (demo-resident-li) has phone 13900000002: his next call finds him on the roster.
    expect(await call(I.resident2, 'me/profile')).toMatchObject({ role: 'staff', nodeId: 'dz-xinan-2', name: '李网格员' });
    expect(count('staff_pending')).toBe(0);
  });

  it('changes nothing when one line is bad, and reports it by line', async () => {
    const before = snapshot();
    const csv = 'openid,phone,name,role,node\nok-1,,好人,staff,dz-xinan-1\nbad-1,,坏人,staff,jj-dungen\n';
    const f = await failure(call(I.townAdmin, 'roster/import', { csv }));
    expect(f).toEqual({ code: 'IMPORT.INVALID', details: [{ line: 3, ref: 'bad-1', message: expect.stringContaining('不在您管理的范围内') }] });
    expect(snapshot()).toBe(before);
  });

  it('is refused to anyone but an admin', async () => {
    expect((await failure(call(I.daguoChair, 'roster/import', { csv: 'openid,phone,name,role,node\nx,,x,staff,dz-xinan-1' }))).code).toBe('AUTH.FORBIDDEN');
  });
});
