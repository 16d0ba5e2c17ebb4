import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/** Storage key of one concern's unsent reply on this device. */
export const draftKey = (concernId: string) => `jf-handle-draft:${concernId}`;

export function readHandleDraft(concernId: string): string {
  try {
    const v: unknown = Taro.getStorageSync(draftKey(concernId));
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

/** Keeps (or, for empty text, forgets) a concern's unsent reply; a full storage only loses the draft. */
export function writeHandleDraft(concernId: string, text: string): void {
  if (!concernId) return;
  try {
    if (text.length === 0) Taro.removeStorageSync(draftKey(concernId));
    else Taro.setStorageSync(draftKey(concernId), text);
  } catch {
    // Storage full or unavailable: the text is still in the box, it just does not outlive the page.
  }
}

/**
 * The handling page's unsent reply survives leaving the page (issue 16, item 5): restored once per concern
 * into an empty box. Writing happens where the text changes (the caller's setter) and a successful send
 * forgets it, so no effect can overwrite a stored draft with the box's initial empty text.
 */
export function useRestoreHandleDraft(concernId: string, current: string, restore: (text: string) => void): void {
  const restoredFor = useRef<string | null>(null);
  useEffect(() => {
    if (!concernId || restoredFor.current === concernId) return;
    restoredFor.current = concernId;
    const saved = readHandleDraft(concernId);
    if (saved && current.length === 0) restore(saved);
    // Only the concern decides when to restore; the text and setter change on every keystroke.
  }, [concernId]);
}
