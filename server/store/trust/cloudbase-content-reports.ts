import { createHash } from 'node:crypto';
import type { ContentReportRepo } from '../../../core/ports';
import type { ContentReport, ReportedKind } from '../../../core/trust/report-model';
import type { CloudbaseDb, Filter, StoredDoc } from '../../cloudbase/db';

/**
 * A report's document id, derived from (kind, item, reporter): one document per person and item, so a
 * second report of the same item is a create-once that finds the first.
 */
export const reportDocId = (kind: ReportedKind, itemId: string, openid: string) => `cr_${createHash('sha256').update(`${kind}\n${itemId}\n${openid}`).digest('hex').slice(0, 40)}`;

function toReport(d: StoredDoc): ContentReport {
  return {
    id: String(d.reportId),
    kind: d.kind as ReportedKind,
    itemId: String(d.itemId),
    concernId: String(d.concernId),
    townId: String(d.townId),
    reporterOpenid: String(d.reporterOpenid),
    reason: d.reason as ContentReport['reason'],
    at: String(d.at),
    status: d.status as ContentReport['status'],
    decidedAt: d.decidedAt === null || d.decidedAt === undefined ? null : `${d.decidedAt as string}`,
  };
}

/** 举报 (`content_reports`, `_id` derived from kind, item and reporter, `reportId` the report's own id). */
export class CloudbaseContentReports implements ContentReportRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  private inTowns(townIds: string[] | null): Filter {
    return townIds === null ? {} : { townId: townIds.length === 1 ? townIds[0] : this.cb._.in(townIds) };
  }

  async add(r: ContentReport): Promise<boolean> {
    const { id, ...rest } = r;
    return (await this.cb.createOnce('content_reports', { _id: reportDocId(r.kind, r.itemId, r.reporterOpenid), reportId: id, ...rest })).created;
  }
  async open(townIds: string[] | null, limit: number): Promise<ContentReport[]> {
    if (townIds !== null && townIds.length === 0) return [];
    return (await this.cb.find('content_reports', { status: 'open', ...this.inTowns(townIds) }, [['at', 'asc'], ['reportId', 'asc']], limit)).map(toReport);
  }
  async isOpen(kind: ReportedKind, itemId: string, townIds: string[] | null): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    return (await this.cb.find('content_reports', { kind, itemId, status: 'open', ...this.inTowns(townIds) }, [], 1, { _id: true })).length > 0;
  }
  async close(kind: ReportedKind, itemId: string, to: 'kept' | 'removed', at: string, townIds: string[] | null): Promise<number> {
    if (townIds !== null && townIds.length === 0) return 0;
    return this.cb.updateWhere('content_reports', { kind, itemId, status: 'open', ...this.inTowns(townIds) }, { status: to, decidedAt: at });
  }
}
