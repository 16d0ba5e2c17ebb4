/**
 * What every 举报 flow shares (a concern's text, an event's, a topic comment): filing the report for the
 * moderators of the item's town, and the reasons clause of the 下架 notice its author receives.
 */
import { REPORT_REASON_TEXT } from '../labels';
import type { Deps } from '../ports';
import type { ContentReport, ReportOutcome, ReportReason } from '../trust/report-model';

/** One person's open report of one item; a second report of the same item by the same person is `already`. */
export async function fileReport(
  deps: Pick<Deps, 'store' | 'newId' | 'now'>,
  reporterOpenid: string,
  item: Pick<ContentReport, 'kind' | 'itemId' | 'concernId' | 'townId' | 'reason'>,
): Promise<{ status: ReportOutcome }> {
  const stored = await deps.store.contentReports.add({
    id: deps.newId('cr'),
    ...item,
    reporterOpenid,
    at: deps.now().toISOString(),
    status: 'open',
    decidedAt: null,
  });
  return { status: stored ? 'reported' : 'already' };
}

/** 「（举报原因：…）」 naming each distinct reason once, or nothing when none was given. */
export const reasonsClause = (reasons: readonly ReportReason[]): string =>
  reasons.length > 0 ? `（举报原因：${[...new Set(reasons)].map((r) => REPORT_REASON_TEXT[r]).join('、')}）` : '';
