/**
 * An in-process fake of CloudBase's database wire. It replaces the one method through which every
 * database request of `@cloudbase/node-sdk` travels, `TcbDBApiHttpRequester.prototype.send(action,
 * params)`, so the real SDK code (serialisation to extended JSON, commands, the 1,000 cap, transaction
 * retries) runs unchanged. Queries and update operators are evaluated with mingo.
 *
 * What it models, as CloudBase (MongoDB underneath) behaves:
 * - collections must exist (`database.addCollection`) before they are read or written;
 * - `getDocument` caps `limit` at 1,000 and defaults to 100; `updated` counts documents actually changed;
 *   an aggregation answers at most 1,000 documents too (`maxPerRequest` lowers both caps, so that a test
 *   can show with a few documents that a store method pages instead of stopping at the cap);
 * - `modifyAndReturnDoc` (the SDK's `updateAndReturn`) updates the first matching document and answers it
 *   as it is after the update (`doc` null when nothing matched), outside transactions only;
 * - the positional update operator (`messages.$.moderation`) sets the first array element the query matched;
 * - `aggregateDocuments` runs the pipeline with mingo and, like CloudBase, answers at most 20 documents
 *   unless the pipeline has a `$limit`;
 * - transactions: snapshot reads, single-document operations only, first writer wins on a write-write
 *   conflict (`DATABASE_TRANSACTION_CONFLICT`, which the SDK's runTransaction retries); a write outside a
 *   transaction to a document a transaction holds waits until that transaction ends.
 * - declared indexes: a query no index of cloudbase/collections/*.json serves is refused
 *   (`DATABASE_QUERY_NOT_INDEXED`; our policy, see cloudbase-indexes.ts); a unique index refuses a
 *   second document with the same key values (E11000, a missing field counting as null, as in MongoDB);
 * - sizes: a document over 16 MiB (MongoDB's BSON cap, which CloudBase's document database keeps) is
 *   refused when written; an answer (get, aggregation) over 16 MB is refused instead of sent
 *   (`DATABASE_RESPONSE_TOO_LARGE`, this fake's code);
 * - the service's limits in simulated time (cloudbase-limits.ts): latency per request, a transaction's
 *   30 s lifetime (after which a transaction left open by a dead function holds nothing), a function's
 *   time budget, a cap on requests in flight.
 * Anything else — an unknown action, a WHERE query or update carrying a transaction id, an update
 * document without operators — fails loudly with a plain Error, so a test cannot pass by accident.
 * A WHERE query inside a transaction (`where().get()`) is allowed by the service but refused here: OUR
 * POLICY, since its answer is not part of the transaction's snapshot guarantees and our stores never send one.
 */
import { calculateObjectSize, EJSON } from 'bson';
import { Aggregator, Query, update as applyUpdate } from 'mingo';
import { TcbDBApiHttpRequester } from '@cloudbase/node-sdk/dist/utils/tcbdbapirequester';
import { processReturn } from '@cloudbase/node-sdk/dist/utils/utils';
import { uniqueKeys, unserved } from './cloudbase-indexes';
import { LIMIT_CODE, WireLimits } from './cloudbase-limits';

type Doc = Record<string, unknown> & { _id: string };
interface Version {
  seq: number;
  doc: Doc | null;
}
interface Tx {
  id: string;
  snapshot: number;
  writes: Map<string, { coll: string; id: string; doc: Doc | null }>;
  state: 'open' | 'committed' | 'aborted';
  /** Simulated instant it started (WireLimits.now). */
  startedAt: number;
}
interface Lock {
  tx: string;
  released: Promise<void>;
  release: () => void;
}

export interface WireRequest {
  action: string;
  params: Record<string, unknown> | undefined;
}

type Params = Record<string, unknown>;

const key = (coll: string, id: string) => `${coll}\u0000${id}`;

/** MongoDB's cap on one BSON document, kept by CloudBase's document database. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The cap on one database answer (issue 22, item 4). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** This fake's code for an answer over MAX_RESPONSE_BYTES (the request fails; nothing is cut short silently). */
export const RESPONSE_TOO_LARGE_CODE = 'DATABASE_RESPONSE_TOO_LARGE';

/** Mongo's cross-type order for the types we store: null < numbers < strings < objects < booleans. */
function typeRank(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return 1;
  if (typeof v === 'string') return 2;
  if (typeof v === 'object') return 3;
  return 4;
}
function compare(a: unknown, b: unknown): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return (a as number) - (b as number);
  if (ra === 2) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  return 0;
}
function pathGet(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
}

const clone = <T>(v: T): T => structuredClone(v);

class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class FakeCloudbaseDb {
  /** Every request the SDK sent, in order (for wire snapshots). */
  readonly requests: WireRequest[] = [];
  /** The most documents one get or aggregation answers (CloudBase: 1,000). */
  maxPerRequest = 1000;
  /** Latency, transaction lifetime, the function's time budget and the in-flight cap (cloudbase-limits.ts). */
  limits = new WireLimits();
  /** Refuses queries no declared index serves (cloudbase-indexes.ts; our policy, stricter than the service). */
  enforceIndexes = true;
  /** The largest document a write may leave (BSON bytes; MongoDB's 16 MiB). */
  maxDocumentBytes = MAX_DOCUMENT_BYTES;
  /** The largest answer of one get or aggregation (bytes of its documents as sent; 16 MB). */
  maxResponseBytes = MAX_RESPONSE_BYTES;
  private readonly collections = new Map<string, Map<string, Version[]>>();
  private readonly txs = new Map<string, Tx>();
  private readonly locks = new Map<string, Lock>();
  private seq = 0;
  private txCounter = 0;
  private idCounter = 0;
  private original: typeof TcbDBApiHttpRequester.prototype.send | null = null;

  /** Routes the SDK's database requests to this fake until `uninstall()`. */
  install(): this {
    if (this.original) return this;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept only to be put back on the prototype by uninstall()
    this.original = TcbDBApiHttpRequester.prototype.send;
    TcbDBApiHttpRequester.prototype.send = async (action: string, params?: Params) => {
      return this.handle(action, params);
    };
    return this;
  }

  uninstall(): void {
    if (this.original) TcbDBApiHttpRequester.prototype.send = this.original;
    this.original = null;
  }

  /** The committed documents of a collection (for assertions). */
  documents(coll: string): Doc[] {
    const c = this.collections.get(coll);
    if (!c) return [];
    return [...c.values()].map((vs) => vs[vs.length - 1].doc).filter((d): d is Doc => d !== null).map(clone);
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  async handle(action: string, params: Params | undefined): Promise<unknown> {
    this.requests.push({ action, params: params === undefined ? undefined : clone(params) });
    this.endExpired();
    // A rollback is never refused: a transaction left open would hold its documents until it expired.
    const slot = action === 'database.abortTransaction' ? { sent: this.limits.now, uncounted: true } : this.limits.begin();
    if ('refused' in slot) return processReturn({ code: LIMIT_CODE, message: `more than ${this.limits.maxInFlight} requests in flight`, requestId: this.requestId() });
    // A real request yields to the event loop; so does the fake, so concurrent callers interleave.
    await new Promise((r) => setImmediate(r));
    try {
      return await this.dispatch(action, params ?? {});
    } catch (e) {
      if (e instanceof WireError) return processReturn({ code: e.code, message: e.message, requestId: this.requestId() });
      throw e;
    } finally {
      if (!('uncounted' in slot)) this.limits.end(slot.sent);
    }
  }

  private requestId(): string {
    return `fake-${this.requests.length}`;
  }

  private async dispatch(action: string, p: Params): Promise<unknown> {
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(p);
      case 'database.insertDocument':
        return this.insert(p);
      case 'database.getDocument':
        return this.get(p);
      case 'database.calculateDocument':
        return this.count(p);
      case 'database.modifyDocument':
        return this.modify(p);
      case 'database.removeDocument':
        return this.remove(p);
      case 'database.modifyAndReturnDoc':
        return this.modifyAndReturn(p);
      case 'database.aggregateDocuments':
        return this.aggregate(p);
      case 'database.startTransaction':
        return this.startTx();
      case 'database.commitTransaction':
        return this.commitTx(p);
      case 'database.abortTransaction':
        return this.abortTx(p);
      default:
        throw new Error(`fake CloudBase: unknown database request ${action} ${JSON.stringify(p)}`);
    }
  }

  // ---- helpers -------------------------------------------------------------------------------------

  private coll(p: Params): Map<string, Version[]> {
    const name = p.collectionName;
    if (typeof name !== 'string') throw new Error(`fake CloudBase: request without collectionName ${JSON.stringify(p)}`);
    const c = this.collections.get(name);
    if (!c) throw new WireError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    return c;
  }

  private tx(p: Params): Tx | null {
    const id = p.transactionId;
    if (id === undefined || id === null || id === '') return null;
    const tx = this.txs.get(`${id as string}`);
    if (!tx) throw new WireError('DATABASE_TRANSACTION_FAIL', `unknown transaction ${id as string}`);
    if (tx.state !== 'open') throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${tx.id} is ${tx.state}`);
    if (this.limits.expired(tx.startedAt)) {
      this.endTx(tx, 'aborted');
      throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${tx.id} outlived ${this.limits.txLifetimeMs} ms`);
    }
    return tx;
  }

  private static parse(s: unknown): Record<string, unknown> {
    if (s === undefined || s === '' || s === null) return {};
    if (typeof s === 'string') return EJSON.parse(s, { relaxed: true }) as Record<string, unknown>;
    if (typeof s === 'object') return EJSON.deserialize(s, { relaxed: true }) as Record<string, unknown>;
    throw new Error(`fake CloudBase: cannot parse ${s as number}`);
  }

  private visible(c: Map<string, Version[]>, id: string, at: number | null): Doc | null {
    const vs = c.get(id);
    if (!vs) return null;
    if (at === null) return vs[vs.length - 1].doc;
    for (let i = vs.length - 1; i >= 0; i--) if (vs[i].seq <= at) return vs[i].doc;
    return null;
  }

  private readIn(tx: Tx | null, collName: string, c: Map<string, Version[]>, id: string): Doc | null {
    if (tx) {
      const w = tx.writes.get(key(collName, id));
      if (w) return w.doc;
      return this.visible(c, id, tx.snapshot);
    }
    return this.visible(c, id, null);
  }

  private all(c: Map<string, Version[]>): Doc[] {
    return [...c.values()].map((vs) => vs[vs.length - 1].doc).filter((d): d is Doc => d !== null);
  }

  private commitWrite(collName: string, id: string, doc: Doc | null): void {
    const c = this.collections.get(collName)!;
    const vs = c.get(id) ?? [];
    vs.push({ seq: ++this.seq, doc });
    // Old versions are kept only while some transaction may still read them.
    const oldest = Math.min(...[...this.txs.values()].filter((t) => t.state === 'open').map((t) => t.snapshot));
    while (vs.length > 1 && (oldest === Infinity || vs[1].seq <= oldest)) vs.shift();
    c.set(id, vs);
  }

  /** A transaction's write: first writer wins; a write to a document changed since its snapshot conflicts. */
  private txWrite(tx: Tx, collName: string, c: Map<string, Version[]>, id: string, doc: Doc | null): void {
    const k = key(collName, id);
    const lock = this.locks.get(k);
    const vs = c.get(id);
    const changed = vs !== undefined && vs[vs.length - 1].seq > tx.snapshot;
    if ((lock && lock.tx !== tx.id) || changed) {
      this.endTx(tx, 'aborted');
      throw new WireError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${collName}/${id}`);
    }
    if (!lock) {
      let release = () => undefined as void;
      const released = new Promise<void>((r) => (release = r));
      this.locks.set(k, { tx: tx.id, released, release });
    }
    tx.writes.set(k, { coll: collName, id, doc });
  }

  /** Outside a transaction, a write waits for any transaction holding one of its documents. */
  private async waitUnlocked(collName: string, ids: string[]): Promise<void> {
    for (;;) {
      const held = ids.map((id) => this.locks.get(key(collName, id))).find((l) => l !== undefined);
      if (!held) return;
      await held.released;
    }
  }

  /**
   * The service ends a transaction past its lifetime whether or not anyone asks: one a dead function left
   * open stops holding its documents (checked at each request, in simulated time).
   */
  private endExpired(): void {
    for (const tx of this.txs.values()) if (tx.state === 'open' && this.limits.expired(tx.startedAt)) this.endTx(tx, 'aborted');
  }

  private endTx(tx: Tx, state: 'committed' | 'aborted'): void {
    tx.state = state;
    for (const k of tx.writes.keys()) {
      const lock = this.locks.get(k);
      if (lock && lock.tx === tx.id) {
        this.locks.delete(k);
        lock.release();
      }
    }
  }

  /**
   * Before a write leaves `doc` stored: refuses it over the document cap, or when a unique index already
   * holds its key values on another document (committed, or written by the same transaction).
   */
  private checkWrite(tx: Tx | null, collName: string, doc: Doc, also: Doc[] = []): void {
    const size = calculateObjectSize(doc);
    if (size > this.maxDocumentBytes) {
      if (tx) this.endTx(tx, 'aborted');
      throw new WireError('DATABASE_REQUEST_FAILED', `object to insert too large: ${collName}/${doc._id} is ${size} bytes, max size ${this.maxDocumentBytes}`);
    }
    for (const fields of uniqueKeys(collName)) {
      const value = (d: Doc) => JSON.stringify(fields.map((f) => pathGet(d, f) ?? null));
      const mine = value(doc);
      const c = this.collections.get(collName)!;
      const others = new Map<string, Doc>();
      for (const d of this.all(c)) others.set(d._id, d);
      for (const w of tx?.writes.values() ?? []) {
        if (w.coll !== collName) continue;
        if (w.doc) others.set(w.id, w.doc);
        else others.delete(w.id);
      }
      for (const d of also) others.set(d._id, d);
      others.delete(doc._id);
      const clash = [...others.values()].find((d) => value(d) === mine);
      if (clash) {
        if (tx) this.endTx(tx, 'aborted');
        throw new WireError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${collName} index: ${fields.join('_')} dup key: ${mine} (held by ${clash._id})`);
      }
    }
  }

  private checkIndex(coll: string, query: Record<string, unknown>, sort: Array<[string, number]>): void {
    if (!this.enforceIndexes) return;
    const why = unserved(coll, query, sort);
    if (why) throw new WireError('DATABASE_QUERY_NOT_INDEXED', why);
  }

  private matcher(p: Params): (d: Doc) => boolean {
    const q = FakeCloudbaseDb.parse(p.query);
    const query = new Query(q);
    return (d) => query.test(d);
  }

  private newId(): string {
    return `fake${(++this.idCounter).toString(16).padStart(20, '0')}`;
  }

  // ---- actions -------------------------------------------------------------------------------------

  private addCollection(p: Params) {
    const name = p.collectionName;
    if (typeof name !== 'string' || name.length === 0) throw new Error('fake CloudBase: addCollection without a name');
    if (this.collections.has(name)) throw new WireError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);
    this.collections.set(name, new Map());
    return { requestId: this.requestId() };
  }

  private async insert(p: Params) {
    const c = this.coll(p);
    const tx = this.tx(p);
    const collName = p.collectionName as string;
    if (!Array.isArray(p.data)) throw new Error('fake CloudBase: insertDocument data must be an array');
    const docs = p.data.map((s) => FakeCloudbaseDb.parse(s)).map((d) => ({ ...d, _id: d._id === undefined ? this.newId() : `${d._id as string}` }));
    if (!tx) await this.waitUnlocked(collName, docs.map((d) => d._id));
    for (const d of docs) {
      if (this.readIn(tx, collName, c, d._id) !== null) {
        if (tx) this.endTx(tx, 'aborted');
        throw new WireError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${collName} dup key: { _id: "${d._id}" }`);
      }
    }
    docs.forEach((d, i) => this.checkWrite(tx, collName, d, docs.slice(0, i)));
    for (const d of docs) {
      if (tx) this.txWrite(tx, collName, c, d._id, d);
      else this.commitWrite(collName, d._id, d);
    }
    return { data: { insertedIds: docs.map((d) => d._id) }, requestId: this.requestId() };
  }

  private select(p: Params): Doc[] {
    const c = this.coll(p);
    const tx = this.tx(p);
    const collName = p.collectionName as string;
    if (p.queryType === 'DOC') {
      const q = FakeCloudbaseDb.parse(p.query);
      if (typeof q._id !== 'string') throw new Error(`fake CloudBase: DOC request without _id ${JSON.stringify(p)}`);
      const d = this.readIn(tx, collName, c, q._id);
      return d ? [d] : [];
    }
    if (p.queryType !== 'WHERE') throw new Error(`fake CloudBase: unknown queryType ${String(p.queryType)}`);
    if (tx) throw new Error('fake CloudBase: a WHERE query inside a transaction — our policy (the service answers where().get() in a transaction, outside its snapshot guarantees): read by id there, query before it');
    this.checkIndex(collName, FakeCloudbaseDb.parse(p.query), p.order === undefined ? [] : (Object.entries(FakeCloudbaseDb.parse(p.order)) as Array<[string, number]>));
    const match = this.matcher(p);
    return this.all(c).filter(match);
  }

  private get(p: Params) {
    let docs = this.select(p);
    if (p.order !== undefined) {
      const order = Object.entries(FakeCloudbaseDb.parse(p.order)) as Array<[string, number]>;
      docs = [...docs].sort((a, b) => {
        for (const [field, dir] of order) {
          const c = compare(pathGet(a, field), pathGet(b, field));
          if (c !== 0) return dir < 0 ? -c : c;
        }
        return 0;
      });
    }
    const offset = typeof p.offset === 'number' ? p.offset : 0;
    const limit = Math.min(typeof p.limit === 'number' ? p.limit : 100, this.maxPerRequest);
    docs = docs.slice(offset, offset + limit);
    if (p.projection !== undefined) {
      const proj = FakeCloudbaseDb.parse(p.projection) as Record<string, number>;
      const include = Object.entries(proj).filter(([, v]) => v === 1).map(([k]) => k);
      const exclude = Object.entries(proj).filter(([, v]) => v === 0).map(([k]) => k);
      docs = docs.map((d) => {
        if (include.length > 0) return Object.fromEntries(Object.entries(d).filter(([k]) => k === '_id' || include.includes(k))) as Doc;
        return Object.fromEntries(Object.entries(d).filter(([k]) => !exclude.includes(k))) as Doc;
      });
    }
    return { data: { list: this.answer(p, docs) }, requestId: this.requestId() };
  }

  /** The documents as sent, unless together they exceed the answer cap. */
  private answer(p: Params, docs: Doc[]): string[] {
    const list = docs.map((d) => EJSON.stringify(d, { relaxed: false }));
    const bytes = list.reduce((n, s) => n + Buffer.byteLength(s), 0);
    if (bytes > this.maxResponseBytes) throw new WireError(RESPONSE_TOO_LARGE_CODE, `the answer from ${String(p.collectionName)} would be ${bytes} bytes, over the ${this.maxResponseBytes}-byte cap: ask for fewer documents or fields`);
    return list;
  }

  private count(p: Params) {
    if (p.transactionId) throw new Error('fake CloudBase: a count inside a transaction — the SDK does not send one');
    return { data: { total: this.select(p).length }, requestId: this.requestId() };
  }

  private async modify(p: Params) {
    const c = this.coll(p);
    const tx = this.tx(p);
    const collName = p.collectionName as string;
    if (tx && p.queryType !== 'DOC') throw new Error('fake CloudBase: a WHERE update inside a transaction — CloudBase allows single-document operations only');
    const data = FakeCloudbaseDb.parse(p.data);
    const replace = p.merge === false;
    if (!replace && !Object.keys(data).every((k) => k.startsWith('$'))) throw new Error(`fake CloudBase: merge update without operators ${JSON.stringify(p.data)}`);
    if (replace && p.queryType !== 'DOC') throw new Error('fake CloudBase: replace (set) needs a document id');

    if (!tx) {
      // Wait for transactions holding the matched documents, then evaluate against what they left.
      for (;;) {
        const ids = this.select(p).map((d) => d._id);
        if (ids.every((id) => !this.locks.has(key(collName, id)))) break;
        await this.waitUnlocked(collName, ids);
      }
    }
    let targets = this.select(p);
    if (p.multi === false) targets = targets.slice(0, 1);

    if (replace) {
      const id = String(FakeCloudbaseDb.parse(p.query)._id);
      const doc = { ...data, _id: id } as Doc;
      this.checkWrite(tx, collName, doc);
      if (tx) this.txWrite(tx, collName, c, id, doc);
      else this.commitWrite(collName, id, doc);
      const existed = targets.length > 0;
      return { data: { updated: existed ? 1 : 0, ...(existed || p.upsert !== true ? {} : { upsert_id: id }) }, requestId: this.requestId() };
    }

    // The query resolves the positional operator (`field.$.x`: the first element the query matched), as in MongoDB.
    const condition = FakeCloudbaseDb.parse(p.query);
    const nexts: Doc[] = [];
    for (const t of targets) {
      const next = clone(t);
      const changed = applyUpdate(next, data as never, [], condition as never);
      if (changed.length > 0) nexts.push(next);
    }
    nexts.forEach((next, i) => this.checkWrite(tx, collName, next, nexts.slice(0, i)));
    for (const next of nexts) {
      if (tx) this.txWrite(tx, collName, c, next._id, next);
      else this.commitWrite(collName, next._id, next);
    }
    const updated = nexts.length;
    return { data: { updated }, requestId: this.requestId() };
  }

  private async modifyAndReturn(p: Params) {
    const c = this.coll(p);
    const collName = p.collectionName as string;
    if (p.transactionId) throw new Error('fake CloudBase: updateAndReturn inside a transaction is not modelled');
    if (p.queryType !== 'WHERE') throw new Error(`fake CloudBase: updateAndReturn with queryType ${String(p.queryType)}`);
    const data = FakeCloudbaseDb.parse(p.data);
    if (!Object.keys(data).every((k) => k.startsWith('$'))) throw new Error(`fake CloudBase: updateAndReturn without operators ${JSON.stringify(p.data)}`);
    for (;;) {
      const ids = this.select(p).map((d) => d._id);
      if (ids.every((id) => !this.locks.has(key(collName, id)))) break;
      await this.waitUnlocked(collName, ids);
    }
    const target = this.select(p)[0];
    if (!target) return { data: { updated: 0, doc: null }, requestId: this.requestId() };
    const next = clone(target);
    const changed = applyUpdate(next, data as never);
    if (changed.length > 0) this.checkWrite(null, collName, next);
    if (changed.length > 0) this.commitWrite(collName, target._id, next);
    void c;
    return { data: { updated: changed.length > 0 ? 1 : 0, doc: EJSON.stringify(next, { relaxed: false }) }, requestId: this.requestId() };
  }

  private aggregate(p: Params) {
    const c = this.coll(p);
    if (p.transactionId) throw new Error('fake CloudBase: an aggregation inside a transaction');
    if (!Array.isArray(p.stages)) throw new Error('fake CloudBase: aggregateDocuments without stages');
    const pipeline = (p.stages as Array<{ stageKey: string; stageValue: string }>).map((st) => {
      if (typeof st.stageKey !== 'string' || typeof st.stageValue !== 'string') throw new Error(`fake CloudBase: malformed stage ${JSON.stringify(st)}`);
      return { [st.stageKey]: EJSON.parse(st.stageValue, { relaxed: true }) };
    });
    const first = pipeline[0] as { $match?: Record<string, unknown> } | undefined;
    this.checkIndex(p.collectionName as string, first?.$match ?? {}, []);
    const hasLimit = pipeline.some((st) => '$limit' in st);
    const out = (new Aggregator(hasLimit ? pipeline : [...pipeline, { $limit: 20 }]).run<Doc>(this.all(c).map(clone))).slice(0, this.maxPerRequest);
    return { data: { list: this.answer(p, out) }, requestId: this.requestId() };
  }

  private async remove(p: Params) {
    const c = this.coll(p);
    const tx = this.tx(p);
    const collName = p.collectionName as string;
    if (tx && p.queryType !== 'DOC') throw new Error('fake CloudBase: a WHERE remove inside a transaction — CloudBase allows single-document operations only');
    if (!tx) await this.waitUnlocked(collName, this.select(p).map((d) => d._id));
    let targets = this.select(p);
    if (p.multi === false) targets = targets.slice(0, 1);
    for (const t of targets) {
      if (tx) this.txWrite(tx, collName, c, t._id, null);
      else this.commitWrite(collName, t._id, null);
    }
    return { data: { deleted: targets.length }, requestId: this.requestId() };
  }

  private startTx() {
    const id = `fake-tx-${++this.txCounter}`;
    this.txs.set(id, { id, snapshot: this.seq, writes: new Map(), state: 'open', startedAt: this.limits.now });
    return { transactionId: id, requestId: this.requestId() };
  }

  private commitTx(p: Params) {
    const tx = this.tx(p);
    if (!tx) throw new Error('fake CloudBase: commitTransaction without a transaction id');
    // A unique key another writer committed meanwhile refuses the commit, as the index would.
    const written = [...tx.writes.values()];
    for (const w of written) if (w.doc && uniqueKeys(w.coll).length > 0) this.checkWrite(tx, w.coll, w.doc);
    for (const w of written) this.commitWrite(w.coll, w.id, w.doc);
    this.endTx(tx, 'committed');
    this.txs.delete(tx.id);
    return { requestId: this.requestId() };
  }

  private abortTx(p: Params) {
    const id = String(p.transactionId);
    const tx = this.txs.get(id);
    if (!tx) throw new WireError('DATABASE_TRANSACTION_FAIL', `unknown transaction ${id}`);
    if (tx.state === 'open') this.endTx(tx, 'aborted');
    this.txs.delete(id);
    return { requestId: this.requestId() };
  }
}
