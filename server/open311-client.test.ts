/**
 * Open311 as a client sees it: every answer read with an XML parser (fast-xml-parser), as FixMyStreet's
 * Open311.pm reads them, over the local HTTP server on SQLite and through the `open311` cloud function on the
 * CloudBase wire fake. No public npm Open311 client installs cleanly (npm `open311` 0.0.12 depends on a git
 * URL), so the parser is the client. The conformance table is written from the GeoReport v2 text, point by
 * point; then the public view, the servicerequestupdates round trip, and bodies as clients send them.
 */
import { XMLParser } from 'fast-xml-parser';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I, DEMO_POINTS } from './demo-data';
import { DEMO_OPEN311 } from './demo-open311';
import type { LocalRuntime } from './local-runtime';
import { cloudOpen311, REQUEST_FIELDS, startLocalOpen311, W3C, type LocalOpen311 } from './test-open311';
import { createOpen311Function } from './open311-function';
import { open311Env } from './open311-xml';
import { FakeCloudbaseApi } from '../test/fakes/cloudbase-api';

const HOTLINE = DEMO_OPEN311.hotline.key;
const TOWN = DEMO_OPEN311.danzaoTown.key;
/** Elements that are lists in the spec's XML, so that one item still reads as a list. */
const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format', 'request_update']);
const parser = new XMLParser({ isArray: (name) => LISTS.has(name), parseTagValue: false });

interface XmlRes {
  status: number;
  type: string | null;
  text: string;
  doc: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML, of whatever shape the answer has
}

let local: LocalOpen311;
let rt: LocalRuntime;
let root: string;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-03-02T01:30:00Z'); // Monday 09:30 in Beijing
  local = await startLocalOpen311(() => clock);
  ({ rt, root } = local);
});
afterEach(() => local.stop());

async function read(res: Response): Promise<XmlRes> {
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type'), text, doc: parser.parse(text) };
}
const xget = async (p: string, q: Record<string, string> = {}) => read(await fetch(`${root}${p}?${new URLSearchParams(q)}`));
const xpost = async (p: string, form: Record<string, string> | URLSearchParams | FormData) =>
  read(await fetch(root + p, { method: 'POST', body: form instanceof FormData ? form : new URLSearchParams(form) }));
const call = <T = ConcernDetail>(openid: string, action: string, data: unknown) => rt.router.call('concern', action, data, openid) as Promise<T>;

/** An XML answer: the spec's content type, the declaration, and the root. */
function expectXml(res: XmlRes, status: number, rootName: string) {
  expect(res.status).toBe(status);
  expect(res.type).toBe('text/xml; charset=utf-8');
  expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  expect(Object.keys(res.doc).filter((k) => k !== '?xml')).toEqual([rootName]);
  return res.doc[rootName];
}
function expectXmlError(res: XmlRes, status: number) {
  const errors = expectXml(res, status, 'errors');
  expect(errors.error.length).toBeGreaterThan(0);
  for (const e of errors.error) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(String(status));
  }
}

const ticketForm = (extra: Record<string, string> = {}) => ({
  api_key: HOTLINE,
  jurisdiction_id: 'danzao',
  service_code: 'environment',
  lat: String(DEMO_POINTS.daguo.lat),
  long: String(DEMO_POINTS.daguo.lng),
  description: '12345转办：大果经济社村口垃圾堆放三天无人清理',
  ...extra,
});
async function posted(extra: Record<string, string> = {}): Promise<string> {
  const reqs = expectXml(await xpost('v2/requests.xml', ticketForm(extra)), 200, 'service_requests');
  return reqs.request[0].service_request_id as string;
}


/** GeoReport v2, point by point: the spec's words, and what a client observes. */
const CONFORMANCE: Array<[string, () => Promise<void>]> = [
  ['XML is the required format: every resource answers text/xml with the XML declaration', async () => {
    expectXml(await xget('v2/services.xml', { jurisdiction_id: 'danzao' }), 200, 'services');
    expectXml(await xget('v2/services/environment.xml', { jurisdiction_id: 'danzao' }), 200, 'service_definition');
    expectXml(await xget('v2/requests.xml'), 200, 'service_requests');
    expectXml(await xget('discovery.xml'), 200, 'discovery');
  }],
  ['GET Service List: service_code, service_name, description, metadata, type, keywords, group', async () => {
    const s = expectXml(await xget('v2/services.xml', { jurisdiction_id: 'danzao' }), 200, 'services').service;
    expect(s.length).toBeGreaterThan(5);
    for (const x of s) expect(Object.keys(x).sort()).toEqual(['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type']);
    expect(s.find((x: { service_code: string }) => x.service_code === 'environment')).toMatchObject({ metadata: 'true', type: 'realtime' });
  }],
  ['GET Service Definition: service_code and attributes, each with variable, code, datatype, required, datatype_description, order, description', async () => {
    const d = expectXml(await xget('v2/services/environment.xml', { jurisdiction_id: 'danzao' }), 200, 'service_definition');
    expect(d.service_code).toBe('environment');
    expect(Object.keys(d.attributes.attribute[0]).sort()).toEqual(['code', 'datatype', 'datatype_description', 'description', 'order', 'required', 'variable']);
  }],
  ['POST Service Request answers service_request_id (with service_notice and account_id)', async () => {
    const r = expectXml(await xpost('v2/requests.xml', ticketForm()), 200, 'service_requests').request;
    expect(r).toHaveLength(1);
    expect(Object.keys(r[0]).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
  }],
  ['GET Service Requests: every field of a request, datetimes in W3C format', async () => {
    await posted();
    const r = expectXml(await xget('v2/requests.xml', { api_key: HOTLINE }), 200, 'service_requests').request;
    expect(Object.keys(r[0]).sort()).toEqual(REQUEST_FIELDS);
    expect(r[0].requested_datetime).toMatch(W3C);
    expect(r[0].updated_datetime).toMatch(W3C);
  }],
  ['GET Service Request: the same format as the list, one request', async () => {
    const id = await posted();
    const r = expectXml(await xget(`v2/requests/${id}.xml`, { api_key: HOTLINE }), 200, 'service_requests').request;
    expect(r.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
  }],
  ['errors are <errors><error> with code and description, the code that of the HTTP status', async () => {
    expectXmlError(await xget('v2/services/nope.xml', { jurisdiction_id: 'danzao' }), 404);
    expectXmlError(await xget('v2/requests.xml', { start_date: 'yesterday' }), 400);
  }],
  ['an api_key is required to POST: none or an invalid one is 403, never 401', async () => {
    const { api_key: _k, ...keyless } = ticketForm();
    expectXmlError(await xpost('v2/requests.xml', keyless), 403);
    expectXmlError(await xpost('v2/requests.xml', ticketForm({ api_key: 'not-a-key' })), 403);
  }],
  ['an unknown service_code is 404; a missing required argument is 400', async () => {
    expectXmlError(await xpost('v2/requests.xml', ticketForm({ service_code: 'nope' })), 404);
    expectXmlError(await xpost('v2/requests.xml', ticketForm({ description: '' })), 400);
  }],
  ['GET Service Requests needs no api_key', async () => {
    expect((await xget('v2/requests.xml')).status).toBe(200);
    expect((await xget('v2/requests.json')).status).toBe(200);
  }],
  ['start_date and end_date may not span more than 90 days', async () => {
    expectXmlError(await xget('v2/requests.xml', { start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-04-02T00:00:00+08:00' }), 400);
    expect((await xget('v2/requests.xml', { start_date: '2026-01-01T00:00:00+08:00', end_date: '2026-03-31T00:00:00+08:00' })).status).toBe(200);
  }],
  ['with service_request_id, all other query parameters are ignored', async () => {
    const id = await posted();
    const r = expectXml(await xget('v2/requests.xml', { api_key: HOTLINE, service_request_id: id, status: 'closed', service_code: 'road' }), 200, 'service_requests').request;
    expect(r.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
  }],
  ['the format is chosen by the extension: .json answers the same content as JSON', async () => {
    const id = await posted();
    const xml = expectXml(await xget(`v2/requests/${id}.xml`, { api_key: HOTLINE }), 200, 'service_requests').request[0];
    const res = await fetch(`${root}v2/requests/${id}.json?api_key=${HOTLINE}`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [json] = (await res.json()) as Array<Record<string, unknown>>;
    for (const k of REQUEST_FIELDS) expect(xml[k]).toBe(json[k] === null ? '' : String(json[k] as string | number));
  }],
  ['Service Discovery: changeset, contact, key_service and endpoints (specification, url, changeset, type, formats)', async () => {
    const d = expectXml(await xget('discovery.xml'), 200, 'discovery');
    expect(Object.keys(d).sort()).toEqual(['changeset', 'contact', 'endpoints', 'key_service']);
    const [e] = d.endpoints.endpoint;
    expect(e).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${root}v2`, type: 'test' });
    expect(e.formats.format).toEqual(['text/xml', 'application/json']);
    const json = (await (await fetch(`${root}discovery.json`)).json()) as { endpoints: Array<{ formats: string[] }> };
    expect(json.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
  }],
  ['nothing under /open311/ answers with the app: unknown paths are 404 in the error format', async () => {
    expectXmlError(await xget('index.html'), 404);
    expectXmlError(await xget('v2/'), 404);
    expectXmlError(await xget('v3/services.xml'), 404);
    const json = await fetch(`${root}v2/nothing.json`);
    expect(json.status).toBe(404);
    expect(await json.json()).toEqual([{ code: 404, description: expect.any(String) }]);
    expectXmlError(await read(await fetch(root.slice(0, -1))), 404);
  }],
];

describe('GeoReport v2 conformance, read as XML', () => {
  it.each(CONFORMANCE)('%s', async (_point, check) => {
    await check();
  });

  it('escapes every text: markup in a description reads back as the same text', async () => {
    const id = await posted({ description: '垃圾 <b>&amp; "桶" </b> 满了' });
    const r = expectXml(await xget(`v2/requests/${id}.xml`, { api_key: HOTLINE }), 200, 'service_requests').request[0];
    expect(r.description).toBe('垃圾 <b>&amp; "桶" </b> 满了');
  });
});

describe('the public view (no api_key)', () => {
  it('shows published, non-举报 requests of towns with a public board: text scrubbed, location rounded, no media', async () => {
    const mine = await call(I.resident, 'concern/submit', { category: 'environment', description: '陈阿姨反映：门口垃圾，电话13900000001', placeId: 'dz-xicheng-daguo', location: { lat: 23.03812, lng: 112.94234 } });
    const report = await call(I.resident, 'concern/submit', { category: 'illegal_building', description: '隔壁加建三层', placeId: 'dz-xicheng-daguo' });
    const held = await call(I.resident, 'concern/submit', { category: 'environment', description: '村口垃圾三天没人清，加我微信详谈', placeId: 'dz-xicheng-daguo' });
    const ticket = await posted({ media_url: 'https://hotline.example.org/p/1.jpg' });
    await call(I.daguoChair, 'concern/accept', { id: mine.id });
    await call(I.daguoChair, 'concern/reply', { id: mine.id, text: '黄社长已安排，电话13800000002' });
    const list = expectXml(await xget('v2/requests.xml', { jurisdiction_id: 'danzao' }), 200, 'service_requests').request as Array<Record<string, string>>;
    const ids = list.map((r) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, ticket]));
    expect(ids).not.toContain(report.id);
    expect(ids).not.toContain(held.id);
    const text = JSON.stringify(list);
    expect(text).not.toMatch(/陈阿姨|黄社长|13900000001|13800000002|hotline\.example|加我微信/);
    const r = list.find((x) => x.service_request_id === mine.id)!;
    expect(r).toMatchObject({ lat: '23.038', long: '112.942', media_url: '', status: 'open' });
    expect(list.find((x) => x.service_request_id === ticket)!.lat).toBe(String(Math.round(DEMO_POINTS.daguo.lat * 1000) / 1000));
    // One by id: the same rules; a 举报 or held one is not found.
    expect(expectXml(await xget(`v2/requests/${mine.id}.xml`), 200, 'service_requests').request[0].description).not.toMatch(/13900000001/);
    expectXmlError(await xget(`v2/requests/${report.id}.xml`), 404);
    expectXmlError(await xget(`v2/requests/${held.id}.xml`), 404);
    // A key still gives its own view: the hotline reads its ticket's media and exact point back.
    const own = expectXml(await xget(`v2/requests/${ticket}.xml`, { api_key: HOTLINE }), 200, 'service_requests').request[0];
    expect(own).toMatchObject({ media_url: 'https://hotline.example.org/p/1.jpg', lat: String(DEMO_POINTS.daguo.lat) });
    // A town whose board is off shows nothing without a key.
    rt.store.db.prepare(`UPDATE town_settings SET public_board = 0 WHERE town_id = 'danzao'`).run();
    expect(expectXml(await xget('v2/requests.xml', { jurisdiction_id: 'danzao' }), 200, 'service_requests')).toBe('');
    expectXmlError(await xget(`v2/requests/${mine.id}.xml`), 404);
  });
});

describe('servicerequestupdates (mySociety extension)', () => {
  it('round-trips a handler reply and status change to the client, and the client’s comment into the thread', async () => {
    const id = await posted({ 'attribute[ticket_no]': 'NH2026030200901' });
    const start = clock.toISOString();
    clock = new Date('2026-03-02T02:00:00Z');
    await call(I.daguoChair, 'concern/accept', { id });
    clock = new Date('2026-03-02T02:10:00Z');
    await call(I.daguoChair, 'concern/reply', { id, text: '已安排保洁员，如有疑问请拨13800000002' });
    const updates = async (q: Record<string, string> = {}) =>
      expectXml(await xget('v2/servicerequestupdates.xml', { api_key: HOTLINE, start_date: start, ...q }), 200, 'service_request_updates').request_update as Array<Record<string, string>>;
    const got = await updates();
    // Routing at creation (已分派), the acceptance, the reply's move into progress, the reply (scrubbed).
    expect(got.map((u) => [u.service_request_id, u.status, u.description])).toEqual([
      [id, 'open', '状态变更：已分派'],
      [id, 'open', '状态变更：已签收'],
      [id, 'open', '状态变更：办理中'],
      [id, 'open', expect.stringMatching(/^已安排保洁员，如有疑问请拨(?!13800000002)/)],
    ]);
    for (const u of got) expect(Object.keys(u).sort()).toEqual(['description', 'media_url', 'service_request_id', 'status', 'update_id', 'updated_datetime']);
    expect(got[3].updated_datetime).toBe('2026-03-02T10:10:00+08:00');
    // The window bounds what is sent: after the acceptance, only the reply and its move.
    expect((await updates({ start_date: '2026-03-02T10:05:00+08:00' })).map((u) => u.update_id)).toEqual([got[2].update_id, got[3].update_id].sort());

    // The client's comment: content-checked, stored as the reporter's message, answered with its update_id.
    const comment = { api_key: HOTLINE, service_request_id: id, description: '市民补充：垃圾堆在祠堂东侧', update_id: 'fms-77', status: 'CLOSED', updated_datetime: '2026-03-02T10:20:00+08:00' };
    const first = expectXml(await xpost('v2/servicerequestupdates.xml', comment), 200, 'service_request_updates').request_update;
    expect(first).toHaveLength(1);
    const again = expectXml(await xpost('v2/servicerequestupdates.xml', comment), 200, 'service_request_updates').request_update;
    expect(again[0].update_id).toBe(first[0].update_id);
    const thread = await rt.store.concerns.thread(id);
    expect(thread.filter((m) => m.text === comment.description)).toEqual([expect.objectContaining({ id: first[0].update_id, authorOpenid: 'open311-12345' })]);
    // A client never sets the status, and its own comment is not sent back to it as an update.
    expect((await rt.store.concerns.get(id))!.status).toBe('in_progress');
    expect((await updates()).map((u) => u.update_id)).not.toContain(first[0].update_id);
    // Resolving closes it for the client, with the closing reply.
    clock = new Date('2026-03-02T03:00:00Z');
    await call(I.daguoChair, 'concern/resolve', { id, text: '垃圾已清运' });
    expect((await updates()).slice(-2).map((u) => [u.status, u.description])).toEqual([
      ['closed', '状态变更：已办结'],
      ['closed', '垃圾已清运'],
    ]);
  });

  it('keeps held replies out, refuses what it cannot take, and answers JSON too', async () => {
    const id = await posted();
    const start = clock.toISOString();
    await call(I.daguoChair, 'concern/accept', { id });
    await call(I.daguoChair, 'concern/reply', { id, text: '已安排清运，详情私聊' });
    const json = (await (await fetch(`${root}v2/servicerequestupdates.json?${new URLSearchParams({ api_key: HOTLINE, start_date: start })}`)).json()) as Array<{ description: string }>;
    // The held reply is not sent; its move into progress is.
    expect(json.map((u) => u.description)).toEqual(['状态变更：已分派', '状态变更：已签收', '状态变更：办理中']);
    const form = (extra: Record<string, string>) => ({ api_key: HOTLINE, service_request_id: id, description: '补充说明', ...extra });
    expectXmlError(await xpost('v2/servicerequestupdates.xml', { service_request_id: id, description: '补充' }), 403);
    expectXmlError(await xpost('v2/servicerequestupdates.xml', form({ api_key: TOWN })), 403); // reads 丹灶镇, posted nothing
    expectXmlError(await xpost('v2/servicerequestupdates.xml', form({ service_request_id: 'c-missing' })), 404);
    expectXmlError(await xpost('v2/servicerequestupdates.xml', form({ description: ' ' })), 400);
    expectXmlError(await xpost('v2/servicerequestupdates.xml', form({ update_id: 'a b' })), 400);
    expectXmlError(await xget('v2/servicerequestupdates.xml', { api_key: HOTLINE, start_date: '2025-11-01T00:00:00+08:00' }), 400);
    expect((await rt.store.concerns.thread(id)).filter((m) => m.authorOpenid === 'open311-12345')).toEqual([]);
  });
});

describe('bodies as clients send them', () => {
  it('takes multipart/form-data with repeated media_url and address_id, and refuses a file part that is no image', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ api_key: HOTLINE, jurisdiction_id: 'danzao', service_code: 'parking', address_id: 'dz-xicheng-daguo', description: '占道停车' })) form.append(k, v);
    form.append('media_url', 'https://hotline.example.org/a.jpg');
    form.append('media_url', 'https://hotline.example.org/b.jpg');
    const id = expectXml(await xpost('v2/requests.xml', form), 200, 'service_requests').request[0].service_request_id;
    const c = (await rt.store.concerns.get(id))!;
    expect(c).toMatchObject({ placeId: 'dz-xicheng-daguo', photos: ['https://hotline.example.org/a.jpg', 'https://hotline.example.org/b.jpg'] });
    expect(expectXml(await xget(`v2/requests/${id}.xml`, { api_key: HOTLINE }), 200, 'service_requests').request[0].address_id).toBe('dz-xicheng-daguo');
    const withFile = new FormData();
    withFile.append('api_key', HOTLINE);
    withFile.append('photo', new Blob([Buffer.from('not really a jpeg')], { type: 'image/jpeg' }), 'p.jpg');
    const before = rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get();
    expectXmlError(await xpost('v2/requests.xml', withFile), 400);
    const tooMany = new URLSearchParams(ticketForm());
    for (let i = 0; i < 10; i++) tooMany.append('media_url', `https://hotline.example.org/${i}.jpg`);
    expectXmlError(await xpost('v2/requests.xml', tooMany), 400);
    expect(rt.store.db.prepare('SELECT COUNT(*) FROM concerns').pluck().get()).toBe(before);
  });
});

describe('the open311 cloud function on the CloudBase wire fake', () => {
  it('serves XML and round-trips servicerequestupdates on the CloudBase store', async () => {
    let now = Date.parse('2026-03-02T01:30:00Z');
    const { rt: cloud, wire } = await cloudOpen311(() => new Date(now));
    // WeChat's msgSecCheck, which every reply passes through, says "pass".
    const api = new FakeCloudbaseApi().install().onWxOpenApi((apiName) => (apiName === 'security.msgSecCheck' ? { errcode: 0, errmsg: 'ok', result: { suggest: 'pass', label: 100 } } : { errcode: -1, errmsg: `unexpected ${apiName}` }));
    const main = createOpen311Function(async () => ({ ...open311Env(cloud.deps, cloud.router.directory), clientIpHeader: 'x-forwarded-for' }));
    const send = async (method: string, p: string, q: Record<string, string>, form?: Record<string, string>) => {
      const r = await main({ path: `/open311/${p}`, httpMethod: method, headers: form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}, queryStringParameters: q, body: form ? new URLSearchParams(form).toString() : null, isBase64Encoded: false });
      return { status: r.statusCode, type: r.headers['content-type'], text: r.body, doc: parser.parse(r.body) } as XmlRes;
    };
    const id = expectXml(await send('POST', 'v2/requests.xml', {}, ticketForm()), 200, 'service_requests').request[0].service_request_id as string;
    const start = new Date(now).toISOString();
    now += 600_000;
    await cloud.router.call('concern', 'concern/accept', { id }, I.daguoChair);
    await cloud.router.call('concern', 'concern/reply', { id, text: '已安排清运' }, I.daguoChair);
    const got = expectXml(await send('GET', 'v2/servicerequestupdates.xml', { api_key: HOTLINE, start_date: start }), 200, 'service_request_updates').request_update as Array<Record<string, string>>;
    expect(got.map((u) => [u.service_request_id, u.status, u.description])).toEqual([
      [id, 'open', '状态变更：已分派'],
      [id, 'open', '状态变更：已签收'],
      [id, 'open', '状态变更：办理中'],
      [id, 'open', '已安排清运'],
    ]);
    const posted = expectXml(await send('POST', 'v2/servicerequestupdates.xml', {}, { api_key: HOTLINE, service_request_id: id, description: '市民补充：在祠堂东侧', update_id: 'fms-1' }), 200, 'service_request_updates');
    const thread = await cloud.store.concerns.thread(id);
    expect(thread[thread.length - 1]).toMatchObject({ id: posted.request_update[0].update_id, text: '市民补充：在祠堂东侧', authorOpenid: 'open311-12345' });
    expectXmlError(await send('GET', 'discovery/none.xml', {}), 404);
    expectXml(await send('GET', 'discovery.xml', {}), 200, 'discovery');
    api.uninstall();
    wire.uninstall();
  });
});
