import Taro from '@tarojs/taro';
import { WORKBENCH_URL } from './moved-text';

/** A page route as weapp and H5 give it (with or without the leading slash or a query): the bare path. */
function pathOf(route: string | undefined): string {
  return (route ?? '').split('?')[0].replace(/^\/+/, '');
}

// One message from a page that is being left to the workbench it lands on; read once.
let pending: string | null = null;

/** Shows the pending message, if any, as a toast; the workbench calls it each time it is shown. */
export function showPendingMoveToast(): void {
  const text = pending;
  pending = null;
  if (text) void Taro.showToast({ title: text, icon: 'none', duration: 3000 });
}

/**
 * Back to the workbench after a route change: the page under this one when the workbench opened it, else
 * the workbench in its place — never a detail page the mover may only read now. It shows `text` on arrival.
 */
export async function landOnWorkbench(text: string): Promise<void> {
  pending = text;
  const pages = Taro.getCurrentPages();
  const below = pages.length >= 2 ? pages[pages.length - 2] : null;
  if (below && pathOf(below.route) === pathOf(WORKBENCH_URL)) {
    await Taro.navigateBack({ delta: 1 });
  } else {
    await Taro.redirectTo({ url: WORKBENCH_URL });
  }
}
