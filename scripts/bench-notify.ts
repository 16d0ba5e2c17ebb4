/**
 * `npm run bench -- notify`: what the `notify` function does with notices WeChat cannot send (issue 15,
 * item 5). On the CloudBase wire fake with WeChat's OpenAPI faked at the SDK's request method, residents
 * report concerns; every staff member but one holds no subscription, so WeChat answers 43101 for them.
 * The timer runs three times. Counted: notices claimed, sent, `noQuota` (43101: given up at once), WeChat
 * send calls over all runs (a refused notice is never sent again), the in-app 消息 copies (every notice has
 * one), and the database requests per notice.
 */
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { main as notifyFunction } from '../cloudfunctions/notify/index';
import { TIMER_TRIGGERS } from '../server/cloud-function';
import { resetCloudRuntime } from '../server/cloud-runtime';
import { CloudbaseStore } from '../server/cloudbase/store';
import { seedCloudbaseCalendar, seedCloudbaseDirectory } from '../server/cloudbase/seed';
import { DEMO_IDENTITIES as I, demoDirectory } from '../server/demo-data';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';

type Row = [metric: string, value: string, goal: string];

const APPID = 'wx0123456789abcdef';
const TEMPLATES = {
  concern_todo: { id: 't-todo', data: { thing1: 'title' } },
  concern_progress: { id: 't-progress', data: { thing1: 'body', time2: 'createdAt' } },
  team_review: { id: 't-team', data: { thing1: 'body' } },
  volunteer_event: { id: 't-event', data: { thing1: 'title', time2: 'createdAt' } },
};
const REPORTS = 20;

export interface NotifyCounts {
  notices: number;
  claimed: number;
  sent: number;
  noQuota: number;
  failed: number;
  wechatSends: number;
  inApp: number;
  requests: number;
}

export async function measureNoQuota(reports = REPORTS): Promise<NotifyCounts> {
  const saved = { ...process.env };
  process.env.TCB_ENV = 'jiefang-bench';
  process.env.JIEFANG_WX_APPID = APPID;
  process.env.JIEFANG_CODE_SECRET ??= 'bench-code-secret-0123456789abcdef';
  process.env.JIEFANG_WX_TEMPLATES = JSON.stringify(TEMPLATES);
  resetCloudRuntime();
  const fake = fakeCloudbaseApp();
  let wechatSends = 0;
  // Only 黄社长 accepted a staff template; everyone else holds no subscription.
  const api = new FakeCloudbaseApi().install().onWxOpenApi((apiName, body) => {
    if (apiName !== 'subscribeMessage.send') return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
    wechatSends++;
    return body.touser === I.daguoChair ? { errcode: 0, errmsg: 'ok', msgid: wechatSends } : { errcode: 43101, errmsg: 'user refuse to accept the msg' };
  });
  try {
    const store = new CloudbaseStore({ db: fake.db });
    await store.cb.createCollections();
    await seedCloudbaseDirectory(store.cb, demoDirectory(new Date().toISOString()));
    await seedCloudbaseCalendar(store.directory);
    const ctx = (openid: string) => ({ request_id: 'bench', function_name: 'concern', environment: JSON.stringify({ WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: openid, WX_APPID: APPID }) });
    for (let i = 0; i < reports; i++) {
      const res = (await concernFunction({ action: 'concern/submit', data: { category: 'environment', description: `祠堂旁垃圾桶满了，第${i + 1}次`, placeId: 'dz-xicheng-daguo' } }, ctx(`bench-resident-${i}`))) as { ok: boolean; code?: string };
      if (!res.ok) throw new Error(`bench submit refused: ${res.code}`);
    }
    const notices = fake.wire.documents('outbox').length;
    const before = fake.wire.requests.length;
    const total = { claimed: 0, sent: 0, noQuota: 0, failed: 0 };
    const timer = { Type: 'Timer', TriggerName: TIMER_TRIGGERS.notify, Time: new Date().toISOString(), Message: '' };
    const timerCtx = { request_id: 'bench', function_name: 'notify', environment: JSON.stringify({}) };
    for (let run = 0; run < 3; run++) {
      const r = (await notifyFunction(timer, timerCtx)) as { ok: boolean; data: typeof total };
      if (!r.ok) throw new Error('bench notify refused');
      for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += r.data[k];
    }
    return { notices, ...total, wechatSends, inApp: fake.wire.documents('inbox_messages').length, requests: fake.wire.requests.length - before };
  } finally {
    fake.wire.uninstall();
    api.uninstall();
    resetCloudRuntime();
    process.env = saved;
  }
}

export async function notifyBench(rows: Row[]): Promise<void> {
  const c = await measureNoQuota();
  rows.push([
    `notify, ${REPORTS} reports (${c.notices} notices; one staff member subscribed), 3 timer runs: claimed / sent / noQuota (43101) / failed`,
    `${c.claimed} / ${c.sent} / ${c.noQuota} / ${c.failed}`,
    'noQuota given up at once, never retried',
  ]);
  rows.push(['notify: WeChat send calls over the 3 runs; in-app 消息 copies', `${c.wechatSends}; ${c.inApp}`, `sends = notices; copies = notices`]);
  rows.push(['notify: database requests per notice (3 runs)', (c.requests / c.notices).toFixed(1), '']);
}
