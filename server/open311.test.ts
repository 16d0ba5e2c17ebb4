/**
 * Open311 GeoReport v2 conformance over the local HTTP server (every endpoint against the spec's field
 * list and error format), the round trip of a 12345 ticket through the app, and the cloud function adapter.
 */
import { AppError } from '../core/errors';
import { w3c } from '../core/open311/open311';
import type { ConcernDetail, ConcernSummary, Page } from '../core/views';
import { addApiClient } from './api-keys';
import { open311Env } from './open311-xml';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import type { LocalRuntime } from './local-runtime';
import { REQUEST_FIELDS, startLocalOpen311, W3C, type LocalOpen311 } from './test-open311';
import { createOpen311Function } from './open311-function';

const HOTLINE = DEMO_OPEN311.hotline.key;
const TOWN = DEMO_OPEN311.danzaoTown.key;

/** GeoReport v2 field lists. */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'].sort();
const ATTRIBUTE_FIELDS = ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description'].sort();

let local: LocalOpen311;
let rt: LocalRuntime;
let base: string;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-03-02T01:30:00Z'); // Monday 09:30 in Beijing
  local = await startLocalOpen311(() => clock);
  rt = local.rt;
  base = `${local.root}v2/`;
});
afterEach(() => local.stop());

interface Res {
  status: number;
  body: unknown;
  type: string | null;
}

async function get(path: string, q: Record<string, string> = {}): Promise<Res> {
  const res = await fetch(`${base}${path}?${new URLSearchParams(q)}`);
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') };
}

async function post(path: string, form: Record<string, string>, json = false): Promise<Res> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(form) : new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: await res.json(), type: res.headers.get('content-type') };
}

/** The spec's error format: an array of {code, description}, code equal to the HTTP status. */
function expectError(res: Res, status: number) {
  expect(res.status).toBe(status);
  expect(Array.isArray(res.body)).toBe(true);
  const errors = res.body as Array<Record<string, unknown>>;
  expect(errors.length).toBeGreaterThan(0);
  for (const e of errors) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
  }
}

const ticket = (extra: Record<string, string> = {}) =>
  post('requests.json', {
    api_key: HOTLINE,
    jurisdiction_id: 'danzao',
    service_code: 'environment',
    lat: String(DEMO_POINTS.daguo.lat),
    long: String(DEMO_POINTS.daguo.lng),
    description: '12345转办：大果经济社村口垃圾堆放三天无人清理',
    ...extra,
  });

async function postedId(extra: Record<string, string> = {}): Promise<string> {
  const res = await ticket(extra);
  expect(res.status).toBe(200);
  return (res.body as Array<{ service_request_id: string }>)[0].service_request_id;
}

const call = <T = ConcernDetail>(openid: string, action: string, data: unknown = {}) => rt.router.call('concern', action, data, openid) as Promise<T>;

describe('GET services.json', () => {
  it('lists a town’s categories with every GeoReport v2 field', async () => {
    const res = await get('services.json', { jurisdiction_id: 'danzao' });
    expect(res.status).toBe(200);
    expect(res.type).toContain('application/json');
    const list = res.body as Array<Record<string, unknown>>;
    expect(list.map((s) => s.service_code)).toEqual(['environment', 'illegal_building', 'public_space', 'parking', 'waste_sorting', 'fire_safety', 'dispute', 'road', 'other']);
    for (const s of list) {
      expect(Object.keys(s).sort()).toEqual(SERVICE_FIELDS);
      expect(s.metadata).toBe(true);
      expect(s.type).toBe('realtime');
    }
    expect(list[0]).toMatchObject({ service_name: '人居环境/环境卫生', group: '投诉', keywords: '人居环境,环境卫生,投诉,丹灶镇人居环境办' });
  });

  it('takes the town of a single-town key, and needs jurisdiction_id when the deployment has several', async () => {
    expect((await get('services.json', { api_key: TOWN })).status).toBe(200);
    expectError(await get('services.json'), 400);
    expectError(await get('services.json', { api_key: HOTLINE }), 400);
  });

  it.each([
    ['an unknown jurisdiction', { jurisdiction_id: 'nowhere' }, 404],
    ['an invalid key', { api_key: 'wrong', jurisdiction_id: 'danzao' }, 403],
    ['a town outside the key’s scope', { api_key: TOWN, jurisdiction_id: 'jiujiang' }, 403],
  ])('refuses %s', async (_what, q, status) => {
    expectError(await get('services.json', q), status);
  });
});

describe('GET services/{code}.json', () => {
  it('gives the service definition with the ticket number attribute', async () => {
    const res = await get('services/environment.json', { jurisdiction_id: 'danzao' });
    expect(res.status).toBe(200);
    const def = res.body as { service_code: string; attributes: Array<Record<string, unknown>> };
    expect(Object.keys(def).sort()).toEqual(['attributes', 'service_code']);
    expect(def.service_code).toBe('environment');
    expect(Object.keys(def.attributes[0]).sort()).toEqual(ATTRIBUTE_FIELDS);
    expect(def.attributes[0]).toMatchObject({ code: 'ticket_no', datatype: 'string', required: false, variable: true, order: 1 });
  });

  it('answers 404 for an unknown service and an unknown resource', async () => {
    expectError(await get('services/nope.json', { jurisdiction_id: 'danzao' }), 404);
    expectError(await get('whatever.json'), 404);
  });
});

describe('POST requests.json', () => {
  it('stores a ticket and answers with its id, as form data and as JSON', async () => {
    const res = await ticket();
    expect(res.status).toBe(200);
    const [r] = res.body as Array<Record<string, unknown>>;
    expect(Object.keys(r).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    const c = await rt.store.concerns.get(r.service_request_id as string);
    expect(c).toMatchObject({ source: '12345', reporterOpenid: 'open311-12345', category: 'environment' });
    const viaJson = await post('requests.json', { api_key: TOWN, service_code: 'road', address_string: '新安社区新安第一经济社路口', description: '路灯不亮' }, true);
    expect(viaJson.status).toBe(200);
    const j = await rt.store.concerns.get((viaJson.body as Array<{ service_request_id: string }>)[0].service_request_id);
    expect(j).toMatchObject({ source: 'open311', placeId: 'dz-xinan-1' });
    expect(j!.route).toMatchObject({ step: 'place', cooperativeId: 'dz-xinan-1' });
  });

  it('keeps the address on the timeline and sends an address in no known place to the town’s queue', async () => {
    const id = await postedId({ lat: '', long: '', address_string: '丹灶镇某工业园东门' });
    const c = await rt.store.concerns.get(id);
    expect(c).toMatchObject({ status: 'dispatching', placeId: 'danzao' });
    expect((await rt.store.concerns.timeline(id))[0].note).toBe('地址：丹灶镇某工业园东门');
  });

  it('accepts a description of 4,000 characters and never stores the reporter’s personal fields', async () => {
    const id = await postedId({ description: '垃'.repeat(4000), first_name: '张', last_name: '三', phone: '13812345678', email: 'a@b.cn' });
    const row = JSON.stringify(rt.store.db.prepare('SELECT * FROM concerns WHERE id = ?').get(id));
    expect(row).not.toMatch(/13812345678|a@b\.cn|张/);
  });

  it('takes a 12345 ticket once, whatever the number of posts', async () => {
    const a = await postedId({ 'attribute[ticket_no]': 'NH2026030200123' });
    const b = await postedId({ 'attribute[ticket_no]': 'NH2026030200123' });
    expect(b).toBe(a);
    expect(rt.store.db.prepare("SELECT COUNT(*) FROM concerns WHERE source = '12345'").pluck().get()).toBe(1);
  });

  it.each<[string, Record<string, string | undefined>, number]>([
    ['no api_key', { api_key: undefined }, 403],
    ['an invalid api_key', { api_key: 'nope' }, 403],
    ['a jurisdiction outside the key', { api_key: TOWN, jurisdiction_id: 'jiujiang' }, 403],
    ['no service_code', { service_code: undefined }, 400],
    ['an unknown service_code', { service_code: 'nope' }, 404],
    ['an address_id that is no place of the town', { lat: undefined, long: undefined, address_id: 'jj-dungen' }, 400],
    ['no location and no address', { lat: undefined, long: undefined }, 400],
    ['lat without long', { long: undefined }, 400],
    ['a lat that is not a number', { lat: 'north' }, 400],
    ['a lat out of range', { lat: '91' }, 400],
    ['a point in another town', { lat: '22.85', long: '113.03' }, 400],
    ['a point outside every town', { lat: String(DEMO_POINTS.outside.lat), long: String(DEMO_POINTS.outside.lng) }, 400],
    ['no description', { description: '  ' }, 400],
    ['a description of 4,001 characters', { description: '垃'.repeat(4001) }, 400],
    ['a media_url that is not http(s)', { media_url: 'javascript:alert(1)' }, 400],
    ['a malformed ticket number', { 'attribute[ticket_no]': 'a b' }, 400],
  ])('refuses %s and stores nothing', async (_what, change, status) => {
    const form: Record<string, string> = {
      api_key: HOTLINE,
      jurisdiction_id: 'danzao',
      service_code: 'environment',
      lat: String(DEMO_POINTS.daguo.lat),
      long: String(DEMO_POINTS.daguo.lng),
      description: '垃圾',
    };
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined) delete form[k];
      else form[k] = v;
    }
    expectError(await post('requests.json', form), status);
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(0);
  });

  it('answers 405 to other methods and 400 to a body that is not JSON', async () => {
    const put = await fetch(base + 'requests.json', { method: 'PUT' });
    expectError({ status: put.status, body: await put.json(), type: null }, 405);
    const bad = await fetch(base + 'requests.json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expectError({ status: bad.status, body: await bad.json(), type: null }, 400);
  });
});

describe('GET requests.json and requests/{id}.json', () => {
  it('gives every GeoReport v2 field of a request, with nothing about the reporter', async () => {
    const id = await postedId({ media_url: 'https://12345.example.cn/p/1.jpg' });
    const res = await get(`requests/${id}.json`, { api_key: HOTLINE });
    expect(res.status).toBe(200);
    const [r] = res.body as Array<Record<string, unknown>>;
    expect(Object.keys(r).sort()).toEqual(REQUEST_FIELDS);
    const c = (await rt.store.concerns.get(id))!;
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_code: 'environment',
      service_name: '人居环境/环境卫生',
      agency_responsible: '大果经济社',
      expected_datetime: w3c(c.sla.resolveDueAt!),
      address: '丹灶镇西城社区大果经济社',
      lat: DEMO_POINTS.daguo.lat,
      long: DEMO_POINTS.daguo.lng,
      media_url: 'https://12345.example.cn/p/1.jpg',
    });
    for (const k of ['requested_datetime', 'updated_datetime', 'expected_datetime']) expect(r[k]).toMatch(W3C);
    expect(r.requested_datetime).toBe('2026-03-02T09:30:00+08:00');
  });

  it('shows a town system the app’s reports without the resident’s name, openid, phone or photos', async () => {
    const photo = rt.photos!.put(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'jpg', I.resident);
    const c = await call(I.resident, 'concern/submit', { category: 'environment', description: '门口垃圾', location: { lat: 23.037512, lng: 112.942487 }, photos: [photo] });
    const res = await get(`requests/${c.id}.json`, { api_key: TOWN });
    expect(res.status).toBe(200);
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/陈阿姨|demo-resident-chen|13900000001|uploads/);
    expect(res.body).toEqual([expect.objectContaining({ lat: 23.038, long: 112.942, media_url: null, description: '门口垃圾' })]);
    // The hotline reads back only what it posted.
    expectError(await get(`requests/${c.id}.json`, { api_key: HOTLINE }), 404);
  });

  it('filters by id, service, status and dates, 90 days by default', async () => {
    const old = await postedId();
    clock = new Date('2026-06-05T02:00:00Z');
    const env = await postedId();
    const road = await postedId({ service_code: 'road' });
    clock = new Date('2026-06-10T02:00:00Z');
    const ids = async (q: Record<string, string>) => {
      const res = await get('requests.json', { api_key: HOTLINE, ...q });
      expect(res.status).toBe(200);
      for (const r of res.body as Array<Record<string, unknown>>) expect(Object.keys(r).sort()).toEqual(REQUEST_FIELDS);
      return (res.body as Array<{ service_request_id: string }>).map((r) => r.service_request_id);
    };
    expect(await ids({})).toEqual([road, env]); // newest first; `old` is more than 90 days back
    expect(await ids({ start_date: '2026-03-15T00:00:00+08:00' })).toEqual([road, env]);
    expect(await ids({ start_date: '2026-03-01', end_date: '2026-05-30T00:00:00+08:00' })).toEqual([old]);
    expect(await ids({ service_request_id: `${old},${road}` })).toEqual([road, old]);
    expect(await ids({ service_code: 'road' })).toEqual([road]);
    expect(await ids({ status: 'closed' })).toEqual([]);
    expect(await ids({ status: 'open,closed' })).toEqual([road, env]);
  });

  it('returns at most 1,000 requests', async () => {
    const id = await postedId();
    const c = (await rt.store.concerns.get(id))!;
    const copies = Array.from({ length: 1001 }, (_, i) => ({ concern: { ...c, id: `copy${i}`, requestId: null }, events: [], notifications: [] }));
    await rt.store.concerns.createMany(copies);
    const res = await get('requests.json', { api_key: HOTLINE });
    expect((res.body as unknown[]).length).toBe(1000);
  });

  it.each<[string, Record<string, string>, number]>([
    ['an invalid api_key', { api_key: 'x' }, 403],
    ['a span over 90 days', { api_key: HOTLINE, start_date: '2026-01-01', end_date: '2026-04-02' }, 400],
    ['a span over 90 days back from now', { start_date: '2025-12-01T00:00:00+08:00' }, 400],
    ['a bad start_date', { api_key: HOTLINE, start_date: 'yesterday' }, 400],
    ['start after end', { api_key: HOTLINE, start_date: '2026-03-02', end_date: '2026-03-01' }, 400],
    ['a bad status', { api_key: HOTLINE, status: 'pending' }, 400],
    ['a bad id list', { api_key: HOTLINE, service_request_id: 'a b' }, 400],
  ])('refuses %s', async (_what, q, status) => {
    expectError(await get('requests.json', q), status);
  });

  it('answers 404 for an unknown request and 403 for an invalid key', async () => {
    const id = await postedId();
    expectError(await get('requests/c-missing.json', { api_key: HOTLINE }), 404);
    expectError(await get('requests/c-missing.json'), 404);
    expectError(await get(`requests/${id}.json`, { api_key: 'x' }), 403);
  });
});

describe('the round trip of a 12345 ticket', () => {
  it('is routed to the committee, resolved in the app, and read back closed with the final reply', async () => {
    const id = await postedId({ 'attribute[ticket_no]': 'NH2026030200777' });
    // In 黄社长's 待办 (大果经济社), like any report of that place.
    const inbox = await call<Page<ConcernSummary>>(I.daguoChair, 'concern/inbox');
    expect(inbox.items.map((i) => i.id)).toContain(id);
    expect(inbox.items.find((i) => i.id === id)!.route).toMatchObject({ cooperativeName: '大果经济社', step: 'location' });
    // Clocked like any other: the co-handling office and the SLA clocks are set.
    const c = (await rt.store.concerns.get(id))!;
    expect(c.route.coOfficeId).toBe('danzao-environment');
    expect(c.sla.resolveDueAt).not.toBeNull();

    await call(I.daguoChair, 'concern/accept', { id });
    await call(I.daguoChair, 'concern/reply', { id, text: '已安排保洁员今天下午清理' });
    let r = (await get(`requests/${id}.json`, { api_key: HOTLINE })).body as Array<Record<string, unknown>>;
    expect(r[0]).toMatchObject({ status: 'open', status_notes: '已安排保洁员今天下午清理' });

    clock = new Date('2026-03-02T08:00:00Z');
    await call(I.daguoChair, 'concern/resolve', { id, text: '垃圾已清运，并设置了临时围挡' });
    r = (await get(`requests/${id}.json`, { api_key: HOTLINE })).body as Array<Record<string, unknown>>;
    expect(r[0]).toMatchObject({ status: 'closed', status_notes: '垃圾已清运，并设置了临时围挡', agency_responsible: '大果经济社', updated_datetime: '2026-03-02T16:00:00+08:00' });
    // The pseudo-resident sees it like a resident would.
    const mine = await call<ConcernDetail>('open311-12345', 'concern/get', { id });
    expect(mine).toMatchObject({ mine: true, status: 'resolved' });
  });
});

describe('budgets per client system', () => {
  it('limits each key by its own budget, and other keys are not affected', async () => {
    addApiClient(rt.store.db, { id: 'tiny', name: '小系统', source: 'open311', townIds: ['danzao'], reads: 'own', requestsPerMinute: 3, postsPerHour: 2 }, 'tiny-key', clock.toISOString());
    const form = { api_key: 'tiny-key', service_code: 'road', address_string: '西城社区', description: '路面坑洼' };
    expect((await post('requests.json', form)).status).toBe(200);
    expect((await post('requests.json', form)).status).toBe(200);
    expectError(await post('requests.json', form), 429); // posts per hour
    expectError(await get('requests.json', { api_key: 'tiny-key' }), 429); // calls per minute
    expect((await get('requests.json', { api_key: HOTLINE })).status).toBe(200);
    clock = new Date(clock.getTime() + 61_000);
    expect((await get('requests.json', { api_key: 'tiny-key' })).status).toBe(200);
  });
});

describe('the open311 cloud function', () => {
  const env = () => Promise.resolve({ ...open311Env(rt.deps, rt.router.directory), clientIpHeader: 'x-forwarded-for' });

  it('serves CloudBase HTTP-access events with the same handler', async () => {
    const main = createOpen311Function(env);
    const form = new URLSearchParams({ api_key: HOTLINE, jurisdiction_id: 'danzao', service_code: 'parking', address_string: '大果经济社', description: '占道停车' }).toString();
    const posted = await main({
      path: '/open311/v2/requests.json',
      httpMethod: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      queryStringParameters: {},
      body: Buffer.from(form).toString('base64'),
      isBase64Encoded: true,
    });
    expect(posted).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    const [{ service_request_id: id }] = JSON.parse(posted.body) as Array<{ service_request_id: string }>;
    const got = await main({ path: `/open311/v2/requests/${id}.json`, httpMethod: 'GET', headers: {}, queryStringParameters: { api_key: HOTLINE }, body: null, isBase64Encoded: false });
    expect(got.statusCode).toBe(200);
    expect(JSON.parse(got.body)).toEqual([expect.objectContaining({ service_request_id: id, agency_responsible: '大果经济社', service_code: 'parking' })]);
    expect(got.headers['content-type']).toContain('application/json');
    const missing = await main({ path: '/somewhere/else', httpMethod: 'GET' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(missing.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<errors>\s*<error>\s*<code>404<\/code>/);
  });

  it('answers 503 in the spec’s format while the cloud store is not configured', async () => {
    const main = createOpen311Function(() => Promise.reject(new AppError('SERVICE.UNAVAILABLE', 'no store')));
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const res = await main({ path: '/open311/v2/services.json', httpMethod: 'GET' });
    spy.mockRestore();
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body)).toEqual([{ code: 503, description: 'service unavailable' }]);
  });
});
