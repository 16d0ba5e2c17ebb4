/**
 * WeChat subscribe messages. A one-time subscription (一次性订阅) lets the backend send one notice per
 * acceptance, so the app asks again at the moments that matter, always from a tap (WeChat only allows
 * asking from one): a resident on the report's submit, and again when they reply or rate; staff from the
 * workbench's 订阅提醒 switch, for the new-concern and overdue notices. Where the account's service category
 * allows 长期订阅 (long-term subscription: 政务民生 and other offline public services), the templates
 * configured are long-term ones (TARO_APP_SUBSCRIBE_LONG_TERM=true): one acceptance lasts, so the app asks
 * only the first time, not again on a reply or a rating.
 */
import Taro from '@tarojs/taro';
import type { SubscribeTemplateIds } from '../../core/views';
import { asksAt, isLongTerm, subscribeTemplateIds } from './subscribe-ids';

export type SubscribeOutcome = 'skipped' | 'asked' | 'failed';

/** Whose templates to ask for: a resident's (progress of their concern) or staff's (to-dos, overdue). */
export type SubscribeAudience = 'resident' | 'staff';

/** The ids the server said it sends with (`me/profile`'s `subscribeTemplates`), once learned on this run. */
let learned: SubscribeTemplateIds | null = null;

/** Keeps the server's template ids for this run; a profile without them leaves the build's fallback in use. */
export function learnTemplateIds(ids: SubscribeTemplateIds | undefined): void {
  if (ids) learned = { resident: subscribeTemplateIds(ids.resident.join(',')), staff: subscribeTemplateIds(ids.staff.join(',')) };
}

/**
 * The template ids for an audience: those the server named at run time, else the build's
 * (TARO_APP_SUBSCRIBE_TEMPLATE_IDS, TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS) as a fallback.
 */
export function templateIdsFor(audience: SubscribeAudience): string[] {
  const fromServer = learned?.[audience] ?? [];
  if (fromServer.length > 0) return fromServer;
  return subscribeTemplateIds(audience === 'staff' ? process.env.TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS : process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS);
}

/** Whether subscribe messages can be asked for at all here: in WeChat, with templates configured. */
export function canSubscribe(audience: SubscribeAudience): boolean {
  return process.env.TARO_ENV === 'weapp' && templateIdsFor(audience).length > 0;
}

/**
 * Asks for the configured templates. Skipped in H5 (no subscribe messages there: the in-app 消息 list
 * serves) and when no template is configured. A refusal or an old WeChat client never blocks the report:
 * the outcome is returned, and the in-app message list still gets every notice.
 */
export async function requestSubscribe(audience: SubscribeAudience = 'resident', moment: 'first' | 'again' = 'first'): Promise<SubscribeOutcome> {
  if (!canSubscribe(audience) || !asksAt(moment, isLongTerm(process.env.TARO_APP_SUBSCRIBE_LONG_TERM))) return 'skipped';
  const tmplIds = templateIdsFor(audience);
  try {
    // WeChat takes tmplIds only: `entityIds` belongs to another platform, though Taro's typing makes every
    // BaseOption field required; the cast drops it rather than sending a field WeChat does not know.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    // The answer names each template: 'accept', 'reject', 'ban' or 'filter'.
    return tmplIds.some((t) => answer[t] === 'accept') ? 'asked' : 'failed';
  } catch (e) {
    console.warn('[jiefang] requestSubscribeMessage failed:', e);
    return 'failed';
  }
}
