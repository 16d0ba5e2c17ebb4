/** The Chinese words of 举报: each reason a person can pick, and what the app says after a report. */
import { REPORT_REASON_TEXT } from '../../core/labels';
import type { ReportOutcome, ReportReason } from '../../core/trust/report-model';

export { REPORT_REASON_TEXT };

/** The reasons in the order the sheet lists them (WeChat's action sheet takes at most 6). */
export const REPORT_REASON_LIST: ReadonlyArray<{ reason: ReportReason; text: string }> = (Object.keys(REPORT_REASON_TEXT) as ReportReason[]).map((reason) => ({ reason, text: REPORT_REASON_TEXT[reason] }));

export const REPORT_OUTCOME_TEXT: Readonly<Record<ReportOutcome, string>> = {
  reported: '已举报，镇里会尽快核实',
  already: '您已举报过这条内容',
  under_review: '这条内容已在审核中',
};
