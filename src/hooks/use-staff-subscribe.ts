import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../services/api';
import { canSubscribe, learnTemplateIds, requestSubscribe } from '../services/subscribe';

const KEY = 'jiefang.staffSubscribe';

/**
 * The workbench's 订阅提醒 switch: turning it on asks WeChat (from the tap, as it requires) for the staff
 * templates, so new-concern and overdue notices reach the phone, not only the in-app 消息 list. The switch
 * remembers the last acceptance on this phone; a one-time subscription is used up by each notice, so staff
 * tap it again after one arrives (a long-term template, where the category allows it, lasts).
 */
export function useStaffSubscribe() {
  const [on, setOn] = useState<boolean>(() => Taro.getStorageSync(KEY) === 'on');
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The server's template ids are learned before any tap: WeChat asks only from the tap itself, so the
  // tap must not wait on the network. If the profile cannot be read, the build's ids (if any) still serve.
  useEffect(() => {
    call('me/profile', {}).then(
      (p) => learnTemplateIds(p.subscribeTemplates),
      (e: unknown) => console.warn('[jiefang] subscribe templates not learned; the build’s are used:', e),
    );
  }, []);

  const toggle = async () => {
    if (busy) return;
    if (on) {
      Taro.setStorageSync(KEY, 'off');
      setOn(false);
      setNote('已关闭订阅提醒。已同意的提醒仍会送达；如需全部关闭，请在微信“设置—订阅消息”里关闭。');
      return;
    }
    if (!canSubscribe('staff')) {
      setNote('订阅消息模板尚未配置，新诉求和超期提醒会出现在“消息”里。');
      return;
    }
    setBusy(true);
    try {
      const outcome = await requestSubscribe('staff');
      const accepted = outcome === 'asked';
      Taro.setStorageSync(KEY, accepted ? 'on' : 'off');
      setOn(accepted);
      setNote(
        accepted
          ? '已订阅：下一条新诉求或超期提醒会发到微信。一次性订阅每次同意只送达一条，收到后请再点一次。'
          : '没有订阅成功：可能选择了拒绝，或在微信设置里关闭了订阅消息。提醒仍会出现在“消息”里。',
      );
    } finally {
      setBusy(false);
    }
  };

  return { on, note, busy, toggle };
}
