/**
 * Checks a staff roster CSV (header `openid,phone,name,role,node`, in any column order) against the
 * grid and the current roster, and turns it into a plan the store applies in one transaction. Pure.
 * A file with any problem yields every problem, line by line, and no plan.
 *
 * A row names a person by openid, or by phone when the openid is not known yet: such a row waits in
 * the pending roster and is bound to the first WeChat user whose phone matches. Rows add or update
 * people; nobody is removed by an import.
 */
import type { ImportProblem, ImportResult } from './boundary-import';
import type { GridIndex } from './grid';
import type { Office, StaffMember } from '../model';
import { TEXT_PROBLEM_TEXT, textProblem } from '../text';

export interface PendingStaff {
  phone: string;
  name: string;
  role: StaffMember['role'];
  nodeId: string;
}

/** Who a removed roster member was, kept when they leave so their history keeps its name (issue 19). */
export interface DepartedStaff extends StaffMember {
  /** One record per removal: a person removed, added back and removed again has two. */
  id: string;
  removedAt: string;
  /** The admin's openid. */
  removedBy: string;
}

export interface RosterImportPlan {
  staff: StaffMember[];
  pending: PendingStaff[];
}

/** `rows`: what one import applies within the concern function's 60 s on CloudBase (server/cloudbase-import-limits.test.ts). */
export const ROSTER_LIMITS = { rows: 1000, nameMax: 32, bytes: 200_000 } as const;

const OPENID = /^[A-Za-z0-9_-]{1,64}$/;
const PHONE = /^1\d{10}$/;
const ROLES = ['staff', 'office', 'admin'] as const;
const COLUMNS = ['openid', 'phone', 'name', 'role', 'node'] as const;

/** Splits CSV text into rows of fields (RFC 4180 quoting; CRLF or LF), each with its 1-based line number. */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const rows: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRow = () => {
    fields.push(field);
    // Blank lines, and lines of empty cells as spreadsheets export them, are not rows.
    if (fields.some((f) => f.trim() !== '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** One roster row, as a file line or the admin's form gives it (fields trimmed; empty means not given). */
export interface RosterRow {
  line: number;
  openid: string;
  phone: string;
  name: string;
  role: string;
  node: string;
}

export function planRosterImport(
  grid: GridIndex,
  offices: readonly Office[],
  roster: readonly StaffMember[],
  scopeNodeId: string,
  csv: string,
): ImportResult<RosterImportPlan> {
  if (csv.length > ROSTER_LIMITS.bytes) return { ok: false, problems: [{ line: 0, ref: null, message: '文件过大' }] };
  const rows = parseCsv(csv);
  if (rows.length < 2) return { ok: false, problems: [{ line: 0, ref: null, message: '文件需有表头行和至少一行人员' }] };
  if (rows.length - 1 > ROSTER_LIMITS.rows) return { ok: false, problems: [{ line: 0, ref: null, message: `一次最多导入 ${ROSTER_LIMITS.rows} 人` }] };
  const header = rows[0].fields.map((h) => h.trim().toLowerCase());
  const col = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const missing = COLUMNS.filter((c) => col[c] < 0);
  if (missing.length > 0) return { ok: false, problems: [{ line: rows[0].line, ref: null, message: `表头缺少列：${missing.join(', ')}（需要 ${COLUMNS.join(',')}）` }] };
  const records = rows.slice(1).map(({ line, fields }): RosterRow => {
    const get = (c: (typeof COLUMNS)[number]) => (fields[col[c]] ?? '').trim();
    return { line, openid: get('openid'), phone: get('phone'), name: get('name'), role: get('role'), node: get('node') };
  });
  return planRosterRows(grid, offices, roster, scopeNodeId, records);
}

/** Whether a roster member serves inside the subtree of `scopeNodeId` (an office: its town). */
export function staffWithin(grid: GridIndex, officeById: ReadonlyMap<string, Office>, m: Pick<StaffMember, 'role' | 'nodeId'>, scopeNodeId: string): boolean {
  const place = m.role === 'office' ? officeById.get(m.nodeId)?.townId ?? '' : m.nodeId;
  return grid.get(place) !== undefined && grid.isWithin(place, scopeNodeId);
}

/** Checks roster rows (a file's, or the one person of the admin's form) and plans them; every problem, or the plan. */
export function planRosterRows(
  grid: GridIndex,
  offices: readonly Office[],
  roster: readonly StaffMember[],
  scopeNodeId: string,
  records: readonly RosterRow[],
): ImportResult<RosterImportPlan> {
  const problems: ImportProblem[] = [];
  const fail = (line: number, ref: string | null, message: string) => void problems.push({ line, ref, message });
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const byOpenid = new Map(roster.map((m) => [m.openid, m]));
  const byPhone = new Map(roster.filter((m) => m.phone !== null).map((m) => [m.phone as string, m]));
  const inScope = (nodeId: string) => grid.get(nodeId) !== undefined && grid.isWithin(nodeId, scopeNodeId);
  const seen = new Map<string, number>();
  const plan: RosterImportPlan = { staff: [], pending: [] };

  for (const { line, phone, name, role, node, ...row } of records) {
    let openid = row.openid;
    const ref = openid || phone || name || null;
    const before = problems.length;
    if (openid && !OPENID.test(openid)) fail(line, ref, 'openid 格式无效');
    if (phone && !PHONE.test(phone)) fail(line, ref, '手机号须为 11 位数字');
    if (!openid && !phone) fail(line, ref, 'openid 和手机号至少填一项');
    if (!name) fail(line, ref, '姓名不能为空');
    else if ([...name].length > ROSTER_LIMITS.nameMax) fail(line, ref, `姓名不能超过 ${ROSTER_LIMITS.nameMax} 字`);
    const nameProblem = textProblem(name);
    if (nameProblem) fail(line, ref, `姓名${TEXT_PROBLEM_TEXT[nameProblem]}`);
    if (!(ROLES as readonly string[]).includes(role)) fail(line, ref, `角色须为 ${ROLES.join(' / ')}，而不是「${role}」`);
    else if (role === 'office') {
      const office = officeById.get(node);
      if (!office) fail(line, ref, `没有编号为 ${node} 的镇职能办`);
      else if (!inScope(office.townId)) fail(line, ref, `${office.name}不在您管理的范围内`);
    } else if (!grid.get(node)) fail(line, ref, `没有编号为 ${node} 的网格节点`);
    else if (!inScope(node)) fail(line, ref, `节点 ${node} 不在您管理的范围内`);
    else if (grid.get(node)!.retiredAt !== undefined) fail(line, ref, `节点 ${node} 已撤销，不能再安排人员`);
    if (problems.length > before) continue;

    // A phone that already belongs to someone on the roster updates that person.
    if (!openid && byPhone.has(phone)) openid = byPhone.get(phone)!.openid;
    const key = openid ? `o:${openid}` : `p:${phone}`;
    const prior = seen.get(key) ?? (phone ? seen.get(`p:${phone}`) : undefined);
    if (prior !== undefined) {
      fail(line, ref, `与第 ${prior} 行是同一人`);
      continue;
    }
    seen.set(key, line);
    if (phone) seen.set(`p:${phone}`, line);
    const existing = openid ? byOpenid.get(openid) : undefined;
    if (existing && !staffWithin(grid, officeById, existing, scopeNodeId)) {
      fail(line, ref, `此人已在您管理范围之外任职（${existing.nodeId}），请联系上级管理员`);
      continue;
    }
    const r = role as StaffMember['role'];
    if (openid) plan.staff.push({ openid, name, role: r, nodeId: node, phone: phone || existing?.phone || null });
    else plan.pending.push({ phone, name, role: r, nodeId: node });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, plan };
}
