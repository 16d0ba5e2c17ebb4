import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { onElderModeChange, readElderMode } from '../services/elder-mode';

/**
 * The class every page root carries: ` elder` while 大字模式 is on, else ''. Read from the phone's storage
 * on mount and whenever the page is shown again (the switch lives on 我的), and live when it is switched.
 * In weapp this is what enlarges the page (app.scss); in H5 <html> carries the class too.
 */
export function useElderClass(): string {
  const [on, setOn] = useState(readElderMode);
  useEffect(() => onElderModeChange(setOn), []);
  useDidShow(() => setOn(readElderMode()));
  return on ? ' elder' : '';
}
