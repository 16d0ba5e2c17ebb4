/**
 * Contract cases for the admin's roster (issue 19): pending entries listed and dropped, a removal that
 * takes the member off the roster at once and keeps who they were, and removals racing each other.
 * Called by describeStoreContract.
 */
import type { Store } from '../../../core/ports';
import type { DirectoryData } from '../../demo-data';
import { DEMO_IDENTITIES as I } from '../../demo-data';
import { at } from '../contract-fixtures';

export function describeRosterContract(current: () => Store, data: DirectoryData): void {
  describe('the roster and categories, as admins edit them', () => {
    const departure = (n: number) => ({ id: `dep-${n}`, removedAt: at(n), removedBy: I.townAdmin });

    it('lists pending entries by node then phone, and drops one by its phone only', async () => {
      const { directory } = current();
      const v = await directory.gridVersion();
      const a = { phone: '13800000011', name: '甲', role: 'staff' as const, nodeId: 'dz-xinan-2' };
      const b = { phone: '13800000012', name: '乙', role: 'staff' as const, nodeId: 'dz-xinan-1' };
      const c = { phone: '13800000010', name: '丙', role: 'admin' as const, nodeId: 'dz-xinan-2' };
      expect(await directory.applyRosterImport({ staff: [], pending: [a, b, c] }, v)).toBe(true);
      expect(await directory.listPendingStaff()).toEqual([b, c, a]);
      expect(await directory.removePendingStaff('13800000099')).toBe(false);
      expect(await directory.removePendingStaff(a.phone)).toBe(true);
      expect(await directory.removePendingStaff(a.phone)).toBe(false);
      expect(await directory.listPendingStaff()).toEqual([b, c]);
    });

    it('removes a member at once, keeps who they were, and leaves everyone else as they were', async () => {
      const { directory } = current();
      const worker = data.staff.find((s) => s.openid === I.daguoGridWorker)!;
      const others = (await directory.listStaff()).filter((s) => s.openid !== worker.openid);
      expect(await directory.listDepartedStaff()).toEqual([]);
      expect(await directory.removeStaff(worker.openid, departure(1))).toEqual(worker);
      expect(await directory.findStaff(worker.openid)).toBeNull();
      expect(await directory.listStaffAt([worker.nodeId])).not.toContainEqual(worker);
      expect(await directory.listStaff()).toEqual(others);
      expect(await directory.listDepartedStaff()).toEqual([{ ...worker, ...departure(1) }]);
      // Not on the roster any more: nothing to remove, nothing written.
      expect(await directory.removeStaff(worker.openid, departure(2))).toBeNull();
      expect(await directory.listDepartedStaff()).toHaveLength(1);
    });

    it('drops the pending entry of a removed member’s phone, and keeps every departure of a person who came back', async () => {
      const { directory } = current();
      const v = await directory.gridVersion();
      const back = { openid: 'o-came-back', name: '回来的人', role: 'staff' as const, nodeId: 'dz-xinan-1', phone: '13800000021' };
      expect(await directory.applyRosterImport({ staff: [back], pending: [] }, v)).toBe(true);
      expect(await directory.removeStaff(back.openid, departure(1))).toEqual(back);
      expect(await directory.applyRosterImport({ staff: [{ ...back, nodeId: 'dz-xinan-2' }], pending: [{ phone: '13800000021', name: '回来的人', role: 'staff', nodeId: 'dz-xinan-2' }] }, v)).toBe(true);
      // The import bound the phone to the member, so no entry waits for it; a stray one is dropped with the member.
      expect(await directory.applyRosterImport({ staff: [], pending: [{ phone: '13800000021', name: '回来的人', role: 'staff', nodeId: 'dz-xinan-2' }] }, v)).toBe(true);
      expect(await directory.removeStaff(back.openid, departure(2))).toEqual({ ...back, nodeId: 'dz-xinan-2' });
      expect(await directory.listPendingStaff()).toEqual([]);
      expect((await directory.listDepartedStaff()).map((d) => [d.id, d.nodeId])).toEqual([['dep-2', 'dz-xinan-2'], ['dep-1', 'dz-xinan-1']]);
    });

    it('adds a category after the town’s others, edits one in place, and bumps the directory version with each', async () => {
      const { directory } = current();
      const v = await directory.gridVersion();
      const danzao = data.categories.filter((c) => c.townId === 'danzao');
      const fresh = { townId: 'danzao', code: 'market', name: '农贸市场', kind: 'complaint' as const, leadOfficeCode: null, ackHours: 2, resolveDays: 5, enabled: true };
      await directory.saveCategory(fresh);
      expect(await directory.gridVersion()).toBe(v + 1);
      expect(await directory.listCategories('danzao')).toEqual([...danzao, fresh]);
      const road = { ...danzao.find((c) => c.code === 'road')!, name: '道路桥梁', leadOfficeCode: 'enforcement', ackHours: 1, resolveDays: null, enabled: false };
      await directory.saveCategory(road);
      expect(await directory.gridVersion()).toBe(v + 2);
      expect(await directory.listCategories('danzao')).toEqual([...danzao.map((c) => (c.code === 'road' ? road : c)), fresh]);
      // Another town's categories are untouched.
      expect(await directory.listCategories('jiujiang')).toEqual(data.categories.filter((c) => c.townId === 'jiujiang'));
    });

    it('turns a town’s public board on and off, keeping its reply templates, and no other town’s', async () => {
      const { board } = current();
      await board.saveReplyTemplates('jiujiang', { road: ['已派人查看'] });
      await board.setPublicBoard('jiujiang', true);
      expect(await board.settings('jiujiang')).toEqual({ publicBoard: true, replyTemplates: { road: ['已派人查看'] } });
      await board.setPublicBoard('danzao', false);
      expect((await board.settings('danzao')).publicBoard).toBe(false);
      expect((await board.settings('jiujiang')).publicBoard).toBe(true);
      await board.setPublicBoard('jiujiang', false);
      expect(await board.settings('jiujiang')).toEqual({ publicBoard: false, replyTemplates: { road: ['已派人查看'] } });
    });

    it('finds users by the phone their account carries', async () => {
      const { directory } = current();
      const chen = data.users.find((u) => u.phone === '13900000001')!;
      expect(await directory.findUsersByPhone('13900000001')).toEqual([chen]);
      expect(await directory.findUsersByPhone('13900000099')).toEqual([]);
    });

    it('creates a team once, without leaders, and replaces its leaders whole', async () => {
      const { teams } = current();
      const team = { id: 'team-new', name: '新安第二志愿队', kind: 'party_service' as const, nodeId: 'dz-xinan-2', description: '', createdAt: at(1) };
      expect(await teams.createTeam(team)).toBe(true);
      expect(await teams.createTeam({ ...team, name: '重名' })).toBe(false);
      expect(await teams.getTeam('team-new')).toEqual(team);
      expect(await teams.leaders('team-new')).toEqual([]);
      const a = { openid: I.resident, name: '陈阿姨' };
      const b = { openid: I.resident2, name: '李叔' };
      expect(await teams.setLeaders('team-new', [a, b])).toBe(true);
      expect(await teams.leaders('team-new')).toEqual([a, b]);
      expect(await teams.ledBy(I.resident2)).toContain('team-new');
      expect(await teams.setLeaders('team-new', [b])).toBe(true);
      expect(await teams.leaders('team-new')).toEqual([b]);
      expect(await teams.isLeader('team-new', I.resident)).toBe(false);
      expect(await teams.setLeaders('no-such-team', [a])).toBe(false);
      expect(await teams.ledBy(I.resident)).not.toContain('no-such-team');
    });

    it('keeps one whole leader set when two admins save at once', async () => {
      const { teams } = current();
      const team = { id: 'team-race', name: '抢答队', kind: 'neighbourhood' as const, nodeId: 'dz-xinan-2', description: '', createdAt: at(1) };
      await teams.createTeam(team);
      const sets = [[{ openid: I.resident, name: '陈阿姨' }], [{ openid: I.resident2, name: '李叔' }], [{ openid: 'o-third', name: '第三人' }]];
      expect(await Promise.all(sets.map((s) => teams.setLeaders('team-race', s)))).toEqual([true, true, true]);
      expect(sets).toContainEqual(await teams.leaders('team-race'));
    });

    it('lets exactly one of several admins removing the same member at once do it', async () => {
      const { directory } = current();
      const results = await Promise.all([1, 2, 3].map((n) => directory.removeStaff(I.xinanStaff, departure(n))));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await directory.listDepartedStaff()).toHaveLength(1);
      expect(await directory.findStaff(I.xinanStaff)).toBeNull();
    });
  });
}
