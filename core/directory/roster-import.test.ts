import { GridIndex } from './grid';
import type { StaffMember } from '../model';
import { parseCsv, planRosterImport } from './roster-import';
import { NODES, OFFICES } from '../test-grid';

const grid = new GridIndex(NODES);
const ROSTER: StaffMember[] = [
  { openid: 'o-t1', name: '甲', role: 'staff', nodeId: 'c1', phone: '13800000001' },
  { openid: 'o-t2', name: '乙', role: 'staff', nodeId: 'v3', phone: '13800000002' },
];
const plan = (csv: string, scope = 't1') => planRosterImport(grid, OFFICES, ROSTER, scope, csv);

describe('parsing CSV', () => {
  it('handles quotes, escaped quotes, CRLF, a BOM and blank lines, keeping line numbers', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, y","say ""hi"""\r\n\r\nc,d\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['c', 'd'] },
    ]);
  });
});

describe('checking a roster import', () => {
  it('adds people by openid and keeps people known only by phone pending', () => {
    const r = plan('openid,phone,name,role,node\no-new,,新网格员,staff,c1-ga\n,13900000009,待绑定,staff,v2\n,,,,\n,13700000001,周主任,office,t1-env');
    expect(r).toEqual({
      ok: true,
      plan: {
        staff: [{ openid: 'o-new', name: '新网格员', role: 'staff', nodeId: 'c1-ga', phone: null }],
        pending: [
          { phone: '13900000009', name: '待绑定', role: 'staff', nodeId: 'v2' },
          { phone: '13700000001', name: '周主任', role: 'office', nodeId: 't1-env' },
        ],
      },
    });
  });

  it('updates the person a known phone belongs to', () => {
    const r = plan('name,role,node,openid,phone\n甲组长,staff,c1-gb,,13800000001');
    expect(r.ok && r.plan.staff).toEqual([{ openid: 'o-t1', name: '甲组长', role: 'staff', nodeId: 'c1-gb', phone: '13800000001' }]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['a missing column', 'openid,name,role,node\no,a,staff,c1', /表头缺少列：phone/],
    ['no rows', 'openid,phone,name,role,node', /至少一行/],
    ['neither openid nor phone', 'openid,phone,name,role,node\n,,某人,staff,c1', /至少填一项/],
    ['a bad phone', 'openid,phone,name,role,node\n,12345,某人,staff,c1', /11 位/],
    ['an unknown role', 'openid,phone,name,role,node\no1,,某人,boss,c1', /角色须为/],
    ['an unknown node', 'openid,phone,name,role,node\no1,,某人,staff,nowhere', /没有编号为 nowhere/],
    ['a node of another town', 'openid,phone,name,role,node\no1,,某人,staff,v3', /不在您管理的范围内/],
    ['an office of another town', 'openid,phone,name,role,node\no1,,某人,office,t2-env', /不在您管理的范围内/],
    ['a person serving elsewhere', 'openid,phone,name,role,node\no-t2,,乙,staff,c1', /管理范围之外任职/],
    ['the same person twice', 'openid,phone,name,role,node\no1,,某人,staff,c1\no1,,某人,staff,c2', /与第 2 行是同一人/],
    ['a blank name', 'openid,phone,name,role,node\no1,,,staff,c1', /姓名不能为空/],
  ];
  it.each(bad)('refuses %s', (_name, csv, problem) => {
    const r = plan(csv);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message).join('\n')).toMatch(problem);
  });

  it('reports each bad line by its line number', () => {
    const r = plan('openid,phone,name,role,node\no1,,好人,staff,c1\no2,,坏人,boss,c1\no3,,,staff,c1');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.line)).toEqual([3, 4]);
  });
});
