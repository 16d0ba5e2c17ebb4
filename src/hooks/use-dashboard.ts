import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { beijingDate } from '../../core/beijing';
import type { RateRow } from '../../core/views';
import type { RatesWithVolunteers, VolunteerMonthRow } from '../../core/volunteers/action-stats';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { prepareBinaryFile, type SharedFile } from '../services/file-export';
import { useResource } from './use-resource';

const MONTHS = 6;

export type ExportKind = 'concerns' | 'rates';
export type ExportFormat = 'xlsx' | 'csv';

/** The first and last day of a YYYY-MM month, the last capped at today (Beijing time). */
export function monthDays(month: string, now: Date): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const today = beijingDate(now);
  return { from: `${month}-01`, to: last < today ? last : today };
}

/** 办理统计: rates per month for the viewer's node and its children (stats/rates), and the exports. */
export function useDashboard() {
  const rates = useResource<RatesWithVolunteers>(() => call('stats/rates', { months: MONTHS }));
  const [month, setMonth] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  /** A written .csv export, waiting for the 发送文件 tap (weapp). */
  const [ready, setReady] = useState<SharedFile | null>(null);
  usePullDownRefresh(() => {
    void rates.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const shown = month ?? rates.data?.months[0] ?? null;
  const rows: RateRow[] = useMemo(() => (rates.data && shown ? rates.data.rows.filter((r) => r.month === shown) : []), [rates.data, shown]);
  /** Issue 20, item 6: the volunteer numbers of the month shown, per village (none before the numbers existed). */
  const volunteerRows: VolunteerMonthRow[] = useMemo(() => (rates.data && shown ? (rates.data.volunteer ?? []).filter((r) => r.month === shown) : []), [rates.data, shown]);

  /** Concerns of the month shown, or the rates of the months shown, as a file. */
  const exportFile = async (kind: ExportKind, format: ExportFormat) => {
    if (busy || !shown) return;
    setBusy(`${kind}-${format}`);
    setExportError(null);
    try {
      const file = kind === 'concerns' ? await call('export/concerns', { format, ...monthDays(shown, new Date()) }) : await call('export/rates', { format, months: MONTHS });
      const prepared = await prepareBinaryFile(file);
      setReady(prepared);
      void Taro.showToast({ title: prepared ? '文件已生成' : process.env.TARO_ENV === 'h5' ? '已开始下载' : '已打开文件', icon: 'success', duration: 1500 });
    } catch (e) {
      setExportError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  return { rates, month: shown, setMonth, rows, volunteerRows, busy, exportError, exportFile, ready, clearReady: () => setReady(null) };
}
