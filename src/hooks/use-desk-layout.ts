import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** From this window width (CSS px) H5 shows staff pages as a desk layout: a table with a detail pane. */
export const DESK_MIN_WIDTH = 1024;

function windowWidth(): number {
  try {
    return Taro.getWindowInfo().windowWidth;
  } catch {
    return 0;
  }
}

/**
 * True in H5 at a desk-wide window (issue 16, item 9), following resizes; always false in weapp, where
 * the same pages stay phone-first. One hook, so no page keeps a second copy of its logic for the desk.
 */
export function useDeskLayout(): boolean {
  const h5 = process.env.TARO_ENV === 'h5';
  const [width, setWidth] = useState(() => (h5 ? windowWidth() : 0));
  useEffect(() => {
    if (!h5) return undefined;
    const onResize = () => setWidth(windowWidth());
    Taro.onWindowResize(onResize);
    onResize();
    return () => Taro.offWindowResize(onResize);
  }, [h5]);
  return h5 && width >= DESK_MIN_WIDTH;
}
