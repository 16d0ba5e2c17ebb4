/**
 * The unread count on the 消息 tab (issue 17, item 5), fed wherever message/list or message/markRead
 * answers with it (home on every show, 消息 itself). A failure (no tab bar on screen yet) changes nothing
 * the person sees on the page; the next count sets it again.
 */
import Taro from '@tarojs/taro';
import { MESSAGES_TAB } from './nav';

/** What the badge shows for `n` unread notices, or null for none. */
export function badgeText(n: number): string | null {
  if (!(n > 0)) return null;
  return n > 99 ? '99+' : String(Math.floor(n));
}

export function showUnread(n: number): void {
  const text = badgeText(n);
  try {
    const done = text ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text }) : Taro.removeTabBarBadge({ index: MESSAGES_TAB });
    void Promise.resolve(done).catch(() => undefined);
  } catch {
    // A host without a tab bar API: the count is still on the page.
  }
}
