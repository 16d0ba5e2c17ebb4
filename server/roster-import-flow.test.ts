/**
 * The roster file with its preview (issue 19, item 1), on SQLite and on the CloudBase wire fake:
 * roster/previewImport answers who is added, changed and — for a file marked as the whole roster —
 * removed, writing nothing; roster/import applies exactly that. Someone a whole file takes off is
 * refused at their next call, as after roster/remove, and keeps their history; other towns are untouched.
 */
import type { DirectoryRepo } from '../core/ports';
import type { RosterView } from '../core/directory/roster-views';
import type { AuditEntry } from '../core/model';
import type { Page, RosterImportView } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { onBothRuntimes } from './test-both-runtimes';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );

const HEADER = 'openid,phone,name,role,node';
/** 丹灶镇's roster as the town keeps it, with 何社委 moved and renamed, and two new people. */
const FILE = [
  HEADER,
  `${I.daguoChair},13800000001,黄社长,staff,dz-xicheng-daguo`,
  `${I.xinanStaff},13800000003,何社长,staff,dz-xinan-2`,
  `${I.envOffice},13800000005,周主任,office,danzao-environment`,
  'o-import-new,,新网格员,staff,dz-xinan-2-g',
  ',13900000001,陈阿姨,staff,dz-xinan-1',
].join('\n');

const brief = (v: RosterImportView) => ({
  added: v.added.map((c) => [c.openid ?? c.phone, c.name, c.nodeName, c.pending]),
  changed: v.changed.map((c) => [c.openid, `${c.before?.name}@${c.before?.nodeName}`, `${c.name}@${c.nodeName}`]),
  removed: v.removed.map((c) => [c.openid ?? c.phone, c.name]),
});

function flows(call: Call, state: () => Promise<unknown>, directory: () => DirectoryRepo) {
  it('previews an update file without writing anything, then applies exactly that', async () => {
    const before = await state();
    const preview = await call<RosterImportView>(I.townAdmin, 'roster/previewImport', { csv: FILE });
    const expected = {
      added: [
        ['o-import-new', '新网格员', '新安第二网格', false],
        ['13900000001', '陈阿姨', '新安第一经济社', true],
      ],
      changed: [[I.xinanStaff, '何社委@新安第一经济社', '何社长@新安第二经济社']],
      removed: [],
    };
    expect(brief(preview)).toEqual(expected);
    expect(preview).toMatchObject({ staff: 4, pending: 1, whole: false });
    expect(await state()).toEqual(before);
    // Unchanged rows are neither added nor changed: the same file again previews only what it still changes.
    const applied = await call<RosterImportView>(I.townAdmin, 'roster/import', { csv: FILE });
    expect(brief(applied)).toEqual(expected);
    expect(brief(await call<RosterImportView>(I.townAdmin, 'roster/previewImport', { csv: FILE }))).toEqual({ added: [], changed: [], removed: [] });
    expect(await outcome(call('o-import-new', 'concern/inbox', {}))).toBe('ok');
    // Nobody left the roster: an update file removes no one.
    expect(await outcome(call(I.daguoGridWorker, 'concern/inbox', {}))).toBe('ok');
  });

  it('takes off, for a whole-roster file, everyone in the town it does not list — never the admin, never another town', async () => {
    await call(I.townAdmin, 'roster/save', { phone: '13900000002', name: '李叔', role: 'staff', nodeId: 'dz-xinan-2-g' });
    const before = await state();
    const preview = await call<RosterImportView>(I.townAdmin, 'roster/previewImport', { csv: FILE, whole: true });
    const removed = [
      [I.daguoGridWorker, '梁网格员'],
      [I.xichengStaff, '吴委员'],
      [I.danzaoDispatcher, '麦派单员'],
      ['13900000002', '李叔'],
    ];
    expect(brief(preview).removed.sort()).toEqual([...removed].sort());
    expect(preview.whole).toBe(true);
    expect(await state()).toEqual(before);

    const applied = await call<RosterImportView>(I.townAdmin, 'roster/import', { csv: FILE, whole: true });
    expect(brief(applied).removed.sort()).toEqual([...removed].sort());
    // Their next call is a resident's; the admin and the other towns' people stay.
    expect(await outcome(call(I.daguoGridWorker, 'concern/inbox', {}))).toBe('AUTH.FORBIDDEN');
    expect(await outcome(call(I.danzaoDispatcher, 'concern/inbox', {}))).toBe('AUTH.FORBIDDEN');
    expect(await outcome(call(I.townAdmin, 'roster/list', {}))).toBe('ok');
    expect(await outcome(call(I.jiujiangAdmin, 'roster/list', {}))).toBe('ok');
    const roster = await call<RosterView>(I.townAdmin, 'roster/list', {});
    expect(roster.items.map((m) => m.openid).sort()).toEqual([I.daguoChair, I.xinanStaff, I.envOffice, 'o-import-new', I.townAdmin].sort());
    expect(roster.pending.map((p) => p.phone)).toEqual(['13900000001']);
    expect(roster.departed.map((d) => d.openid).sort()).toEqual([I.daguoGridWorker, I.xichengStaff, I.danzaoDispatcher].sort());
    // The preview is no write: the audit log has the save and the import only.
    const audit = await call<Page<AuditEntry>>(I.townAdmin, 'audit/list', {});
    expect(audit.items.filter((e) => e.action.startsWith('roster/')).map((e) => [e.action, e.outcome])).toEqual([
      ['roster/import', 'ok'],
      ['roster/save', 'ok'],
    ]);
  });

  it('finishes a whole-file import cut off among its removals when the same file is run again', async () => {
    await call(I.townAdmin, 'roster/save', { phone: '13900000002', name: '李叔', role: 'staff', nodeId: 'dz-xinan-2-g' });
    const all = brief(await call<RosterImportView>(I.townAdmin, 'roster/previewImport', { csv: FILE, whole: true })).removed;
    expect(all).toHaveLength(4);
    // The run stops after its first removal, as a cloud function stopped at its time limit would.
    // (An own property over the store's method; the SQLite guard's proxy passes it on to the repository.)
    const dir = directory();
    const real = dir.removeStaff.bind(dir);
    let removals = 0;
    dir.removeStaff = async (...args) => {
      if (++removals > 1) throw new Error('the function ran out of time');
      return real(...args);
    };
    try {
      expect(await outcome(call(I.townAdmin, 'roster/import', { csv: FILE, whole: true }))).not.toBe('ok');
    } finally {
      Reflect.deleteProperty(dir, 'removeStaff');
    }
    expect(removals).toBe(2);
    const gone = (await call<RosterView>(I.townAdmin, 'roster/list', {})).departed.map((d) => d.openid);
    expect(gone).toHaveLength(1);

    // The file's rows are in; the preview of the same file shows only who is still to remove.
    const rest = all.filter(([who]) => !gone.includes(who as string));
    const preview = brief(await call<RosterImportView>(I.townAdmin, 'roster/previewImport', { csv: FILE, whole: true }));
    expect(preview.added).toEqual([]);
    expect(preview.changed).toEqual([]);
    expect(preview.removed.sort()).toEqual([...rest].sort());
    // Run again, it finishes: the roster is exactly the file's (and the admin), each person removed once.
    expect(brief(await call<RosterImportView>(I.townAdmin, 'roster/import', { csv: FILE, whole: true })).removed.sort()).toEqual([...rest].sort());
    const roster = await call<RosterView>(I.townAdmin, 'roster/list', {});
    expect(roster.items.map((m) => m.openid).sort()).toEqual([I.daguoChair, I.xinanStaff, I.envOffice, 'o-import-new', I.townAdmin].sort());
    expect(roster.pending.map((p) => p.phone)).toEqual(['13900000001']);
    expect(roster.departed.map((d) => d.openid).sort()).toEqual([I.daguoGridWorker, I.xichengStaff, I.danzaoDispatcher].sort());
    expect(brief(await call<RosterImportView>(I.townAdmin, 'roster/previewImport', { csv: FILE, whole: true }))).toEqual({ added: [], changed: [], removed: [] });
  });

  it('refuses a file with a bad line in preview and import alike, changing nothing', async () => {
    const before = await state();
    const bad = `${FILE}\nbad-1,,坏人,staff,jj-dungen`;
    for (const action of ['roster/previewImport', 'roster/import']) {
      expect(await outcome(call(I.townAdmin, action, { csv: bad, whole: true }))).toBe('IMPORT.INVALID');
    }
    expect(await outcome(call(I.daguoChair, 'roster/previewImport', { csv: FILE }))).toBe('AUTH.FORBIDDEN');
    expect(await state()).toEqual(before);
  });
}

onBothRuntimes('the roster file', (call, b) =>
  flows(
    call,
    () => b.rows(['staff', 'staff_pending', 'staff_departed']),
    () => b.rt().store.directory,
  ),
);
