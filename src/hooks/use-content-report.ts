import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ReportReason } from '../../core/trust/report-model';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { REPORT_OUTCOME_TEXT, REPORT_REASON_LIST } from '../services/report-text';

/** A concern's description, one message of its thread by id, (on a board card, which has no message ids) its final reply, a volunteer event's texts, or a topic's comment. */
export type ReportTarget = { concernId: string; messageId?: string; finalReply?: true } | { eventId: string } | { topicCommentId: string };

/**
 * 举报 one text: the person picks a reason from an action sheet, the report goes to the town's 内容审核,
 * and a toast says what happened. Closing the sheet sends nothing.
 */
export function useContentReport(target: ReportTarget) {
  const [busy, setBusy] = useState(false);
  const report = async () => {
    if (busy) return;
    let reason: ReportReason;
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: REPORT_REASON_LIST.map((r) => r.text) });
      const picked = REPORT_REASON_LIST[tapIndex];
      if (!picked) return;
      reason = picked.reason;
    } catch {
      return; // the sheet was closed: nothing to send
    }
    setBusy(true);
    try {
      const { status } = await call('moderation/report', { ...target, reason });
      void Taro.showToast({ title: REPORT_OUTCOME_TEXT[status], icon: 'none', duration: 2000 });
    } catch (e) {
      void Taro.showToast({ title: errorText(e), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return { busy, report };
}
