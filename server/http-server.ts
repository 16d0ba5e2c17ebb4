/**
 * The local cloud over HTTP: the same router the cloud functions mount, plus the dev login and the
 * H5 build as static files. The contract (paths, bodies, codes) is stable: the H5 build and tests rely on it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { AppError, RETRY_AFTER_SECONDS, type ErrorCode, type WireResult } from '../core/errors';
import type { Profile } from '../core/views';
import { toWireError } from '../core/wire';
import { imageTypeOf, PHOTO_MAX_BYTES } from '../core/concerns/photos';
import type { PhotoType } from '../core/ports';
import { adapterError, handleOpen311, internalError, OPEN311_LIMITS, type Open311Env } from '../core/open311/open311';
import { decodeBody } from './open311-body';
import { open311Env, writeXml } from './open311-xml';
import { clientAddress } from './client-address';
import { checkOrigin, COMMON_HEADERS, inlineScriptHashes, NONE_CSP, pageCsp } from './http-security';
import { DEMO_LOGIN_ORDER } from './demo-data';
import type { LocalRuntime } from './local-runtime';

const MAX_BODY = 256 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export interface HttpServerOptions {
  mode: 'local' | 'production';
  staticDir: string | null;
  /** Largest photo upload accepted (bytes); the client compresses well below it. Default 4 MB. */
  maxUploadBytes?: number;
  /** Uploads per person per minute. Default 30. */
  uploadsPerMinute?: number;
  /** JIEFANG_CLIENT_IP_HEADER: the reverse proxy's header with the client's address; unset, the socket's address. */
  clientIpHeader?: string;
  /**
   * JIEFANG_ALLOWED_ORIGINS: other origins whose pages may call the API (e.g. the H5 dev server). The page's
   * own origin always may; no other origin ever gets an Access-Control-Allow-Origin, and `*` never.
   */
  allowedOrigins?: readonly string[];
  /** JIEFANG_RATE_REQUESTS_PER_MINUTE: API requests of any kind, reads too, per person (or per address before sign-in). Default 600. */
  requestsPerMinute?: number;
  /** How long a slow client may take; defaults in DEFAULT_HTTP_TIMEOUTS. */
  timeouts?: Partial<HttpTimeouts>;
}

export interface HttpTimeouts {
  /** The whole request, headers and body, must arrive within this (else 408 and the socket closes). */
  requestMs: number;
  /** The request headers must arrive within this. */
  headersMs: number;
  /** An idle keep-alive socket is closed after this. */
  keepAliveMs: number;
  /** How often the server looks for requests over their time. */
  checkEveryMs: number;
}

/** Fit for a mini program's calls (wx.request waits 60 s by default; our bodies are at most 4 MB). */
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { requestMs: 30_000, headersMs: 10_000, keepAliveMs: 4_000, checkEveryMs: 1_000 };

export const DEFAULT_MAX_UPLOAD_BYTES = PHOTO_MAX_BYTES;
export const DEFAULT_REQUESTS_PER_MINUTE = 600;

const UPLOAD_TYPES: Record<string, PhotoType> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export type DevIdentity = Profile;

export function createHttpServer(rt: LocalRuntime, opts: HttpServerOptions): http.Server {
  async function identities(): Promise<DevIdentity[]> {
    const out: DevIdentity[] = [];
    for (const openid of DEMO_LOGIN_ORDER) {
      const staff = await rt.store.directory.findStaff(openid);
      const user = staff ? null : await rt.store.directory.findUser(openid);
      if (!staff && !user) continue;
      out.push((await rt.router.call('concern', 'me/profile', {}, openid)) as Profile);
    }
    return out;
  }

  /**
   * A photo, as the raw body: bearer token, content-type image/jpeg|png|webp, at most `maxUploadBytes`,
   * bytes that really are that type. Stored with its uploader, so only they can attach it to a report.
   */
  async function upload(req: http.IncomingMessage): Promise<{ fileId: string; url: string }> {
    const openid = await caller(req);
    if (!rt.photos) throw new AppError('PHOTO.INVALID', 'this server stores no photos');
    const type = UPLOAD_TYPES[(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()];
    if (!type) throw new AppError('PHOTO.INVALID', 'content-type must be image/jpeg, image/png or image/webp');
    const max = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > max) throw new AppError('PHOTO.TOO_LARGE', `photos are at most ${max} bytes`);
    await rt.router.resolveCaller(openid);
    if (!(await rt.deps.rateLimiter.take(`up:${openid}`, opts.uploadsPerMinute ?? 30, 60, rt.deps.now()))) {
      throw new AppError('RATE_LIMITED', 'too many uploads a minute');
    }
    const bytes = await readBody(req, max, () => new AppError('PHOTO.TOO_LARGE', `photos are at most ${max} bytes`));
    if (imageTypeOf(bytes) !== type) throw new AppError('PHOTO.INVALID', 'the bytes are not the image type given');
    const fileId = await rt.photos.upload(openid, bytes, type);
    const [url] = await rt.photos.displayUrls([fileId]);
    return { fileId, url: url ?? '' };
  }

  /** One request against a budget of `requestsPerMinute`: a person's, or an address's before sign-in. */
  async function spend(key: string): Promise<void> {
    if (!(await rt.deps.rateLimiter.take(`http:${key}`, opts.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE, 60, rt.deps.now()))) {
      throw new AppError('RATE_LIMITED', 'too many requests a minute');
    }
  }

  /** The signed-in person of a request, counted against their budget; a refused token counts against the address's. */
  async function caller(req: http.IncomingMessage): Promise<string> {
    let openid: string;
    try {
      openid = await rt.authenticate(req.headers.authorization);
    } catch (e) {
      await spend(`ip:${clientOf(req) ?? 'unknown'}`);
      throw e;
    }
    await spend(`who:${openid}`);
    return openid;
  }

  async function handleApi(req: http.IncomingMessage, url: URL): Promise<unknown> {
    if (url.pathname.startsWith('/api/dev/')) await spend(`ip:${clientOf(req) ?? 'unknown'}`);
    if (req.method === 'GET' && url.pathname === '/api/dev/identities') {
      if (opts.mode !== 'local') throw new AppError('AUTH.DEV_LOGIN_DISABLED', 'dev identities are local only');
      return identities();
    }
    if (req.method === 'POST' && url.pathname === '/api/dev/login') {
      if (opts.mode !== 'local') throw new AppError('AUTH.DEV_LOGIN_DISABLED', 'dev login is local only');
      const body = await readJson(req);
      const openid = (body as { openid?: unknown } | null)?.openid;
      if (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(openid)) {
        throw new AppError('VALIDATION.FAILED', 'openid must be 1–64 letters, digits, _ or -');
      }
      await rt.router.resolveCaller(openid); // creates a new resident on first sight
      return { token: rt.identity.issue(openid) };
    }
    if (req.method === 'POST' && url.pathname === '/api/upload') return upload(req);
    const fn = /^\/api\/fn\/([a-z]+)$/.exec(url.pathname);
    if (req.method === 'POST' && fn) {
      const openid = await caller(req);
      const body = await readJson(req);
      if (body === null || typeof body !== 'object' || Array.isArray(body) || typeof (body as { action?: unknown }).action !== 'string') {
        throw new AppError('VALIDATION.FAILED', 'body must be {action, data}');
      }
      const { action, data } = body as { action: string; data?: unknown };
      return rt.router.call(fn[1], action, data, openid);
    }
    throw new AppError('ACTION.UNKNOWN', `no route ${req.method} ${url.pathname}`);
  }

  /** The client's address: the socket's, or the trusted proxy header's last value — never one the client wrote. */
  const clientOf = (req: http.IncomingMessage) => clientAddress(req.headers, opts.clientIpHeader, req.socket.remoteAddress ?? null);

  const open311: Open311Env = { ...open311Env(rt.deps, rt.router.directory, opts.mode === 'production' ? 'production' : 'test'), maxPhotoBytes: opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES };

  /** Open311 under /open311/ (GeoReport v2 under /open311/v2/, discovery): the same pure handler as the `open311` cloud function. */
  async function serveOpen311(req: http.IncomingMessage, url: URL, res: http.ServerResponse) {
    const path = url.pathname.slice(OPEN311_PREFIX.length);
    let out;
    try {
      const raw = req.method === 'POST' ? await readBody(req, OPEN311_LIMITS.bodyBytes, () => new AppError('VALIDATION.FAILED', `request body is over ${OPEN311_LIMITS.bodyBytes} bytes`)) : null;
      const decoded = await decodeBody(raw && raw.length > 0 ? raw : null, req.headers['content-type'] ?? null);
      if ('refused' in decoded) out = adapterError(writeXml, path, 400, decoded.refused);
      else {
        out = await handleOpen311(open311, {
          method: req.method ?? 'GET',
          path,
          query: Object.fromEntries(url.searchParams),
          ...decoded,
          contentType: req.headers['content-type'] ?? null,
          clientIp: clientOf(req),
          origin: `http://${req.headers.host ?? 'localhost'}`,
        });
      }
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION.FAILED') out = adapterError(writeXml, path, 413, e.message);
      else {
        console.error(`[jiefang] open311 ${req.method} ${url.pathname} failed:`, e);
        out = internalError(writeXml, path);
      }
    }
    res.writeHead(out.status, out.headers);
    res.end(out.body);
  }

  const allowedOrigins = opts.allowedOrigins ?? [];
  const t = { ...DEFAULT_HTTP_TIMEOUTS, ...opts.timeouts };
  const options: http.ServerOptions = { requestTimeout: t.requestMs, headersTimeout: t.headersMs, keepAliveTimeout: t.keepAliveMs, connectionsCheckingInterval: t.checkEveryMs };
  const server = http.createServer(options, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v);
    res.setHeader('content-security-policy', NONE_CSP);
    if (url.pathname === '/healthz') return sendReadiness(rt, res);
    if (url.pathname.startsWith(OPEN311_PREFIX) || url.pathname === '/open311') {
      void serveOpen311(req, url, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // Bearer tokens are not cookies, but a page of another origin must still not drive the dev login or
      // read answers: only the page's own origin and the allow-list are served, and named exactly.
      const origin = checkOrigin(req, allowedOrigins);
      if (origin.kind === 'refused') {
        req.resume();
        return send(res, 403, { ok: false, code: 'AUTH.FORBIDDEN', message: `pages of ${origin.origin} may not call this API` });
      }
      const cors = origin.kind === 'allowed' ? origin.headers : {};
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors).end();
        return;
      }
      handleApi(req, url).then(
        (data) => send(res, 200, { ok: true, data }, cors),
        (e: unknown) => {
          const { status, body } = toWireError(e);
          if (status >= 500 && !(e instanceof AppError && e.code.startsWith('STORAGE.'))) console.error(`[jiefang] ${req.method} ${url.pathname} failed:`, e);
          send(res, status, body, { ...cors, ...retryAfter(body) });
        },
      );
      return;
    }
    if (url.pathname.startsWith('/uploads/')) {
      const file = rt.photos?.resolve(url.pathname.slice('/uploads/'.length)) ?? null;
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'private, max-age=3600',
        // A photo opened on its own is inert: no script of an SVG or a mislabelled file runs.
        'content-security-policy': `${NONE_CSP}; img-src 'self'; sandbox`,
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      return;
    }
    serveStatic(opts.staticDir, url.pathname, req, res);
  });
  // A response read slowly, or a socket gone quiet mid-request, is dropped after twice the request time.
  server.setTimeout(2 * t.requestMs);
  return server;
}

/** Readiness: a query through the store's connection. 200 while reads work (a full disk says so), else 503. */
function sendReadiness(rt: LocalRuntime, res: http.ServerResponse) {
  const r = rt.storage.readiness();
  if (r.ready) return send(res, 200, { ok: true, data: { status: r.storage === 'ok' ? 'ok' : 'degraded', storage: r.storage } });
  const code: ErrorCode = r.storage === 'damaged' ? 'STORAGE.DAMAGED' : 'SERVICE.UNAVAILABLE';
  send(res, 503, { ok: false, code, message: `not ready: ${r.reason ?? r.storage}` });
}

function retryAfter(body: WireResult<never>): Record<string, string> {
  const seconds = body.ok ? undefined : RETRY_AFTER_SECONDS[body.code as ErrorCode];
  return seconds === undefined ? {} : { 'retry-after': String(seconds) };
}

const OPEN311_PREFIX = '/open311/';

/** A request body, at most `max` bytes; past that the request is refused with `tooLarge()` and drained. */
function readBody(req: http.IncomingMessage, max: number, tooLarge: () => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > max) {
        failed = true;
        reject(tooLarge());
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

const bodyTooLarge = () => new AppError('VALIDATION.FAILED', 'request body too large');

/** A request body as text, or null when empty. */
async function readText(req: http.IncomingMessage): Promise<string | null> {
  const bytes = await readBody(req, MAX_BODY, bodyTooLarge);
  return bytes.length === 0 ? null : bytes.toString('utf8');
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const text = await readText(req);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION.FAILED', 'body is not valid JSON');
  }
}

function send(res: http.ServerResponse, status: number, body: WireResult<unknown>, cors: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors });
  res.end(text);
}

/** The H5 page's policy, with the hashes of its inline scripts, read again only when the file changes. */
const pagePolicies = new Map<string, { mtimeMs: number; csp: string }>();
function pagePolicy(file: string): string {
  const { mtimeMs } = statSync(file);
  const known = pagePolicies.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.csp;
  const csp = pageCsp(inlineScriptHashes(readFileSync(file, 'utf8')));
  pagePolicies.set(file, { mtimeMs, csp });
  return csp;
}

function serveStatic(dir: string | null, pathname: string, req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  if (!dir || !existsSync(path.join(dir, 'index.html'))) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('H5 页面尚未构建：请先运行 npm run build:h5（npm start 会自动构建）。');
    return;
  }
  const root = path.resolve(dir);
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let file = path.resolve(root, '.' + (rel === '/' ? '/index.html' : rel));
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  if (!existsSync(file) || !statSync(file).isFile()) file = path.join(root, 'index.html');
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const immutable = /\.[0-9a-f]{8,}\./.test(path.basename(file));
  res.writeHead(200, {
    'content-type': type,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(path.extname(file).toLowerCase() === '.html' ? { 'content-security-policy': pagePolicy(file) } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
