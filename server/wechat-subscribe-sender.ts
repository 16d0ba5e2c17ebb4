/**
 * Delivers outbox items as WeChat one-time subscribe messages (`subscribeMessage.send`). Every
 * NotificationKind maps (in code, TEMPLATE_OF) to one of four template keys — a staff to-do, progress of a
 * concern, a team application, a volunteer event — and each template key to a template chosen in the
 * WeChat admin console; that mapping (template id and which item field fills which template field) is
 * configuration, checked at start.
 */
import { z } from 'zod';
import type { NotificationKind, OutboxItem } from '../core/model';
import type { NotificationSender } from '../core/ports';
import { NoSubscriptionQuota } from '../core/concerns/outbox';
import { OPENAPI, WechatApiError, type WechatOpenApi } from './wechat-openapi';
import { beijingClock } from '../core/beijing';

/** Where a template key's value comes from: a field of the item, or fixed text (`text:…`). */
const source = z.union([z.enum(['title', 'body', 'createdAt', 'kindName']), z.string().regex(/^text:.+/)]);
const template = z.object({ id: z.string().min(1), data: z.record(z.string().regex(/^[a-z_]+\d+$/), source) }).strict();
export const TEMPLATE_KEYS = ['concern_todo', 'concern_progress', 'team_review', 'volunteer_event'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export const templatesSchema = z
  .object({ concern_todo: template, concern_progress: template, team_review: template, volunteer_event: template })
  .strict() satisfies z.ZodType<Record<TemplateKey, unknown>>;
export type TemplateConfig = z.infer<typeof templatesSchema>;

/** The ids the mini program asks for (issue 15): staff the to-do template (new and overdue concerns), residents the progress one. */
export function subscribeTemplateIdsOf(t: TemplateConfig): { resident: string[]; staff: string[] } {
  return { resident: [t.concern_progress.id], staff: [t.concern_todo.id] };
}

/** Which template each kind of notice is sent with. */
export const TEMPLATE_OF: Readonly<Record<NotificationKind, TemplateKey>> = {
  concern_assigned: 'concern_todo',
  concern_overdue: 'concern_todo',
  concern_reopened: 'concern_todo',
  concern_rated: 'concern_todo',
  concern_accepted: 'concern_progress',
  concern_replied: 'concern_progress',
  concern_resolved: 'concern_progress',
  concern_rerouted: 'concern_progress',
  team_applied: 'team_review',
  team_reviewed: 'team_review',
  event_promoted: 'volunteer_event',
  event_cancelled: 'volunteer_event',
  event_reminder: 'volunteer_event',
  event_reviewed: 'volunteer_event',
  calendar_missing: 'concern_todo',
  // Delivered in-app only (core/trust/takedown-notice.ts); listed so that every kind has a template.
  content_removed: 'concern_progress',
  // 街坊议事 (yishi)
  topic_opened: 'concern_progress',
  topic_decided: 'concern_progress',
  topic_answered: 'concern_progress',
  action_started: 'volunteer_event',
  action_reported: 'concern_todo',
  action_cancelled: 'concern_todo',
  concern_withdrawn: 'concern_progress',
  concern_chased: 'concern_todo',
};

/** `kindName`: what happened, in at most 5 Chinese characters (fits a `phrase` field). */
export const KIND_NAME: Readonly<Record<NotificationKind, string>> = {
  concern_assigned: '新诉求',
  concern_accepted: '已签收',
  concern_replied: '新回复',
  concern_resolved: '已办结',
  concern_rated: '已评价',
  concern_reopened: '需重办',
  concern_rerouted: '已转办',
  concern_overdue: '已超期',
  team_applied: '入队申请',
  team_reviewed: '审核结果',
  event_promoted: '候补转正',
  event_cancelled: '活动取消',
  event_reminder: '活动提醒',
  event_reviewed: '活动审核',
  calendar_missing: '日历待录',
  content_removed: '内容下架',
  // 街坊议事 (yishi)
  topic_opened: '新议题',
  topic_decided: '议事结果',
  topic_answered: '提案答复',
  action_started: '志愿行动',
  action_reported: '行动完成',
  action_cancelled: '行动取消',
  concern_withdrawn: '已撤回',
  concern_chased: '居民催办',
};

/** WeChat's limits per template key type (characters). Keys are named type + number, e.g. thing1. */
const LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
  short_thing: 5,
};

/** Shanghai wall-clock time as WeChat's `time` and `date` keys want it. */
function shanghai(iso: string, withTime: boolean): string {
  const d = beijingClock(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return withTime ? `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}` : date;
}

function fit(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A template key's value from the item, cut to the key type's limit. */
export function templateValue(key: string, src: string, item: OutboxItem): string {
  const type = key.replace(/\d+$/, '');
  const raw = src.startsWith('text:') ? src.slice(5) : src === 'kindName' ? KIND_NAME[item.kind] : item[src as 'title' | 'body' | 'createdAt'];
  if (type === 'time') return shanghai(raw, true);
  if (type === 'date') return shanghai(raw, false);
  // phrase keys take Chinese characters only; anything else is dropped before cutting.
  const text = type === 'phrase' ? raw.replace(/[^\u4e00-\u9fff]/g, '') : raw;
  const max = LIMITS[type];
  return max === undefined ? text : type === 'phrase' || type === 'symbol' ? [...text].slice(0, max).join('') : fit(text, max);
}

export class WechatSubscribeSender implements NotificationSender {
  constructor(
    private readonly api: WechatOpenApi,
    private readonly templates: TemplateConfig,
    private readonly miniprogramState: 'formal' | 'trial' | 'developer' = 'formal',
  ) {}

  async send(item: OutboxItem): Promise<void> {
    const t = this.templates[TEMPLATE_OF[item.kind]];
    const data = Object.fromEntries(Object.entries(t.data).map(([key, src]) => [key, { value: templateValue(key, src, item) }]));
    try {
      await this.api.call(OPENAPI.subscribeSend, {
        touser: item.recipientOpenid,
        template_id: t.id,
        page: item.page.replace(/^\//, ''),
        data,
        miniprogram_state: this.miniprogramState,
        lang: 'zh_CN',
      });
    } catch (e) {
      // 43101: the person holds no subscription for this template (none accepted, or the one-time quota is
      // used up). Only their next acceptance helps: the notice is given up, not retried.
      if (e instanceof WechatApiError && e.errcode === NO_QUOTA) throw new NoSubscriptionQuota(e.message);
      throw e;
    }
  }
}

/** WeChat's answer to subscribeMessage.send for a person without a subscription to the template. */
export const NO_QUOTA = 43101;

/**
 * Production delivery: every notice goes to the recipient's in-app 消息 list first (idempotent by the
 * item's id, so a retry stores it once), then to WeChat. A notice WeChat refuses stays readable in the app.
 */
export class InAppThenWechatSender implements NotificationSender {
  constructor(
    private readonly inApp: NotificationSender,
    private readonly wechat: NotificationSender,
  ) {}

  async send(item: OutboxItem): Promise<void> {
    await this.inApp.send(item);
    await this.wechat.send(item);
  }
}
