import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { RateRow, RatesView } from '../../core/views';
import { call } from '../services/api';
import { useResource } from './use-resource';

const MONTHS = 6;

/** 办理统计: rates per month for the viewer's node and its children (stats/rates). */
export function useDashboard() {
  const rates = useResource<RatesView>(() => call('stats/rates', { months: MONTHS }));
  const [month, setMonth] = useState<string | null>(null);
  usePullDownRefresh(() => {
    void rates.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const shown = month ?? rates.data?.months[0] ?? null;
  const rows: RateRow[] = useMemo(() => (rates.data && shown ? rates.data.rows.filter((r) => r.month === shown) : []), [rates.data, shown]);
  return { rates, month: shown, setMonth, rows };
}
