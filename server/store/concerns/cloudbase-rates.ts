/**
 * CloudBase `rateCounts`: three aggregations, one per credited part (see ../rate-credit.ts), each led by
 * the same indexed `$match` — the node's level field with createdAt, or (`_.or`) pastNodeIds with createdAt,
 * so a node that accepted or resolved a concern and passed it on still finds it. Each then projects the
 * route the part is credited to (`sla.acceptedBy` / `sla.resolvedBy`, else the current route), keeps the
 * rows credited under the node and groups by month and that route. An office's counts are its co-handled
 * concerns, all kept.
 */
import { beijingMonthSpan } from '../../../core/beijing';
import type { RateCounts, RateQuery } from '../../../core/ports';
import { CREDIT_KEY, mergeRateRows, RATE_PARTS, type RatePart } from '../../rate-credit';
import type { CloudbaseDb } from '../../cloudbase/db';

const CREDIT_SOURCE: Readonly<Record<RatePart, unknown>> = {
  held: '$route',
  accepted: { $ifNull: ['$sla.acceptedBy', '$route'] },
  resolved: { $ifNull: ['$sla.resolvedBy', '$route'] },
};

const when = (cond: unknown) => ({ $sum: { $cond: [cond, 1, 0] } });

/** What each part tallies; the other fields of its rows are zero. */
const TALLIES: Readonly<Record<RatePart, Record<string, unknown>>> = {
  held: {
    // A withdrawn concern is no work a node could resolve: out of 解决率's denominator (core/ports.ts RateTally).
    total: when({ $ne: ['$status', 'withdrawn'] }),
    rated: when({ $ne: [{ $ifNull: ['$rating.value', null] }, null] }),
    satisfied: when({ $in: [{ $ifNull: ['$rating.value', ''] }, ['satisfied', 'basically_satisfied']] }),
    overdue: when({ $eq: ['$sla.overdue', true] }),
  },
  accepted: {
    responseDecided: when({ $ne: ['$sla.firstResponse', 'pending'] }),
    respondedInTime: when({ $eq: ['$sla.firstResponse', 'in_time'] }),
  },
  resolved: { resolved: when({ $in: ['$status', ['resolved', 'closed']] }) },
};

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v ?? 0));
const strOrNull = (v: unknown) => (v === null || v === undefined ? null : `${v as string | number}`);

export async function cloudbaseRateCounts(cb: CloudbaseDb, query: RateQuery): Promise<RateCounts[]> {
  const _ = cb._;
  const { from, until: to } = beijingMonthSpan(query.fromMonth, query.toMonth);
  const createdAt = () => _.gte(from).and(_.lt(to));
  const office = 'officeId' in query;
  const match = office
    ? { 'route.coOfficeId': query.officeId, createdAt: createdAt() }
    : _.or([{ [`route.${CREDIT_KEY[query.node.level]}`]: query.node.id, createdAt: createdAt() }, { pastNodeIds: query.node.id, createdAt: createdAt() }]);
  const parts = await Promise.all(
    RATE_PARTS.map((part) =>
      cb.aggregate('concerns', [
        { $match: match },
        { $project: { month: 1, status: 1, rating: 1, sla: 1, credit: CREDIT_SOURCE[part] } },
        ...(office ? [] : [{ $match: { [`credit.${CREDIT_KEY[query.node.level]}`]: query.node.id } }]),
        {
          $group: {
            _id: { month: '$month', townId: '$credit.townId', villageId: '$credit.villageId', cooperativeId: '$credit.cooperativeId', gridId: '$credit.gridId' },
            ...TALLIES[part],
          },
        },
      ]),
    ),
  );
  const rows = parts.flat().map((r) => {
    const k = r._id as Record<string, unknown>;
    return {
      month: String(k.month),
      townId: String(k.townId),
      villageId: strOrNull(k.villageId),
      cooperativeId: strOrNull(k.cooperativeId),
      gridId: strOrNull(k.gridId),
      total: num(r.total),
      responseDecided: num(r.responseDecided),
      respondedInTime: num(r.respondedInTime),
      resolved: num(r.resolved),
      rated: num(r.rated),
      satisfied: num(r.satisfied),
      overdue: num(r.overdue),
    };
  });
  return mergeRateRows(rows).filter((r) => r.total + r.responseDecided + r.resolved > 0);
}
