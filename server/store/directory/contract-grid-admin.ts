/**
 * Contract cases for the grid editor and the district's towns (issue 19): a node added, renamed and
 * retired, and a new town with its offices and categories, each in one step guarded by the grid version,
 * which it bumps; a stale version or a retired node writes nothing. Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import { townDefaults } from '../../../core/directory/town-defaults';
import { at } from '../contract-fixtures';

export function describeGridAdminContract(current: () => Store): void {
  describe('the grid edited in the app', () => {
    it('adds a node with its code and renames it, each bumping the version; a stale version writes nothing', async () => {
      const { directory } = current();
      const v0 = await directory.gridVersion();
      const grid = { id: 'n-contract-g', kind: 'grid' as const, name: '新安第二网格乙', parentId: 'dz-xinan-2', code: 'XA-2B' };
      expect(await directory.saveNode(grid, v0)).toBe(true);
      expect(await directory.gridVersion()).toBe(v0 + 1);
      expect((await directory.listNodes()).find((n) => n.id === grid.id)).toEqual(grid);
      expect(await directory.saveNode({ ...grid, name: '旧名' }, v0)).toBe(false);
      const renamed = { id: grid.id, kind: grid.kind, name: '新安第二网格丙', parentId: grid.parentId };
      expect(await directory.saveNode(renamed, v0 + 1)).toBe(true);
      // The code left out is cleared; the kind and parent stay.
      expect((await directory.listNodes()).find((n) => n.id === grid.id)).toEqual(renamed);
      expect(await directory.gridVersion()).toBe(v0 + 2);
      // A stored node read back without a code or retirement carries neither field.
      expect((await directory.listNodes()).find((n) => n.id === 'dz-xinan-2')).toEqual({ id: 'dz-xinan-2', kind: 'cooperative', name: '新安第二经济社', parentId: 'dz-xinan' });
    });

    it('retires a node once, keeping it and its boundary; a retired node is not renamed', async () => {
      const { directory } = current();
      const v0 = await directory.gridVersion();
      const boundaries = await directory.listBoundaries();
      expect(await directory.retireNode('dz-xinan-2-g', at(5), v0 - 1)).toBe(false);
      expect(await directory.retireNode('dz-xinan-2-g', at(5), v0)).toBe(true);
      expect(await directory.gridVersion()).toBe(v0 + 1);
      expect((await directory.listNodes()).find((n) => n.id === 'dz-xinan-2-g')).toEqual({ id: 'dz-xinan-2-g', kind: 'grid', name: '新安第二网格', parentId: 'dz-xinan-2', retiredAt: at(5) });
      expect(await directory.listBoundaries()).toEqual(boundaries);
      expect(await directory.retireNode('dz-xinan-2-g', at(6), v0 + 1)).toBe(false);
      expect(await directory.retireNode('no-such-node', at(6), v0 + 1)).toBe(false);
      expect(await directory.saveNode({ id: 'dz-xinan-2-g', kind: 'grid', name: '改名', parentId: 'dz-xinan-2' }, v0 + 1)).toBe(false);
      expect(await directory.gridVersion()).toBe(v0 + 1);
    });

    it('creates a town with its offices and categories in one step', async () => {
      const { directory } = current();
      const v0 = await directory.gridVersion();
      const town = { id: 'n-contract-town', kind: 'town' as const, name: '狮山镇', parentId: 'nanhai' };
      const defaults = townDefaults(town.id, town.name);
      expect(await directory.saveNode(town, v0 + 5, defaults)).toBe(false);
      expect((await directory.listCategories(town.id))).toEqual([]);
      expect(await directory.saveNode(town, v0, defaults)).toBe(true);
      expect((await directory.listNodes()).find((n) => n.id === town.id)).toEqual(town);
      expect((await directory.listOffices()).filter((o) => o.townId === town.id)).toEqual(defaults.offices.slice().sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await directory.listCategories(town.id)).toEqual(defaults.categories);
      expect(await directory.gridVersion()).toBe(v0 + 1);
    });
  });
}
