/**
 * Open311 GeoReport v2: one pure request handler shared by the local server (`/open311/…`) and the
 * HTTP-triggered `open311` cloud function. It takes a plain request (method, path below `/open311/`, query,
 * body) and returns a plain response (status, headers, body) in the format the path names — XML
 * (`.xml`, the spec's required format, and the default) or JSON (`.json`) — errors included.
 *
 * - `discovery.{xml,json}`: service discovery (also under `v2/`).
 * - `v2/services`, `v2/services/{code}`: a town's categories (a key is optional here).
 * - `v2/requests` (POST, key required), `v2/requests`, `v2/requests/{id}` (GET; a key gives its own or
 *   scope view, none the public view): see open311-requests.ts.
 * - `v2/servicerequestupdates` (GET, POST): mySociety's updates extension, see open311-updates.ts.
 * Anything else under `/open311/` is 404 in the spec's error format.
 */
import { AppError, RETRY_AFTER_SECONDS } from '../errors';
import { categoriesOf, type DirectorySnapshot } from '../directory/directory';
import type { Category, CategoryKind } from '../model';
import { answer, errorAnswer, formatOf, type Root } from './open311-format';
import { clientOf, fail, jurisdiction, Open311Error, params, spend, type Open311Env, type Open311HttpRequest, type Open311HttpResponse, type Params, type XmlWriter } from './open311-common';
import { getRequest, listRequests, postRequest } from './open311-requests';
import { listUpdates, postUpdate } from './open311-updates';

export * from './open311-common';
export { agencyOf, placeFromAddress, pseudoResident, ticketRequestId, TICKET_RE } from './open311-requests';
export { formatOf } from './open311-format';

const KIND_TEXT: Readonly<Record<CategoryKind, string>> = { consult: '咨询', help: '求助', suggest: '建议', complaint: '投诉', report: '举报' };

/** When this API's contract last changed (service discovery's changeset); a fixed date, never the clock. */
export const OPEN311_CHANGESET = '2026-12-02T00:00:00+08:00';

function serviceView(c: Category, officeName: string | null) {
  const keywords = [...c.name.split('/'), KIND_TEXT[c.kind], ...(officeName ? [officeName] : [])];
  return {
    service_code: c.code,
    service_name: c.name,
    description: `${c.name}（${KIND_TEXT[c.kind]}类）${officeName ? `，牵头：${officeName}` : ''}`,
    // Every service takes the optional 12345 ticket number as an attribute (see serviceDefinition).
    metadata: true,
    type: 'realtime',
    keywords: keywords.join(','),
    group: KIND_TEXT[c.kind],
  };
}

function serviceDefinition(c: Category) {
  return {
    service_code: c.code,
    attributes: [
      {
        variable: true,
        code: 'ticket_no',
        datatype: 'string',
        required: false,
        datatype_description: '字母、数字或连字符，最长 40 位',
        order: 1,
        description: '12345 热线工单号：同一工单号只受理一次，可凭返回的 service_request_id 查询办理结果',
      },
    ],
  };
}

function officeNameOf(snap: DirectorySnapshot, c: Category): string | null {
  if (c.leadOfficeCode === null) return null;
  return snap.offices.find((o) => o.townId === c.townId && o.code === c.leadOfficeCode)?.name ?? null;
}

async function services(env: Open311Env, req: Open311HttpRequest, { one: p }: Params, code: string | null) {
  const client = await clientOf(env, req, p, false);
  await spend(env, client, req, false);
  const snap = await env.directory.current();
  const townId = jurisdiction(snap, p, client);
  // A category the town turned off takes no new requests, so it is not offered.
  const cats = categoriesOf(snap, townId).filter((c) => c.enabled);
  if (code === null) return cats.map((c) => serviceView(c, officeNameOf(snap, c)));
  const c = cats.find((k) => k.code === code);
  if (!c) return fail(404, `service_code ${code} not found`);
  return serviceDefinition(c);
}

/** Service discovery: where the endpoint lives, what it speaks, who to ask for a key. */
function discovery(env: Open311Env, req: Open311HttpRequest) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: '街坊 Jiefang 区级部署：请联系区政务服务数据管理部门（接口对接）',
    key_service: '提交诉求和评论需要 api_key：由区/镇管理员为每个接入系统签发一把（只存哈希）；查询无需 api_key',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${req.origin ?? ''}/open311/v2`,
        changeset: OPEN311_CHANGESET,
        type: env.stage ?? 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

/** One resource of the API: which root its answer has, and how each method is served. */
type Serve = (env: Open311Env, req: Open311HttpRequest, p: Params, id: string | null) => Promise<unknown>;
const RESOURCES: Record<string, { root: Root; post?: Root; get?: Serve; create?: Serve; item?: Serve }> = {
  discovery: { root: 'discovery', get: (env, req) => Promise.resolve(discovery(env, req)) },
  services: { root: 'services', get: (env, req, p) => services(env, req, p, null), item: (env, req, p, id) => services(env, req, p, id) },
  requests: { root: 'service_requests', get: listRequests, create: postRequest, item: (env, req, p, id) => getRequest(env, req, p, id!) },
  servicerequestupdates: { root: 'service_request_updates', get: listUpdates, create: postUpdate },
};

/**
 * Handles one Open311 call. Expected failures answer in the spec's error format; anything unexpected is
 * rethrown for the adapter to log and answer with `internalError()`.
 */
export async function handleOpen311(env: Open311Env, req: Open311HttpRequest): Promise<Open311HttpResponse> {
  const method = req.method.toUpperCase();
  const path = req.path.replace(/^\/+/, '');
  const format = formatOf(path);
  try {
    if (method === 'OPTIONS') return { status: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type' }, body: '' };
    const m = /^(?:(discovery)|v2\/(?:(discovery)|(services|requests|servicerequestupdates)(?:\/([^/]+))?))\.(json|xml)$/.exec(path);
    if (!m) return fail(404, `no resource /open311/${path}`);
    const name = m[1] ?? m[2] ?? m[3];
    const resource = RESOURCES[name];
    let id: string | null = null;
    if (m[4] !== undefined) {
      try {
        id = decodeURIComponent(m[4]);
      } catch {
        fail(404, 'malformed id');
      }
    }
    const serve = method === 'GET' ? (id === null ? resource.get : resource.item) : method === 'POST' && id === null ? resource.create : undefined;
    if (!serve) {
      if (id !== null && !resource.item) fail(404, `no resource /open311/${path}`);
      fail(405, `${method} is not allowed on /open311/${path}`);
    }
    const root: Root = name === 'services' && id !== null ? 'service_definition' : resource.root;
    return answer(env.toXml, format, 200, root, await serve!(env, req, params(req), id));
  } catch (e) {
    return failure(env.toXml, format, e);
  }
}

function failure(toXml: XmlWriter, format: 'json' | 'xml', e: unknown): Open311HttpResponse {
  if (e instanceof Open311Error) return errorAnswer(toXml, format, e.status, e.description);
  if (e instanceof AppError && e.code === 'RATE_LIMITED') return errorAnswer(toXml, format, 429, e.message);
  if (e instanceof AppError && e.code === 'SERVICE.UNAVAILABLE') return errorAnswer(toXml, format, 503, e.message);
  if (e instanceof AppError && e.code.startsWith('STORAGE.')) {
    const wait = RETRY_AFTER_SECONDS[e.code];
    return errorAnswer(toXml, format, 503, e.message, wait === undefined ? {} : { 'retry-after': String(wait) });
  }
  throw e;
}

/** What an adapter answers when the handler threw something unexpected, or refused a call before it (e.g. 413). */
export function adapterError(toXml: XmlWriter, path: string, status: number, description: string): Open311HttpResponse {
  return errorAnswer(toXml, formatOf(path), status, description);
}

export function internalError(toXml: XmlWriter, path: string): Open311HttpResponse {
  return adapterError(toXml, path, 500, 'internal error');
}
