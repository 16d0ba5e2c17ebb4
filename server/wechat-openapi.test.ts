/**
 * The WeChat OpenAPI adapter, through the real wx-server-sdk (`cloud.openapi` → node-sdk's
 * `callCompatibleWxOpenApi`, protobuf on the wire), against a fake of the SDK's one request method.
 */
import { NoSubscriptionQuota } from '../core/concerns/outbox';
import type { NotificationKind, OutboxItem } from '../core/model';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { MSG_SEC_CHECK_MAX, WechatApiError, WechatContentCheck, WechatOpenApi, textParts, wxServerSdkInvoke } from './wechat-openapi';
import { KIND_NAME, TEMPLATE_KEYS, TEMPLATE_OF, WechatSubscribeSender, templateValue, templatesSchema } from './wechat-subscribe-sender';

let api: FakeCloudbaseApi;
let openapi: WechatOpenApi;
beforeEach(() => {
  api = new FakeCloudbaseApi().install();
  openapi = new WechatOpenApi(wxServerSdkInvoke('jiefang-test'));
});
afterEach(() => {
  api.uninstall();
  jest.restoreAllMocks();
});

const item: OutboxItem = {
  id: 'n1',
  recipientOpenid: 'o-resident-1',
  kind: 'concern_replied',
  title: '您的诉求有新回复',
  body: '已安排环卫车明早八点前清运祠堂旁的两个垃圾桶，请留意',
  page: '/pages/concern/index?id=c1',
  createdAt: '2026-11-30T02:05:00.000Z',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-11-30T02:05:00.000Z',
  lastError: null,
  sentAt: null,
};

describe('the WeChat content check (msgSecCheck v2)', () => {
  it.each([
    [{ suggest: 'pass', label: 100 }, { verdict: 'pass' }],
    [{ suggest: 'review', label: 10001 }, { verdict: 'review', label: 'ad' }],
    [{ suggest: 'risky', label: 20003 }, { verdict: 'reject', label: 'abuse' }],
    [{ suggest: 'risky', label: 29999 }, { verdict: 'reject', label: '29999' }],
  ])('maps %j to %j', async (result, verdict) => {
    api.onWxOpenApi(() => ({ errcode: 0, errmsg: 'ok', result, detail: [], trace_id: 't1' }));
    expect(await new WechatContentCheck(openapi).check('祠堂旁垃圾桶满了', 'o-author')).toEqual(verdict);
  });

  it('sends version 2 with the author and the scene, as a cloud call on the documented path (wx.openApi)', async () => {
    api.onWxOpenApi(() => ({ errcode: 0, result: { suggest: 'pass', label: 100 } }));
    await new WechatContentCheck(openapi, 2).check('你好', 'o-author');
    expect(api.requests.map((r) => [r.action, r.apiName])).toEqual([['wx.openApi', 'security.msgSecCheck']]);
    expect(api.openApiRequests).toEqual([{ apiName: 'security.msgSecCheck', data: { content: '你好', version: 2, scene: 2, openid: 'o-author' } }]);
  });

  it('answers WechatApiError with the errcode of a refused call', async () => {
    api.onWxOpenApi(() => ({ errcode: -604101, errmsg: 'function has no permission to call this API' }));
    const refused = openapi.call('security.msgSecCheck', { content: 'x' });
    await expect(refused).rejects.toBeInstanceOf(WechatApiError);
    await expect(refused).rejects.toMatchObject({ api: 'security.msgSecCheck', errcode: -604101, message: expect.stringContaining('function has no permission') });
  });

  it.each([
    ['WeChat refuses the call', () => ({ errcode: -604101, errmsg: 'function has no permission to call this API' }), 'check_failed'],
    ['the cloud call breaks', () => Promise.reject(new Error('socket hang up')), 'check_failed'],
    ['no answer comes in time', () => new Promise<Record<string, unknown>>(() => undefined), 'check_timeout'],
  ])('holds the text for a moderator when %s: the write is never lost', async (_what, answer, label) => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    api.onWxOpenApi(answer);
    expect(await new WechatContentCheck(openapi, 3, 50).check('祠堂旁垃圾桶满了', 'o-author')).toEqual({ verdict: 'review', label });
  });

  it('checks a text over 2,500 characters in parts of at most 2,500, and the strictest part decides', async () => {
    const text = `${'祠堂旁垃圾桶满了。'.repeat(300)}广告`; // 2,702 characters
    api.onWxOpenApi((_name, data) => ({ errcode: 0, result: String(data.content).includes('广告') ? { suggest: 'review', label: 10001 } : { suggest: 'pass', label: 100 } }));
    expect(await new WechatContentCheck(openapi).check(text, 'o-author')).toEqual({ verdict: 'review', label: 'ad' });
    const parts = api.openApiRequests.map((r) => String(r.data.content));
    expect(parts.map((p) => [...p].length)).toEqual([2500, 202]);
    expect(parts.join('')).toBe(text);
  });

  it('never splits a character: parts are cut by code point', () => {
    const text = '😀'.repeat(MSG_SEC_CHECK_MAX + 1);
    expect(textParts(text).map((p) => [...p].length)).toEqual([MSG_SEC_CHECK_MAX, 1]);
  });

  it.each(['open311-12345', 'open311-danzao-oversight'])('does not call msgSecCheck for %s (no WeChat user): the text goes to manual moderation', async (openid) => {
    api.onWxOpenApi(() => ({ errcode: 0, result: { suggest: 'pass', label: 100 } }));
    expect(await new WechatContentCheck(openapi).check('12345工单：村口垃圾三天无人清理', openid)).toEqual({ verdict: 'review', label: 'no_wechat_user' });
    expect(api.requests).toEqual([]);
  });

  it('submits a photo for the asynchronous media check and answers its trace id', async () => {
    api.onWxOpenApi(() => ({ errcode: 0, errmsg: 'ok', trace_id: 'trace-42' }));
    expect(await new WechatContentCheck(openapi).checkMediaAsync('https://example.invalid/p.jpg', 'o-author')).toEqual({ traceId: 'trace-42' });
    expect(api.openApiRequests).toEqual([{ apiName: 'security.mediaCheckAsync', data: { media_url: 'https://example.invalid/p.jpg', media_type: 2, version: 2, scene: 3, openid: 'o-author' } }]);
  });
});

describe('the subscribe-message sender', () => {
  const templates = templatesSchema.parse({
    concern_todo: { id: 'tpl-todo', data: { thing1: 'title', thing2: 'body', time3: 'createdAt', phrase4: 'kindName' } },
    concern_progress: { id: 'tpl-progress', data: { thing1: 'body', phrase2: 'text:处理中', time3: 'createdAt', thing4: 'text:街坊' } },
    team_review: { id: 'tpl-team', data: { phrase1: 'kindName', thing2: 'body', date3: 'createdAt' } },
    volunteer_event: { id: 'tpl-event', data: { thing1: 'title', thing2: 'body', phrase3: 'kindName', time4: 'createdAt' } },
  });

  /** Every kind of notice core can queue (a Record, so a new kind fails to compile until it is listed). */
  const KINDS = Object.keys({
    concern_assigned: 1,
    concern_accepted: 1,
    concern_replied: 1,
    concern_resolved: 1,
    concern_rated: 1,
    concern_reopened: 1,
    concern_rerouted: 1,
    concern_overdue: 1,
    team_applied: 1,
    team_reviewed: 1,
    event_promoted: 1,
    event_cancelled: 1,
    event_reminder: 1,
    event_reviewed: 1,
    calendar_missing: 1,
    content_removed: 1,
    topic_opened: 1,
    topic_decided: 1,
    topic_answered: 1,
    action_started: 1,
    action_reported: 1,
    action_cancelled: 1,
    concern_withdrawn: 1,
    concern_chased: 1,
  } satisfies Record<NotificationKind, 1>) as NotificationKind[];
  const LIMIT: Record<string, number> = { thing: 20, phrase: 5, time: 16, date: 10 };

  it.each(KINDS)('sends a %s notice with a configured template, every field within its WeChat limit', async (kind) => {
    api.onWxOpenApi(() => ({ errcode: 0, errmsg: 'ok', msgid: 1 }));
    const long = { ...item, kind, title: '志愿活动提醒：村道周末清洁行动将于明早开始，请准时参加', body: '「村道周末清洁行动」将于12月2日 08:30在大果经济社祠堂门口集合开始，请准时参加并扫码签到。' };
    await new WechatSubscribeSender(openapi, templates).send(long);
    const sent = api.openApiRequests[0].data as { template_id: string; data: Record<string, { value: string }> };
    const t = templates[TEMPLATE_OF[kind]];
    expect(sent.template_id).toBe(t.id);
    expect(Object.keys(sent.data).sort()).toEqual(Object.keys(t.data).sort());
    for (const [key, { value }] of Object.entries(sent.data)) {
      expect(value.length).toBeGreaterThan(0);
      expect([...value].length).toBeLessThanOrEqual(LIMIT[key.replace(/\d+$/, '')]);
    }
    // A phrase field takes Chinese characters only, at most 5: every kind's name fits one whole.
    expect(KIND_NAME[kind]).toMatch(/^[\u4e00-\u9fff]{1,5}$/);
  });

  it('maps every kind to one of the configured template keys', () => {
    expect(Object.keys(TEMPLATE_OF).sort()).toEqual([...KINDS].sort());
    expect(new Set(Object.values(TEMPLATE_OF))).toEqual(new Set(TEMPLATE_KEYS));
  });

  it('maps a notification to its template, cutting each value to its key type', async () => {
    api.onWxOpenApi(() => ({ errcode: 0, errmsg: 'ok', msgid: 1 }));
    await new WechatSubscribeSender(openapi, templates, 'trial').send(item);
    expect(api.openApiRequests[0].apiName).toBe('subscribeMessage.send');
    expect(api.openApiRequests[0].data).toEqual({
      touser: 'o-resident-1',
      template_id: 'tpl-progress',
      page: 'pages/concern/index?id=c1',
      data: { thing1: { value: '已安排环卫车明早八点前清运祠堂旁的两个…' }, phrase2: { value: '处理中' }, time3: { value: '2026-11-30 10:05' }, thing4: { value: '街坊' } },
      miniprogram_state: 'trial',
      lang: 'zh_CN',
    });
  });

  it.each([
    ['thing1', 'body', 20],
    ['phrase2', 'text:已经办结了的诉求', 5],
    ['name3', 'text:欧阳娜娜娜娜娜娜娜娜娜', 10],
    ['character_string4', `text:${'a'.repeat(40)}`, 32],
  ])('keeps %s within its limit', (key, src, max) => {
    expect([...templateValue(key, src, item)].length).toBeLessThanOrEqual(max);
  });

  it('throws when WeChat refuses, so the outbox retries', async () => {
    api.onWxOpenApi(() => ({ errcode: 45009, errmsg: 'reach max api daily quota limit' }));
    await expect(new WechatSubscribeSender(openapi, templates).send(item)).rejects.toThrow(WechatApiError);
  });

  it('says so when the person holds no subscription (43101), so the outbox gives the notice up instead of retrying', async () => {
    api.onWxOpenApi(() => ({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    await expect(new WechatSubscribeSender(openapi, templates).send(item)).rejects.toThrow(NoSubscriptionQuota);
  });

  it('refuses a template configuration that misses a template key, or names one that does not exist', () => {
    expect(templatesSchema.safeParse({ concern_todo: templates.concern_todo }).success).toBe(false);
    expect(templatesSchema.safeParse({ ...templates, concern_assigned: templates.concern_todo }).success).toBe(false);
  });
});
