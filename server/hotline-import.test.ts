/** 12345 hotline CSV import through the router: checked whole, applied whole, idempotent by ticket number. */
import { handleOpen311 } from '../core/open311/open311';
import type { HotlineImportView } from '../core/views';
import { open311Env } from './open311-xml';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import { createLocalRuntime, type LocalRuntime } from './local-runtime';
import { GENEROUS_LIMITS } from './test-limits';

let rt: LocalRuntime;
beforeEach(() => {
  rt = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: () => new Date('2026-03-02T01:30:00Z'), rateLimits: GENEROUS_LIMITS });
});
afterEach(() => rt.close());

const call = <T>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;
const importCsv = (csv: string, who: string = I.townAdmin) => call<HotlineImportView>(who, 'concern/importHotline', { csv });
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: 'ok', details: undefined as unknown }),
    (e: { code: string; details?: unknown }) => ({ code: e.code, details: e.details }),
  );
const count = () => rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get() as number;

const GOOD = [
  'ticket,category,description,lat,lng,address,media_url',
  `NH001,environment,村口垃圾堆放,${DEMO_POINTS.daguo.lat},${DEMO_POINTS.daguo.lng},,https://12345.example.cn/a.jpg`,
  'NH002,road,"路灯不亮，晚上很黑",,,丹灶镇新安社区新安第一经济社路口,',
  'NH003,other,咨询垃圾分类时间,,,丹灶镇某工业园,',
].join('\r\n');

describe('importing 12345 hotline tickets', () => {
  it('routes and clocks each ticket like an in-app report, reported by the hotline’s pseudo-resident', async () => {
    const out = await importCsv(GOOD);
    expect(out).toMatchObject({ created: 3, existing: 0 });
    expect(out.items.map((i) => i.ticket)).toEqual(['NH001', 'NH002', 'NH003']);
    const [a, b, c] = await Promise.all(out.items.map((i) => rt.store.concerns.get(i.id)));
    expect(a).toMatchObject({ source: '12345', reporterOpenid: 'open311-12345', status: 'assigned', photos: ['https://12345.example.cn/a.jpg'] });
    expect(a!.route).toMatchObject({ step: 'location', cooperativeId: 'dz-xicheng-daguo', coOfficeId: 'danzao-environment' });
    expect(a!.sla.resolveDueAt).not.toBeNull();
    expect(b!.route).toMatchObject({ step: 'place', cooperativeId: 'dz-xinan-1' });
    expect(c).toMatchObject({ status: 'dispatching', placeId: 'danzao' });
    expect((await rt.store.concerns.timeline(b!.id))[0].note).toBe('12345工单 NH002；地址：丹灶镇新安社区新安第一经济社路口');
    // In the committee's 待办 like any report.
    const inbox = await call<{ items: Array<{ id: string }> }>(I.daguoChair, 'concern/inbox', {});
    expect(inbox.items.map((i) => i.id)).toContain(a!.id);
  });

  it('holds a ticket whose text the check calls risky for a moderator instead of refusing it: the caller cannot rephrase it', async () => {
    const csv = ['ticket,category,description,lat,lng,address', 'NH020,other,有人在村口推广赌博网站,,,丹灶镇新安社区,'].join('\r\n');
    const out = await importCsv(csv);
    expect(out).toMatchObject({ created: 1 });
    expect(await rt.store.concerns.get(out.items[0].id)).toMatchObject({ moderation: 'held', description: '有人在村口推广赌博网站' });
  });

  it('skips tickets it already has, so importing the same file twice changes nothing', async () => {
    const first = await importCsv(GOOD);
    const again = await importCsv(GOOD);
    expect(again).toMatchObject({ created: 0, existing: 3 });
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(count()).toBe(3);
  });

  it('refuses a file with any problem, line by line, and writes nothing', async () => {
    const csv = [
      'ticket,category,description,lat,lng,address',
      `NH010,environment,好的一行,${DEMO_POINTS.daguo.lat},${DEMO_POINTS.daguo.lng},`,
      'NH011,nope,类别不对,,,西城社区',
      'NH010,road,工单号重复,,,西城社区',
      'NH012,road,,,,西城社区',
      'NH013,road,没有位置,,,',
      'NH014,road,在九江镇,22.85,113.03,',
      'bad ticket,road,工单号不对,,,西城社区',
    ].join('\n');
    const { code, details } = await failure(importCsv(csv));
    expect(code).toBe('IMPORT.INVALID');
    expect((details as Array<{ line: number; ref: string | null }>).map((d) => [d.line, d.ref])).toEqual([
      [3, 'NH011'],
      [4, 'NH010'],
      [5, 'NH012'],
      [6, 'NH013'],
      [7, 'NH014'],
      [8, 'bad ticket'],
    ]);
    expect(count()).toBe(0);
  });

  it.each([
    ['an unknown column', 'ticket,category,description,phone\nNH1,road,x,138'],
    ['a missing required column', 'ticket,description,address\nNH1,x,西城社区'],
    ['no tickets', 'ticket,category,description,address'],
  ])('refuses a file with %s', async (_what, csv) => {
    expect((await failure(importCsv(csv))).code).toBe('IMPORT.INVALID');
  });

  it('is for admins only', async () => {
    expect((await failure(importCsv(GOOD, I.daguoChair))).code).toBe('AUTH.FORBIDDEN');
    expect((await failure(importCsv(GOOD, I.resident))).code).toBe('AUTH.FORBIDDEN');
    expect(count()).toBe(0);
  });

  it('shares ticket numbers with the hotline’s Open311 posts, and the sender reads the replies back', async () => {
    const env = open311Env(rt.deps, rt.router.directory);
    const body = new URLSearchParams({ api_key: DEMO_OPEN311.hotline.key, jurisdiction_id: 'danzao', service_code: 'environment', address_string: '大果经济社', description: '村口垃圾', 'attribute[ticket_no]': 'NH001' }).toString();
    const posted = await handleOpen311(env, { method: 'POST', path: 'v2/requests.json', query: {}, body, contentType: 'application/x-www-form-urlencoded' });
    const [{ service_request_id: id }] = JSON.parse(posted.body) as Array<{ service_request_id: string }>;
    const out = await importCsv(GOOD);
    expect(out.items[0]).toEqual({ ticket: 'NH001', id, created: false });

    const imported = out.items[1].id; // NH002 → 新安第一经济社
    await call(I.xinanStaff, 'concern/accept', { id: imported });
    await call(I.xinanStaff, 'concern/resolve', { id: imported, text: '路灯已修复' });
    const res = await handleOpen311(env, { method: 'GET', path: `v2/requests/${imported}.json`, query: { api_key: DEMO_OPEN311.hotline.key }, body: null, contentType: null });
    expect(JSON.parse(res.body)).toEqual([expect.objectContaining({ status: 'closed', status_notes: '路灯已修复', agency_responsible: '新安第一经济社' })]);
  });

  it("refuses a ticket number another town took: never answered with that town's concern, nothing written", async () => {
    const env = open311Env(rt.deps, rt.router.directory);
    // 丹灶's admin imports NH001 first (squatting on the number, say).
    const first = await importCsv(GOOD);
    const squatted = first.items[0].id;
    const before = count();
    // The hotline then posts its real NH001 for 九江镇.
    const body = new URLSearchParams({ api_key: DEMO_OPEN311.hotline.key, jurisdiction_id: 'jiujiang', service_code: 'environment', address_string: '九江镇敦根社区', description: '敦根社区村口垃圾', 'attribute[ticket_no]': 'NH001' }).toString();
    const posted = await handleOpen311(env, { method: 'POST', path: 'v2/requests.json', query: {}, body, contentType: 'application/x-www-form-urlencoded' });
    expect(posted.status).toBe(409);
    expect(posted.body).not.toContain(squatted);
    // A district admin importing NH001 into 九江镇 is refused on that line, and nothing is written.
    const csv = ['ticket,category,description,lat,lng,address,media_url,town', 'NH001,environment,敦根社区村口垃圾,,,九江镇敦根社区,,九江镇', 'NH900,road,路灯不亮,,,九江镇敦根社区,,九江镇'].join('\r\n');
    const refused = await failure(importCsv(csv, I.districtAdmin));
    expect(refused).toEqual({ code: 'IMPORT.INVALID', details: [{ line: 2, ref: 'NH001', message: '工单号已由丹灶镇受理，不能导入到本镇' }] });
    expect(count()).toBe(before);
    // The same number for the same town is still the same request.
    const again = new URLSearchParams({ api_key: DEMO_OPEN311.hotline.key, jurisdiction_id: 'danzao', service_code: 'environment', address_string: '大果经济社', description: '村口垃圾', 'attribute[ticket_no]': 'NH001' }).toString();
    const same = await handleOpen311(env, { method: 'POST', path: 'v2/requests.json', query: {}, body: again, contentType: 'application/x-www-form-urlencoded' });
    expect(JSON.parse(same.body)).toEqual([expect.objectContaining({ service_request_id: squatted })]);
  });
});
