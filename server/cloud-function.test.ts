/** The cloud-function adapter: identity from the real SDK's context parsing, the shared router, the wire format. */
import { main as concernFunction } from '../cloudfunctions/concern/index';
import { main as mediaCheckFunction } from '../cloudfunctions/mediacheck/index';
import { main as open311Function } from '../cloudfunctions/open311/index';
import { main as slaFunction } from '../cloudfunctions/sla/index';
import { runSlaJob } from '../core/concerns/sla-job';
import { ALL_FUNCTIONS, FUNCTION_CONFIG } from '../scripts/build-functions';
import { createCloudHandler, createTimerHandler, TIMER_TRIGGERS } from './cloud-function';
import { cloudbaseIdentityFor, personInvoked } from './cloud-identity';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { createCloudRuntime, resetCloudRuntime } from './cloud-runtime';
import { CloudbaseStore } from './cloudbase/store';
import { addCloudbaseApiClient, seedCloudbaseCalendar, seedCloudbaseDirectory } from './cloudbase/seed';
import { loadCloudConfig } from './cloud-config';
import { DEMO_API_CLIENTS, DEMO_OPEN311 } from './demo-open311';
import { demoDirectory } from './demo-data';
import { fakeCloudbaseApp } from '../test/fakes/cloudbase-app';
import type { FakeCloudbaseDb } from '../test/fakes/cloudbase-db';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';
import { testPhotoId } from './test-cloud-function';
import { testClock } from './test-clock';

/** The configured AppID of these tests (JIEFANG_WX_APPID). */
const APPID = 'wx0123456789abcdef';
const cloudbaseIdentity = cloudbaseIdentityFor(APPID);

/** A function context as CloudBase passes it (new architecture: `environment` is a JSON string). */
const contextFor = (openid: string | null) => ({
  request_id: 'req-1',
  function_name: 'concern',
  environment: JSON.stringify({
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    ...(openid ? { WX_OPENID: openid } : {}),
    WX_APPID: APPID,
  }),
});

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', now: testClock().now, seed: 'demo' });
});
afterEach(() => rt.close());

describe('the cloud-function adapter', () => {
  const handler = () => createCloudHandler('concern', async () => rt.router, cloudbaseIdentity);

  it('takes the caller from WX_OPENID in the context', async () => {
    const res = await handler()({ action: 'me/profile', data: {} }, contextFor('demo-staff-daguo-huang'));
    expect(res).toEqual({ ok: true, data: expect.objectContaining({ openid: 'demo-staff-daguo-huang', role: 'staff', nodeName: '大果经济社' }) });
  });

  it('never takes identity from the event, and refuses a call without one', async () => {
    const res = await handler()({ action: 'me/profile', data: { openid: 'demo-admin-danzao' } }, contextFor('demo-resident-chen'));
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' });
    expect(await handler()({ action: 'me/profile', data: {} }, contextFor(null))).toMatchObject({ ok: false, code: 'AUTH.REQUIRED' });
  });

  it('maps domain errors to {ok:false, code, message}', async () => {
    const res = await handler()({ action: 'concern/get', data: { id: 'cmissing' } }, contextFor('demo-resident-chen'));
    expect(res).toEqual({ ok: false, code: 'CONCERN.NOT_FOUND', message: expect.any(String) });
    expect(await handler()({}, contextFor('demo-resident-chen'))).toMatchObject({ ok: false, code: 'VALIDATION.FAILED' });
  });

  it('answers INTERNAL without details for an unexpected error, and logs it', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = createCloudHandler('concern', async () => { throw new Error('db down: secret host 10.0.0.1'); }, cloudbaseIdentity);
    const res = await broken({ action: 'me/profile', data: {} }, contextFor('demo-resident-chen'));
    expect(res).toEqual({ ok: false, code: 'INTERNAL', message: 'internal error' });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

});

describe('a deployed cloud function', () => {
  const saved = { ...process.env };
  let wire: FakeCloudbaseDb | null = null;
  let api: FakeCloudbaseApi | null = null;
  afterEach(() => {
    process.env = { ...saved };
    wire?.uninstall();
    wire = null;
    api?.uninstall();
    api = null;
    resetCloudRuntime();
  });

  async function environment(withCollections: boolean) {
    process.env.TCB_ENV = 'jiefang-test';
    process.env.JIEFANG_WX_APPID = APPID;
    process.env.JIEFANG_CODE_SECRET = 'test-code-secret-0123456789abcdef';
    const fake = fakeCloudbaseApp();
    wire = fake.wire;
    // WeChat's msgSecCheck, which every concern text passes through, says "pass".
    api = new FakeCloudbaseApi().install().onWxOpenApi((apiName) => (apiName === 'security.msgSecCheck' ? { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } } : { errcode: -1, errmsg: `unexpected ${apiName}` }));
    if (withCollections) {
      const store = new CloudbaseStore({ db: fake.db });
      await store.cb.createCollections();
      await seedCloudbaseDirectory(store.cb, demoDirectory('2026-11-30T00:00:00.000Z'));
      await seedCloudbaseCalendar(store.directory);
      for (const { client, key } of DEMO_API_CLIENTS) await addCloudbaseApiClient(store.cb, client, key, '2026-11-30T00:00:00.000Z');
    }
    return fake;
  }

  it('says plainly that no CloudBase environment is configured', async () => {
    delete process.env.TCB_ENV;
    delete process.env.SCF_NAMESPACE;
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await concernFunction({ action: 'me/profile', data: {} }, contextFor('o-someone'))).toEqual({ ok: false, code: 'SERVICE.UNAVAILABLE', message: expect.stringContaining('TCB_ENV') });
    spy.mockRestore();
  });

  it('says which step of the deployment is missing when the collections do not exist', async () => {
    await environment(false);
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await concernFunction({ action: 'me/profile', data: {} }, contextFor('o-someone'))).toEqual({ ok: false, code: 'SERVICE.UNAVAILABLE', message: expect.stringContaining('cloudbase/collections') });
    spy.mockRestore();
  });

  it('serves the concern loop from the CloudBase store, identity from the context', async () => {
    await environment(true);
    const call = (openid: string, action: string, data: unknown = {}) => concernFunction({ action, data }, contextFor(openid));
    expect(await call('demo-staff-daguo-huang', 'me/profile')).toMatchObject({ ok: true, data: { role: 'staff', nodeName: '大果经济社' } });
    const sub = await call('o-new-resident', 'concern/submit', { category: 'environment', description: '祠堂旁垃圾桶满了', placeId: 'dz-xicheng-daguo', requestId: 'req-cloud-0001' });
    expect(sub).toMatchObject({ ok: true, data: { status: 'assigned', route: { cooperativeId: 'dz-xicheng-daguo' } } });
    const id = (sub as { data: { id: string } }).data.id;
    const inbox = await call('demo-staff-daguo-huang', 'concern/inbox', {});
    expect(inbox).toMatchObject({ ok: true, data: { items: [expect.objectContaining({ id })] } });
    const [a, b] = await Promise.all([call('demo-staff-daguo-huang', 'concern/accept', { id }), call('demo-staff-daguo-liang', 'concern/accept', { id })]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    expect([a, b].filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: 'CONCERN.CONFLICT' })]);
    const detail = await call('o-new-resident', 'concern/get', { id });
    expect(detail).toMatchObject({ ok: true, data: { status: 'accepted', timeline: [{ type: 'submitted' }, expect.anything(), { type: 'accepted' }] } });
    expect(wire!.documents('users').map((u) => u._id)).toContain('o-new-resident');
  });

  it('keeps the working-day calendar in CloudBase: a district admin enters a year, and concerns clocked into it stop recording a gap', async () => {
    const fake = await environment(true);
    // Monday 28 December 2026, 10:00 in Beijing.
    const clock = testClock('2026-12-28T02:00:00.000Z');
    const rt = createCloudRuntime(loadCloudConfig(process.env), fake.app, clock.now);
    const handler = createCloudHandler('concern', async () => rt.router, cloudbaseIdentity);
    const call = (openid: string, action: string, data: unknown = {}) => handler({ action, data }, contextFor(openid));
    const report = () => call('o-new-resident', 'concern/submit', { category: 'environment', description: '祠堂旁垃圾桶满了', placeId: 'dz-xicheng-daguo' });
    expect(await call('demo-admin-danzao', 'calendar/list')).toMatchObject({ ok: true, data: { missing: [2027], canEdit: false, years: [{ year: 2025 }, { year: 2026 }] } });
    expect(await report()).toMatchObject({ ok: true, data: { sla: { calendarGaps: [2027] } } });
    const entry = { year: 2027, holidays: ['2027-01-01'], makeupWorkdays: [], basis: '测试用的安排（并非国务院通知）', expectedVersion: 0 };
    expect(await call('demo-admin-danzao', 'calendar/save', entry)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await call('demo-admin-nanhai', 'calendar/save', entry)).toMatchObject({ ok: true, data: { missing: [], years: [{ year: 2025 }, { year: 2026 }, { year: 2027, version: 1, savedByName: '南海区管理员' }] } });
    expect(await call('demo-admin-nanhai', 'calendar/save', entry)).toMatchObject({ ok: false, code: 'CALENDAR.CONFLICT' });
    expect(await report()).toMatchObject({ ok: true, data: { sla: { calendarGaps: [] } } });
    expect(wire!.documents('calendar_years').map((d) => d._id).sort()).toEqual(['2025-v1', '2026-v1', '2027-v1']);
    expect(await runSlaJob(rt.deps, rt.router.directory, clock.now())).toMatchObject({ calendarMissing: [], calendarNotices: 0 });
  });

  it("checks a report's photo with mediaCheckAsync and holds it when WeChat's pushed verdict says risky", async () => {
    await environment(true);
    api!.onWxOpenApi((apiName, body) => {
      if (apiName === 'security.msgSecCheck') return { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } };
      if (apiName === 'security.mediaCheckAsync') return { errcode: 0, errmsg: 'ok', trace_id: `trace-${String(body.media_url).split('/').pop()}` };
      return { errcode: -1, errmsg: `unexpected ${apiName}` };
    });
    api!.on('storage.batchGetDownloadUrl', (p) => ({
      data: { download_list: (p.file_list as Array<{ fileid: string }>).map((f) => ({ code: 'SUCCESS', fileID: f.fileid, tempFileURL: `https://tmp.example.invalid/${f.fileid.split('/').pop()}` })) },
    }));
    const call = (openid: string, action: string, data: unknown = {}) => concernFunction({ action, data }, contextFor(openid));
    const photo = testPhotoId('jiefang-test.bucket', 'o-new-resident', 'a1.jpg');
    const sub = (await call('o-new-resident', 'concern/submit', { category: 'environment', description: '祠堂旁垃圾桶满了', placeId: 'dz-xicheng-daguo', photos: [photo] })) as { ok: true; data: { id: string } };
    expect(sub.ok).toBe(true);
    // Another person cannot attach that photo by its id: it is not in their upload folder.
    expect(await call('o-someone-else', 'concern/submit', { category: 'environment', description: '垃圾桶满了', placeId: 'dz-xicheng-daguo', photos: [photo] })).toMatchObject({ ok: false, code: 'PHOTO.INVALID' });
    const checked = api!.openApiRequests.find((r) => r.apiName === 'security.mediaCheckAsync');
    expect(checked?.data).toMatchObject({ media_url: 'https://tmp.example.invalid/a1.jpg', media_type: 2, version: 2, openid: 'o-new-resident' });
    // Pending: the committee sees the photo while WeChat checks it.
    expect(await call('demo-staff-daguo-huang', 'concern/get', { id: sub.data.id })).toMatchObject({ ok: true, data: { photos: [photo] } });

    const push = { ToUserName: 'gh_0123456789ab', FromUserName: 'o-platform', CreateTime: 1764468000, MsgType: 'event', Event: 'wxa_media_check', appid: APPID, trace_id: 'trace-a1.jpg', version: 2, detail: [], errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } };
    expect(await mediaCheckFunction(push)).toEqual({ settled: true, status: 'held' });
    expect(await call('demo-staff-daguo-huang', 'concern/get', { id: sub.data.id })).toMatchObject({ ok: true, data: { photos: [], photoUrls: [] } });
    expect(await call('o-new-resident', 'concern/get', { id: sub.data.id })).toMatchObject({ ok: true, data: { photos: [photo] } });
    // A repeated push, a pass pushed late, or something else entirely change nothing.
    const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await mediaCheckFunction({ ...push, result: { suggest: 'pass', label: 100 } })).toEqual({ settled: false, status: null });
    spy.mockRestore();
    expect(await mediaCheckFunction({ action: 'concern/get', data: {} })).toEqual({ ignored: 'not a wxa_media_check push' });
    expect(wire!.documents('photo_checks')).toEqual([expect.objectContaining({ fileId: photo, traceId: 'trace-a1.jpg', status: 'held', openid: 'o-new-resident' })]);
  });

  it('serves Open311 from the CloudBase store: posts a ticket, reads it back, and knows client keys only by their hash', async () => {
    await environment(true);
    const http = (httpMethod: string, path: string, query: Record<string, string> = {}, body: string | null = null) =>
      open311Function({ path: `/open311/v2/${path}`, httpMethod, headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}, queryStringParameters: query, body, isBase64Encoded: false });

    const services = await http('GET', 'services.json', { jurisdiction_id: 'danzao' });
    expect(services.statusCode).toBe(200);
    expect(JSON.parse(services.body)).toEqual(expect.arrayContaining([expect.objectContaining({ service_code: 'environment' })]));
    const form = new URLSearchParams({ api_key: DEMO_OPEN311.hotline.key, jurisdiction_id: 'danzao', service_code: 'environment', lat: '23.0375', long: '112.9425', description: '村口垃圾三天无人清理', 'attribute[ticket_no]': 'NH-CLOUD-1' }).toString();
    const posted = await http('POST', 'requests.json', {}, form);
    expect(posted.statusCode).toBe(200);
    const [{ service_request_id: id }] = JSON.parse(posted.body) as Array<{ service_request_id: string }>;
    // The same ticket again is the same request.
    expect(JSON.parse((await http('POST', 'requests.json', {}, form)).body)).toEqual([expect.objectContaining({ service_request_id: id })]);
    const got = await http('GET', `requests/${id}.json`, { api_key: DEMO_OPEN311.hotline.key });
    expect(got.statusCode).toBe(200);
    expect(JSON.parse(got.body)).toEqual([expect.objectContaining({ service_request_id: id, status: 'open', agency_responsible: '大果经济社' })]);
    const list = await http('GET', 'requests.json', { api_key: DEMO_OPEN311.hotline.key });
    expect(JSON.parse(list.body)).toEqual([expect.objectContaining({ service_request_id: id })]);
    expect(wire!.documents('concerns')).toEqual([expect.objectContaining({ _id: id, source: '12345', reporterOpenid: 'open311-12345', requestId: 't-NH-CLOUD-1' })]);
    expect((await http('GET', 'requests.json', { api_key: 'wrong-key' })).statusCode).toBe(403);
    expect(JSON.stringify(wire!.documents('api_clients'))).not.toContain(DEMO_OPEN311.hotline.key);
  });
});

describe('the sla timer function', () => {
  const timer = () => createTimerHandler('sla', TIMER_TRIGGERS.sla, () => runSlaJob(rt.deps, rt.router.directory, new Date('2026-12-01T00:00:00Z')), personInvoked);

  it('runs the SLA job when its timer fires (no caller identity)', async () => {
    await rt.router.call('concern', 'concern/submit', { category: 'environment', description: '垃圾满了没人收', placeId: 'dz-xicheng-daguo' }, 'demo-resident-chen');
    expect(await timer()({ Type: 'Timer', TriggerName: 'sla-every-10-minutes' }, contextFor(null))).toEqual({ ok: true, data: expect.objectContaining({ escalated: 1 }) });
  });

  it('refuses a call from the mini program', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await timer()({ Type: 'Timer', TriggerName: TIMER_TRIGGERS.sla }, contextFor('demo-resident-chen'))).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('is deployed with a 7-field timer trigger every 10 minutes', () => {
    expect(ALL_FUNCTIONS).toEqual(expect.arrayContaining(['concern', 'sla']));
    expect(FUNCTION_CONFIG.sla.triggers).toEqual([{ name: 'sla-every-10-minutes', type: 'timer', config: '0 */10 * * * * *' }]);
    expect(FUNCTION_CONFIG.sla.triggers![0].config.split(' ')).toHaveLength(7);
  });

  it('as deployed today, says plainly that the CloudBase store is not configured', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await slaFunction({ Type: 'Timer', TriggerName: TIMER_TRIGGERS.sla }, contextFor(null))).toMatchObject({ ok: false, code: 'SERVICE.UNAVAILABLE' });
  });
});

describe("each function's OpenAPI permissions (config.json)", () => {
  it('are none for open311: its posts have no WeChat user, so its content check never calls msgSecCheck', () => {
    expect(FUNCTION_CONFIG.open311.openapi).toEqual([]);
    expect(FUNCTION_CONFIG.concern.openapi).toEqual(['security.msgSecCheck', 'security.mediaCheckAsync']);
  });
});
