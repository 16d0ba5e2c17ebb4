/**
 * The adapter of the HTTP-triggered `open311` cloud function. CloudBase's HTTP access (HTTP 访问服务)
 * hands the function an integration event and takes back `{statusCode, headers, body}`; the request
 * itself is served by core/open311.ts, the same handler the local server mounts at /open311/v2/.
 * There is no WeChat identity here: a client system is known by its api_key alone.
 */
import { handleOpen311, internalError, type Open311Env, type Open311HttpResponse } from '../core/open311';
import { clientAddress } from './client-address';

/** What the function serves with: the Open311 handler's environment and the gateway's trusted address header. */
export interface Open311FunctionEnv extends Open311Env {
  /** JIEFANG_CLIENT_IP_HEADER: the header CloudBase's gateway writes the client's address into. */
  clientIpHeader: string;
}

/** The integration event of CloudBase HTTP access. */
export interface HttpAccessEvent {
  path?: string;
  httpMethod?: string;
  headers?: Record<string, string | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface HttpAccessResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  isBase64Encoded: false;
}

const MAX_BODY = 256 * 1024;

/** The path below `…/v2/`, whatever route prefix the function is mounted under (e.g. `/open311/v2/services.json`). */
export function open311Path(path: string): string | null {
  const m = /(?:^|\/)v2\/(.*)$/.exec(path);
  return m ? m[1] : null;
}

function header(headers: HttpAccessEvent['headers'], name: string): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name && typeof v === 'string') return v;
  return null;
}

const result = (r: Open311HttpResponse): HttpAccessResult => ({ statusCode: r.status, headers: r.headers, body: r.body, isBase64Encoded: false });

export function createOpen311Function(getEnv: () => Promise<Open311FunctionEnv>) {
  return async function main(event: HttpAccessEvent): Promise<HttpAccessResult> {
    try {
      const path = open311Path(event?.path ?? '');
      const fail = (status: number, description: string) =>
        result({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([{ code: status, description }]) });
      if (path === null) return fail(404, 'Open311 GeoReport v2 lives under /open311/v2/');
      let body = typeof event.body === 'string' ? event.body : null;
      if (body !== null && event.isBase64Encoded) body = Buffer.from(body, 'base64').toString('utf8');
      if (body !== null && Buffer.byteLength(body) > MAX_BODY) return fail(413, 'request body too large');
      const query: Record<string, string> = {};
      for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) if (typeof v === 'string') query[k] = v;
      const env = await getEnv();
      return result(
        await handleOpen311(env, {
          method: event.httpMethod ?? 'GET',
          path,
          query,
          body,
          contentType: header(event.headers, 'content-type'),
          // The gateway's view of the client (the last hop it appended), never the first X-Forwarded-For value.
          clientIp: clientAddress(event.headers, env.clientIpHeader, null),
        }),
      );
    } catch (e) {
      // Includes SERVICE.UNAVAILABLE from a runtime without a store: logged, answered in the spec's format.
      console.error('[jiefang:open311]', e);
      const unavailable = (e as { code?: unknown })?.code === 'SERVICE.UNAVAILABLE';
      return result(unavailable ? { status: 503, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify([{ code: 503, description: 'service unavailable' }]) } : internalError());
    }
  };
}
