import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AttendanceView } from '../../core/views';
import { call } from '../services/api';
import { prepareTextFile, type SharedFile } from '../services/file-export';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';
import { LIMITS } from '../../core/limits';

export const HOURS_REASON_MAX = LIMITS.hoursReasonMax;

/** The leader's attendance sheet of one event (`?id=`): confirm or correct hours, export CSV. */
export function useAttendance() {
  const id = useRouter().params.id ?? '';
  const sheet = useResource<AttendanceView>(() => call('event/attendance', { id }), { key: id });
  const { busy, actionError, setActionError, run: runOne } = useOneAction();
  /** The row being corrected: its sign-up id, the hours typed and the reason. */
  const [editing, setEditing] = useState<{ signUpId: string; hours: string; reason: string } | null>(null);
  /** The written CSV, waiting for the 发送文件 tap (weapp). */
  const [ready, setReady] = useState<SharedFile | null>(null);
  /** Issue 16, item 7: the name typed to find a person in a long list. */
  const [search, setSearch] = useState('');
  usePullDownRefresh(() => {
    void sheet.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const run = (key: string, send: () => Promise<string | null>) =>
    runOne(key, async () => {
      const done = await send();
      if (done) void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
    });

  const rows = sheet.data?.rows ?? [];
  const needle = search.trim();
  return {
    id,
    sheet,
    search,
    setSearch,
    shown: needle === '' ? rows : rows.filter((r) => r.name.includes(needle)),
    /** Checks a person without a phone in (or, once in, out) by hand; the server keeps the scan's rules and audits it. */
    mark: (signUpId: string) =>
      run(`mark:${signUpId}`, async () => {
        const r = await call('event/markAttendance', { id, signUpId });
        await sheet.reload();
        return r.action === 'checked_in' ? `${r.personName} 已签到` : r.action === 'checked_out' ? `${r.personName} 已签退` : `${r.personName} 已签过`;
      }),
    ready,
    clearReady: () => setReady(null),
    busy,
    actionError,
    editing,
    startEdit: (signUpId: string, minutes: number) => setEditing({ signUpId, hours: (minutes / 60).toFixed(1), reason: '' }),
    setEditing,
    confirmAll: () =>
      run('confirm', async () => {
        await call('event/confirmHours', { eventId: id });
        await sheet.reload();
        return '工时已确认';
      }),
    saveEdit: () =>
      run('edit', async () => {
        if (!editing) return null;
        const hours = Number(editing.hours);
        if (!Number.isFinite(hours) || hours < 0 || hours > 24) {
          setActionError('工时请填 0 到 24 之间的数字（小时）。');
          return null;
        }
        await call('event/confirmHours', { eventId: id, entries: [{ signUpId: editing.signUpId, minutes: Math.round(hours * 60), reason: editing.reason.trim() }] });
        setEditing(null);
        await sheet.reload();
        return '已修改';
      }),
    exportCsv: () =>
      run('export', async () => {
        const { filename, csv } = await call('event/exportCsv', { id });
        const file = prepareTextFile(filename, csv);
        setReady(file);
        return file ? '文件已生成' : '已开始下载';
      }),
  };
}
