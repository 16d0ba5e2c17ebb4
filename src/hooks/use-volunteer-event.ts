import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ActionView } from '../../core/volunteers/action-views';
import type { EventDetail, ScanResult } from '../../core/views';
import { call } from '../services/api';
import { newRequestId } from '../services/request-id';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';
import { LIMITS } from '../../core/limits';

export const CANCEL_REASON_MAX = LIMITS.cancelReasonMax;

const SCAN_TEXT: Record<ScanResult['action'], string> = { checked_in: '签到成功', checked_out: '签退成功', already_done: '已签过' };

/** Reads a QR code with the camera; null when the person closed the scanner. */
async function scanQr(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result;
  } catch {
    return null;
  }
}

/**
 * One volunteer event (`?id=`): sign up, cancel, check in/out by scanning the event's code; for the
 * team leader, the event's QR code, scanning a resident's code, cancelling with a reason.
 */
export function useVolunteerEvent() {
  const id = useRouter().params.id ?? '';
  const event = useResource<EventDetail & { action?: ActionView | null }>(() => call('event/get', { id }), { key: id });
  const { busy, actionError, run: runOne } = useOneAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // One idempotency key per sign-up intent: a retried tap after a lost answer takes no second place.
  const signupKey = useRef(newRequestId());
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void event.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void event.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const run = (key: string, send: () => Promise<string>) =>
    runOne(key, async () => {
      setNotice(null);
      setNotice(await send());
      await event.reload();
    });

  const scanned = (r: ScanResult) => `${r.personName}：${SCAN_TEXT[r.action]}`;

  // 转发到微信群: the event page itself (members-only events still check membership when opened).
  useShareAppMessage(() => ({
    title: event.data ? `${event.data.title}（${event.data.teamName}）一起来报名` : '街坊志愿活动',
    path: `/volunteer/pages/event/index?id=${encodeURIComponent(id)}`,
  }));

  return {
    id,
    event,
    busy,
    actionError,
    notice,
    /** This minute's check-in code, for the leader's screen to refresh. */
    checkinCode: () => call('event/checkinCode', { id }),
    signUp: () =>
      run('signup', async () => {
        const r = await call('event/signup', { eventId: id, requestId: signupKey.current });
        signupKey.current = newRequestId();
        return r.status === 'waitlisted' ? `名额已满，您已进入候补（第 ${r.position ?? '?'} 位），有人取消会自动转为正式报名并通知您。` : '报名成功，活动前会提醒您。';
      }),
    cancel: () =>
      run('cancel', async () => {
        const { confirm } = await Taro.showModal({ title: '取消报名', content: '确定取消报名吗？名额会让给候补的街坊。', confirmText: '取消报名', cancelText: '再想想' });
        if (!confirm) return '';
        await call('event/cancel', { eventId: id });
        return '已取消报名。';
      }),
    scanEvent: () =>
      run('scan', async () => {
        const code = await scanQr();
        return code ? scanned(await call('event/scan', { code })) : '';
      }),
    scanPerson: () =>
      run('scanPerson', async () => {
        const code = await scanQr();
        return code ? scanned(await call('event/scanPerson', { eventId: id, code })) : '';
      }),
    /** Issue 16: H5 cannot scan; the code's text is typed or pasted instead (the event's, or a resident's 志愿码). */
    enterEventCode: (code: string) => run('scan', async () => scanned(await call('event/scan', { code: code.trim() }))),
    enterPersonCode: (code: string) => run('scanPerson', async () => scanned(await call('event/scanPerson', { eventId: id, code: code.trim() }))),
    reason,
    setReason: (t: string) => {
      setReason(t);
      setReasonError(null);
    },
    reasonError,
    cancelEvent: async () => {
      const t = reason.trim();
      if (!t) {
        setReasonError('请写明取消原因，系统会通知已报名的街坊。');
        return;
      }
      await run('cancelEvent', async () => {
        const { notified } = await call('event/cancelEvent', { id, reason: t });
        setReason('');
        return `活动已取消，已通知 ${notified} 人。`;
      });
    },
    goAttendance: () => Taro.navigateTo({ url: `/volunteer/pages/attendance/index?id=${encodeURIComponent(id)}` }),
    goTeam: (teamId: string) => Taro.navigateTo({ url: `/volunteer/pages/team/index?id=${encodeURIComponent(teamId)}` }),
  };
}
