/** An event's attendance and hours as a spreadsheet (CSV, through core/csv.ts). */
import { hoursText } from './hours';
import type { ParsedInputOf } from '../schemas';
import type { AttendanceRow } from '../views';
import { getEvent, requireRecordKeeper, type Ctx } from './volunteer-common';
import { beijingDate, beijingTime } from '../beijing';
import { attendance } from './volunteer-attendance';
import { csvField } from '../csv';

const HOURS_NOTE_TEXT: Record<AttendanceRow['note'], string> = {
  ok: '',
  no_checkin: '未签到',
  no_checkout: '未签退',
  below_threshold: '在场不足60%',
};

export async function exportCsv(ctx: Ctx, input: ParsedInputOf<'event/exportCsv'>): Promise<{ filename: string; csv: string }> {
  const e = await getEvent(ctx, input.id);
  await requireRecordKeeper(ctx, e.teamId);
  const view = await attendance(ctx, e);
  const header = ['姓名', '党员', '报名状态', '签到时间', '签退时间', '系统计算工时（小时）', '说明', '确认工时（小时）'];
  const status = { signed: '已报名', waitlisted: '候补', cancelled: '已取消' } as const;
  const lines = view.rows.map((r) =>
    [
      r.name,
      r.partyMember ? '是' : '否',
      status[r.status],
      r.checkInAt ? beijingTime(r.checkInAt, true) : '',
      r.checkOutAt ? beijingTime(r.checkOutAt, true) : '',
      hoursText(r.computedMinutes),
      HOURS_NOTE_TEXT[r.note],
      r.confirmedMinutes === null ? '未确认' : hoursText(r.confirmedMinutes),
    ]
      .map(csvField)
      .join(','),
  );
  // A byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
  const csv = '\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n';
  return { filename: `${e.title}-${beijingDate(e.startAt)}-签到工时.csv`, csv };
}
