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
    // WeChat takes tmplIds only: `entityIds` belongs to another platform, though Taro's typing makes every
    // BaseOption field required; the cast drops it rather than sending a field WeChat does not know.
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
    return 'asked';
  } catch (e) {
    console.warn('[jiefang] requestSubscribeMessage failed:', e);
    return 'failed';
  }
}
