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
