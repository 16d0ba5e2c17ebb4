/**
 * Open311 GeoReport v2 (JSON format): one pure request handler shared by the local server
 * (`/open311/v2/…`) and the HTTP-triggered `open311` cloud function. It takes a plain request (method,
 * path below `/open311/v2/`, query, body) and returns a plain response (status, headers, JSON body).
 *
 * - `GET services.json`, `GET services/{code}.json`: a town's categories (a key is optional here).
 * - `POST requests.json`: a client system (API key) reports a concern; it is routed and clocked exactly
 *   as an in-app report (concern-service's planSubmission), with the client's pseudo-resident as the
 *   reporter and source `12345` or `open311`. `attribute[ticket_no]` (the 12345 ticket number) makes
 *   a post idempotent, shared with the CSV import of hotline tickets.
 * - `GET requests.json`, `GET requests/{id}.json`: status open/closed, the latest handler reply as
 *   status_notes, the handling committee, the SLA resolve due time. Never a person's name, phone,
 *   openid or photo.
 * Errors are the spec's array of `{code, description}` with that HTTP status.
 */
import { planSubmission } from './concern-service';
import { releasedText } from './content';
import { scrubPersonal } from './scrub';
import type { DirectoryCache, DirectorySnapshot } from './directory';
import { AppError, RETRY_AFTER_SECONDS } from './errors';
import { TEXT_PROBLEM_MESSAGE, textProblem } from './text';
import type { ApiClient, Caller, Category, CategoryKind, Concern, ConcernStatus } from './model';
import type { ConcernSearch, Deps, LatestReply, RouteNode } from './ports';
import type { Submission } from './concern-service';

export interface Open311HttpRequest {
  method: string;
  /** The path below `/open311/v2/`, e.g. `services.json` or `requests/c123.json`. */
  path: string;
  query: Record<string, string | undefined>;
  /** Raw body text (application/x-www-form-urlencoded as the spec says, or JSON), or null. */
  body: string | null;
  contentType: string | null;
  /**
   * The client's address as our gateway saw it (never a value the client wrote), for the budgets of calls
   * without a key and of wrong keys. Calls without one share the budget of `unknown`.
   */
  clientIp?: string | null;
}

export interface Open311HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface Open311Env {
  deps: Deps;
  directory: DirectoryCache;
  /** SHA-256 (hex) of an API key; keys are stored only hashed. */
  hashKey: (key: string) => string;
}

export const OPEN311_LIMITS = {
  descriptionMax: 4000,
  addressMax: 200,
  mediaUrlMax: 512,
  /** Default window of GET requests.json, and the most it returns. */
  defaultDays: 90,
  maxResults: 1000,
  /** Calls without a key (service lists), per IP per minute. */
  anonymousPerMinute: 60,
  /** Wrong api_keys per client address per hour; past it every keyed call from there is 429 until the hour ends. */
  wrongKeysPerHour: 10,
} as const;

/** The pseudo-resident a client system reports as: never a person, so no personal data to leak. */
export function open311Openid(clientId: string): string {
  return `open311-${clientId}`;
}

/** The requestId under which a 12345 ticket is stored: one concern per ticket per client system. */
export function ticketRequestId(ticket: string): string {
  return `t-${ticket}`;
}

export const TICKET_RE = /^[A-Za-z0-9-]{1,40}$/;

const OPEN_STATES: readonly ConcernStatus[] = ['submitted', 'dispatching', 'assigned', 'accepted', 'in_progress'];
const CLOSED_STATES: readonly ConcernStatus[] = ['resolved', 'closed'];

/** Open311 has two states: a resolved concern (办结, awaiting the resident's rating) is closed for the sender. */
export function open311Status(s: ConcernStatus): 'open' | 'closed' {
  return CLOSED_STATES.includes(s) ? 'closed' : 'open';
}

const KIND_TEXT: Readonly<Record<CategoryKind, string>> = { consult: '咨询', help: '求助', suggest: '建议', complaint: '投诉', report: '举报' };

/** An error in the spec's format. */
class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const fail = (status: number, description: string): never => {
  throw new Open311Error(status, description);
};

/** W3C datetime in Beijing time, e.g. 2026-03-02T09:30:00+08:00. */
export function w3c(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

function json(status: number, body: unknown): Open311HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' },
    body: JSON.stringify(body),
  };
}

function params(req: Open311HttpRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') out[k] = v;
  if (req.body !== null && req.body.trim() !== '') {
    if ((req.contentType ?? '').includes('json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(req.body);
      } catch {
        return fail(400, 'request body is not valid JSON');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) fail(400, 'request body must be an object');
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
        if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
        else if (v !== null && v !== undefined) fail(400, `${k} must be a string or a number`);
      }
    } else {
      for (const [k, v] of new URLSearchParams(req.body)) out[k] = v;
    }
  }
  return out;
}

/**
 * The client system of the call's api_key. A wrong key counts against its address's budget
 * (`wrongKeysPerHour`); once that is spent, every keyed call from the address is 429 until the window ends —
 * the right key too, so guessing keys learns nothing from the answers.
 */
async function clientOf(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>, required: boolean): Promise<ApiClient | null> {
  const key = p.api_key;
  if (key === undefined || key === '') {
    if (required) fail(401, 'api_key is required');
    return null;
  }
  const { rateLimiter, now } = env.deps;
  const budget = `o311bad:${req.clientIp ?? 'unknown'}`;
  const tooMany = () => fail(429, 'too many wrong api_key attempts from this address; try again within the hour');
  const client = key.length > 200 ? null : await env.deps.store.directory.findApiClient(env.hashKey(key));
  if (!client) {
    if (!(await rateLimiter.take(budget, OPEN311_LIMITS.wrongKeysPerHour, 3600, now()))) tooMany();
    return fail(403, 'api_key is not valid');
  }
  if (await rateLimiter.spent(budget, OPEN311_LIMITS.wrongKeysPerHour, 3600, now())) tooMany();
  return client;
}

async function spend(env: Open311Env, client: ApiClient | null, req: Open311HttpRequest, post: boolean): Promise<void> {
  const { rateLimiter, now } = env.deps;
  const at = now();
  if (client) {
    if (!(await rateLimiter.take(`o311:${client.id}`, client.requestsPerMinute, 60, at))) fail(429, `more than ${client.requestsPerMinute} calls a minute for this api_key`);
    if (post && !(await rateLimiter.take(`o311p:${client.id}`, client.postsPerHour, 3600, at))) fail(429, `more than ${client.postsPerHour} requests an hour for this api_key`);
    return;
  }
  const ip = req.clientIp ?? 'unknown';
  if (!(await rateLimiter.take(`o311ip:${ip}`, OPEN311_LIMITS.anonymousPerMinute, 60, at))) fail(429, 'too many calls without an api_key');
}

function towns(snap: DirectorySnapshot): string[] {
  return snap.grid
    .all()
    .filter((n) => n.kind === 'town')
    .map((n) => n.id)
    .sort();
}

/** The town a call is about: `jurisdiction_id`, or the only town of the key (or of the deployment). */
function jurisdiction(snap: DirectorySnapshot, p: Record<string, string>, client: ApiClient | null): string {
  const all = towns(snap);
  const j = p.jurisdiction_id;
  if (j !== undefined && j !== '') {
    if (!all.includes(j)) fail(404, `jurisdiction_id ${j} not found`);
    if (client && !client.townIds.includes(j)) fail(403, `api_key is not valid for jurisdiction_id ${j}`);
    return j;
  }
  const scope = client ? client.townIds.filter((t) => all.includes(t)) : all;
  if (scope.length === 1) return scope[0];
  return fail(400, `jurisdiction_id is required: one of ${scope.join(', ')}`);
}

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

async function categoriesOf(env: Open311Env, townId: string): Promise<Category[]> {
  return env.deps.store.directory.listCategories(townId);
}

function officeNameOf(snap: DirectorySnapshot, c: Category): string | null {
  if (c.leadOfficeCode === null) return null;
  return snap.offices.find((o) => o.townId === c.townId && o.code === c.leadOfficeCode)?.name ?? null;
}

/** The most specific node of the town whose name the address names (longest name wins), else the town. */
export function placeFromAddress(snap: DirectorySnapshot, townId: string, address: string): string {
  let best: { id: string; len: number } | null = null;
  for (const n of snap.grid.all()) {
    if (n.kind === 'town' || n.kind === 'district' || n.kind === 'grid') continue;
    if (!snap.grid.isWithin(n.id, townId) || !address.includes(n.name)) continue;
    if (!best || n.name.length > best.len) best = { id: n.id, len: n.name.length };
  }
  return best?.id ?? townId;
}

const number = (v: string | undefined, name: string, min: number, max: number): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!/^-?\d+(\.\d+)?$/.test(v.trim()) || !Number.isFinite(n) || n < min || n > max) return fail(400, `${name} must be a number from ${min} to ${max}`);
  return n;
};

/** Codes of our errors that mean "bad request" to the sender. */
const BAD_REQUEST = new Set(['VALIDATION.FAILED', 'GRID.PLACE_NOT_FOUND', 'GRID.PLACE_REQUIRED', 'GRID.OUTSIDE_AREA', 'CATEGORY.UNKNOWN']);

async function postRequest(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>) {
  const client = (await clientOf(env, req, p, true))!;
  await spend(env, client, req, true);
  const snap = await env.directory.current();
  const townId = jurisdiction(snap, p, client);
  const code = p.service_code;
  if (!code) fail(400, 'service_code is required');
  const cats = await categoriesOf(env, townId);
  if (!cats.some((c) => c.code === code)) fail(400, `service_code ${code} not found in ${townId}`);

  const description = (p.description ?? '').trim();
  if (description === '') fail(400, 'description is required');
  if ([...description].length > OPEN311_LIMITS.descriptionMax) fail(400, `description must be at most ${OPEN311_LIMITS.descriptionMax} characters`);
  const descriptionProblem = textProblem(description);
  if (descriptionProblem) fail(400, `description ${TEXT_PROBLEM_MESSAGE[descriptionProblem]}`);
  const lat = number(p.lat, 'lat', -90, 90);
  const lng = number(p.long, 'long', -180, 180);
  if ((lat === undefined) !== (lng === undefined)) fail(400, 'lat and long go together');
  const address = (p.address_string ?? '').trim();
  if ([...address].length > OPEN311_LIMITS.addressMax) fail(400, `address_string must be at most ${OPEN311_LIMITS.addressMax} characters`);
  const addressProblem = textProblem(address);
  if (addressProblem) fail(400, `address_string ${TEXT_PROBLEM_MESSAGE[addressProblem]}`);
  if (lat === undefined && address === '') fail(400, 'lat/long or address_string is required');
  const media = (p.media_url ?? '').trim();
  if (media !== '' && (media.length > OPEN311_LIMITS.mediaUrlMax || !/^https?:\/\/[^\s"<>]+$/i.test(media))) fail(400, 'media_url must be an http(s) URL');
  const ticket = (p['attribute[ticket_no]'] ?? '').trim();
  if (ticket !== '' && !TICKET_RE.test(ticket)) fail(400, 'attribute[ticket_no] must be 1–40 letters, digits or -');
  // email, first_name, last_name, phone, device_id and account_id are accepted and never stored:
  // the reporter of a posted request is the client system.

  const input: Submission = { category: code, description, photos: media ? [media] : [] };
  if (ticket) input.requestId = ticketRequestId(ticket);
  if (lat !== undefined && lng !== undefined) {
    input.location = { lat, lng };
    const located = snap.where.locate(input.location);
    if (located.townId !== null && located.townId !== townId) fail(400, `lat/long lies in ${located.townId}, not in jurisdiction ${townId}`);
    // A point no boundary holds (where towns have none) goes by the address, else to the town's queue.
    if (located.townId === null && !snap.where.townsCovered) input.placeId = address ? placeFromAddress(snap, townId, address) : townId;
  } else {
    input.placeId = placeFromAddress(snap, townId, address);
  }

  const ctx = { deps: env.deps, directory: env.directory, caller: await pseudoResident(env, client) };
  try {
    const plan = await planSubmission(ctx, snap, input, { source: client.source, note: address ? `地址：${address}` : null });
    // A ticket is unique per source and town: a number another town took is answered by the store with that
    // town's concern and nothing written; it is refused here, never handed to this client.
    const { concern, created } = await env.deps.store.concerns.create(plan.concern, plan.events, plan.notifications);
    if (!created && concern.route.townId !== townId) fail(409, `ticket ${ticket} is another jurisdiction's`);
    return json(200, [{ service_request_id: concern.id, service_notice: '', account_id: null }]);
  } catch (e) {
    if (e instanceof AppError && BAD_REQUEST.has(e.code)) fail(400, e.message);
    throw e;
  }
}

/** The client system as a resident (created on first use), so that resident-facing views and checks work. */
export async function pseudoResident(env: { deps: Deps }, client: Pick<ApiClient, 'id' | 'name'>): Promise<Caller> {
  const openid = open311Openid(client.id);
  const user = await env.deps.store.directory.ensureUser({ openid, name: client.name, phone: null, createdAt: env.deps.now().toISOString() });
  return { openid, name: user.name, role: 'resident', nodeId: null };
}

/** Parses a W3C datetime (or a bare date, taken as Beijing midnight). */
function instant(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const s = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s);
  const t = Date.parse(s);
  if (!ok || !Number.isFinite(t)) return fail(400, `${name} must be a W3C datetime, e.g. 2026-03-01T00:00:00+08:00`);
  return t;
}

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

function scopeOf(client: ApiClient, townIds: string[]): Pick<ConcernSearch, 'nodes' | 'reporterOpenid'> {
  if (client.reads === 'own') return { reporterOpenid: open311Openid(client.id), nodes: townIds.map((id): RouteNode => ({ level: 'town', id })) };
  return { nodes: townIds.map((id): RouteNode => ({ level: 'town', id })) };
}

async function listRequests(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>) {
  const client = (await clientOf(env, req, p, true))!;
  await spend(env, client, req, false);
  const snap = await env.directory.current();
  const townIds = p.jurisdiction_id ? [jurisdiction(snap, p, client)] : client.townIds;
  const q: ConcernSearch = { ...scopeOf(client, townIds), createdFrom: '0000', createdTo: '9999' };
  const list = (v: string) =>
    v
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== '');
  if (p.service_request_id) {
    // The spec: with service_request_id, the other filters are ignored.
    const ids = list(p.service_request_id);
    if (ids.length > OPEN311_LIMITS.maxResults || ids.some((i) => !ID_RE.test(i))) fail(400, 'service_request_id must be a comma-separated list of ids');
    q.ids = ids;
  } else {
    const now = env.deps.now().getTime();
    const start = instant(p.start_date, 'start_date');
    const end = instant(p.end_date, 'end_date');
    const day = 86_400_000;
    // Up to now unless end_date says otherwise; the 90 days back from the end unless start_date says otherwise.
    const to = end ?? now;
    const from = start ?? to - OPEN311_LIMITS.defaultDays * day;
    if (from > to) fail(400, 'start_date must not be after end_date');
    q.createdFrom = new Date(from).toISOString();
    q.createdTo = new Date(to + 1).toISOString();
    if (p.status) {
      const wanted = list(p.status);
      if (wanted.length === 0 || wanted.some((s) => s !== 'open' && s !== 'closed')) fail(400, 'status must be open, closed or both');
      q.statuses = [...(wanted.includes('open') ? OPEN_STATES : []), ...(wanted.includes('closed') ? CLOSED_STATES : [])];
    }
    if (p.service_code) q.categories = list(p.service_code);
  }
  const found = await env.deps.store.concerns.search(q, OPEN311_LIMITS.maxResults);
  return json(200, await views(env, snap, found));
}

async function getRequest(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>, id: string) {
  const client = (await clientOf(env, req, p, true))!;
  await spend(env, client, req, false);
  if (!ID_RE.test(id)) fail(404, `service request ${id} not found`);
  const snap = await env.directory.current();
  const c = await env.deps.store.concerns.get(id);
  const inScope = c !== null && client.townIds.includes(c.route.townId) && (client.reads === 'scope' || c.reporterOpenid === open311Openid(client.id));
  if (!c || !inScope) return fail(404, `service request ${id} not found`);
  return json(200, await views(env, snap, [c]));
}

/** The committee that handles the concern now: its cooperative, else village, else the town (派单). */
export function agencyOf(snap: DirectorySnapshot, c: Concern): string {
  const r = c.route;
  const id = r.cooperativeId ?? r.villageId ?? r.townId;
  const name = snap.grid.get(id)?.name ?? id;
  return id === r.townId && c.status === 'dispatching' ? `${name}（派单中）` : name;
}

/** App reports: the point rounded to ~100 m, so that no home is pinpointed; imported tickets as sent. */
const round3 = (x: number) => Math.round(x * 1000) / 1000;

async function views(env: Open311Env, snap: DirectorySnapshot, list: Concern[]) {
  const [replies, cats] = await Promise.all([env.deps.store.concerns.latestReplies(list.map((c) => c.id)), env.deps.store.directory.listCategories()]);
  const catName = new Map(cats.map((c) => [`${c.townId}/${c.code}`, c.name]));
  return list.map((c) => requestView(snap, catName, c, replies.get(c.id) ?? null));
}

function requestView(snap: DirectorySnapshot, catName: Map<string, string>, c: Concern, reply: LatestReply | null) {
  const imported = c.source !== 'app';
  const loc = c.location ? (imported ? c.location : { lat: round3(c.location.lat), lng: round3(c.location.lng) }) : null;
  return {
    service_request_id: c.id,
    status: open311Status(c.status),
    // An in-app report and the replies to it pass through scrubbed: a resident's phone or name never leaves.
    status_notes: reply ? (imported ? reply.text : scrubPersonal(reply.text)) : null,
    service_name: catName.get(`${c.route.townId}/${c.category}`) ?? c.category,
    service_code: c.category,
    description: imported ? releasedText(c.description, c.moderation) : scrubPersonal(releasedText(c.description, c.moderation)),
    agency_responsible: agencyOf(snap, c),
    service_notice: null,
    requested_datetime: w3c(c.createdAt),
    updated_datetime: w3c(c.updatedAt),
    expected_datetime: c.sla.resolveDueAt ? w3c(c.sla.resolveDueAt) : null,
    // An address reads without separators: 丹灶镇西城社区大果经济社.
    address: snap.grid.placeName(c.placeId, ''),
    address_id: null,
    zipcode: null,
    lat: loc?.lat ?? null,
    long: loc?.lng ?? null,
    // Residents' photos may show people: only a URL the client system itself sent is given back.
    media_url: imported ? c.photos[0] ?? null : null,
  };
}

async function services(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>, code: string | null) {
  const client = await clientOf(env, req, p, false);
  await spend(env, client, req, false);
  const snap = await env.directory.current();
  const townId = jurisdiction(snap, p, client);
  const cats = await categoriesOf(env, townId);
  if (code === null) return json(200, cats.map((c) => serviceView(c, officeNameOf(snap, c))));
  const c = cats.find((k) => k.code === code);
  if (!c) return fail(404, `service_code ${code} not found`);
  return json(200, serviceDefinition(c));
}

/**
 * Handles one Open311 call. Expected failures answer in the spec's error format; anything unexpected is
 * rethrown for the adapter to log and answer with `internalError()`.
 */
export async function handleOpen311(env: Open311Env, req: Open311HttpRequest): Promise<Open311HttpResponse> {
  const method = req.method.toUpperCase();
  try {
    if (method === 'OPTIONS') return { status: 204, headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type' }, body: '' };
    const path = req.path.replace(/^\/+/, '');
    const m = /^(services|requests)(?:\/([^/]+))?\.(json|xml)$/.exec(path);
    if (!m) return fail(404, `no resource ${path}`);
    if (m[3] !== 'json') fail(400, 'only the JSON format is supported');
    const [, resource, rawId] = m;
    let id: string | null = null;
    if (rawId !== undefined) {
      try {
        id = decodeURIComponent(rawId);
      } catch {
        fail(404, 'malformed id');
      }
    }
    const p = params(req);
    if (resource === 'services') {
      if (method !== 'GET') fail(405, `${method} is not allowed on services`);
      return await services(env, req, p, id);
    }
    if (id === null && method === 'POST') return await postRequest(env, req, p);
    if (method !== 'GET') fail(405, `${method} is not allowed here`);
    return id === null ? await listRequests(env, req, p) : await getRequest(env, req, p, id);
  } catch (e) {
    if (e instanceof Open311Error) return json(e.status, [{ code: e.status, description: e.description }]);
    if (e instanceof AppError && e.code === 'RATE_LIMITED') return json(429, [{ code: 429, description: e.message }]);
    if (e instanceof AppError && e.code === 'SERVICE.UNAVAILABLE') return json(503, [{ code: 503, description: e.message }]);
    if (e instanceof AppError && e.code.startsWith('STORAGE.')) {
      const out = json(503, [{ code: 503, description: e.message }]);
      const wait = RETRY_AFTER_SECONDS[e.code];
      return wait === undefined ? out : { ...out, headers: { ...out.headers, 'retry-after': String(wait) } };
    }
    throw e;
  }
}

/** What an adapter answers when the handler threw something unexpected. */
export function internalError(): Open311HttpResponse {
  return json(500, [{ code: 500, description: 'internal error' }]);
}
