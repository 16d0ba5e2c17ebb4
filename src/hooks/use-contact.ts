import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ActionInput } from '../../core/actions';
import type { ContactView } from '../../core/views';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { useResource } from './use-resource';
import { LIMITS_CONTACT } from '../../core/limits';

export const CONTACT_NAME_MAX = LIMITS_CONTACT.nameMax;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 联系方式 on 我的 (issue 16, item 3): a new resident is asked once, with the consent text, and may skip;
 * later the card shows what they left and lets them change or clear it.
 */
export function useContact(onSaved: () => void) {
  const contact = useResource(() => call('me/contact', {}));
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = contact.data;
  /** The form is open: asked for the first time, or opened to change. */
  const open = data !== null && data.editable && (editing || !data.answered);

  const fill = (c: ContactView) => {
    setName(c.name);
    setPhone(c.phone ?? '');
    setConsent(false);
    setError(null);
  };

  async function run(input: ActionInput<'me/setContact'>, toast: string) {
    setBusy(true);
    setError(null);
    try {
      await call('me/setContact', input);
      setEditing(false);
      await contact.reload();
      onSaved();
      await Taro.showToast({ title: toast, icon: 'success' });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return {
    contact,
    open,
    name,
    setName,
    phone,
    setPhone,
    consent,
    toggleConsent: () => setConsent((c) => !c),
    busy,
    error,
    edit: () => {
      if (data) fill(data);
      setEditing(true);
    },
    cancel: () => setEditing(false),
    skip: () => run({ skip: true }, '以后可在这里填写'),
    save: async () => {
      const n = name.trim();
      const p = phone.trim();
      if (n === '') return setError('请填写称呼，例如“陈阿姨”。');
      if ([...n].length > CONTACT_NAME_MAX) return setError(`称呼最多 ${CONTACT_NAME_MAX} 个字。`);
      if (p !== '' && !MOBILE.test(p)) return setError('手机号应为 11 位数字，例如 13912345678；不想留可以空着。');
      if (!consent) return setError('请先阅读并勾选同意，再保存。');
      await run({ name: n, phone: p === '' ? null : p, consent: true }, '已保存');
    },
  };
}
