/**
 * The browser-facing rules of the local HTTP server: which origins may call the API (same origin, or an
 * allow-list — never `*`), and the headers every answer carries (nosniff, no framing, a Content Security
 * Policy: a tight one for the H5 page, `default-src 'none'` for everything else).
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';

/** Headers on every answer. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** The policy of anything that is not the H5 page: JSON, photos, scripts, styles. */
export const NONE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The H5 page's policy. Scripts: our own files, and the page's inline script (Taro's rem sizing) by its
 * SHA-256, never 'unsafe-inline' or eval. Styles may be inline: Taro's H5 components (Stencil) and React
 * set them. Images: our own, data: and blob: (photo previews, compression on a canvas), and https: (a photo
 * a 12345 ticket links to). Calls: our own origin, blob: and data: (reading a compressed photo back).
 * No plugin, no frame inside it, and no one may frame it.
 */
export function pageCsp(inlineScriptHashes: readonly string[]): string {
  const scripts = ["'self'", ...inlineScriptHashes.map((h) => `'sha256-${h}'`)].join(' ');
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self' blob: data:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "frame-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** SHA-256 (base64) of each inline `<script>` of an HTML page, as CSP hash sources name them. */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(m[1]) || m[2].length === 0) continue;
    out.push(createHash('sha256').update(m[2], 'utf8').digest('base64'));
  }
  return out;
}

/** `scheme://host[:port]`, lower-case, as browsers send in `Origin`. */
export const ORIGIN_RE = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:\d{1,5})?$/;

export type OriginVerdict =
  /** No Origin header (not a browser's cross-origin call) or the page's own origin: no CORS headers needed. */
  | { kind: 'same' }
  /** An origin of the allow-list: answered with CORS headers naming exactly it. */
  | { kind: 'allowed'; headers: Record<string, string> }
  | { kind: 'refused'; origin: string };

/** Whether a browser page of the request's `Origin` may call the API. */
export function checkOrigin(req: http.IncomingMessage, allowed: readonly string[]): OriginVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) return { kind: 'same' };
  const host = req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return { kind: 'same' };
  if (allowed.includes(origin)) {
    return {
      kind: 'allowed',
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-max-age': '600',
        vary: 'Origin',
      },
    };
  }
  return { kind: 'refused', origin };
}
