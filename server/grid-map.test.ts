/**
 * `grid/map` on both stores (SQLite through the router; CloudBase through the `concern` cloud function on
 * the wire fake): one town's boundaries for drawing, the caller's town by default, and its open public
 * concerns as points — never their text, never a held one, nothing where the town's board is off.
 */
import { wgs84ToGcj02 } from '../core/directory/geo';
import type { GridMapView } from '../core/directory/grid-map';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { BACKENDS, type Backend } from './test-backends';
import { codeOf } from './test-outcome';
import { testClock } from './test-clock';

const HELD_DESCRIPTION = '村口垃圾三天没人清，加我微信详谈';

describe.each(BACKENDS)('the report map (grid/map) on %s', (_name, backend) => {
  let b: Backend;
  beforeEach(async () => {
    b = await backend(testClock().now);
  });
  afterEach(() => b.close());

  const call = <T>(openid: string, action: string, data: unknown) => b.call(openid, action, data) as Promise<T>;
  const map = (openid: string, data: Record<string, unknown> = {}) => call<GridMapView>(openid, 'grid/map', data);

  it('draws the boundaries of one town only, closed rings inside the bounds, with the town list to switch', async () => {
    const m = await map(I.resident2, { townId: 'danzao' });
    expect(m).toMatchObject({ townId: 'danzao', townName: '丹灶镇', coord: 'wgs84' });
    expect(m.towns.map((t) => t.name)).toEqual(expect.arrayContaining(['丹灶镇', '九江镇', '西樵镇']));
    const ids = m.areas.map((a) => a.id);
    expect(ids).toEqual(expect.arrayContaining(['danzao', 'dz-xicheng', 'dz-xicheng-daguo', 'dz-xicheng-daguo-g']));
    expect(ids.some((id) => id.startsWith('jj-') || id.startsWith('xq-') || id === 'jiujiang')).toBe(false);
    expect(m.areas.find((a) => a.id === 'dz-xicheng-daguo-g')).toMatchObject({ kind: 'grid', name: '大果网格', parentId: 'dz-xicheng-daguo' });
    const [minLng, minLat, maxLng, maxLat] = m.bounds!;
    expect(minLng <= DEMO_POINTS.daguo.lng && DEMO_POINTS.daguo.lng <= maxLng && minLat <= DEMO_POINTS.daguo.lat && DEMO_POINTS.daguo.lat <= maxLat).toBe(true);
    for (const a of m.areas) {
      for (const r of a.rings) {
        expect(r.length).toBeGreaterThanOrEqual(4);
        expect(r[0]).toEqual(r[r.length - 1]);
        for (const [lng, lat] of r) expect(lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat).toBe(true);
      }
    }
  });

  it('opens on the caller\'s town: a resident\'s latest report, a staff member\'s own town, else the first town', async () => {
    expect((await map(I.jiujiangAdmin)).townId).toBe('jiujiang');
    const first = (await map(I.resident2)).townId;
    expect(first).toBe((await map(I.resident2)).towns[0].id);
    await call<ConcernDetail>(I.resident2, 'concern/submit', { category: 'environment', description: '儒溪村口垃圾堆积', placeId: 'xq-ruxi' });
    expect((await map(I.resident2)).townId).toBe('xiqiao');
    // The town asked for wins over the caller's own.
    expect((await map(I.jiujiangAdmin, { townId: 'danzao' })).townId).toBe('danzao');
  });

  it('shows open public concerns with a location as points, named by category only; not held ones, not another town\'s', async () => {
    const shown = await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: '大果村口垃圾堆积三天了', location: DEMO_POINTS.daguo });
    await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: HELD_DESCRIPTION, location: DEMO_POINTS.daguo });
    await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: '没有定位的一条反映', placeId: 'dz-xicheng-daguo' });
    await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: '儒溪村口垃圾堆积', placeId: 'xq-ruxi' });
    const m = await map(I.resident2, { townId: 'danzao' });
    expect(m.concerns).toEqual([{ id: shown.id, categoryName: '人居环境/环境卫生', lat: DEMO_POINTS.daguo.lat, lng: DEMO_POINTS.daguo.lng }]);
    const text = JSON.stringify(m);
    for (const secret of ['垃圾', '加我微信', I.resident]) expect(text).not.toContain(secret);

    // Resolved: no longer open, no longer on the map.
    await call(I.daguoChair, 'concern/accept', { id: shown.id });
    await call(I.daguoChair, 'concern/resolve', { id: shown.id, text: '已清运' });
    expect((await map(I.resident2, { townId: 'danzao' })).concerns).toEqual([]);
  });

  it('shows no concern point where the town\'s public board is off', async () => {
    await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: '大果村口垃圾堆积三天了', location: DEMO_POINTS.daguo });
    await b.boardOff('danzao');
    const m = await map(I.resident2, { townId: 'danzao' });
    expect(m.concerns).toEqual([]);
    expect(m.areas.length).toBeGreaterThan(0);
  });

  it('answers in GCJ-02 for WeChat\'s map when asked', async () => {
    await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: '大果村口垃圾堆积三天了', location: DEMO_POINTS.daguo });
    const wgs = await map(I.resident2, { townId: 'danzao' });
    const gcj = await map(I.resident2, { townId: 'danzao', coord: 'gcj02' });
    expect(gcj.coord).toBe('gcj02');
    const corner = wgs84ToGcj02({ lng: wgs.bounds![0], lat: wgs.bounds![1] });
    expect(gcj.bounds![0]).toBeCloseTo(corner.lng, 5);
    expect(gcj.bounds![1]).toBeCloseTo(corner.lat, 5);
    const point = wgs84ToGcj02(DEMO_POINTS.daguo);
    expect(gcj.concerns[0].lat).toBeCloseTo(point.lat, 6);
    expect(gcj.concerns[0].lng).toBeCloseTo(point.lng, 6);
    expect(gcj.areas.map((a) => a.id)).toEqual(wgs.areas.map((a) => a.id));
  });

  it('refuses an unknown town and input it does not know, and changes nothing', async () => {
    expect(await codeOf(map(I.resident2, { townId: 'dz-xicheng' }))).toBe('GRID.PLACE_NOT_FOUND');
    expect(await codeOf(map(I.resident2, { townId: 'nowhere' }))).toBe('GRID.PLACE_NOT_FOUND');
    expect(await codeOf(map(I.resident2, { townId: 'danzao', zoom: 3 }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(map(I.resident2, { coord: 'bd09' }))).toBe('VALIDATION.FAILED');
  });
});
