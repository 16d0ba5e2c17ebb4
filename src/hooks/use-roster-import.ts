import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RosterImportView } from '../../core/views';
import { call } from '../services/api';
import { isApiError } from '../services/api-error';
import { errorText } from '../services/error-text';

/** The problems of a refused file, 「第 3 行：……」 one a line (IMPORT.INVALID carries them in `details`). */
function problemsOf(e: unknown): string[] {
  const details = isApiError(e) ? e.details : undefined;
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => {
    const p = d as { line?: unknown; message?: unknown };
    if (typeof p.message !== 'string') return [];
    return [typeof p.line === 'number' && p.line > 0 ? `第 ${p.line} 行：${p.message}` : p.message];
  });
}

/**
 * 批量导入 (issue 19, item 1): the admin pastes the roster file, marks it as the whole roster or not, sees
 * who is added, changed and removed (roster/previewImport, nothing written), and 确认导入 applies it.
 * Any edit of the text or the mark drops the preview: what is confirmed is what was previewed.
 */
export function useRosterImport(onApplied: () => Promise<void>) {
  const [csv, setCsvText] = useState('');
  const [whole, setWholeMark] = useState(false);
  const [preview, setPreview] = useState<RosterImportView | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'apply' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const reset = () => {
    setPreview(null);
    setProblems([]);
    setError(null);
    setDone(null);
  };
  const setCsv = (v: string) => {
    setCsvText(v);
    reset();
  };
  const toggleWhole = () => {
    setWholeMark(!whole);
    reset();
  };

  const run = async (key: 'preview' | 'apply', send: () => Promise<void>) => {
    if (busy) return;
    setBusy(key);
    setError(null);
    setProblems([]);
    try {
      await send();
    } catch (e) {
      setError(errorText(e));
      setProblems(problemsOf(e));
    } finally {
      setBusy(null);
    }
  };

  const runPreview = () =>
    run('preview', async () => {
      setDone(null);
      setPreview(await call('roster/previewImport', { csv, whole }));
    });

  const apply = () =>
    run('apply', async () => {
      const result = await call('roster/import', { csv, whole });
      setPreview(null);
      setCsvText('');
      setWholeMark(false);
      setDone(`已导入：新增 ${result.added.length} 人，变更 ${result.changed.length} 人，移除 ${result.removed.length} 人。`);
      await onApplied();
      await Taro.showToast({ title: '已导入', icon: 'success' });
    });

  const nothingToDo = preview !== null && preview.added.length + preview.changed.length + preview.removed.length === 0;
  return { csv, setCsv, whole, toggleWhole, preview, nothingToDo, problems, error, busy, done, runPreview, apply };
}
