/**
 * What every Open311 resource shares: the plain request and response, the environment, limits, the spec's
 * error (thrown, answered in the call's format), parameters, api keys and budgets, the jurisdiction, dates.
 */
import type { DirectoryCache, DirectorySnapshot } from '../directory/directory';
import type { ApiClient, ConcernStatus } from '../model';
import type { Deps } from '../ports';
import { ALL_STATUSES, isOpen } from '../concerns/lifecycle';
import { beijingW3c } from '../beijing';

export interface Open311HttpRequest {
  method: string;
  /** The path below `/open311/v2/`, e.g. `services.xml` or `requests/c123.json`. */
  path: string;
  query: Record<string, string | undefined>;
  /** Raw body text (application/x-www-form-urlencoded as the spec says, or JSON), or null. */
  body: string | null;
  contentType: string | null;
  /**
   * Fields of a multipart/form-data body, decoded by the adapter (repeated names keep every value); when
   * given, `body` is not read.
   */
  form?: Array<[string, string]>;
  /** The file parts of a multipart/form-data body (photos, as FixMyStreet and `three` send them). */
  files?: Open311FilePart[];
  /**
   * The client's address as our gateway saw it (never a value the client wrote), for the budgets of calls
   * without a key and of wrong keys. Calls without one share the budget of `unknown`.
   */
  clientIp?: string | null;
  /** `scheme://host` of the call as the adapter saw it, for the endpoint URL of service discovery. */
  origin?: string | null;
}

/** One file part of a multipart body: its field name, the file name and type the client gave, the bytes. */
export interface Open311FilePart {
  field: string;
  filename: string;
  type: string;
  bytes: Uint8Array;
}

export interface Open311HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Serializes a document of plain elements (`{root: {child: 'text', list: {item: [...]}}}`) as XML with the
 * declaration, escaping all text. Injected (server/open311-xml.ts), so core stays free of libraries.
 */
export type XmlWriter = (doc: Record<string, unknown>) => string;

export interface Open311Env {
  deps: Deps;
  directory: DirectoryCache;
  /** SHA-256 (hex) of an API key; keys are stored only hashed. */
  hashKey: (key: string) => string;
  toXml: XmlWriter;
  /** The endpoint type service discovery names; `production` unless the runtime says otherwise. */
  stage?: 'production' | 'test';
  /** The largest photo a file part may be (bytes): the app's upload limit, PHOTO_MAX_BYTES unless the runtime says otherwise. */
  maxPhotoBytes?: number;
}

export const OPEN311_LIMITS = {
  descriptionMax: 4000,
  addressMax: 200,
  mediaUrlMax: 512,
  /** media_url may be repeated and photos sent as file parts; at most this many in all (the photo limit of an in-app report). */
  mediaUrls: 9,
  /**
   * The largest POST body (bytes) either adapter reads; beyond it, 413 in the spec's error format. Fits a few
   * photos of the app's size; it is the synchronous event limit of the cloud function platform (6 MB).
   */
  bodyBytes: 6 * 1024 * 1024,
  /** Default window of GET requests and servicerequestupdates, and the longest span they accept. */
  defaultDays: 90,
  maxResults: 1000,
  /** Calls without a key (service lists, public reads), per IP per minute. */
  anonymousPerMinute: 60,
  /** Wrong api_keys per client address per hour; past it every keyed call from there is 429 until the hour ends. */
  wrongKeysPerHour: 10,
} as const;

export type Format = 'json' | 'xml';

/** An error in the spec's format. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

export const fail = (status: number, description: string): never => {
  throw new Open311Error(status, description);
};

/** The pseudo-resident a client system reports as: never a person, so no personal data to leak. */
export function open311Openid(clientId: string): string {
  return `open311-${clientId}`;
}

/** Open311's closed: every status that is not one of the lifecycle's open statuses. */
export const CLOSED_STATES: readonly ConcernStatus[] = ALL_STATUSES.filter((s) => !isOpen(s));

/** Open311 has two states: a resolved concern (办结, awaiting the resident's rating) is closed for the sender. */
export function open311Status(s: ConcernStatus): 'open' | 'closed' {
  return isOpen(s) ? 'open' : 'closed';
}

/** W3C datetime in Beijing time, e.g. 2026-03-02T09:30:00+08:00. */
export function w3c(iso: string): string {
  return beijingW3c(iso);
}

/** A call's parameters: query and body together; a repeated name keeps every value (`media_url`). */
export interface Params {
  one: Record<string, string>;
  all: (name: string) => string[];
}

export function params(req: Open311HttpRequest): Params {
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(req.query)) if (typeof v === 'string') pairs.push([k, v]);
  if (req.form) pairs.push(...req.form);
  else if (req.body !== null && req.body.trim() !== '') {
    if ((req.contentType ?? '').includes('json')) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(req.body);
      } catch {
        return fail(400, 'request body is not valid JSON');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) fail(400, 'request body must be an object');
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
        const values = Array.isArray(v) ? v : [v];
        for (const x of values) {
          if (typeof x === 'string' || typeof x === 'number') pairs.push([k, String(x)]);
          else if (x !== null && x !== undefined) fail(400, `${k} must be a string or a number`);
        }
      }
    } else {
      for (const [k, v] of new URLSearchParams(req.body)) pairs.push([k, v]);
    }
  }
  const one: Record<string, string> = {};
  for (const [k, v] of pairs) one[k] = v;
  return { one, all: (name) => pairs.filter(([k]) => k === name).map(([, v]) => v) };
}

/**
 * The client system of the call's api_key, or null without one (a public call), or 403 when `required`
 * (the spec's status for a missing key). A wrong key counts against its address's budget
 * (`wrongKeysPerHour`); once that is spent, every keyed call from the address is 429 until the window ends —
 * the right key too, so guessing keys learns nothing from the answers.
 */
export async function clientOf(env: Open311Env, req: Open311HttpRequest, p: Record<string, string>, required: boolean): Promise<ApiClient | null> {
  const key = p.api_key;
  if (key === undefined || key === '') {
    if (required) fail(403, 'api_key is required');
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

/** Counts the call against the key's budgets (calls a minute, posts an hour), or the address's without a key. */
export async function spend(env: Open311Env, client: ApiClient | null, req: Open311HttpRequest, post: boolean): Promise<void> {
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

export function towns(snap: DirectorySnapshot): string[] {
  return snap.grid
    .all()
    .filter((n) => n.kind === 'town')
    .map((n) => n.id)
    .sort();
}

/** The town a call is about: `jurisdiction_id`, or the only town of the key (or of the deployment). */
export function jurisdiction(snap: DirectorySnapshot, p: Record<string, string>, client: ApiClient | null): string {
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

/** The towns a read covers: the jurisdiction named, else every town of the key (or of the deployment). */
export function readTowns(snap: DirectorySnapshot, p: Record<string, string>, client: ApiClient | null): string[] {
  if (p.jurisdiction_id) return [jurisdiction(snap, p, client)];
  return client ? client.townIds : towns(snap);
}

/** Parses a W3C datetime (or a bare date, taken as Beijing midnight). */
export function instant(v: string | undefined, name: string): number | undefined {
  if (v === undefined || v === '') return undefined;
  const s = /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v;
  const ok = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s);
  const t = Date.parse(s);
  if (!ok || !Number.isFinite(t)) return fail(400, `${name} must be a W3C datetime, e.g. 2026-03-01T00:00:00+08:00`);
  return t;
}

const DAY = 86_400_000;

/**
 * The window of a read, [from, to] in epoch ms: up to now unless end_date says otherwise, the 90 days back
 * from the end unless start_date says otherwise; a span over 90 days is refused, as the spec says.
 */
export function span(env: Open311Env, p: Record<string, string>): { from: number; to: number } {
  const start = instant(p.start_date, 'start_date');
  const end = instant(p.end_date, 'end_date');
  const to = end ?? env.deps.now().getTime();
  const from = start ?? to - OPEN311_LIMITS.defaultDays * DAY;
  if (from > to) fail(400, 'start_date must not be after end_date');
  if (to - from > OPEN311_LIMITS.defaultDays * DAY) fail(400, `start_date and end_date may span at most ${OPEN311_LIMITS.defaultDays} days`);
  return { from, to };
}

export const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const list = (v: string) =>
  v
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
