/**
 * Index enforcement for the wire fake (issue 22, item 8). CloudBase does not refuse a query that no index
 * serves: it scans the collection, which passes on a test's few documents and times out at a town's
 * scale. OUR POLICY, enforced here, is stricter than the service: a WHERE query, count, update, remove or
 * aggregation `$match` on a collection with declared indexes (cloudbase/collections/*.json, as
 * `npm run cloudbase:setup` creates them) is refused unless an index serves it:
 * - its filter constrains `_id`, or the first key of some index (equality, `$in` or a range);
 * - and its sort, without the fields the filter pins to one value, follows that index's keys right after
 *   its equality-pinned leading keys, all in the index's direction or all reversed; a sort by `_id`
 *   alone (paging what the filter's index found, a page at a time) needs only the filter served.
 * A `$or` is served when each branch, with the rest of the filter, is. Collections that are small by
 * construction (the directory, settings) are read whole and are not checked (`UNCHECKED`). Every other
 * query the stores send is served: there is no list of known exceptions (a concern search is always
 * scoped by place, office, reporter or ids; creation time alone has no index, `concerns` being at the
 * 20-index cap).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface IndexDecl {
  name: string;
  unique?: boolean;
  keys: Array<{ field: string; direction: number }>;
}

/**
 * Read whole, never queried at scale: a town has tens of nodes, offices, categories, staff and volunteer
 * teams, and there is one meta document.
 */
export const UNCHECKED = new Set(['meta', 'grid_nodes', 'grid_boundaries', 'offices', 'categories', 'staff', 'staff_pending', 'calendar_years', 'town_settings', 'api_clients', 'vol_teams']);

let cached: Map<string, IndexDecl[]> | null = null;

/** Every collection's declared indexes, from cloudbase/collections/*.json. */
export function declaredIndexes(): Map<string, IndexDecl[]> {
  if (cached) return cached;
  const dir = path.join(__dirname, '..', '..', 'cloudbase', 'collections');
  cached = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const c = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { collection: string; indexes: IndexDecl[] };
        return [c.collection, c.indexes];
      }),
  );
  return cached;
}

type Use = 'eq' | 'range' | 'other';
const RANGE = new Set(['$gt', '$gte', '$lt', '$lte']);

function useOf(v: unknown): Use {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return 'eq';
  const ops = Object.entries(v as Record<string, unknown>);
  if (ops.length === 0 || !ops.every(([k]) => k.startsWith('$'))) return 'eq';
  let use: Use | null = null;
  for (const [op, arg] of ops) {
    const u: Use = op === '$eq' || op === '$in' ? 'eq' : RANGE.has(op) ? 'range' : op === '$and' && Array.isArray(arg) ? arg.map(useOf).reduce((a, b) => (a === 'eq' || b === 'eq' ? 'eq' : a === 'range' || b === 'range' ? 'range' : 'other'), 'other' as Use) : 'other';
    use = use === 'eq' || u === 'eq' ? 'eq' : use === 'range' || u === 'range' ? 'range' : 'other';
  }
  return use ?? 'other';
}

/** The filter as alternatives (one per `$or` branch), each a map of field → how it is constrained. */
function alternatives(q: Record<string, unknown>): Array<Map<string, Use>> {
  let alts: Array<Map<string, Use>> = [new Map()];
  const merge = (more: Array<Map<string, Use>>) => {
    alts = alts.flatMap((a) => more.map((m) => new Map([...a, ...m])));
  };
  for (const [k, v] of Object.entries(q)) {
    if (k === '$and' && Array.isArray(v)) for (const part of v) merge(alternatives(part as Record<string, unknown>));
    else if (k === '$or' && Array.isArray(v)) merge(v.flatMap((part) => alternatives(part as Record<string, unknown>)));
    else if (v !== null && typeof v === 'object' && '$elemMatch' in v) {
      // An element of an array matching several conditions: a multikey index on `field.sub` serves it.
      const inner = (v as { $elemMatch: Record<string, unknown> }).$elemMatch;
      merge(alternatives(Object.fromEntries(Object.entries(inner).map(([sub, cond]) => [`${k}.${sub}`, cond]))));
    }
    else merge([new Map([[k, useOf(v)]])]);
  }
  return alts;
}

function servedOne(f: Map<string, Use>, sort: Array<[string, number]>, indexes: IndexDecl[]): boolean {
  const idUse = f.get('_id');
  if (idUse === 'eq') return true;
  const all = [...indexes, { name: '_id_', keys: [{ field: '_id', direction: 1 }] }];
  const rest = sort.filter(([field]) => f.get(field) !== 'eq');
  // Paging by `_id` over what an index found (readAll) sorts that one filter's matches, a page at a time.
  const byIdOnly = rest.length === 1 && rest[0][0] === '_id';
  return all.some((ix) => {
    const keys = ix.keys;
    const lead = keys[0] ? f.get(keys[0].field) : undefined;
    if (lead !== 'eq' && lead !== 'range' && !(f.size === 0 && rest.length > 0 && rest[0][0] === keys[0]?.field)) return false;
    if (rest.length === 0 || (byIdOnly && (lead === 'eq' || lead === 'range'))) return true;
    let p = 0;
    while (p < keys.length && f.get(keys[p].field) === 'eq') p++;
    const tail = keys.slice(p, p + rest.length);
    if (tail.length !== rest.length || !tail.every((k, i) => k.field === rest[i][0])) return false;
    const same = tail.every((k, i) => Math.sign(k.direction) === Math.sign(rest[i][1]));
    const reversed = tail.every((k, i) => Math.sign(k.direction) === -Math.sign(rest[i][1]));
    return same || reversed;
  });
}

/** Why no declared index serves this query on `coll`, or null when one does (or the collection is not checked). */
export function unserved(coll: string, query: Record<string, unknown>, sort: Array<[string, number]> = []): string | null {
  if (UNCHECKED.has(coll)) return null;
  const indexes = declaredIndexes().get(coll);
  if (!indexes) return null;
  const alts = alternatives(query);
  if (alts.every((f) => servedOne(f, sort, indexes))) return null;
  return `no declared index of ${coll} serves the filter ${JSON.stringify(query)}${sort.length > 0 ? ` sorted by ${JSON.stringify(sort)}` : ''} (our policy: cloudbase/collections/${coll}.json)`;
}

/** The unique indexes declared for `coll` (each a list of key fields): the wire fake refuses a second document with the same values. */
export function uniqueKeys(coll: string): string[][] {
  return (declaredIndexes().get(coll) ?? []).filter((ix) => ix.unique === true).map((ix) => ix.keys.map((k) => k.field));
}
