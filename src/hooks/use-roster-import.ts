import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RosterImportView } from '../../core/views';
import { call } from '../services/api';
import { codeOf, isApiError } from '../services/api-error';
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

/** Shown when a whole file's import did not answer: it may have stopped among its removals. */
export const INCOMPLETE_TEXT = '导入可能没有完成：文件中的人员可能已写入，但部分人员尚未移除。请再次点“预览变化”查看尚待移除的人员，再确认导入同一文件即可完成，已导入的不会重复。';

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
      let result: RosterImportView;
      try {
        result = await call('roster/import', { csv, whole });
      } catch (e) {
        // A whole file's removals follow its rows, one person at a time: a run cut off among them is
        // finished by the same file again (its preview then shows who is still to remove).
        setPreview(null);
        if (whole && codeOf(e) !== 'IMPORT.INVALID' && codeOf(e) !== 'IMPORT.CONFLICT') setDone(INCOMPLETE_TEXT);
        throw e;
      }
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
