import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { newRequestId } from '../services/request-id';
import { REASON_MAX, useConcernDetail } from './use-concern-detail';

/** The anchor a 「请评价」 notice opens the page at (core/concerns/notices.ts RATE_ANCHOR). */
export const RATE_BOX_ID = 'rate-box';

/**
 * The resident's side of a concern (#17): the confirmation after submitting (`?submitted=1`), the rating
 * with 不满意 asking why and confirming before it reopens the case, 撤回 with a reason, and 催办.
 * Each write keeps its idempotency key until it succeeds, so a retried tap is applied once.
 */
export function useFollowUp() {
  const d = useConcernDetail();
  const params = useRouter().params;
  const [justSubmitted, setJustSubmitted] = useState(params.submitted === '1');
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [followError, setFollowError] = useState<string | null>(null);
  const [followBusy, setFollowBusy] = useState<'withdraw' | 'chase' | null>(null);
  const keys = useRef({ withdraw: newRequestId(), chase: newRequestId() });
  const scrolled = useRef(false);
  const canRate = d.can('rate');

  // A 「请评价」 notice opens the page at the rating box, once it is there.
  useEffect(() => {
    if (params.focus !== 'rate' || !canRate || scrolled.current) return;
    scrolled.current = true;
    setTimeout(() => void Taro.pageScrollTo({ selector: `#${RATE_BOX_ID}`, duration: 300 }), 50);
  }, [params.focus, canRate]);

  const send = async (what: 'withdraw' | 'chase', body: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (followBusy) return false;
    setFollowBusy(what);
    setFollowError(null);
    try {
      await body();
      keys.current[what] = newRequestId();
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      await d.concern.reload();
      return true;
    } catch (e) {
      setFollowError(errorText(e));
      return false;
    } finally {
      setFollowBusy(null);
    }
  };

  const withdraw = async () => {
    const reason = withdrawReason.trim();
    if (reason.length === 0) return setFollowError('请写下撤回的原因，例如“问题已经解决了”。');
    if ([...reason].length > REASON_MAX) return setFollowError(`撤回原因不能超过 ${REASON_MAX} 字。`);
    const ok = await send('withdraw', () => call('concern/withdraw', { id: d.id, reason, requestId: keys.current.withdraw }), '已撤回');
    if (ok) {
      setWithdrawing(false);
      setWithdrawReason('');
    }
  };

  const chase = () => send('chase', () => call('concern/chase', { id: d.id, requestId: keys.current.chase }), '已催办');

  /** 不满意 reopens the case: the resident says why, and confirms. */
  const rate = async () => {
    if (d.rating === 'unsatisfied') {
      if (d.comment.trim().length === 0) {
        setFollowError('选择“不满意”时，请写下哪里不满意，方便重新办理。');
        return;
      }
      setFollowError(null);
      const answer = await Taro.showModal({ title: '确认不满意？', content: '提交后这条诉求会退回重新办理（重办），办理人员会看到您写的原因。', confirmText: '确认提交', cancelText: '再想想' });
      if (!answer.confirm) return;
    }
    setFollowError(null);
    await d.rate();
  };

  return {
    ...d,
    rate,
    justSubmitted,
    closeSubmitted: () => setJustSubmitted(false),
    withdrawing,
    startWithdraw: () => {
      setWithdrawing(true);
      setFollowError(null);
    },
    cancelWithdraw: () => setWithdrawing(false),
    withdrawReason,
    setWithdrawReason: (t: string) => {
      setWithdrawReason(t);
      setFollowError(null);
      keys.current.withdraw = newRequestId();
    },
    withdraw,
    chase,
    followBusy,
    followError,
  };
}
