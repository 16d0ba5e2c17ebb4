/**
 * Exports for the town office (`export/concerns`, `export/rates`): CSV (UTF-8 with BOM, formula cells
 * neutralised) or an .xlsx workbook, returned as `{filename, mime, base64}`. Staff export only their own
 * subtree (an office: the concerns it co-handles); an admin any place of the towns they oversee, by the same
 * rule as moderation, feedback and the audit log (`oversees`, core/scope.ts). Nothing personal: no reporter name, phone or
 * openid, no photos.
 */
import { ratesWithVolunteers } from '../volunteers/action-stats';
import { releasedText } from '../trust/content';
import type { ConcernCtx } from './concern-ctx';
import { routeNodesOf } from './concern-inbox';
import { toCsv, type CsvCell } from '../csv';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import { agencyOf } from '../open311/open311';
import type { ConcernSearch } from '../ports';
import { LIMITS, type ParsedInputOf } from '../schemas';
import { oversees } from '../scope';
import type { ExportFile } from '../views';
import { buildXlsx, XLSX_MIME, type XlsxCell } from '../xlsx';
import { RATING_TEXT, SOURCE_TEXT, STATUS_TEXT } from '../labels';
import { toBase64, utf8 } from '../zip';
import { beijingDate, beijingDayStart, beijingTime } from '../beijing';

const KIND_TEXT: Readonly<Record<string, string>> = { district: '区', town: '镇', village: '村（社区）', cooperative: '经济社', grid: '网格', office: '职能办', direct: '直接办理' };

const DAY_MS = 86_400_000;

/** Today in Beijing time, YYYY-MM-DD. */
function beijingDay(at: Date): string {
  return beijingDate(at);
}
/** The first instant of a Beijing day, as stored (UTC ISO). */
function dayStart(day: string): string {
  return beijingDayStart(day);
}
function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}
/** Beijing wall-clock text of an instant, for CSV cells. */
function beijingText(iso: string | null): string | null {
  return iso === null ? null : beijingTime(iso, true);
}

type Cell = string | number | null | { date: string | null } | { percent: number | null };

/** Renders a table both ways: dates and percents as real cells in .xlsx, as text in CSV. */
function file(ctx: ConcernCtx, name: string, sheet: string, rows: Cell[][], widths: number[], format: 'csv' | 'xlsx'): ExportFile {
  if (format === 'csv') {
    const csv = rows.map((r) =>
      r.map((c): CsvCell => {
        if (c === null || typeof c === 'string' || typeof c === 'number') return c;
        if ('date' in c) return beijingText(c.date);
        return c.percent === null ? null : `${(c.percent * 100).toFixed(1)}%`;
      }),
    );
    return { filename: `${name}.csv`, mime: 'text/csv', base64: toBase64(utf8(toCsv(csv))), rows: rows.length - 1 };
  }
  const cells = rows.map((r) =>
    r.map((c): XlsxCell => {
      if (c === null || typeof c === 'string' || typeof c === 'number') return c;
      if ('date' in c) return c.date === null ? null : { date: c.date };
      return c.percent === null ? null : { percent: c.percent };
    }),
  );
  const bytes = buildXlsx([{ name: sheet, rows: cells, widths }], { deflateRaw: ctx.deps.deflateRaw });
  return { filename: `${name}.xlsx`, mime: XLSX_MIME, base64: toBase64(bytes), rows: rows.length - 1 };
}

/** Which concerns the caller may export, and the name of that scope. */
function scopeOf(ctx: ConcernCtx, snap: DirectorySnapshot, nodeId: string | undefined): { q: Pick<ConcernSearch, 'nodes' | 'officeId'>; name: string } {
  const { caller } = ctx;
  if (caller.role === 'resident' || caller.role === 'leader' || caller.nodeId === null) throw new AppError('AUTH.FORBIDDEN', 'exports are for staff');
  if (caller.role === 'office') {
    if (nodeId !== undefined && nodeId !== caller.nodeId) throw new AppError('AUTH.FORBIDDEN', 'an office exports the concerns it co-handles');
    return { q: { officeId: caller.nodeId }, name: snap.officeById.get(caller.nodeId)?.name ?? caller.nodeId };
  }
  const target = nodeId ?? caller.nodeId;
  const node = snap.grid.get(target);
  const allowed = caller.role === 'admin' ? oversees(snap, caller, target) : snap.grid.get(caller.nodeId) !== undefined && snap.grid.isWithin(target, caller.nodeId);
  if (!node || !allowed) throw new AppError('AUTH.FORBIDDEN', `node ${target} is not in the caller's scope`);
  return { q: { nodes: routeNodesOf(snap, node.id) }, name: node.name };
}

export async function exportConcerns(ctx: ConcernCtx, input: ParsedInputOf<'export/concerns'>): Promise<ExportFile> {
  const snap = await ctx.directory.current();
  const { q, name } = scopeOf(ctx, snap, input.nodeId);
  const to = input.to ?? beijingDay(ctx.deps.now());
  const from = input.from ?? addDays(to, -29);
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1 || days > LIMITS.exportDaysMax) throw new AppError('VALIDATION.FAILED', `from..to must be 1–${LIMITS.exportDaysMax} days`, [{ path: 'from', message: 'bad range' }]);
  const search: ConcernSearch = { ...q, createdFrom: dayStart(from), createdTo: dayStart(addDays(to, 1)) };
  if (input.statuses) search.statuses = input.statuses;
  const found = await ctx.deps.store.concerns.search(search, LIMITS.exportRowsMax + 1);
  if (found.length > LIMITS.exportRowsMax) throw new AppError('EXPORT.TOO_LARGE', `more than ${LIMITS.exportRowsMax} concerns match`);
  const [replies, cats] = await Promise.all([ctx.deps.store.concerns.latestReplies(found.map((c) => c.id)), ctx.deps.store.directory.listCategories()]);
  const catName = new Map(cats.map((c) => [`${c.townId}/${c.code}`, c.name]));
  const nodeName = (id: string | null) => (id === null ? null : snap.grid.get(id)?.name ?? id);
  const header: Cell[] = ['编号', '来源', '类别', '诉求内容', '状态', '位置', '承办单位', '网格', '协办职能办', '提交时间', '签收时限', '办结时限', '办结时间', '是否超期', '评价', '最新答复'];
  const rows: Cell[][] = [
    header,
    ...found.map((c): Cell[] => [
      c.id,
      SOURCE_TEXT[c.source],
      catName.get(`${c.route.townId}/${c.category}`) ?? c.category,
      releasedText(c.description, c.moderation),
      STATUS_TEXT[c.status],
      snap.grid.placeName(c.placeId),
      agencyOf(snap, c),
      nodeName(c.route.gridId),
      c.route.coOfficeId === null ? null : snap.officeById.get(c.route.coOfficeId)?.name ?? c.route.coOfficeId,
      { date: c.createdAt },
      { date: c.sla.ackDueAt },
      { date: c.sla.resolveDueAt },
      { date: c.sla.resolvedAt },
      c.sla.overdue ? '是' : '否',
      c.rating ? RATING_TEXT[c.rating.value] : null,
      replies.get(c.id)?.text ?? null,
    ]),
  ];
  const widths = [22, 10, 16, 48, 8, 28, 16, 14, 18, 17, 17, 17, 17, 8, 8, 40];
  return file(ctx, `诉求导出-${name}-${from}至${to}`, '诉求', rows, widths, input.format);
}

export async function exportRates(ctx: ConcernCtx, input: ParsedInputOf<'export/rates'>): Promise<ExportFile> {
  const view = await ratesWithVolunteers(ctx, { month: input.month, months: input.months });
  const header: Cell[] = ['月份', '单位', '层级', '诉求数', '按时签收', '已判定签收', '响应率', '已办结', '解决率', '已评价', '满意或基本满意', '满意率', '超期', '转出'];
  const rows: Cell[][] = [
    header,
    ...view.rows.map((r): Cell[] => [
      r.month,
      r.name,
      KIND_TEXT[r.kind] ?? r.kind,
      r.total,
      r.respondedInTime,
      r.responseDecided,
      { percent: r.responseRate },
      r.resolved,
      { percent: r.resolveRate },
      r.rated,
      r.satisfied,
      { percent: r.satisfactionRate },
      r.overdue,
      // Issue 16: concerns this unit passed on (转派, 上报, 退回), as 办理统计 shows them.
      r.passedOn,
    ]),
  ];
  // The volunteer numbers of the same months (issue 20), below the rates.
  if (view.volunteer.length > 0) {
    rows.push([], ['月份', '村居', '志愿行动（由诉求发起）', '经志愿行动办结的诉求', '志愿服务时长（小时）', '积分发放', '积分兑换']);
    for (const v of view.volunteer) rows.push([v.month, v.villageName, v.actionsStarted, v.concernsResolvedByAction, Math.round((v.volunteerMinutes / 60) * 10) / 10, v.pointsEarned, v.pointsRedeemed]);
  }
  const span = view.months.length === 1 ? view.months[0] : `${view.months[view.months.length - 1]}至${view.months[0]}`;
  return file(ctx, `办理统计-${view.node.name}-${span}`, '办理统计', rows, [10, 22, 12, 8, 10, 10, 10, 8, 10, 8, 14, 10, 8, 8], input.format);
}
