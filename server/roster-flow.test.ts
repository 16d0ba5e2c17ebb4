/**
 * The admin's roster (issue 19) end to end, on SQLite (the local runtime) and on the CloudBase wire fake
 * (one runtime, as a warm container holds it): a town admin adds a grid worker who then sees their grid's inbox,
 * removes them and their very next call is refused — on a long-lived CloudBase runtime too — while their
 * history stays; an entry by phone becomes staff at that person's next call; nothing reaches another town.
 */
import type { ConcernDetail, Page, ConcernSummary, Profile } from '../core/views';
import type { RosterRemoval, RosterView } from '../core/directory/roster-views';
import type { AuditEntry } from '../core/model';
import type { CategoryListView } from '../core/directory/category-service';
import { DEMO_IDENTITIES as I } from './demo-data';
import { onBothRuntimes } from './test-both-runtimes';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );

const WORKER = 'o-new-grid-worker';

function flows(call: Call, state: () => Promise<unknown>) {
  it('adds a grid worker who sees their grid’s inbox; removed, their next call is refused, and their history stays', async () => {
    const added = await call<RosterView>(I.townAdmin, 'roster/save', { openid: WORKER, name: '新来的网格员', role: 'staff', nodeId: 'dz-xinan-2-g' });
    expect(added.items.find((m) => m.openid === WORKER)).toMatchObject({ name: '新来的网格员', role: 'staff', nodeId: 'dz-xinan-2-g', nodeName: '新安第二网格', self: false });
    const concern = await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'road', description: '新安第二经济社路灯不亮', placeId: 'dz-xinan-2' });
    expect(concern.route.gridId).toBe('dz-xinan-2-g');
    expect((await call<Page<ConcernSummary>>(WORKER, 'concern/inbox', {})).items.map((c) => c.id)).toEqual([concern.id]);
    await call(WORKER, 'concern/accept', { id: concern.id });

    const removal = await call<RosterRemoval>(I.townAdmin, 'roster/remove', { openid: WORKER });
    expect(removal.removed).toEqual({ name: '新来的网格员', nodeId: 'dz-xinan-2-g', nodeName: '新安第二网格' });
    expect(removal.openConcerns.map((c) => [c.id, c.status])).toEqual([[concern.id, 'accepted']]);
    expect(removal.othersRemain).toBe(false);

    // The very next call: a resident again, refused every staff action.
    expect(await outcome(call(WORKER, 'concern/inbox', {}))).toBe('AUTH.FORBIDDEN');
    // The refusal says they were removed, so the app can tell them (账号已被移出名单); a resident's does not.
    expect(await call(WORKER, 'concern/inbox', {}).catch((e: { details?: unknown }) => e.details)).toEqual({ removed: true });
    expect(await call(I.resident2, 'concern/inbox', {}).catch((e: { details?: unknown }) => e.details)).toBeUndefined();
    expect(await outcome(call(WORKER, 'concern/reply', { id: concern.id, text: '在办' }))).toBe('CONCERN.NOT_FOUND');
    expect((await call<Profile>(WORKER, 'me/profile', {})).role).toBe('resident');
    // Their history stays: the timeline names them, the roster lists them as departed, the audit log has the removal.
    const after = await call<ConcernDetail>(I.townAdmin, 'concern/get', { id: concern.id });
    expect(after.timeline.find((e) => e.toStatus === 'accepted')?.actorName).toBe('新来的网格员');
    const roster = await call<RosterView>(I.townAdmin, 'roster/list', {});
    expect(roster.items.map((m) => m.openid)).not.toContain(WORKER);
    expect(roster.departed.map((d) => [d.openid, d.name])).toEqual([[WORKER, '新来的网格员']]);
    const audit = await call<Page<AuditEntry>>(I.townAdmin, 'audit/list', {});
    expect(audit.items.filter((e) => e.action.startsWith('roster/')).map((e) => [e.action, e.targetId, e.outcome])).toEqual([
      ['roster/remove', WORKER, 'ok'],
      ['roster/save', WORKER, 'ok'],
    ]);
    expect(await outcome(call(I.townAdmin, 'roster/remove', { openid: WORKER }))).toBe('ROSTER.NOT_FOUND');
  });

  it('makes an entry by phone staff at that person’s next call, and drops a pending entry by phone', async () => {
    // 陈阿姨's WeChat account carries the phone 13900000001.
    await call(I.townAdmin, 'roster/save', { phone: '13900000001', name: '陈阿姨', role: 'staff', nodeId: 'dz-xinan-2-g' });
    expect((await call<RosterView>(I.townAdmin, 'roster/list', { query: '1390000' })).pending.map((p) => [p.phone, p.nodeName])).toEqual([['13900000001', '新安第二网格']]);
    expect(await call<Profile>(I.resident, 'me/profile', {})).toMatchObject({ role: 'staff', nodeId: 'dz-xinan-2-g' });
    expect((await call<RosterView>(I.townAdmin, 'roster/list', { query: '陈阿姨' })).items.map((m) => m.openid)).toEqual([I.resident]);

    await call(I.townAdmin, 'roster/save', { phone: '13800000088', name: '待报到', role: 'staff', nodeId: 'dz-xinan-1' });
    await call(I.townAdmin, 'roster/remove', { phone: '13800000088' });
    expect((await call<RosterView>(I.townAdmin, 'roster/list', {})).pending).toEqual([]);
    expect(await outcome(call(I.townAdmin, 'roster/remove', { phone: '13800000088' }))).toBe('ROSTER.NOT_FOUND');
  });

  it('edits a person in place: name, role, place', async () => {
    await call(I.townAdmin, 'roster/save', { openid: I.xinanStaff, name: '何社长', role: 'staff', nodeId: 'dz-xinan-2' });
    expect((await call<RosterView>(I.townAdmin, 'roster/list', { query: '何' })).items).toEqual([
      { openid: I.xinanStaff, name: '何社长', role: 'staff', nodeId: 'dz-xinan-2', nodeName: '新安第二经济社', phone: '13800000003', self: false },
    ]);
    expect((await call<Profile>(I.xinanStaff, 'me/profile', {})).nodeId).toBe('dz-xinan-2');
  });

  it('keeps every town to itself and refuses an admin’s own lock-out, changing nothing', async () => {
    const before = await state();
    const refusals = await Promise.all([
      outcome(call(I.jiujiangAdmin, 'roster/remove', { openid: I.xinanStaff })),
      outcome(call(I.jiujiangAdmin, 'roster/save', { openid: I.xinanStaff, name: '何社委', role: 'staff', nodeId: 'jj-dungen' })),
      outcome(call(I.townAdmin, 'roster/save', { openid: 'o-somebody', name: '某人', role: 'staff', nodeId: 'jj-dungen' })),
      outcome(call(I.townAdmin, 'roster/save', { openid: 'o-somebody', name: '某人', role: 'admin', nodeId: 'nanhai' })),
      outcome(call(I.townAdmin, 'roster/remove', { openid: I.jiujiangAdmin })),
      outcome(call(I.townAdmin, 'roster/remove', { openid: I.townAdmin })),
      outcome(call(I.townAdmin, 'roster/save', { openid: I.townAdmin, name: '丹灶镇管理员', role: 'staff', nodeId: 'danzao' })),
      outcome(call(I.townAdmin, 'roster/save', { openid: 'o-somebody', name: '某人', role: 'office', nodeId: 'jiujiang-environment' })),
      outcome(call(I.townAdmin, 'roster/save', { name: '无联系方式', role: 'staff', nodeId: 'dz-xinan-1' })),
      outcome(call(I.daguoChair, 'roster/remove', { openid: I.daguoGridWorker })),
    ]);
    expect(refusals).toEqual(['ROSTER.NOT_FOUND', 'ROSTER.INVALID', 'ROSTER.INVALID', 'ROSTER.INVALID', 'ROSTER.NOT_FOUND', 'ROSTER.SELF', 'ROSTER.SELF', 'ROSTER.INVALID', 'VALIDATION.FAILED', 'AUTH.FORBIDDEN']);
    expect((await call<RosterView>(I.jiujiangAdmin, 'roster/list', {})).items.every((m) => !m.nodeId.startsWith('dz-') && m.nodeId !== 'danzao')).toBe(true);
    expect(await state()).toEqual(before);
  });

  it('adds office staff at one of the offices category/list names, checked as a file row is', async () => {
    const { offices } = await call<CategoryListView>(I.townAdmin, 'category/list', { townId: 'danzao', all: true });
    const env = offices?.find((o) => o.code === 'environment');
    expect(env?.id).toBe('danzao-environment');
    const added = await call<RosterView>(I.townAdmin, 'roster/save', { phone: '13800000099', openid: 'o-new-office', name: '新职能办员', role: 'office', nodeId: env!.id });
    expect(added.items.find((m) => m.openid === 'o-new-office')).toMatchObject({ role: 'office', nodeId: 'danzao-environment', nodeName: env!.name });
    expect(await call<Profile>('o-new-office', 'me/profile', {})).toMatchObject({ role: 'office', nodeId: 'danzao-environment' });
    expect(await outcome(call('o-new-office', 'concern/inbox', {}))).toBe('ok');
    // An office role needs an office of the admin's town; a grid role needs a grid node.
    const before = await state();
    const refusals = await Promise.all([
      outcome(call(I.townAdmin, 'roster/save', { openid: 'o-other', name: '某人', role: 'office', nodeId: 'dz-xinan-1' })),
      outcome(call(I.townAdmin, 'roster/save', { openid: 'o-other', name: '某人', role: 'staff', nodeId: 'danzao-environment' })),
      outcome(call(I.townAdmin, 'roster/save', { openid: 'o-other', name: '某人', role: 'office', nodeId: 'danzao-nosuch' })),
    ]);
    expect(refusals).toEqual(['ROSTER.INVALID', 'ROSTER.INVALID', 'ROSTER.INVALID']);
    expect(await state()).toEqual(before);
  });

  it('lets the district admin manage every town’s people, town admins included', async () => {
    await call(I.districtAdmin, 'roster/save', { openid: 'o-new-jj-admin', name: '九江镇新管理员', role: 'admin', nodeId: 'jiujiang' });
    expect((await call<RosterView>(I.districtAdmin, 'roster/list', { query: '管理员' })).items.map((m) => m.openid)).toEqual(expect.arrayContaining([I.townAdmin, I.jiujiangAdmin, 'o-new-jj-admin']));
    await call(I.districtAdmin, 'roster/remove', { openid: I.jiujiangAdmin });
    expect(await outcome(call(I.jiujiangAdmin, 'roster/list', {}))).toBe('AUTH.FORBIDDEN');
    expect((await call<RosterView>('o-new-jj-admin', 'roster/list', {})).departed.map((d) => d.openid)).toEqual([I.jiujiangAdmin]);
  });
}

onBothRuntimes('the roster', (call, b) => flows(call, () => b.rows(['staff', 'staff_pending', 'staff_departed'])));
