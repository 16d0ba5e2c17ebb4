/**
 * H5 only: each Taro page is its own scroll container; make it reachable by keyboard so its content
 * can be scrolled without a pointer (axe: scrollable-region-focusable).
 */
export function makePagesFocusable(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const mark = () => {
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((el) => el.setAttribute('tabindex', '0'));
  };
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  mark();
}

/**
 * H5 only: Taro's tab bar items are `<a href="javascript:;">`, a navigation the page's CSP rightly refuses
 * (and reports) on every tap. The tap itself is the item's click handler, which still runs; only the link's
 * default action is cancelled. The navigation bar's back and home buttons are plain elements already.
 */
export function quietTabBarLinks(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href^="javascript:"]');
      if (a) e.preventDefault();
    },
    true,
  );
}
