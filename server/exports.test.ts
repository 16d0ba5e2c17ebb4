/** export/concerns and export/rates through the router: scope, filters, CSV safety, a real workbook. */
import type { ExportFile } from '../core/views';
import { unzip } from '../test/fakes/unzip';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';
import { codeOf } from './test-outcome';

let rt: LocalRuntime;
let clock: Date;
beforeEach(() => {
  clock = new Date('2026-03-02T01:30:00Z'); // 2026-03-02 09:30 Beijing
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => clock, rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T = ExportFile>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;
const report = (placeId: string, description: string, category = 'environment') => call<{ id: string }>(I.resident, 'concern/submit', { category, description, placeId });
const text = (f: ExportFile) => Buffer.from(f.base64, 'base64').toString('utf8');
const csvLines = (f: ExportFile) => text(f).split('\r\n').filter((l) => l !== '');

describe('export/concerns', () => {
  it('writes the caller’s subtree as CSV with a BOM, formula cells neutralised and nothing about the reporter', async () => {
    const a = await report('dz-xicheng-daguo', '=HYPERLINK("http://x","点我") 村口垃圾');
    await report('dz-xinan-1', '新安的诉求');
    await call(I.daguoChair, 'concern/accept', { id: a.id });
    await call(I.daguoChair, 'concern/reply', { id: a.id, text: '-已安排清理' });
    const f = await call(I.daguoChair, 'export/concerns', { format: 'csv' });
    expect(f).toMatchObject({ mime: 'text/csv', rows: 1, filename: '诉求导出-大果经济社-2026-02-01至2026-03-02.csv' });
    expect(text(f).startsWith('\uFEFF编号,来源,类别,诉求内容,状态')).toBe(true);
    const [, row] = csvLines(f);
    expect(row).toBe(
      `${a.id},小程序,人居环境/环境卫生,"'=HYPERLINK(""http://x"",""点我"") 村口垃圾",办理中,丹灶镇 · 西城社区 · 大果经济社,大果经济社,大果网格,丹灶镇人居环境办,` +
        "2026-03-02 09:30,2026-03-02 13:30,2026-03-23 09:30,,否,,'-已安排清理",
    );
    expect(text(f)).not.toMatch(/陈阿姨|demo-resident-chen|13900000001/);
    // A village exports its own cooperatives only; the town both villages; a town admin may pick a village.
    expect((await call(I.xichengStaff, 'export/concerns', { format: 'csv' })).rows).toBe(1);
    expect((await call(I.townAdmin, 'export/concerns', { format: 'csv' })).rows).toBe(2);
    expect((await call(I.townAdmin, 'export/concerns', { format: 'csv', nodeId: 'dz-xinan' })).rows).toBe(1);
  });

  it('filters by status and by Beijing days', async () => {
    await report('dz-xicheng-daguo', '三月二日');
    clock = new Date('2026-03-04T15:59:00Z'); // 23:59 on the 4th in Beijing
    const late = await report('dz-xicheng-daguo', '三月四日深夜');
    await call(I.daguoChair, 'concern/accept', { id: late.id });
    const rows = async (q: Record<string, unknown>) => (await call(I.daguoChair, 'export/concerns', { format: 'csv', ...q })).rows;
    expect(await rows({ from: '2026-03-04', to: '2026-03-04' })).toBe(1);
    expect(await rows({ from: '2026-03-01', to: '2026-03-03' })).toBe(1);
    expect(await rows({ from: '2026-03-01', to: '2026-03-04' })).toBe(2);
    expect(await rows({ statuses: ['accepted'] })).toBe(1);
    expect(await rows({ statuses: ['resolved', 'closed'] })).toBe(0);
    expect(await codeOf(call(I.daguoChair, 'export/concerns', { format: 'csv', from: '2026-03-05', to: '2026-03-01' }))).toBe('VALIDATION.FAILED');
    expect(await codeOf(call(I.daguoChair, 'export/concerns', { format: 'csv', from: '2025-01-01', to: '2026-03-01' }))).toBe('VALIDATION.FAILED');
  });

  it('writes a workbook whose sheet reads back with text, date and number cells', async () => {
    const a = await report('dz-xicheng-daguo', '村口垃圾 & <杂物>');
    const f = await call(I.daguoChair, 'export/concerns', { format: 'xlsx' });
    expect(f.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(f.filename.endsWith('.xlsx')).toBe(true);
    const files = unzip(Buffer.from(f.base64, 'base64'));
    const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const shared = files.get('xl/sharedStrings.xml')!.toString('utf8');
    const strings = [...shared.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]);
    const cell = (ref: string) => new RegExp(`<c r="${ref}"([^>]*)><v>([^<]*)</v></c>`).exec(sheet);
    expect(strings[Number(cell('A2')![2])]).toBe(a.id);
    expect(strings[Number(cell('D2')![2])]).toBe('村口垃圾 &amp; &lt;杂物&gt;');
    // 提交时间: 2026-03-02 09:30 Beijing as a date cell.
    expect(cell('J2')![1]).toBe(' s="2"');
    expect(Number(cell('J2')![2])).toBeCloseTo(46083 + 9.5 / 24, 6);
    expect(files.get('xl/workbook.xml')!.toString('utf8')).toContain('name="诉求"');
  });

  it('keeps each caller to their own subtree', async () => {
    expect(await codeOf(call(I.daguoChair, 'export/concerns', { format: 'csv', nodeId: 'dz-xinan-1' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.daguoChair, 'export/concerns', { format: 'csv', nodeId: 'danzao' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.resident, 'export/concerns', { format: 'csv' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.envOffice, 'export/concerns', { format: 'csv', nodeId: 'danzao' }))).toBe('AUTH.FORBIDDEN');
    await report('dz-xicheng-daguo', '环境类，人居环境办协办');
    await report('dz-xicheng-daguo', '道路类，无协办', 'road');
    expect((await call(I.envOffice, 'export/concerns', { format: 'csv' })).rows).toBe(1);
  });

  it('lets an admin export the towns they oversee (adminTowns) and no other town', async () => {
    await report('dz-xicheng-daguo', '丹灶镇的诉求');
    expect(await codeOf(call(I.jiujiangAdmin, 'export/concerns', { format: 'csv', nodeId: 'danzao' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.jiujiangAdmin, 'export/concerns', { format: 'csv', nodeId: 'dz-xicheng' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.townAdmin, 'export/concerns', { format: 'csv', nodeId: 'jiujiang' }))).toBe('AUTH.FORBIDDEN');
    expect(await codeOf(call(I.townAdmin, 'export/concerns', { format: 'csv', nodeId: 'jj-dungen' }))).toBe('AUTH.FORBIDDEN');
    expect((await call(I.jiujiangAdmin, 'export/concerns', { format: 'csv' })).rows).toBe(0);
    expect((await call(I.townAdmin, 'export/concerns', { format: 'csv', nodeId: 'dz-xicheng' })).rows).toBe(1);
    expect((await call(I.districtAdmin, 'export/concerns', { format: 'csv', nodeId: 'danzao' })).rows).toBe(1);
    expect((await call(I.districtAdmin, 'export/concerns', { format: 'csv', nodeId: 'jiujiang' })).rows).toBe(0);
  });

  it('refuses more than 5,000 rows rather than cutting the file short, and is audited', async () => {
    const { id } = await report('dz-xicheng-daguo', '路边一条沟渠堵了');
    const c = (await rt.store.concerns.get(id))!;
    await rt.store.concerns.createMany(Array.from({ length: 5000 }, (_, i) => ({ concern: { ...c, id: `copy${i}`, requestId: null }, events: [], notifications: [] })));
    expect(await codeOf(call(I.daguoChair, 'export/concerns', { format: 'csv' }))).toBe('EXPORT.TOO_LARGE');
    const audit = rt.store.db.prepare("SELECT actor_openid, outcome FROM audit_log WHERE action = 'export/concerns'").all();
    expect(audit).toEqual([{ actor_openid: I.daguoChair, outcome: 'EXPORT.TOO_LARGE' }]);
  });
});

describe('export/rates', () => {
  it('writes the monthly rates table with percentages, as CSV and as a workbook', async () => {
    const a = await report('dz-xicheng-daguo', '巷口垃圾堆积');
    await report('dz-xinan-1', '路边杂物堆放');
    clock = new Date('2026-03-02T02:00:00Z');
    await call(I.daguoChair, 'concern/accept', { id: a.id });
    await call(I.daguoChair, 'concern/resolve', { id: a.id, text: '好了' });
    const csv = await call(I.townAdmin, 'export/rates', { format: 'csv', months: 1 });
    expect(csv.filename).toBe('办理统计-丹灶镇-2026-03.csv');
    const lines = csvLines(csv);
    expect(lines[0]).toBe('\uFEFF月份,单位,层级,诉求数,按时签收,已判定签收,响应率,已办结,解决率,已评价,满意或基本满意,满意率,超期,转出');
    expect(lines[1]).toBe('2026-03,丹灶镇,镇,2,1,1,100.0%,1,50.0%,0,0,,0,0');
    expect(lines.slice(2).map((l) => l.split(',').slice(1, 4).join(','))).toEqual(['西城社区,村（社区）,1', '新安社区,村（社区）,1']) // children in tree order, as on the dashboard;

    const x = await call(I.townAdmin, 'export/rates', { format: 'xlsx', months: 1 });
    const sheet = unzip(Buffer.from(x.base64, 'base64')).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<c r="D2"><v>2</v></c>');
    expect(sheet).toContain('<c r="I2" s="3"><v>0.5</v></c>');
    expect(sheet).not.toContain('r="L2"'); // no ratings yet: an empty cell, not 0%
  });

  it('counts in 转出 what each unit passed on (转派, 上报, 退回), beside the rates', async () => {
    const moved = await report('dz-xicheng-daguo', '河涌漂浮垃圾');
    await call(I.daguoChair, 'concern/transfer', { id: moved.id, nodeId: 'dz-xinan-1', reason: '属于新安第一经济社' });
    const lines = csvLines(await call(I.townAdmin, 'export/rates', { format: 'csv', months: 1 }));
    const byUnit = new Map(lines.slice(1).map((l) => [l.split(',')[1], l.split(',')]));
    expect(byUnit.get('丹灶镇')?.slice(3, 4)).toEqual(['1']);
    expect(byUnit.get('西城社区')?.at(-1)).toBe('1');
    expect(byUnit.get('新安社区')?.at(-1)).toBe('0');
    const mine = csvLines(await call(I.daguoChair, 'export/rates', { format: 'csv', months: 1 }));
    expect(mine[1].split(',').slice(1, 2).concat(mine[1].split(',').slice(-1))).toEqual(['大果经济社', '1']);
  });

  it('is for staff, offices and admins', async () => {
    expect(await codeOf(call(I.resident, 'export/rates', { format: 'csv' }))).toBe('AUTH.FORBIDDEN');
    expect((await call(I.envOffice, 'export/rates', { format: 'csv', months: 2 })).rows).toBe(2);
  });
});
