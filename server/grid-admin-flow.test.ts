/**
 * The grid edited in the app and the district's towns (issue 19), on SQLite and on the CloudBase wire
 * fake (one runtime, as a warm container holds it): a town admin renames, adds and retires nodes (a
 * retired grid takes no new concern, those already there stay with their handlers), previews a boundary
 * file without writing it and applies it with the import; a district admin creates a town, which takes
 * reports at once, and appoints its admin, who is one from their next call and a resident after removal.
 */
import type { Deps } from '../core/ports';
import type { DirectoryCache } from '../core/directory/directory';
import type { GridTreeNode } from '../core/directory/grid';
import type { BoundaryPreview, NodeSaved, TownEntry } from '../core/admin/grid-admin-views';
import type { Boundary } from '../core/directory/locate';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { onBothRuntimes } from './test-both-runtimes';

interface Runtime {
  deps: Deps;
  router: { directory: DirectoryCache; call(fn: string, action: string, data: unknown, openid: string): Promise<unknown> };
}
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
const find = (nodes: GridTreeNode[], id: string): GridTreeNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = find(n.children, id);
    if (hit) return hit;
  }
  return undefined;
};
const feature = (b: Boundary) => ({ type: 'Feature', properties: { id: b.nodeId }, geometry: b.geometry });

function flows(rt: () => Runtime) {
  const call = <T,>(openid: string, action: string, data: unknown) => rt().router.call('concern', action, data, openid) as Promise<T>;
  const tree = async (openid: string) => (await call<{ nodes: GridTreeNode[] }>(openid, 'grid/tree', {})).nodes;
  const version = () => rt().deps.store.directory.gridVersion();

  it('renames a village and adds a grid with a code; names and codes stay unique; another town finds neither', async () => {
    const v0 = await version();
    const renamed = await call<NodeSaved>(I.townAdmin, 'node/save', { id: 'dz-xinan', name: '新安村', code: 'XA' });
    expect(renamed.node).toEqual({ id: 'dz-xinan', kind: 'village', name: '新安村', parentId: 'danzao', code: 'XA' });
    expect(renamed.gridVersion).toBe(v0 + 1);
    expect(find(await tree(I.resident), 'dz-xinan')?.name).toBe('新安村');
    const added = await call<NodeSaved>(I.townAdmin, 'node/save', { parentId: 'dz-xinan-2', name: '新安第二网格乙', code: 'XA-2B' });
    expect(added.node).toMatchObject({ kind: 'grid', parentId: 'dz-xinan-2', name: '新安第二网格乙', code: 'XA-2B' });
    expect(added.placeName).toBe('丹灶镇 · 新安村 · 新安第二经济社');
    const refusals = await Promise.all([
      outcome(call(I.townAdmin, 'node/save', { parentId: 'dz-xinan-2', name: '新安第二网格乙' })),
      outcome(call(I.townAdmin, 'node/save', { parentId: 'dz-xicheng', kind: 'cooperative', name: '西城第三经济社', code: 'XA' })),
      outcome(call(I.townAdmin, 'node/save', { parentId: 'dz-xinan-2', kind: 'cooperative', name: '错层' })),
      outcome(call(I.townAdmin, 'node/save', { parentId: 'jj-dungen', name: '别镇的社' })),
      outcome(call(I.jiujiangAdmin, 'node/save', { id: 'dz-xinan', name: '改名' })),
      outcome(call(I.townAdmin, 'node/save', { id: 'dz-xinan', parentId: 'danzao', name: '两者' })),
      outcome(call(I.daguoChair, 'node/save', { id: 'dz-xicheng-daguo', name: '改名' })),
    ]);
    expect(refusals).toEqual(['NODE.NAME_TAKEN', 'NODE.CODE_TAKEN', 'NODE.PARENT_INVALID', 'NODE.PARENT_INVALID', 'NODE.NOT_FOUND', 'VALIDATION.FAILED', 'AUTH.FORBIDDEN']);
    // Another town may use the same code; refusals wrote nothing.
    expect(await version()).toBe(v0 + 2);
    expect((await call<NodeSaved>(I.jiujiangAdmin, 'node/save', { id: 'jj-dungen', name: '敦根社区', code: 'XA' })).node.code).toBe('XA');
  });

  it('retires a grid: new concerns route to the grid still in service, the concern already there stays with its handlers', async () => {
    const before = await call<{ id: string; route: { gridId: string | null } }>(I.resident, 'concern/submit', { category: 'road', description: '路灯不亮', placeId: 'dz-xinan-2' });
    expect(before.route.gridId).toBe('dz-xinan-2-g');
    const added = await call<NodeSaved>(I.townAdmin, 'node/save', { parentId: 'dz-xinan-2', name: '新安第二网格乙' });
    const retired = await call<NodeSaved>(I.townAdmin, 'node/retire', { id: 'dz-xinan-2-g' });
    expect(retired.node.retiredAt).toEqual(expect.any(String));
    const after = await call<{ route: { gridId: string | null } }>(I.resident, 'concern/submit', { category: 'road', description: '井盖松动', placeId: 'dz-xinan-2-g' });
    expect(after.route.gridId).toBe(added.node.id);
    // Residents no longer see it to pick; the admin's editor still does, marked.
    expect(find(await tree(I.resident), 'dz-xinan-2-g')).toBeUndefined();
    expect(find(await tree(I.townAdmin), 'dz-xinan-2-g')?.retiredAt).toBe(retired.node.retiredAt);
    // The concern filed before stays visible and handled by the town admin (and the cooperative's route).
    expect(await outcome(call(I.townAdmin, 'concern/get', { id: before.id }))).toBe('ok');
    const refusals = await Promise.all([
      outcome(call(I.townAdmin, 'node/retire', { id: 'dz-xinan-2-g' })),
      outcome(call(I.townAdmin, 'node/save', { id: 'dz-xinan-2-g', name: '复活' })),
      outcome(call(I.townAdmin, 'node/save', { parentId: 'dz-xinan-2-g', name: '下级' })),
      outcome(call(I.townAdmin, 'node/retire', { id: 'dz-xinan' })),
      outcome(call(I.townAdmin, 'node/retire', { id: 'dz-xicheng-daguo-g' })),
      outcome(call(I.townAdmin, 'node/retire', { id: 'danzao' })),
      outcome(call(I.jiujiangAdmin, 'node/retire', { id: added.node.id })),
      outcome(call(I.townAdmin, 'roster/save', { phone: '13700000001', name: '新人', role: 'staff', nodeId: 'dz-xinan-2-g' })),
    ]);
    expect(refusals).toEqual(['NODE.RETIRED', 'NODE.RETIRED', 'NODE.PARENT_INVALID', 'NODE.HAS_CHILDREN', 'NODE.HAS_STAFF', 'NODE.NOT_FOUND', 'NODE.NOT_FOUND', 'ROSTER.INVALID']);
  });

  it('a retired grid takes no location: locate skips its boundary', async () => {
    expect((await call<{ gridId: string | null }>(I.resident, 'grid/locate', { location: DEMO_POINTS.daguo })).gridId).toBe('dz-xicheng-daguo-g');
    await call(I.townAdmin, 'roster/remove', { openid: I.daguoGridWorker });
    await call(I.townAdmin, 'node/retire', { id: 'dz-xicheng-daguo-g' });
    const located = await call<{ gridId: string | null; cooperativeId: string | null; townId: string | null }>(I.resident, 'grid/locate', { location: DEMO_POINTS.daguo });
    expect(located.gridId).toBeNull();
    expect(located.townId).toBe('danzao');
  });

  it('previews a boundary file without writing it, then the import applies the same', async () => {
    const scoped = (await rt().deps.store.directory.listBoundaries()).filter((b) => b.nodeId === 'danzao' || b.nodeId.startsWith('dz-'));
    const v0 = await version();
    // 大果网格 shrinks to the southern half of its cooperative; a new grid takes the northern half.
    const grid = scoped.find((b) => b.nodeId === 'dz-xicheng-daguo-g')!;
    const [[w, s], [e], [, n]] = (grid.geometry as { coordinates: number[][][] }).coordinates[0].slice(0, 3) as [[number, number], [number], [number, number]];
    const mid = (s + n) / 2;
    const rect = (a: number, b: number, c: number, d: number) => ({ type: 'Polygon', coordinates: [[[a, b], [c, b], [c, d], [a, d], [a, b]]] });
    const file = {
      type: 'FeatureCollection',
      features: [
        ...scoped.filter((b) => b.nodeId !== grid.nodeId && b.nodeId !== 'dz-xinan-1-g').map(feature),
        { type: 'Feature', properties: { id: grid.nodeId }, geometry: rect(w, s, e, mid) },
        { type: 'Feature', properties: { parentId: 'dz-xicheng-daguo', name: '大果北网格' }, geometry: rect(w, mid, e, n) },
      ],
    };
    const preview = await call<BoundaryPreview>(I.townAdmin, 'grid/previewBoundaries', { geojson: file });
    expect(preview.ok).toBe(true);
    expect(preview.counts).toEqual({ added: 1, changed: 1, removed: 1, unchanged: scoped.length - 2 });
    expect(preview.nodes.map((x) => [x.name, x.change, x.isNew]).sort()).toEqual([['大果北网格', 'added', true], ['大果网格', 'changed', false], ['新安第一网格', 'removed', false]].sort());
    // 丹灶镇's margin belongs to no village; 新安第一经济社 lost its grid's outline, so it has no children drawn.
    expect(preview.gaps.map((g) => g.nodeId)).toContain('danzao');
    expect(preview.shapes).toHaveLength(scoped.length + 1);
    expect(preview.bbox).not.toBeNull();
    expect(await version()).toBe(v0);
    const bad = await call<BoundaryPreview>(I.townAdmin, 'grid/previewBoundaries', { geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: 'jj-dungen' }, geometry: rect(w, s, e, n) }] } });
    expect(bad.ok).toBe(false);
    expect(bad.problems[0].message).toContain('不在您管理的范围内');
    const applied = await call<{ nodesCreated: number; boundaries: number }>(I.townAdmin, 'grid/importBoundaries', { geojson: file });
    expect(applied).toMatchObject({ nodesCreated: 1, boundaries: scoped.length });
    const again = await call<BoundaryPreview>(I.townAdmin, 'grid/previewBoundaries', { geojson: file });
    expect(again.counts).toEqual({ added: 0, changed: 0, removed: 0, unchanged: scoped.length });
  });

  it('a district admin creates a town that takes reports at once and appoints its admin, who serves from their next call', async () => {
    const made = await call<NodeSaved>(I.districtAdmin, 'town/save', { name: '狮山镇', code: 'shishan' });
    expect(made.node).toMatchObject({ kind: 'town', parentId: 'nanhai', name: '狮山镇', code: 'shishan' });
    const townId = made.node.id;
    expect(await outcome(call(I.districtAdmin, 'town/save', { name: '狮山镇二', code: 'shishan' }))).toBe('NODE.CODE_TAKEN');
    expect(await outcome(call(I.townAdmin, 'town/save', { name: '新镇' }))).toBe('AUTH.FORBIDDEN');
    expect(await outcome(call(I.townAdmin, 'town/saveAdmins', { townId, admins: [] }))).toBe('AUTH.FORBIDDEN');
    expect(await outcome(call(I.districtAdmin, 'town/saveAdmins', { townId: 'dz-xinan', admins: [] }))).toBe('TOWN.NOT_FOUND');
    expect(await outcome(call(I.districtAdmin, 'town/saveAdmins', { townId, admins: [{ phone: '13800000008', name: '我自己' }] }))).toBe('TOWN.ADMIN_INVALID');
    // The new town has the default categories, so a report placed there is routed.
    const village = await call<NodeSaved>(I.districtAdmin, 'node/save', { parentId: townId, name: '狮山村' });
    const filed = await call<{ route: { townId: string; villageId: string | null } }>(I.resident, 'concern/submit', { category: 'road', description: '路面塌陷', placeId: village.node.id });
    expect(filed.route).toMatchObject({ townId, villageId: village.node.id });

    const appointed = await call<TownEntry>(I.districtAdmin, 'town/saveAdmins', { townId, admins: [{ phone: '13900000002', name: '李镇长' }] });
    expect(appointed.admins).toEqual([{ openid: null, name: '李镇长', phone: '13900000002', pending: true }]);
    const profile = await call<{ role: string; nodeId: string | null }>(I.resident2, 'me/profile', {});
    expect(profile).toMatchObject({ role: 'admin', nodeId: townId });
    const listed = await call<{ items: TownEntry[] }>(I.districtAdmin, 'town/list', {});
    expect(listed.items.map((t) => t.name).sort()).toEqual(['丹灶镇', '九江镇', '西樵镇', '狮山镇'].sort());
    expect(listed.items.find((t) => t.id === townId)).toMatchObject({ code: 'shishan', villages: 1, hasBoundary: false, admins: [{ openid: I.resident2, name: '李镇长', pending: false }] });
    // The new admin sees their own town only, and administers it.
    expect((await call<{ items: TownEntry[] }>(I.resident2, 'town/list', {})).items.map((t) => t.id)).toEqual([townId]);
    expect(await outcome(call(I.resident2, 'node/save', { id: village.node.id, name: '狮山社区' }))).toBe('ok');

    const removed = await call<TownEntry>(I.districtAdmin, 'town/saveAdmins', { townId, admins: [] });
    expect(removed.admins).toEqual([]);
    expect((await call<{ role: string }>(I.resident2, 'me/profile', {})).role).toBe('resident');
    expect(await outcome(call(I.resident2, 'town/list', {}))).toBe('AUTH.FORBIDDEN');
  });
}

onBothRuntimes('the grid editor and the district towns', (_call, b) => flows(b.rt));
