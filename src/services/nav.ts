/**
 * Going to a page, tab or not (issue 17, item 5). WeChat refuses navigateTo/redirectTo to a tab page, and
 * switchTab carries no query: a tab page's query is handed over here instead, once, and the tab page takes
 * it when it is shown (`takeTabQuery`).
 */
import Taro from '@tarojs/taro';

export const HOME_PAGE = '/pages/index/index';
export const REPORT_PAGE = '/pages/report/index';
export const MESSAGES_PAGE = '/pages/messages/index';
export const ME_PAGE = '/pages/me/index';

/** The tab bar's pages, in its order (app.config.ts). */
export const TAB_PAGES = [HOME_PAGE, REPORT_PAGE, MESSAGES_PAGE, ME_PAGE] as const;
/** The index of 消息 in the tab bar, for its unread badge. */
export const MESSAGES_TAB = 2;

/** A URL's path with a leading slash, and its query as a record. */
export function splitUrl(url: string): { path: string; query: Record<string, string> } {
  const [rawPath, rawQuery = ''] = url.split('?', 2);
  const path = rawPath.startsWith('/') ? rawPath : `/${rawPath}`;
  const query: Record<string, string> = {};
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const [k, v = ''] = part.split('=', 2);
    query[decodeURIComponent(k)] = decodeURIComponent(v.replace(/\+/g, ' '));
  }
  return { path, query };
}

export function isTabPage(url: string): boolean {
  return (TAB_PAGES as readonly string[]).includes(splitUrl(url).path);
}

/** Queries handed to tab pages, by path, until the page takes them. */
const handoff = new Map<string, Record<string, string>>();

/** What was handed to this tab page since it last took it (and forgets it); {} when nothing was. */
export function takeTabQuery(path: string): Record<string, string> {
  const q = handoff.get(path) ?? {};
  handoff.delete(path);
  return q;
}

/** Opens `url`: switchTab for a tab page (its query handed over), navigateTo for any other. */
export async function openPage(url: string): Promise<void> {
  const { path, query } = splitUrl(url);
  if (isTabPage(path)) {
    if (Object.keys(query).length > 0) handoff.set(path, query);
    else handoff.delete(path);
    await Taro.switchTab({ url: path });
    return;
  }
  await Taro.navigateTo({ url });
}
