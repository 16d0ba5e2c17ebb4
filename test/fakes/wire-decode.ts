/**
 * Reads a request the CloudBase SDK sent as a client of the wire would: the collection, the transaction,
 * and the query, update, order and documents as plain values (extended-JSON numbers become numbers).
 * Tests assert the fields that carry behaviour on these, so a snapshot update cannot hide a change of
 * filter, condition, operator or transaction.
 */
import type { WireRequest } from './cloudbase-db';

export interface DecodedRequest {
  action: string;
  collection: string | null;
  transactionId: string | null;
  query: unknown;
  data: unknown;
  order: unknown;
  limit: number | null;
  upsert: boolean | null;
}

/** Extended JSON ({"$numberInt":"1"}) to plain values; other keys untouched. */
function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (v === null || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && ['$numberInt', '$numberLong', '$numberDouble'].includes(keys[0])) return Number(o[keys[0]]);
  return Object.fromEntries(keys.map((k) => [k, plain(o[k])]));
}

const parsed = (v: unknown): unknown => {
  if (typeof v === 'string') return plain(JSON.parse(v));
  if (Array.isArray(v)) return v.map(parsed);
  return v === undefined ? null : v;
};

export function decode(r: WireRequest): DecodedRequest {
  const p = r.params ?? {};
  return {
    action: r.action.replace(/^database\./, ''),
    collection: typeof p.collectionName === 'string' ? p.collectionName : null,
    transactionId: typeof p.transactionId === 'string' ? p.transactionId : null,
    query: parsed(p.query),
    data: parsed(p.data),
    order: parsed(p.order),
    limit: typeof p.limit === 'number' ? p.limit : null,
    upsert: typeof p.upsert === 'boolean' ? p.upsert : null,
  };
}

/** The actions of a run of requests, e.g. ['startTransaction', 'getDocument', …]. */
export const actions = (rs: readonly WireRequest[]): string[] => rs.map((r) => decode(r).action);
