/**
 * Boundary takeover (issue 14, item 1), attacked through the router on SQLite and through the `concern`
 * cloud function on the CloudBase wire fake: a town admin's import that reaches into another town is
 * refused whole, line by line, and changes nothing; an accepted import of one town changes where no point
 * of another town goes; new nodes get ids the server makes, whatever id the file names.
 */
import { main as concernFunction } from '../cloudfunctions/concern/index';
import type { BoundaryImportView, LocateView } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { testClock } from './test-clock';
import { useCloudFunctions } from './test-cloud-function';
import { GENEROUS_LIMITS } from './test-limits';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;
type Outcome = { code: string; details?: unknown };

const sq = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const fc = (...features: Array<[Record<string, unknown>, unknown]>) => ({ type: 'FeatureCollection', features: features.map(([properties, geometry]) => ({ type: 'Feature', properties, geometry })) });

/** 丹灶镇's admin stretches the town over 西樵镇 and draws a grid (with an id chosen to sort first) on 儒溪村. */
const TAKEOVER = fc(
  [{ id: 'danzao' }, sq(112.9, 22.9, 113.0, 23.08)],
  [{ id: '0-takeover', parentId: 'dz-xicheng', name: '抢占网格', kind: 'grid' }, sq(112.95, 22.91, 112.99, 22.95)],
);
/** 丹灶镇 redrawn inside its own ground, with one new grid in 西城社区 (the file again names an id that sorts first). */
const OWN = fc(
  [{ id: 'danzao' }, sq(112.9, 23.0, 113.0, 23.1)],
  [{ id: 'dz-xicheng' }, sq(112.94, 23.0, 113.0, 23.06)],
  [{ id: '0-first', parentId: 'dz-xicheng', name: '西城新网格', kind: 'grid' }, sq(112.95, 23.0, 112.99, 23.05)],
);
const IN_NEW_GRID = { lat: 23.02, lng: 112.97 };

/** A lattice over the three demo towns (and their surroundings). */
function lattice(step: number): Array<{ lat: number; lng: number }> {
  const out: Array<{ lat: number; lng: number }> = [];
  for (let lat = 22.81; lat <= 23.11; lat += step) for (let lng = 112.89; lng <= 113.07; lng += step) out.push({ lat: +lat.toFixed(4), lng: +lng.toFixed(4) });
  return out;
}

/** A hang guard, not a timed assertion: each case routes a lattice of points twice, call by call, and a shared
 * 2-core CI machine can take far longer than jest's default 5 s for that on the wire fake. */
const HANG_GUARD_MS = 120_000;

function attacks(call: Call, state: () => Promise<unknown>, step: number) {
  const outcome = (p: Promise<unknown>): Promise<Outcome> => p.then(() => ({ code: 'ok' }), (e: unknown) => ({ code: (e as { code?: string }).code ?? String(e), details: (e as { details?: unknown }).details }));
  const routes = async (points: Array<{ lat: number; lng: number }>) => {
    const out: LocateView[] = [];
    for (const location of points) out.push(await call<LocateView>(I.resident, 'grid/locate', { location }));
    return out;
  };

  it("refuses a town admin's import that reaches into another town, whole and line by line, changing nothing", async () => {
    const before = await state();
    const points = lattice(step);
    const routed = await routes(points);
    const f = await outcome(call(I.townAdmin, 'grid/importBoundaries', { geojson: TAKEOVER }));
    expect(f.code).toBe('IMPORT.INVALID');
    const details = f.details as Array<{ line: number; message: string }>;
    expect([...new Set(details.map((d) => d.line))]).toEqual([1, 2]);
    expect(details.every((d) => /与西樵镇的「.+」.*不同镇的边界只能相接，不能重叠/.test(d.message))).toBe(true);
    expect(await state()).toEqual(before);
    expect(await routes(points)).toEqual(routed);
  }, HANG_GUARD_MS);

  it('refuses a MultiPolygon whose parts overlap each other, changing nothing', async () => {
    const before = await state();
    const part = (x0: number, y0: number, x1: number, y1: number) => sq(x0, y0, x1, y1).coordinates;
    const folded = fc([{ id: 'dz-xicheng' }, { type: 'MultiPolygon', coordinates: [part(112.94, 23.0, 112.97, 23.03), part(112.96, 23.02, 112.99, 23.05)] }]);
    const f = await outcome(call(I.townAdmin, 'grid/importBoundaries', { geojson: folded }));
    expect(f).toMatchObject({ code: 'IMPORT.INVALID', details: [{ line: 1, message: expect.stringMatching(/多块边界的第1块与第2块重叠/) }] });
    expect(await state()).toEqual(before);
  });

  it("accepts a town's import inside its own ground, and no point of another town goes anywhere else", async () => {
    const points = lattice(step);
    const before = await routes(points);
    const r = await call<BoundaryImportView>(I.townAdmin, 'grid/importBoundaries', { geojson: OWN });
    expect(r).toMatchObject({ nodesCreated: 1, boundaries: 3 });
    // The server made the new node's id; the file's id is only a reference.
    expect(r.created).toEqual([{ line: 3, ref: '0-first', id: expect.not.stringMatching(/^0-first$/), name: '西城新网格' }]);
    expect(await call<LocateView>(I.resident, 'grid/locate', { location: IN_NEW_GRID })).toMatchObject({ gridId: r.created[0].id, gridName: '西城新网格' });
    const after = await routes(points);
    const others = points.map((_, i) => i).filter((i) => before[i].townId !== null && before[i].townId !== 'danzao');
    expect(others.length).toBeGreaterThan(20);
    expect(others.map((i) => after[i])).toEqual(others.map((i) => before[i]));
    expect(after.some((a, i) => a.gridId !== before[i].gridId)).toBe(true);
  }, HANG_GUARD_MS);
}

describe('boundary takeover on SQLite', () => {
  let rt: LocalRuntime;
  beforeEach(() => {
    rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: testClock().now, rateLimits: GENEROUS_LIMITS });
  });
  afterEach(() => rt.close());
  const call: Call = (openid, action, data) => rt.router.call('concern', action, data, openid) as Promise<never>;
  const state = async () => ['grid_nodes', 'grid_boundaries', 'grid_meta'].map((t) => rt.store.db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all());
  attacks(call, state, 0.005);
});

describe('boundary takeover on CloudBase', () => {
  const cloud = useCloudFunctions();
  const call: Call = (openid, action, data) => cloud.call(concernFunction, openid, action, data);
  const state = async () => ['grid_nodes', 'grid_boundaries', 'meta'].map((c) => cloud.wire().documents(c));
  attacks(call, state, 0.01);
});
