import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { call } from '../services/api';
import { newRequestId } from '../services/request-id';
import { useOneAction } from './use-one-action';
import { photosNotReady, usePhotoUpload } from './use-photo-upload';
import { LIMITS } from '../../core/limits';

export const FLAG_MIN = 4;
export const FLAG_MAX = LIMITS.descriptionMax;

/**
 * Issue 20, item 3: the leader flags a place 需要整治 from the team's event (event/flagPlace). It becomes a
 * concern of the team's village or cooperative, the leader's own report marked 志愿服务队发现; once sent,
 * the leader is taken to it to follow it like any report.
 */
export function useFlagPlace(eventId: string) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);
  const photos = usePhotoUpload();
  const { busy, actionError, run } = useOneAction();
  // One idempotency key per flag: a retried tap after a lost answer files no second concern.
  const key = useRef(newRequestId());

  const send = async () => {
    const description = text.trim();
    if ([...description].length < FLAG_MIN) return setTextError(`请写清楚哪里需要整治（至少${FLAG_MIN}个字）。`);
    const notReady = photosNotReady(photos);
    if (notReady) return setTextError(notReady);
    setTextError(null);
    await run('flag', async () => {
      const c = await call('event/flagPlace', { eventId, description, photos: photos.fileIds, requestId: key.current });
      key.current = newRequestId();
      setText('');
      photos.reset();
      setOpen(false);
      void Taro.showToast({ title: '已反映给村（社区）', icon: 'success', duration: 1500 });
      void Taro.navigateTo({ url: `/pages/concern/index?id=${encodeURIComponent(c.id)}` });
    });
  };
  return { open, setOpen, text, setText, textError, photos, busy, actionError, send };
}
