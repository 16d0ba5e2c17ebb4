/**
 * WeChat one-time subscribe messages: the app asks on the report's submit tap (WeChat only allows asking
 * from a tap), so the backend may send the resident one notice per template when the concern moves.
 */
import Taro from '@tarojs/taro';
import { subscribeTemplateIds } from './subscribe-ids';

export type SubscribeOutcome = 'skipped' | 'asked' | 'failed';

/**
 * Asks for the configured templates. Skipped in H5 (no subscribe messages there: the in-app 消息 list
 * serves) and when no template is configured. A refusal or an old WeChat client never blocks the report:
 * the outcome is returned, and the in-app message list still gets every notice.
 */
export async function requestSubscribe(): Promise<SubscribeOutcome> {
  if (process.env.TARO_ENV !== 'weapp') return 'skipped';
  const tmplIds = subscribeTemplateIds(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS);
  if (tmplIds.length === 0) return 'skipped';
  try {
    // `entityIds` is not a WeChat option (Taro's typing of another platform's); WeChat takes tmplIds only.
    await Taro.requestSubscribeMessage({ tmplIds });
    return 'asked';
  } catch (e) {
    console.warn('[jiefang] requestSubscribeMessage failed:', e);
    return 'failed';
  }
}
