import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Rating } from '../../core/model';
import type { ConcernDetail, ConcernMove } from '../../core/views';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { landOnWorkbench } from '../services/moved';
import { movedText, ROUTE_MOVES, type RouteMove } from '../services/moved-text';
import { newRequestId } from '../services/request-id';
import { requestSubscribe } from '../services/subscribe';
import { useResource } from './use-resource';
import { photosNotReady, usePhotoUpload } from './use-photo-upload';
import { LIMITS } from '../../core/limits';

export const REPLY_MAX = LIMITS.replyMax;
export const REASON_MAX = LIMITS.reasonMax;

/** Short confirmation after a move succeeds. */
const DONE_TEXT: Record<ConcernMove, string> = {
  accept: '签收成功',
  reply: '发送成功',
  resolve: '办结成功',
  rate: '评价成功',
  dispatch: '派单成功',
  transfer: '转派成功',
  return: '已退回',
  escalate: '已上报',
  // The reporter's follow-up (#17, use-follow-up.ts).
  withdraw: '已撤回',
  chase: '已催办',
};

const ALL_MOVES = Object.keys(DONE_TEXT) as ConcernMove[];

const isRouteMove = (m: ConcernMove): m is RouteMove => (ROUTE_MOVES as readonly ConcernMove[]).includes(m);

export { RATING_TEXT } from '../../core/labels';

/** What is being sent right now, if anything. */
export type Busy = ConcernMove | null;

/** Where the detail is shown: by default the page's own `?id=`, landing on the workbench after a route change. */
export interface DetailOptions {
  /** The concern to show instead of the page URL's `?id=` (the desk workbench's detail pane). */
  id?: string;
  /** Called with where the concern went after 派单 / 转派 / 退回 / 上报, instead of leaving for the workbench. */
  onRouteMoved?: (text: string) => void;
  /** Called after any move succeeds (the desk workbench refreshes its table). */
  onMoved?: () => void;
}

/**
 * One concern (`?id=` in the page URL) with pull-down refresh and the moves the caller may make.
 * Each move keeps its idempotency key until it succeeds, so a retried tap is not applied twice.
 */
export function useConcernDetail(opts: DetailOptions = {}) {
  const routeId = useRouter().params.id ?? '';
  const id = opts.id ?? routeId;
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
  const keys = useRef(Object.fromEntries(ALL_MOVES.map((m) => [m, newRequestId()])) as Record<ConcernMove, string>);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [targetId, setTargetId] = useState<string | null>(null);
  const [rating, setRating] = useState<Rating | null>(null);
  const [comment, setComment] = useState('');
  // Photos of a reply and of the 办结 answer (the after-photo); each kept until its message is sent.
  const replyPhotos = usePhotoUpload();
  const resolvePhotos = usePhotoUpload();

  usePullDownRefresh(() => {
    void concern.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const run = async (move: ConcernMove, send: (requestId: string) => Promise<ConcernDetail>): Promise<boolean> => {
    if (busy) return false;
    setBusy(move);
    setActionError(null);
    try {
      const moved = await send(keys.current[move]);
      keys.current[move] = newRequestId();
      opts.onMoved?.();
      if (isRouteMove(move)) {
        // The concern is in other hands now: back to the workbench, told where it went.
        if (opts.onRouteMoved) opts.onRouteMoved(movedText(move, moved));
        else await landOnWorkbench(movedText(move, moved));
        return true;
      }
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

  const reply = async (): Promise<boolean> => {
    const bad = checkText(replyText, '请先输入回复内容。');
    setReplyError(bad);
    if (bad) return false;
    const photoBad = photosNotReady(replyPhotos);
    setReplyError(photoBad);
    if (photoBad) return false;
    // Still inside the tap: a resident's one-time subscription is used up by each notice, so ask again.
    if (concern.data?.mine) await requestSubscribe('resident', 'again');
    if (await run('reply', (requestId) => call('concern/reply', { id, text: replyText.trim(), photos: replyPhotos.fileIds, requestId }))) {
      setReplyText('');
      replyPhotos.reset();
      return true;
    }
    return false;
  };

  /** 办结 with the 办结 box, or (`fromReplyBox`, the handling page's one composer) with the reply box's text and photos. */
  const resolve = async (fromReplyBox = false): Promise<boolean> => {
    const text = fromReplyBox ? replyText : resolveText;
    const photos = fromReplyBox ? replyPhotos : resolvePhotos;
    const setError = fromReplyBox ? setReplyError : setResolveError;
    const bad = checkText(text, '办结前请写下给居民的答复：怎么处理的、结果如何。');
    setError(bad);
    if (bad) return false;
    const photoBad = photosNotReady(photos);
    setError(photoBad);
    if (photoBad) return false;
    if (await run('resolve', (requestId) => call('concern/resolve', { id, text: text.trim(), photos: photos.fileIds, requestId }))) {
      if (fromReplyBox) setReplyText('');
      else setResolveText('');
      photos.reset();
      return true;
    }
    return false;
  };

  const can = (move: ConcernMove) => concern.data?.moves.includes(move) ?? false;

  const checkReason = (required: boolean, empty: string): boolean => {
    const t = reason.trim();
    const bad = required && t.length === 0 ? empty : [...t].length > REASON_MAX ? `理由不能超过 ${REASON_MAX} 字。` : null;
    setReasonError(bad);
    return bad === null;
  };
  const afterReroute = (ok: boolean) => {
    if (ok) {
      setReason('');
      setTargetId(null);
    }
  };

  /** 转派 / 派单 to the picked node; 转派 needs a reason, 派单 may give one. */
  const sendTo = async (move: 'transfer' | 'dispatch') => {
    if (!targetId) {
      setActionError('请先选择承办的村（社区）或经济社。');
      return;
    }
    if (!checkReason(move === 'transfer', '请写明转派理由。')) return;
    const why = reason.trim();
    const ok = await run(move, (requestId) =>
      move === 'transfer'
        ? call('concern/transfer', { id, nodeId: targetId, reason: why, requestId })
        : call('concern/dispatch', why ? { id, nodeId: targetId, reason: why, requestId } : { id, nodeId: targetId, requestId }),
    );
    afterReroute(ok);
  };

  const returnIt = async () => {
    if (!checkReason(true, '请写明退回理由（为什么不属于本单位办理）。')) return;
    afterReroute(await run('return', (requestId) => call('concern/return', { id, reason: reason.trim(), requestId })));
  };

  const escalate = async () => {
    if (!checkReason(true, '请写明上报理由。')) return;
    afterReroute(await run('escalate', (requestId) => call('concern/escalate', { id, reason: reason.trim(), requestId })));
  };

  const rate = async () => {
    if (!rating) {
      setActionError('请先选择满意、基本满意或不满意。');
      return;
    }
    const text = comment.trim();
    if ([...text].length > REASON_MAX) {
      setActionError(`评价内容不能超过 ${REASON_MAX} 字。`);
      return;
    }
    // Still inside the tap: asking again lets the answer to a 不满意 (重办) reach them too.
    if (concern.data?.mine) await requestSubscribe('resident', 'again');
    const ok = await run('rate', (requestId) => call('concern/rate', text ? { id, rating, comment: text, requestId } : { id, rating, requestId }));
    if (ok) {
      setRating(null);
      setComment('');
    }
  };

  return {
    id,
    concern,
    busy,
    actionError,
    can,
    accept,
    replyPhotos,
    resolvePhotos,
    replyText,
    setReplyText: (t: string) => {
      setReplyText(t);
      setReplyError(null);
      // Edited text is a new intent: give it a new idempotency key (办结 may send this box too).
      keys.current.reply = newRequestId();
      keys.current.resolve = newRequestId();
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
    reason,
    setReason: (t: string) => {
      setReason(t);
      setReasonError(null);
      for (const m of ['transfer', 'return', 'escalate', 'dispatch'] as const) keys.current[m] = newRequestId();
    },
    reasonError,
    targetId,
    setTargetId: (t: string | null) => {
      setTargetId(t);
      setActionError(null);
      keys.current.transfer = newRequestId();
      keys.current.dispatch = newRequestId();
    },
    transfer: () => sendTo('transfer'),
    dispatch: () => sendTo('dispatch'),
    returnIt,
    escalate,
    rating,
    setRating: (r: Rating) => {
      setRating(r);
      setActionError(null);
      keys.current.rate = newRequestId();
    },
    comment,
    setComment,
    rate,
  };
}
