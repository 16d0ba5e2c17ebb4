import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ConcernDetail, ConcernMove } from '../../core/views';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { newRequestId } from '../services/request-id';
import { useResource } from './use-resource';

export const REPLY_MAX = 1000;

/** Short confirmation after a move succeeds. */
const DONE_TEXT: Record<ConcernMove, string> = { accept: '签收成功', reply: '发送成功', resolve: '办结成功' };

/** What is being sent right now, if anything. */
export type Busy = ConcernMove | null;

/**
 * One concern (`?id=` in the page URL) with pull-down refresh and the moves the caller may make.
 * Each move keeps its idempotency key until it succeeds, so a retried tap is not applied twice.
 */
export function useConcernDetail() {
  const id = useRouter().params.id ?? '';
  const concern = useResource<ConcernDetail>(
    () => (id ? call('concern/get', { id }) : Promise.reject(Object.assign(new Error('missing id'), { code: 'CONCERN.NOT_FOUND' }))),
    { key: id },
  );
  const [busy, setBusy] = useState<Busy>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [replyText, setReplyText] = useState('');
  const [resolveText, setResolveText] = useState('');
  const [replyError, setReplyError] = useState<string | null>(null);
  const [resolveError, setResolveError] = useState<string | null>(null);
  const keys = useRef<Record<ConcernMove, string>>({ accept: newRequestId(), reply: newRequestId(), resolve: newRequestId() });

  usePullDownRefresh(() => {
    void concern.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const run = async (move: ConcernMove, send: (requestId: string) => Promise<ConcernDetail>): Promise<boolean> => {
    if (busy) return false;
    setBusy(move);
    setActionError(null);
    try {
      await send(keys.current[move]);
      keys.current[move] = newRequestId();
      void Taro.showToast({ title: DONE_TEXT[move], icon: 'success', duration: 1500 });
      await concern.reload();
      return true;
    } catch (e) {
      setActionError(errorText(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const checkText = (text: string, empty: string): string | null => {
    const t = text.trim();
    if (t.length === 0) return empty;
    if ([...t].length > REPLY_MAX) return `内容不能超过 ${REPLY_MAX} 字，请精简后再发送。`;
    return null;
  };

  const accept = () => run('accept', (requestId) => call('concern/accept', { id, requestId }));

  const reply = async () => {
    const bad = checkText(replyText, '请先输入回复内容。');
    setReplyError(bad);
    if (bad) return;
    if (await run('reply', (requestId) => call('concern/reply', { id, text: replyText.trim(), requestId }))) setReplyText('');
  };

  const resolve = async () => {
    const bad = checkText(resolveText, '办结前请写下给居民的答复：怎么处理的、结果如何。');
    setResolveError(bad);
    if (bad) return;
    if (await run('resolve', (requestId) => call('concern/resolve', { id, text: resolveText.trim(), requestId }))) setResolveText('');
  };

  const can = (move: ConcernMove) => concern.data?.moves.includes(move) ?? false;

  return {
    id,
    concern,
    busy,
    actionError,
    can,
    accept,
    replyText,
    setReplyText: (t: string) => {
      setReplyText(t);
      setReplyError(null);
      // Edited text is a new intent: give it a new idempotency key.
      keys.current.reply = newRequestId();
    },
    replyError,
    reply,
    resolveText,
    setResolveText: (t: string) => {
      setResolveText(t);
      setResolveError(null);
      keys.current.resolve = newRequestId();
    },
    resolveError,
    resolve,
  };
}
