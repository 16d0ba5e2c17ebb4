import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { LIMITS } from '../../core/limits';

export const FEEDBACK_MAX = LIMITS.descriptionMax;

/** 投诉建议 about the app itself. */
export function useFeedback() {
  const [text, setText] = useState('');
  const [contact, setContact] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    if (text.trim() === '') {
      setError('请先写下您的意见或建议。');
      return;
    }
    setSending(true);
    setError(null);
    try {
      await call('feedback/submit', contact.trim() ? { text, contact: contact.trim() } : { text });
      setText('');
      setContact('');
      await Taro.showToast({ title: '感谢您的意见', icon: 'success' });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  }

  return { text, setText, contact, setContact, sending, error, send };
}
