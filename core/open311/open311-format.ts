/**
 * The two formats of every Open311 answer, errors included: JSON, and XML as the spec requires it
 * (`text/xml; charset=utf-8`, the declaration, the spec's roots and element names). Both carry the same
 * content: a list answer's items become repeated elements under the root, nested lists repeated elements
 * under their field (`attributes` → `attribute`, …), null an empty element.
 */
import type { Format, Open311HttpResponse, XmlWriter } from './open311-common';

/** Each answer's XML root and, for lists, the element of one item. */
export const XML_ROOTS = {
  services: ['services', 'service'],
  service_definition: ['service_definition', null],
  service_requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
  discovery: ['discovery', null],
  service_request_updates: ['service_request_updates', 'request_update'],
} as const;

export type Root = keyof typeof XML_ROOTS;

/** The element of one item of a nested list, per field name. */
const XML_ITEMS: Readonly<Record<string, string>> = { attributes: 'attribute', values: 'value', endpoints: 'endpoint', formats: 'format' };

const CONTENT_TYPE: Readonly<Record<Format, string>> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** The format a path asks for by its extension; XML (the spec's required format) when it names none. */
export function formatOf(path: string): Format {
  return /\.json$/i.test(path) ? 'json' : 'xml';
}

function xmlShape(v: unknown): unknown {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    out[k] = Array.isArray(x) ? (x.length === 0 ? '' : { [XML_ITEMS[k] ?? 'item']: x.map(xmlShape) }) : xmlShape(x);
  }
  return out;
}

/** The document an XmlWriter serializes for an answer. */
export function xmlDocument(root: Root, body: unknown): Record<string, unknown> {
  const [name, item] = XML_ROOTS[root];
  if (item === null) return { [name]: xmlShape(body) };
  const items = body as unknown[];
  return { [name]: items.length === 0 ? '' : { [item]: items.map(xmlShape) } };
}

export function answer(toXml: XmlWriter, format: Format, status: number, root: Root, body: unknown, extra: Record<string, string> = {}): Open311HttpResponse {
  return {
    status,
    headers: { 'content-type': CONTENT_TYPE[format], 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...extra },
    body: format === 'json' ? JSON.stringify(body) : toXml(xmlDocument(root, body)),
  };
}

/** An error answer in the spec's format: `[{code, description}]`, `<errors><error>…`. */
export function errorAnswer(toXml: XmlWriter, format: Format, status: number, description: string, extra: Record<string, string> = {}): Open311HttpResponse {
  return answer(toXml, format, status, 'errors', [{ code: status, description }], extra);
}
