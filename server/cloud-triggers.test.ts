/**
 * Who may start a cloud function, on the deployed functions over the CloudBase wire fake: the `concern`
 * function serves only calls whose context names the configured AppID; `sla` and `notify` run only for
 * their timer trigger and never for a person; `mediacheck` takes only WeChat's push for this mini program.
 * Each attack is refused and changes nothing in the store.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { main as mediaCheckFunction } from '../cloudfunctions/mediacheck/index';
import { main as notifyFunction } from '../cloudfunctions/notify/index';
import { main as slaFunction } from '../cloudfunctions/sla/index';
import { TIMER_TRIGGERS } from './cloud-function';
import { resetCloudRuntime } from './cloud-runtime';
import { CloudbaseStore } from './cloudbase/store';
import { seedCloudbaseDirectory } from './cloudbase/seed';
import { demoDirectory } from './demo-data';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../test/fakes/cloudbase-db';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { testPhotoId } from './test-cloud-function';

const APPID = 'wx0123456789abcdef';
const OTHER_APP = 'wxfedcba9876543210';
const TEMPLATES = JSON.stringify({
  concern_todo: { id: 't1', data: { thing1: 'title' } },
  concern_progress: { id: 't2', data: { thing1: 'body', time2: 'createdAt' } },
  team_review: { id: 't3', data: { thing1: 'body' } },
  volunteer_event: { id: 't4', data: { thing1: 'title', time2: 'createdAt' } },
});

/** A function context as CloudBase passes it; `environment` carries the WeChat and CloudBase keys given. */
const context = (keys: Record<string, string> = {}) => ({
  request_id: 'req-1',
  function_name: 'f',
  environment: JSON.stringify({ WX_CONTEXT_KEYS: Object.keys(keys).filter((k) => k.startsWith('WX_')).join(','), ...keys }),
});
const person = (openid: string, extra: Record<string, string> = {}) => context({ WX_OPENID: openid, WX_APPID: APPID, TCB_SOURCE: 'wx_client', ...extra });

const saved = { ...process.env };
let wire: FakeCloudbaseDb;
let api: FakeCloudbaseApi;
beforeEach(async () => {
  process.env.TCB_ENV = 'jiefang-test';
  process.env.JIEFANG_WX_APPID = APPID;
  process.env.JIEFANG_CODE_SECRET = 'test-code-secret-0123456789abcdef';
  process.env.JIEFANG_WX_TEMPLATES = TEMPLATES;
  const fake = fakeCloudbaseApp();
  wire = fake.wire;
  api = new FakeCloudbaseApi().install().onWxOpenApi((apiName, body) => {
    if (apiName === 'security.msgSecCheck') return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
    if (apiName === 'security.mediaCheckAsync') return { errcode: 0, errmsg: 'ok', trace_id: `trace-${String(body.media_url).split('/').pop()}` };
    return { errcode: -1, errmsg: `unexpected ${apiName}` };
  });
  api.on('storage.batchGetDownloadUrl', (p) => ({
    data: { download_list: (p.file_list as Array<{ fileid: string }>).map((f) => ({ code: 'SUCCESS', fileID: f.fileid, tempFileURL: `https://tmp.example.invalid/${f.fileid.split('/').pop()}` })) },
  }));
  const store = new CloudbaseStore({ db: fake.db });
  await store.cb.createCollections();
  await seedCloudbaseDirectory(store.cb, demoDirectory('2026-11-30T00:00:00.000Z'));
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  process.env = { ...saved };
  wire.uninstall();
  api.uninstall();
  resetCloudRuntime();
  jest.restoreAllMocks();
});

describe('the identity of a call', () => {
  const profile = (ctx: object) => concernFunction({ action: 'me/profile', data: {} }, ctx);

  it('is the context openid when the context names the configured AppID', async () => {
    expect(await profile(person('o-resident'))).toMatchObject({ ok: true, data: { openid: 'o-resident' } });
  });

  it('is refused for another mini program, or no AppID at all, and creates nobody', async () => {
    for (const ctx of [person('o-intruder', { WX_APPID: OTHER_APP }), context({ WX_OPENID: 'o-intruder' })]) {
      expect(await profile(ctx)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
      expect(await concernFunction({ action: 'concern/submit', data: { category: 'environment', description: '垃圾桶满了', placeId: 'dz-xicheng-daguo' } }, ctx)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(wire.documents('users').map((u) => u._id)).not.toContain('o-intruder');
    expect(wire.documents('concerns')).toEqual([]);
  });

  it('across accounts, is FROM_OPENID when FROM_APPID is ours, and refused when it is not', async () => {
    expect(await profile(context({ WX_FROM_APPID: APPID, WX_FROM_OPENID: 'o-shared', WX_APPID: OTHER_APP }))).toMatchObject({ ok: true, data: { openid: 'o-shared' } });
    expect(await profile(context({ WX_FROM_APPID: OTHER_APP, WX_FROM_OPENID: 'o-intruder', WX_OPENID: 'o-intruder', WX_APPID: APPID }))).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const users = wire.documents('users').map((u) => u._id);
    expect(users).toContain('o-shared');
    expect(users).not.toContain('o-intruder');
  });
});

describe('the timer functions', () => {
  const timerEvent = (trigger: string) => ({ Type: 'Timer', TriggerName: trigger, Time: '2026-11-30T02:00:00Z', Message: '' });
  const timers: Array<[string, (e: unknown, c: unknown) => Promise<unknown>, string]> = [
    ['sla', slaFunction, TIMER_TRIGGERS.sla],
    ['notify', notifyFunction, TIMER_TRIGGERS.notify],
  ];

  it.each(timers)('%s runs for its own timer event', async (_name, fn, trigger) => {
    expect(await fn(timerEvent(trigger), context())).toMatchObject({ ok: true });
    // A timer's own context may say so: its source, and that no anonymous person is signed in.
    expect(await fn(timerEvent(trigger), context({ TCB_SOURCE: 'wx_trigger', TCB_ISANONYMOUS_USER: 'false' }))).toMatchObject({ ok: true });
  });

  it.each(timers)('%s refuses a person, another event or another trigger, without touching the database', async (_name, fn, trigger) => {
    const attacks: Array<[unknown, unknown]> = [
      [timerEvent(trigger), person('o-resident')], // the mini program, with a forged timer event
      [{ ...timerEvent(trigger), userInfo: { appId: APPID, openId: 'o-resident' } }, context()], // wx.cloud.callFunction's event
      [timerEvent(trigger), context({ TCB_SOURCE: 'wx_http' })], // the HTTP API
      [timerEvent(trigger), context({ TCB_SOURCE: 'wx_devtools' })],
      [timerEvent(trigger), context({ TCB_UUID: 'anon-1', TCB_ISANONYMOUS_USER: 'true' })], // a CloudBase (anonymous) login
      [timerEvent('some-other-trigger'), context()],
      [{}, context()],
      [{ action: 'concern/inbox', data: {} }, context()],
    ];
    const before = wire.requests.length;
    for (const [event, ctx] of attacks) expect([event, await fn(event, ctx)]).toEqual([event, expect.objectContaining({ ok: false, code: 'AUTH.FORBIDDEN' })]);
    expect(wire.requests.length).toBe(before);
  });

  it('are deployed with the trigger names they check and the AppID they need', () => {
    const rc = JSON.parse(readFileSync(path.join(__dirname, '..', 'cloudbaserc.json'), 'utf8')) as { functions: Array<{ name: string; envVariables?: Record<string, string>; triggers?: Array<{ name: string }> }> };
    for (const [name, , trigger] of timers) expect(rc.functions.find((f) => f.name === name)?.triggers?.map((t) => t.name)).toEqual([trigger]);
    for (const f of rc.functions) expect([f.name, f.envVariables?.JIEFANG_WX_APPID, f.envVariables?.JIEFANG_CODE_SECRET]).toEqual([f.name, '{{env.JIEFANG_WX_APPID}}', '{{env.JIEFANG_CODE_SECRET}}']);
  });
});

describe('the notify function', () => {
  const tick = () => notifyFunction({ Type: 'Timer', TriggerName: TIMER_TRIGGERS.notify, Time: '2026-11-30T02:00:00Z', Message: '' }, context());

  it('keeps every notice in the in-app 消息 list, and gives up at once, counted, on a notice WeChat refuses for no subscription (43101)', async () => {
    const sends: string[] = [];
    api.onWxOpenApi((apiName, body) => {
      if (apiName === 'security.msgSecCheck') return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
      if (apiName !== 'subscribeMessage.send') return { errcode: -1, errmsg: `unexpected ${apiName}` };
      sends.push(String(body.touser));
      // The chair accepted a staff template; nobody else did.
      return body.touser === 'demo-staff-daguo-huang' ? { errcode: 0, errmsg: 'ok', msgid: 1 } : { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    });
    expect(await concernFunction({ action: 'concern/submit', data: { category: 'environment', description: '垃圾桶满了', placeId: 'dz-xicheng-daguo' } }, person('demo-resident-chen'))).toMatchObject({ ok: true });
    const staff = wire.documents('outbox').length;
    expect(staff).toBe(3);

    expect(await tick()).toMatchObject({ ok: true, data: { claimed: 3, sent: 1, failed: 0, dead: 0, noQuota: 2 } });
    expect(wire.documents('outbox').map((d) => d.status).sort()).toEqual(['dead', 'dead', 'sent']);
    expect(wire.documents('inbox_messages').map((d) => d.recipientOpenid).sort()).toEqual(['demo-office-dz-env', 'demo-staff-daguo-huang', 'demo-staff-daguo-liang']);
    // Not retried: later runs send nothing more.
    expect(await tick()).toMatchObject({ ok: true, data: { claimed: 0 } });
    expect(sends).toHaveLength(3);
  });

  it('retries a notice WeChat could not take for another reason, without a second in-app copy', async () => {
    api.onWxOpenApi((apiName) => (apiName === 'subscribeMessage.send' ? { errcode: -1, errmsg: 'system busy' } : { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } }));
    await concernFunction({ action: 'concern/submit', data: { category: 'environment', description: '垃圾桶满了', placeId: 'dz-xicheng-daguo' } }, person('demo-resident-chen'));
    expect(await tick()).toMatchObject({ ok: true, data: { failed: 3, noQuota: 0 } });
    expect(wire.documents('outbox').map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
    expect(wire.documents('inbox_messages')).toHaveLength(3);
  });
});

describe('the mediacheck function', () => {
  const photo = testPhotoId('jiefang-test.bucket', 'o-resident', 'a1.jpg');
  const push = { ToUserName: 'gh_0123456789ab', FromUserName: 'o-wechat-platform', CreateTime: 1764468000, MsgType: 'event', Event: 'wxa_media_check', appid: APPID, trace_id: 'trace-a1.jpg', version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
  const checks = () => wire.documents('photo_checks').map((c) => c.status);
  beforeEach(async () => {
    const sub = await concernFunction({ action: 'concern/submit', data: { category: 'environment', description: '祠堂旁垃圾桶满了', placeId: 'dz-xicheng-daguo', photos: [photo] } }, person('o-resident'));
    expect(sub).toMatchObject({ ok: true });
    expect(checks()).toEqual(['pending']);
  });

  it('ignores what is not WeChat’s push for this mini program, leaving the check pending', async () => {
    const attacks: Array<[string, unknown, unknown]> = [
      ['a forged push through wx.cloud.callFunction', { ...push, userInfo: { appId: APPID, openId: 'o-resident' } }, person('o-resident')],
      ['a forged push from the mini program', push, context({ TCB_SOURCE: 'wx_client' })],
      ['a forged push from the IDE', push, context({ TCB_SOURCE: 'wx_devtools,scf' })],
      ['a person’s call that names the push’s sender as someone else', push, context({ WX_OPENID: 'o-resident', WX_APPID: APPID })],
      ['a push from a CloudBase login', push, context({ TCB_UUID: 'anon-1' })],
      ['a push for another mini program', { ...push, appid: OTHER_APP }, context()],
      ['a push to another AppID', { ...push, ToUserName: OTHER_APP }, context()],
      ['a push to no one', { ...push, ToUserName: '' }, context()],
      ['a push without its sender', { ...push, FromUserName: undefined }, context()],
      ['a push that is not an event', { ...push, MsgType: 'text' }, context()],
    ];
    for (const [name, event, ctx] of attacks) expect([name, await mediaCheckFunction(event, ctx)]).toEqual([name, { ignored: expect.any(String) }]);
    expect(checks()).toEqual(['pending']);
  });

  it('settles the check from WeChat’s push, whose context may name its sender', async () => {
    expect(await mediaCheckFunction(push, context({ WX_OPENID: push.FromUserName, WX_APPID: APPID }))).toEqual({ settled: true, status: 'published' });
    expect(await mediaCheckFunction({ ...push, result: { suggest: 'risky', label: 20002 } }, context())).toEqual({ settled: false, status: null });
  });

  it('takes the AppID itself as ToUserName, and only the configured original id once it is set', async () => {
    process.env.JIEFANG_WX_ORIGINAL_ID = 'gh_aaaaaaaaaaaa';
    resetCloudRuntime();
    expect(await mediaCheckFunction(push, context())).toEqual({ ignored: expect.stringContaining('ToUserName') });
    expect(await mediaCheckFunction({ ...push, ToUserName: APPID }, context())).toEqual({ settled: true, status: 'published' });
  });
});
