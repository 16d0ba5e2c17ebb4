/**
 * The one place that knows CloudBase's database quirks. Every repository of the CloudBase store goes
 * through these helpers, so a new repository is a new file that only maps documents:
 * - `doc().get()` answers an array outside a transaction and an object (or null) inside: `getDoc` and
 *   `TxView.get` both answer a document or null;
 * - a chained `.where()` replaces the earlier filter: callers pass ONE filter, combined with `and()`;
 * - `where().update/remove/count` are not sent inside a transaction: `TxView` offers document
 *   operations only (get, create, update by id);
 * - nested objects in `update` merge field by field: `updateFields` wraps every plain object in `_.set`
 *   so a stored object is replaced, as a SQL column would be (an empty object would even vanish);
 * - `get()` answers at most 1,000 documents (100 unless asked): `page` asks for at most `MAX_GET`, and
 *   `readAll` pages by `_id` until the end;
 * - an update that leaves a document as it was counts as `updated: 0` (MongoDB's nModified), unlike a
 *   SQL UPDATE: callers that must tell "matched" from "changed" read the document back;
 * - a stored object shaped like GeoJSON (`{type: 'Polygon', coordinates}`) comes back as the SDK's Geo
 *   class instance: geometry is stored as a JSON string;
 * - an aggregation without `$limit` answers at most 20 groups, and never more than 1,000: `aggregate`
 *   sorts by `_id` and pages with `$skip`/`$limit` until a short page, so no answer is cut at a cap;
 *   a `find` asking for more than one request can answer throws instead of returning a cut list;
 * - inside a transaction, creating a document that a concurrent transaction committed meanwhile may fail
 *   with a duplicate key (E11000) instead of a write conflict: `transaction` retries both.
 */
import type tcb from '@cloudbase/node-sdk';
import type { PageQuery } from '../../core/ports';
import type { Page } from '../../core/views';
import { decodeCursor, encodeCursor } from '../cursor';
import { COLLECTIONS, type CollectionName } from './collection-names';
import { errorCode, isDuplicateKey } from './db-errors';
import { isLimit, readRetryable, realSleep, withRetries, writeRetryable, type Sleep } from './retry';

export { errorCode, isDuplicateKey } from './db-errors';
export { FAN_OUT, mapBounded } from './fan-out';
export { COLLECTIONS, type CollectionName } from './collection-names';

export type Database = ReturnType<ReturnType<typeof tcb.init>['database']>;
type Command = Database['command'];
export type Filter = Record<string, unknown>;
export type StoredDoc = Record<string, unknown> & { _id: string };

/** CloudBase's cap on documents per `get()`. */
export const MAX_GET = 1000;
/** How often a transaction is run in all before its last failure is thrown (the SDK's default is 3 retries). */
const TX_ATTEMPTS = 12;

/** A transaction's view of the database: single-document operations only, as CloudBase allows. */
export interface TxView {
  get(coll: CollectionName, id: string, projection?: Record<string, boolean>): Promise<StoredDoc | null>;
  create(coll: CollectionName, doc: StoredDoc): Promise<void>;
  /**
   * Creates several documents of one collection in ONE request (CloudBase's insert takes an array, in a
   * transaction too: http-api/nosql/insert-documents); nothing is sent for none.
   */
  createAll(coll: CollectionName, docs: readonly StoredDoc[]): Promise<void>;
  update(coll: CollectionName, id: string, fields: Record<string, unknown>): Promise<void>;
  /** Replaces (or creates) the document with this id. */
  set(coll: CollectionName, doc: StoredDoc): Promise<void>;
  remove(coll: CollectionName, id: string): Promise<void>;
}

/** Thrown inside a transaction callback to abandon it and start the whole step again from fresh reads. */
export class StaleRead extends Error {
  constructor(what: string) {
    super(`stale read: ${what}`);
  }
}

interface TxHandle {
  collection(name: string): ReturnType<Database['collection']>;
}

/** A dotted path's value in a document. */
export function pathOf(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

export class CloudbaseDb {
  readonly _: Command;

  constructor(
    readonly db: Database,
    /** Prefixed to every collection name, so test runs on a real environment never touch production data. */
    readonly prefix = '',
    /** The most documents asked for in one request (CloudBase's cap; tests lower it to show paging). */
    readonly pageSize = MAX_GET,
    /** How a retry waits (tests may pass one that records the pauses). */
    readonly sleep: Sleep = realSleep,
  ) {
    this._ = db.command;
  }

  name(coll: CollectionName): string {
    return `${this.prefix}${coll}`;
  }

  coll(coll: CollectionName) {
    return this.db.collection(this.name(coll));
  }

  /** Creates the collections that do not exist yet (idempotent). */
  async createCollections(): Promise<void> {
    for (const c of COLLECTIONS) {
      try {
        await this.db.createCollection(this.name(c));
      } catch (e) {
        if (errorCode(e) !== 'DATABASE_COLLECTION_ALREADY_EXIST') throw e;
      }
    }
  }

  /** One filter from several: a chained `.where()` would silently drop all but the last. */
  and(...filters: Filter[]): Filter {
    const parts = filters.filter((f) => Object.keys(f).length > 0);
    if (parts.length === 0) return {};
    if (parts.length === 1) return parts[0];
    return this._.and(parts) as unknown as Filter;
  }

  /** Wraps plain objects in `_.set` so that they replace, not merge into, what is stored. */
  updateFields(fields: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, isPlainObject(v) ? this._.set(v) : v]));
  }

  async getDoc(coll: CollectionName, id: string, projection?: Record<string, boolean>): Promise<StoredDoc | null> {
    const ref = this.coll(coll).doc(id);
    const res = await this.read(() => (projection ? ref.field(projection) : ref).get() as Promise<{ data: StoredDoc[] }>);
    return res.data[0] ?? null;
  }

  /** Updates every document matching `filter`; answers how many changed. */
  async updateWhere(coll: CollectionName, filter: Filter, fields: Record<string, unknown>): Promise<number> {
    const res = await this.write(() => this.coll(coll).where(filter).update(this.updateFields(fields)) as Promise<{ updated: number }>);
    return res.updated;
  }

  /** The atomic compare-and-set of one document: true when the filter still matched and it changed. */
  async conditionalUpdate(coll: CollectionName, filter: Filter & { _id: string }, fields: Record<string, unknown>): Promise<boolean> {
    return (await this.updateWhere(coll, filter, fields)) === 1;
  }

  /** Removes every document matching `filter`; answers how many went. Not inside a transaction. */
  async removeWhere(coll: CollectionName, filter: Filter): Promise<number> {
    const res = await this.write(() => this.coll(coll).where(filter).remove() as Promise<{ deleted: number }>);
    return res.deleted;
  }

  async count(coll: CollectionName, filter: Filter): Promise<number> {
    const res = await this.read(() => this.coll(coll).where(filter).count() as Promise<{ total: number }>);
    return res.total;
  }

  async find(coll: CollectionName, filter: Filter, order: Array<[string, 'asc' | 'desc']>, limit: number, projection?: Record<string, boolean>): Promise<StoredDoc[]> {
    if (limit > this.pageSize) throw new RangeError(`find on ${coll}: ${limit} documents asked for, one request answers at most ${this.pageSize}`);
    let q = this.coll(coll).where(filter);
    for (const [field, dir] of order) q = q.orderBy(field, dir);
    q = q.limit(limit);
    if (projection) q = q.field(projection);
    const query = q;
    return (await this.read(() => query.get() as Promise<{ data: StoredDoc[] }>)).data;
  }

  /**
   * Keyset paging, newest first, by (createdAt, _id): the documents strictly below the cursor, never a
   * skip. Same cursors as the SQLite store.
   */
  async page<T>(coll: CollectionName, filter: Filter, page: PageQuery, map: (d: StoredDoc) => T, projection?: Record<string, boolean>): Promise<Page<T>> {
    return this.keysetPage(coll, filter, page, { field: 'createdAt', dir: 'desc' }, map, projection);
  }

  /**
   * Keyset paging on (key, _id) in one direction: the documents strictly past the cursor's (key, id).
   * The key must be a string on every matching document (the caller's filter sees to it).
   */
  async keysetPage<T>(
    coll: CollectionName,
    filter: Filter,
    page: PageQuery,
    key: { field: string; dir: 'asc' | 'desc' },
    map: (d: StoredDoc) => T,
    projection?: Record<string, boolean>,
  ): Promise<Page<T>> {
    const _ = this._;
    const after = page.cursor === null ? null : decodeCursor(page.cursor);
    const past = (v: string) => (key.dir === 'desc' ? _.lt(v) : _.gt(v));
    const where = after ? this.and(filter, _.or([{ [key.field]: past(after.at) }, { [key.field]: after.at, _id: past(after.id) }]) as unknown as Filter) : filter;
    const limit = Math.min(page.limit, this.pageSize - 1);
    const docs = await this.find(coll, where, [[key.field, key.dir], ['_id', key.dir]], limit + 1, projection);
    const more = docs.length > limit;
    const kept = more ? docs.slice(0, limit) : docs;
    const last = kept[kept.length - 1];
    const lastKey = last ? pathOf(last, key.field) : undefined;
    return { items: kept.map(map), nextCursor: more && last && typeof lastKey === 'string' ? encodeCursor({ at: lastKey, id: last._id }) : null };
  }

  /**
   * Updates the one document matching `filter` and answers it as stored after the update, or null when
   * nothing matched (`updateAndReturn`, MongoDB's findOneAndUpdate): a counter taken this way is known
   * to its taker alone. Not inside a transaction.
   */
  async updateAndReturn(coll: CollectionName, filter: Filter & { _id: string }, fields: Record<string, unknown>): Promise<StoredDoc | null> {
    const res = await this.write(() => this.coll(coll).where(filter).updateAndReturn(this.updateFields(fields)) as Promise<{ updated?: number; doc?: StoredDoc | null }>);
    return res.doc ?? null;
  }

  /**
   * Every row of an aggregation pipeline, in `_id` order: sorted by `_id`, then `pageSize` rows at a time
   * (`$skip`/`$limit`; an explicit `$limit` also keeps CloudBase from cutting the answer at 20) until a
   * short page. Each page runs the pipeline again: for pipelines whose rows are few (groups).
   */
  async aggregate(coll: CollectionName, stages: Array<Record<string, unknown>>): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    for (;;) {
      let agg = this.coll(coll).aggregate();
      for (const stage of [...stages, { $sort: { _id: 1 } }, ...(out.length > 0 ? [{ $skip: out.length }] : []), { $limit: this.pageSize }]) {
        const [name, value] = Object.entries(stage)[0];
        agg = (agg as unknown as Record<string, (v: unknown) => typeof agg>)[name.replace(/^\$/, '')].call(agg, value);
      }
      const pipeline = agg;
      const rows = (await this.read(() => pipeline.end() as Promise<{ data: Array<Record<string, unknown>> }>)).data;
      out.push(...rows);
      if (rows.length < this.pageSize) return out;
    }
  }

  /** Every matching document, in `_id` order, fetched `pageSize` at a time. */
  /**
   * Every document of `coll` matching `filter`, in `_id` order, `perRequest` at a time (the store's page
   * size unless the documents are large: a request's answer must stay under CloudBase's 16 MB).
   */
  async readAll(coll: CollectionName, filter: Filter = {}, projection?: Record<string, boolean>, perRequest = this.pageSize): Promise<StoredDoc[]> {
    const size = Math.min(perRequest, this.pageSize);
    const out: StoredDoc[] = [];
    let lastId: string | null = null;
    for (;;) {
      const where: Filter = lastId === null ? filter : this.and(filter, { _id: this._.gt(lastId) });
      const batch = await this.find(coll, where, [['_id', 'asc']], size, projection);
      out.push(...batch);
      if (batch.length < size) return out;
      lastId = batch[batch.length - 1]._id;
    }
  }

  /**
   * The first `limit` documents in (key, _id) order that `keep` accepts, read a page of `pageSize` at a
   * time (keyset paging, as `keysetPage`), so a filter applied after the read never cuts the answer short.
   */
  async collect(
    coll: CollectionName,
    filter: Filter,
    key: { field: string; dir: 'asc' | 'desc' },
    limit: number,
    projection?: Record<string, boolean>,
    keep: (d: StoredDoc) => boolean = () => true,
  ): Promise<StoredDoc[]> {
    const out: StoredDoc[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<StoredDoc> = await this.keysetPage(coll, filter, { cursor, limit: this.pageSize - 1 }, key, (d) => d, projection);
      for (const d of page.items) if (out.length < limit && keep(d)) out.push(d);
      cursor = page.nextCursor;
    } while (cursor !== null && out.length < limit);
    return out;
  }

  /**
   * Runs `fn` in a CloudBase transaction; what it returns is returned. A write conflict, a duplicate key
   * met by a create (a concurrent transaction committed the same `_id` meanwhile) or a request refused
   * for load runs the whole transaction again after a jittered pause (retry.ts) — not at once, as the
   * SDK would. `fn` must read everything it decides on inside the transaction, since it may run more
   * than once.
   */
  async transaction<T>(fn: (tx: TxView) => Promise<T>): Promise<T> {
    const run = this.db.runTransaction as (cb: (t: TxHandle) => Promise<T>, times?: number) => Promise<T>;
    return withRetries(
      () => run.call(this.db, (t: TxHandle) => fn(this.txView(t)), 0),
      (e) => errorCode(e) === 'DATABASE_TRANSACTION_CONFLICT' || isDuplicateKey(e) || isLimit(e),
      this.sleep,
      TX_ATTEMPTS,
    );
  }

  /** One read, sent again after a pause while the service refuses it for load or does not answer in time. */
  read<T>(send: () => Promise<T>): Promise<T> {
    return withRetries(send, readRetryable, this.sleep);
  }

  /** One write outside a transaction, sent again after a pause while the service refuses it for load. */
  write<T>(send: () => Promise<T>): Promise<T> {
    return withRetries(send, writeRetryable, this.sleep);
  }

  /** Inserts one document (or several, outside a transaction). */
  async add(coll: CollectionName, doc: StoredDoc | StoredDoc[]): Promise<void> {
    await this.write(() => this.coll(coll).add(doc) as Promise<unknown>);
  }

  /**
   * Runs a step built from reads outside a transaction (queries, which a transaction cannot send) and a
   * transaction that checks them: when the transaction finds a read stale it throws `StaleRead`, and the
   * whole step starts again.
   */
  async withFreshReads<T>(step: () => Promise<T>, attempts = 3 * TX_ATTEMPTS): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (e) {
        if (!(e instanceof StaleRead) || attempt >= attempts) throw e;
      }
    }
  }

  private txView(t: TxHandle): TxView {
    return {
      get: async (coll, id, projection) => {
        const ref = t.collection(this.name(coll)).doc(id);
        const res = (await (projection ? ref.field(projection) : ref).get()) as { data: StoredDoc | null };
        return res.data ?? null;
      },
      create: async (coll, doc) => {
        await t.collection(this.name(coll)).add(doc);
      },
      createAll: async (coll, docs) => {
        if (docs.length === 0) return;
        await t.collection(this.name(coll)).add(docs.length === 1 ? docs[0] : [...docs]);
      },
      update: async (coll, id, fields) => {
        await t.collection(this.name(coll)).doc(id).update(this.updateFields(fields));
      },
      set: async (coll, { _id, ...fields }) => {
        await t.collection(this.name(coll)).doc(_id).set(fields);
      },
      remove: async (coll, id) => {
        await t.collection(this.name(coll)).doc(id).remove();
      },
    };
  }

  /**
   * Inserts `doc` unless a document with its id exists (an earlier run wrote it): one request either way.
   * Answers whether this call wrote it. For documents whose id is made from what they say (notices).
   */
  async insertOnce(coll: CollectionName, doc: StoredDoc): Promise<boolean> {
    try {
      await this.add(coll, doc);
      return true;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return false;
    }
  }

  /**
   * Creates `doc` unless a document with its id exists; answers the stored one. No transaction is needed:
   * an insert by `_id` is atomic, so of two creators one wins and the other reads the winner's document.
   * One read when it exists (the usual case: a returning user), a read and an insert when it does not;
   * just the insert when the caller has just read that it does not (`knownAbsent`: a wrong guess costs the
   * read of the winner, never an overwrite).
   */
  async createOnce(coll: CollectionName, doc: StoredDoc, knownAbsent = false): Promise<{ doc: StoredDoc; created: boolean }> {
    const prior = knownAbsent ? null : await this.getDoc(coll, doc._id);
    if (prior) return { doc: prior, created: false };
    try {
      await this.add(coll, doc);
      return { doc, created: true };
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      const winner = await this.getDoc(coll, doc._id);
      if (!winner) throw e;
      return { doc: winner, created: false };
    }
  }
}
