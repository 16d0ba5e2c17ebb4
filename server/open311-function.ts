/**
 * The adapter of the HTTP-triggered `open311` cloud function. CloudBase's HTTP access (HTTP 访问服务)
 * hands the function an integration event and takes back `{statusCode, headers, body}`; the request
 * itself is served by core/open311/open311.ts, the same handler the local server mounts at /open311/.
 * There is no WeChat identity here: a client system is known by its api_key alone.
 */
import { adapterError, handleOpen311, internalError, OPEN311_LIMITS, type Open311Env, type Open311HttpResponse } from '../core/open311/open311';
import { clientAddress } from './client-address';
import { decodeBody } from './open311-body';
import { writeXml } from './open311-xml';

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

/**
 * The path below `/open311/`, whatever route prefix the function is mounted under: from `v2/` on
 * (`/open311/v2/services.xml` → `v2/services.xml`), else what follows the last `open311/` (or the path itself).
 */
export function open311Path(path: string): string {
  const v2 = /(?:^|\/)(v2(?:\/.*)?)$/.exec(path);
  if (v2) return v2[1];
  const i = path.lastIndexOf('open311/');
  return (i >= 0 ? path.slice(i + 'open311/'.length) : path).replace(/^\/+/, '');
}

function header(headers: HttpAccessEvent['headers'], name: string): string | null {
  if (!headers) return null;
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name && typeof v === 'string') return v;
  return null;
}

const result = (r: Open311HttpResponse): HttpAccessResult => ({ statusCode: r.status, headers: r.headers, body: r.body, isBase64Encoded: false });

export function createOpen311Function(getEnv: () => Promise<Open311FunctionEnv>) {
  return async function main(event: HttpAccessEvent): Promise<HttpAccessResult> {
    const path = open311Path(event?.path ?? '');
    try {
      const raw = typeof event.body === 'string' ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8') : null;
      if (raw !== null && raw.length > OPEN311_LIMITS.bodyBytes) return result(adapterError(writeXml, path, 413, `request body is over ${OPEN311_LIMITS.bodyBytes} bytes`));
      const contentType = header(event.headers, 'content-type');
      const decoded = await decodeBody(raw && raw.length > 0 ? raw : null, contentType);
      if ('refused' in decoded) return result(adapterError(writeXml, path, 400, decoded.refused));
      const query: Record<string, string> = {};
      for (const [k, v] of Object.entries(event.queryStringParameters ?? {})) if (typeof v === 'string') query[k] = v;
      const env = await getEnv();
      const host = header(event.headers, 'host');
      return result(
        await handleOpen311(env, {
          method: event.httpMethod ?? 'GET',
          path,
          query,
          ...decoded,
          contentType,
          // The gateway's view of the client (the last hop it appended), never the first X-Forwarded-For value.
          clientIp: clientAddress(event.headers, env.clientIpHeader, null),
          origin: host ? `https://${host}` : null,
        }),
      );
    } catch (e) {
      // Includes SERVICE.UNAVAILABLE from a runtime without a store: logged, answered in the spec's format.
      console.error('[jiefang:open311]', e);
      const unavailable = (e as { code?: unknown })?.code === 'SERVICE.UNAVAILABLE';
      return result(unavailable ? adapterError(writeXml, path, 503, 'service unavailable') : internalError(writeXml, path));
    }
  };
}
