/**
 * Import of 12345 hotline tickets from a CSV file (admin, `concern/importHotline`). Header, in any column
 * order: `ticket,category,description,lat,lng,address,media_url` and, for a district admin, `town`
 * (town id or name). Each row is routed and clocked exactly as an in-app report (planSubmission) with
 * source `12345`; its reporter is the hotline's pseudo-resident `open311-12345`, the same as the Open311
 * client system with id `12345`, so a ticket that arrives both ways is stored once.
 *
 * The file is checked whole: any problem refuses it with IMPORT.INVALID and a line-by-line report, and
 * nothing is written; otherwise every new ticket is stored in one atomic step (ConcernRepo.createMany).
 * Tickets already stored are skipped, so importing the same file twice changes nothing.
 */
import { planSubmission, type Submission } from './concern-intake';
import type { ConcernCtx } from './concern-ctx';
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { ImportProblem } from '../directory/boundary-import';
import type { GridNode } from '../model';
import { OPEN311_LIMITS, placeFromAddress, pseudoResident, ticketRequestId, TICKET_RE } from '../open311/open311';
import type { NewConcern } from '../ports';
import { parseCsv } from '../directory/roster-import';
import { adminTowns } from '../scope';
import { TEXT_PROBLEM_TEXT, textProblem } from '../text';
import { LIMITS, type ParsedInputOf } from '../schemas';
import type { HotlineImportView } from '../views';

/** The district hotline's client system; its pseudo-resident reports every imported ticket. */
export const HOTLINE_CLIENT = { id: '12345', name: '12345热线' } as const;

const COLUMNS = ['ticket', 'category', 'description', 'lat', 'lng', 'address', 'media_url', 'town'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['ticket', 'category', 'description'];

/** The towns an admin imports into: the towns they oversee (`adminTowns`), every town of the district for a district admin. */
function importTowns(ctx: ConcernCtx, snap: DirectorySnapshot): GridNode[] {
  const towns = adminTowns(snap, ctx.caller);
  const nodes = towns === null ? snap.grid.children(ctx.caller.nodeId!).filter((n) => n.kind === 'town') : towns.map((id) => snap.grid.get(id)!);
  if (nodes.length === 0) throw new AppError('AUTH.FORBIDDEN', 'hotline imports are for town and district admins');
  return nodes;
}

export async function importHotline(ctx: ConcernCtx, input: ParsedInputOf<'concern/importHotline'>): Promise<HotlineImportView> {
  const snap = await ctx.directory.current();
  const towns = importTowns(ctx, snap);
  const rows = parseCsv(input.csv);
  const problems: ImportProblem[] = [];
  const problem = (line: number, ref: string | null, message: string) => problems.push({ line, ref, message });
  const refuse = () => new AppError('IMPORT.INVALID', `${problems.length} problem(s) in the hotline file`, problems);

  const [head, ...body] = rows;
  if (!head) {
    problem(1, null, '文件是空的：第一行应为表头 ticket,category,description,lat,lng,address,media_url');
    throw refuse();
  }
  const col = new Map<Column, number>();
  head.fields.forEach((f, i) => {
    const name = f.trim().toLowerCase() as Column;
    if (!COLUMNS.includes(name)) problem(head.line, f, `未知的列“${f}”`);
    else if (col.has(name)) problem(head.line, f, `列“${f}”重复`);
    else col.set(name, i);
  });
  for (const c of REQUIRED) if (!col.has(c)) problem(head.line, c, `缺少必填列“${c}”`);
  if (body.length === 0) problem(head.line, null, '文件里没有工单');
  if (body.length > LIMITS.hotlineRowsMax) problem(head.line, null, `一次最多导入 ${LIMITS.hotlineRowsMax} 张工单，请分批导入`);
  if (problems.length > 0) throw refuse();

  const caller = await pseudoResident(ctx, HOTLINE_CLIENT);
  const rowCtx: ConcernCtx = { deps: ctx.deps, directory: ctx.directory, caller };
  const seen = new Set<string>();
  const plans: Array<{ line: number; ticket: string; plan: NewConcern }> = [];
  for (const row of body) {
    const get = (c: Column) => (col.has(c) ? (row.fields[col.get(c)!] ?? '').trim() : '');
    const ticket = get('ticket');
    const before = problems.length;
    if (!TICKET_RE.test(ticket)) problem(row.line, ticket || null, '工单号应为 1–40 位字母、数字或连字符');
    else if (seen.has(ticket)) problem(row.line, ticket, '工单号在文件中重复');
    seen.add(ticket);

    let town: GridNode | undefined = towns.length === 1 ? towns[0] : undefined;
    const townRef = get('town');
    if (townRef !== '') {
      town = towns.find((t) => t.id === townRef || t.name === townRef);
      if (!town) problem(row.line, ticket, `镇“${townRef}”不在您的管辖范围内`);
    } else if (!town) problem(row.line, ticket, '区级导入请在 town 列填写镇');

    const description = get('description');
    if (description === '') problem(row.line, ticket, '诉求内容不能为空');
    else if ([...description].length > OPEN311_LIMITS.descriptionMax) problem(row.line, ticket, `诉求内容不能超过 ${OPEN311_LIMITS.descriptionMax} 字`);
    const descriptionProblem = textProblem(description);
    if (descriptionProblem) problem(row.line, ticket, `诉求内容${TEXT_PROBLEM_TEXT[descriptionProblem]}`);
    const [latText, lngText, address, media] = [get('lat'), get('lng'), get('address'), get('media_url')];
    const lat = latText === '' ? null : Number(latText);
    const lng = lngText === '' ? null : Number(lngText);
    if ((lat === null) !== (lng === null)) problem(row.line, ticket, 'lat 和 lng 要同时填写');
    else if (lat !== null && lng !== null && !(Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) problem(row.line, ticket, '经纬度不是有效数字');
    if (lat === null && address === '') problem(row.line, ticket, '请填写经纬度或地址');
    if ([...address].length > OPEN311_LIMITS.addressMax) problem(row.line, ticket, `地址不能超过 ${OPEN311_LIMITS.addressMax} 字`);
    const addressProblem = textProblem(address);
    if (addressProblem) problem(row.line, ticket, `地址${TEXT_PROBLEM_TEXT[addressProblem]}`);
    if (media !== '' && (media.length > OPEN311_LIMITS.mediaUrlMax || !/^https?:\/\/[^\s"<>]+$/i.test(media))) problem(row.line, ticket, 'media_url 应为 http(s) 链接');
    if (problems.length > before || !town) continue;

    const sub: Submission = { category: get('category'), description, photos: media ? [media] : [], requestId: ticketRequestId(ticket) };
    if (lat !== null && lng !== null) {
      sub.location = { lat, lng };
      const located = snap.where.locate(sub.location);
      if (located.townId !== null && located.townId !== town.id) {
        problem(row.line, ticket, `经纬度位于${snap.grid.get(located.townId)?.name ?? located.townId}，不在${town.name}`);
        continue;
      }
      if (located.townId === null && !snap.where.townsCovered) sub.placeId = address ? placeFromAddress(snap, town.id, address) : town.id;
    } else {
      sub.placeId = placeFromAddress(snap, town.id, address);
    }
    try {
      plans.push({ line: row.line, ticket, plan: await planSubmission(rowCtx, snap, sub, { source: '12345', note: `12345工单 ${ticket}${address ? `；地址：${address}` : ''}` }) });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const text: Record<string, string> = {
        'CATEGORY.UNKNOWN': `类别“${sub.category}”不是${town.name}的诉求类别`,
        'GRID.OUTSIDE_AREA': '经纬度不在本平台服务的镇街范围内',
      };
      problem(row.line, ticket, text[e.code] ?? e.message);
    }
  }
  if (problems.length > 0) throw refuse();

  // A ticket is unique per source and town: one that another town already took stays that town's. The
  // file is refused (never answered with the other town's concern, never written in part).
  const taken = await ctx.deps.store.concerns.byRequests(caller.openid, plans.map((p) => ticketRequestId(p.ticket)));
  const townOfTicket = new Map(taken.map((c) => [c.requestId, c.route.townId]));
  for (const p of plans) {
    const other = townOfTicket.get(ticketRequestId(p.ticket));
    if (other !== undefined && other !== p.plan.concern.route.townId) problem(p.line, p.ticket, `工单号已由${snap.grid.get(other)?.name ?? other}受理，不能导入到本镇`);
  }
  if (problems.length > 0) throw refuse();

  const { created, existing } = await ctx.deps.store.concerns.createMany(plans.map((p) => p.plan));
  const byRequest = new Map<string | null, { id: string; created: boolean }>();
  for (const c of created) byRequest.set(c.requestId, { id: c.id, created: true });
  for (const c of existing) byRequest.set(c.requestId, { id: c.id, created: false });
  return {
    created: created.length,
    existing: existing.length,
    items: plans.map(({ ticket }) => ({ ticket, ...byRequest.get(ticketRequestId(ticket))! })),
  };
}
