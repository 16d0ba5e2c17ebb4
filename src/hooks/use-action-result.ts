import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { photosNotReady, usePhotoUpload } from './use-photo-upload';
import { LIMITS } from '../../core/limits';

export const RESULT_MAX = LIMITS.actionResultMax;

/** Issue 20: the leader records a volunteer action's result (text and after-photos) once the hours are confirmed. */
export function useActionResult(eventId: string, onDone: () => Promise<void>) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const photos = usePhotoUpload();
  const { busy, actionError, run } = useOneAction();
  return {
    text,
    setText: (t: string) => {
      setText(t);
      setError(null);
    },
    photos,
    error: error ?? actionError,
    busy,
    submit: async () => {
      const t = text.trim();
      if (!t) return setError('请写下这次志愿行动做了什么、处理得怎样。');
      const bad = photosNotReady(photos);
      if (bad) return setError(bad);
      await run('result', async () => {
        await call('event/recordResult', { eventId, text: t, photos: photos.fileIds });
        setText('');
        photos.reset();
        void Taro.showToast({ title: '已提交结果', icon: 'success', duration: 1500 });
        await onDone();
      });
    },
  };
}
