/**
 * 适老化 大字模式: text and touch targets 1.3× larger on every page, remembered on the phone.
 * In H5 every size is in rem (Taro's pxtransform), so scaling the root font size scales the whole UI;
 * the `elder` class on <html> adds minimum touch-target heights on top. In weapp sizes are rpx, so the
 * class goes on every page root instead (hooks/use-elder.ts) and app.scss scales from there.
 */
import Taro from '@tarojs/taro';

const KEY = 'jiefang.elderMode';
export const ELDER_SCALE = 1.3;

export function readElderMode(): boolean {
  try {
    return Taro.getStorageSync(KEY) === '1';
  } catch {
    return false;
  }
}

/** Taro H5's own root size for this window (see its index.html script): 40px per 750 design px, 20–40px. */
function baseRootPx(): number {
  const r = document.documentElement.getBoundingClientRect();
  const w = Math.min(...[r.width, r.height].filter(Boolean));
  const x = (40 * w) / 750;
  return x >= 40 ? 40 : x <= 20 ? 20 : x;
}

let listening = false;
let current = false;
const listeners = new Set<(on: boolean) => void>();

/** Calls `fn` whenever the mode is switched; returns the unsubscribe function. */
export function onElderModeChange(fn: (on: boolean) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Applies the mode to the running app (H5: the root font size and the `elder` class). */
export function applyElderMode(on: boolean): void {
  current = on;
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  const root = document.documentElement;
  root.classList.toggle('elder', on);
  root.style.fontSize = `${baseRootPx() * (on ? ELDER_SCALE : 1)}px`;
  if (!listening) {
    listening = true;
    // Taro resets the root size on resize; re-apply ours after it.
    window.addEventListener('resize', () => applyElderMode(current));
  }
}

export function setElderMode(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0');
  applyElderMode(on);
  listeners.forEach((fn) => fn(on));
}
