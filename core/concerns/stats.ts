/**
 * Dashboard rates per month for the viewer's own node and its children: 响应率 (accepted within the
 * acknowledge clock), 解决率, 满意率 and 超期 counts. Rows are per grid node in tree order, never per person:
 * the product ranks no staff member by clock-ins or online time. A concern counts where it is now, except
 * that its 响应 counts at the node that accepted it (or held it when the clock ran out) and its 办结 at the
 * node that resolved it (`ConcernSla.acceptedBy` / `resolvedBy`, grouped so by the store); and as 转出
 * (passed on) for each node that held it before: the work a node did stays on its row.
 */
import type { ConcernCtx } from './concern-ctx';
import { routeNodesOf } from './concern-inbox';
import { AppError } from '../errors';
import type { GridNode } from '../model';
import type { RateCounts } from '../ports';
import type { ParsedInputOf } from '../schemas';
import type { RateRow, RatesView } from '../views';
import { beijingMonthKey } from '../beijing';

const DEFAULT_MONTHS = 6;

/** YYYY-MM of an instant in Beijing time. */
export function monthOf(iso: string): string {
  return beijingMonthKey(iso);
}

/** `n` months ending with `last`, newest first. */
export function monthsBack(last: string, n: number): string[] {
  const [y, m] = last.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const k = y * 12 + (m - 1) - i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

type Sums = Omit<RateCounts, 'month' | 'townId' | 'villageId' | 'cooperativeId' | 'gridId'>;
const ZERO: Sums = { total: 0, responseDecided: 0, respondedInTime: 0, resolved: 0, rated: 0, satisfied: 0, overdue: 0 };

function add(a: Sums, b: Sums): Sums {
  return {
    total: a.total + b.total,
    responseDecided: a.responseDecided + b.responseDecided,
    respondedInTime: a.respondedInTime + b.respondedInTime,
    resolved: a.resolved + b.resolved,
    rated: a.rated + b.rated,
    satisfied: a.satisfied + b.satisfied,
    overdue: a.overdue + b.overdue,
  };
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

function row(month: string, nodeId: string, name: string, kind: RateRow['kind'], s: Sums, passedOn = 0): RateRow {
  return {
    month,
    nodeId,
    name,
    kind,
    ...s,
    passedOn,
    responseRate: ratio(s.respondedInTime, s.responseDecided),
    resolveRate: ratio(s.resolved, s.total),
    satisfactionRate: ratio(s.satisfied, s.rated),
  };
}

/** Which child of a node of this kind a counts row falls under; null when handled at the node itself. */
function childKey(kind: GridNode['kind'], r: RateCounts): string | null {
  switch (kind) {
    case 'district':
      return r.townId;
    case 'town':
      return r.villageId;
    case 'village':
      return r.cooperativeId ?? r.gridId;
    case 'cooperative':
      return r.gridId;
    default:
      return null;
  }
}

export async function rates(ctx: ConcernCtx, input: ParsedInputOf<'stats/rates'>): Promise<RatesView> {
  const { caller } = ctx;
  if (caller.role === 'resident' || caller.nodeId === null) throw new AppError('AUTH.FORBIDDEN', 'the dashboard is for staff');
  const snap = await ctx.directory.current();
  const months = monthsBack(input.month ?? monthOf(ctx.deps.now().toISOString()), input.months ?? DEFAULT_MONTHS);
  const span = { fromMonth: months[months.length - 1], toMonth: months[0] };
  const repo = ctx.deps.store.concerns;

  if (caller.role === 'office') {
    const office = snap.officeById.get(caller.nodeId);
    const counts = await repo.rateCounts({ ...span, officeId: caller.nodeId });
    const name = office?.name ?? caller.nodeId;
    const rows = months.map((m) => row(m, caller.nodeId!, name, 'office', counts.filter((c) => c.month === m).reduce(add, ZERO)));
    return { node: { id: caller.nodeId, name, kind: 'office' }, months, rows };
  }

  const node = snap.grid.get(caller.nodeId);
  if (!node) throw new AppError('AUTH.FORBIDDEN', `staff node ${caller.nodeId} is not in the grid`);
  const children = snap.grid.children(node.id);
  const [counts, passed] = await Promise.all([
    Promise.all(routeNodesOf(snap, node.id).map((n) => repo.rateCounts({ ...span, node: n }))).then((xs) => xs.flat()),
    repo.passedOnCounts({ ...span, nodeIds: [node.id, ...children.map((c) => c.id)] }),
  ]);
  const passedOn = (m: string, id: string) => passed.find((p) => p.month === m && p.nodeId === id)?.count ?? 0;
  const rows: RateRow[] = [];
  for (const m of months) {
    const inMonth = counts.filter((c) => c.month === m);
    rows.push(row(m, node.id, node.name, node.kind, inMonth.reduce(add, ZERO), passedOn(m, node.id)));
    for (const child of children) {
      const mine = inMonth.filter((c) => childKey(node.kind, c) === child.id);
      const out = passedOn(m, child.id);
      if (mine.length > 0 || out > 0) rows.push(row(m, child.id, child.name, child.kind, mine.reduce(add, ZERO), out));
    }
    const direct = inMonth.filter((c) => childKey(node.kind, c) === null);
    if (node.kind !== 'grid' && direct.length > 0) rows.push(row(m, node.id, `${node.name}（直接办理）`, 'direct', direct.reduce(add, ZERO)));
  }
  return { node: { id: node.id, name: node.name, kind: node.kind }, months, rows };
}
