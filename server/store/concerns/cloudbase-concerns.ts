import type { Concern, ConcernEvent, ConcernMessage, Notification } from '../../../core/model';
import type { ConcernChange, ConcernHistory, ConcernRepo, ConcernSearch, HeldContent, InboxScope, LatestReply, NewConcern, PageQuery, PassedOnCount, RateCounts, RateQuery, RouteLevel } from '../../../core/ports';
import type { Page } from '../../../core/views';
import { chunkByWrites } from '../../cloudbase/chunks';
import { beijingMonthSpan } from '../../../core/beijing';
import { SUMMARY_FIELDS, requestKey, guardId, toConcern, storedEvent, storedMessage, toMessage, requestKeysOf, concernDoc, LEVEL_FIELD, num, type StoredEvent, type StoredMessage } from './cloudbase-concern-docs';
import { isDuplicateKey, mapBounded, type CloudbaseDb, type Filter, type StoredDoc, type TxView } from '../../cloudbase/db';
import { outboxDoc } from './cloudbase-outbox';
import { cloudbaseRateCounts } from './cloudbase-rates';
import { decideModeration, heldContent } from './cloudbase-concern-moderation';

export { SUMMARY_FIELDS, toConcern } from './cloudbase-concern-docs';

/** Concern ids per `_id: _.in(...)` read of latestReplies. */
const LATEST_BATCH = 100;

/** The guard of a requestId exists: this submit was stored before. */
class GuardTaken extends Error {
  constructor() {
    super('request guard exists');
  }
}
export class CloudbaseConcerns implements ConcernRepo {
  /** Reads of a concern's timeline and thread in flight in the current synchronous step (see arrays). */
  private readonly arraysReads = new Map<string, Promise<StoredDoc | null>>();

  constructor(private readonly cb: CloudbaseDb) {}

  async create(c: Concern, events: ConcernEvent[], notifications: Notification[]): Promise<{ concern: Concern; created: boolean }> {
    const doc = concernDoc(c, events);
    if (c.requestId === null && notifications.length === 0) {
      await this.cb.add('concerns', doc);
      return { concern: c, created: true };
    }
    if (c.requestId === null) return this.cb.transaction((tx) => this.createIn(tx, c, events, notifications));
    return this.createGuarded(c, events, notifications);
  }

  /**
   * A reporter's concern under a requestId: the transaction creates the guard first, without reading it
   * (a first submit, the usual case, needs no read), then the concern and its notices. A guard that exists
   * already refuses the insert with a duplicate key — the request was stored before (or by a concurrent
   * call that committed first) — and the concern it points at is answered, read after the transaction.
   */
  private async createGuarded(c: Concern, events: ConcernEvent[], notifications: Notification[]): Promise<{ concern: Concern; created: boolean }> {
    const gid = guardId(c.reporterOpenid, c.requestId!);
    try {
      return await this.cb.transaction(async (tx) => {
        try {
          await tx.create('concern_requests', { _id: gid, concernId: c.id, createdAt: c.createdAt });
        } catch (e) {
          throw isDuplicateKey(e) ? new GuardTaken() : e;
        }
        await tx.create('concerns', concernDoc(c, events));
        await tx.createAll('outbox', notifications.map(outboxDoc));
        return { concern: c, created: true };
      });
    } catch (e) {
      if (!(e instanceof GuardTaken)) throw e;
    }
    const guard = await this.cb.getDoc('concern_requests', gid);
    // Removed meanwhile (the reporter's data forgotten): decided again inside a transaction that reads it.
    if (!guard) return this.cb.transaction((tx) => this.createIn(tx, c, events, notifications));
    const prior = await this.cb.getDoc('concerns', String(guard.concernId), SUMMARY_FIELDS);
    if (!prior) throw new Error(`request guard ${gid} points at missing concern ${String(guard.concernId)}`);
    return { concern: toConcern(prior), created: false };
  }

  /** Inside a transaction: the reporter's earlier concern under this requestId, or this one stored with its guard and notices. */
  private async createIn(tx: TxView, c: Concern, events: ConcernEvent[], notifications: Notification[]): Promise<{ concern: Concern; created: boolean }> {
    if (c.requestId !== null) {
      const gid = guardId(c.reporterOpenid, c.requestId);
      const guard = await tx.get('concern_requests', gid);
      if (guard) {
        const prior = await tx.get('concerns', String(guard.concernId), SUMMARY_FIELDS);
        if (!prior) throw new Error(`request guard ${gid} points at missing concern ${String(guard.concernId)}`);
        return { concern: toConcern(prior), created: false };
      }
      await tx.create('concern_requests', { _id: gid, concernId: c.id, createdAt: c.createdAt });
    }
    await tx.create('concerns', concernDoc(c, events));
    await tx.createAll('outbox', notifications.map(outboxDoc));
    return { concern: c, created: true };
  }

  /**
   * The whole batch is checked first, then written in chunks. The check reads every request guard and
   * every new concern id (`_id: _.in`, by the hundred): a concern id already taken by another concern
   * refuses the batch before anything is written. The writes — per concern its guard, document and
   * outbox documents — go in transactions of at most `TX_WRITES` writes (a 500-ticket file is ~40), a
   * few at once; each re-reads its guards, so a guard stored meanwhile (a concurrent run, or the same
   * ticket twice in the file) makes that concern `existing`, and a run cut off between chunks is finished
   * by running it again.
   */
  async createMany(items: NewConcern[]): Promise<{ created: Concern[]; existing: Concern[] }> {
    if (items.length === 0) return { created: [], existing: [] };
    const guarded = new Set<string>();
    const withRequest = items.filter((it) => it.concern.requestId !== null);
    for (let i = 0; i < withRequest.length; i += LATEST_BATCH) {
      const ids = withRequest.slice(i, i + LATEST_BATCH).map((it) => guardId(it.concern.reporterOpenid, it.concern.requestId!));
      for (const g of await this.cb.find('concern_requests', { _id: this.cb._.in(ids) }, [], ids.length, { _id: true })) guarded.add(g._id);
    }
    const fresh = items.filter((it) => it.concern.requestId === null || !guarded.has(guardId(it.concern.reporterOpenid, it.concern.requestId)));
    for (let i = 0; i < fresh.length; i += LATEST_BATCH) {
      const ids = fresh.slice(i, i + LATEST_BATCH).map((it) => it.concern.id);
      const taken = await this.cb.find('concerns', { _id: this.cb._.in(ids) }, [], ids.length, { _id: true });
      if (taken.length > 0) throw new Error(`concern ${taken[0]._id} already exists: the batch is refused, nothing written`);
    }
    const chunks = chunkByWrites(items, (it) => (it.concern.requestId === null ? 1 : 2) + it.notifications.length);
    const results = await mapBounded(chunks, (chunk) =>
      this.cb.transaction(async (tx) => {
        const out: Array<{ concern: Concern; created: boolean }> = [];
        for (const it of chunk) out.push(await this.createIn(tx, it.concern, it.events, it.notifications));
        return out;
      }),
    );
    const all = results.flat();
    return { created: all.filter((r) => r.created).map((r) => r.concern), existing: all.filter((r) => !r.created).map((r) => r.concern) };
  }

  /**
   * One filter (every given condition AND-ed, the place branches OR-ed), newest first by (createdAt, _id),
   * paged by key past CloudBase's 1,000 per `get()`.
   */
  async search(query: ConcernSearch, limit: number): Promise<Concern[]> {
    const _ = this.cb._;
    const parts: Filter[] = [{ createdAt: _.gte(query.createdFrom).and(_.lt(query.createdTo)) }];
    const places: Filter[] = (query.nodes ?? []).map((n) => ({ [LEVEL_FIELD[n.level]]: n.id }));
    if (query.officeId !== undefined) places.push({ 'route.coOfficeId': query.officeId });
    if (places.length === 1) parts.push(places[0]);
    if (places.length > 1) parts.push(_.or(places) as unknown as Filter);
    if (query.reporterOpenid !== undefined) parts.push({ reporterOpenid: query.reporterOpenid });
    if (query.ids) parts.push({ _id: _.in(query.ids) });
    if (query.updatedFrom !== undefined) parts.push({ updatedAt: _.gte(query.updatedFrom) });
    if (query.updatedTo !== undefined) parts.push({ updatedAt: _.lt(query.updatedTo) });
    if (query.categories) parts.push({ category: _.in(query.categories) });
    if (query.statuses) parts.push({ status: _.in(query.statuses) });
    const filter = this.cb.and(...parts);
    const out: Concern[] = [];
    let cursor: string | null = null;
    while (out.length < limit) {
      const page: Page<Concern> = await this.cb.page('concerns', filter, { cursor, limit: Math.min(limit - out.length, this.cb.pageSize - 1) }, toConcern, SUMMARY_FIELDS);
      out.push(...page.items);
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    return out;
  }

  /** Batched reads of the concerns' threads (`_id: _.in(ids)`, only `reporterOpenid` and `messages`); the last handler message wins. */
  /** The request guards (`_id` openid:requestId) first, then the concerns they point at; both by `_id`. */
  async byRequests(reporterOpenid: string, requestIds: string[]): Promise<Concern[]> {
    const out: Concern[] = [];
    const ids = [...new Set(requestIds)];
    for (let i = 0; i < ids.length; i += LATEST_BATCH) {
      const guards = ids.slice(i, i + LATEST_BATCH).map((r) => guardId(reporterOpenid, r));
      const found = await this.cb.find('concern_requests', { _id: this.cb._.in(guards) }, [], guards.length);
      const concernIds = found.map((g) => String(g.concernId));
      if (concernIds.length === 0) continue;
      const docs = await this.cb.find('concerns', { _id: this.cb._.in(concernIds) }, [], concernIds.length, SUMMARY_FIELDS);
      out.push(...docs.map(toConcern));
    }
    return out.sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  async latestReplies(concernIds: string[]): Promise<Map<string, LatestReply>> {
    const out = new Map<string, LatestReply>();
    const ids = [...new Set(concernIds)];
    for (let i = 0; i < ids.length; i += LATEST_BATCH) {
      const batch = ids.slice(i, i + LATEST_BATCH);
      const docs = await this.cb.find('concerns', { _id: this.cb._.in(batch) }, [], batch.length, { reporterOpenid: true, messages: true });
      for (const d of docs) {
        const replies = ((d.messages as StoredMessage[] | undefined) ?? []).filter((m) => m.authorOpenid !== d.reporterOpenid && (m.moderation ?? 'published') === 'published');
        const last = replies[replies.length - 1];
        if (last) out.set(d._id, { concernId: d._id, text: last.text, at: last.at });
      }
    }
    return out;
  }

  async histories(concernIds: string[]): Promise<Map<string, ConcernHistory>> {
    const out = new Map<string, ConcernHistory>();
    const ids = [...new Set(concernIds)];
    for (let i = 0; i < ids.length; i += LATEST_BATCH) {
      const batch = ids.slice(i, i + LATEST_BATCH);
      const docs = await this.cb.find('concerns', { _id: this.cb._.in(batch) }, [], batch.length, { events: true, messages: true });
      for (const d of docs) {
        out.set(d._id, {
          events: ((d.events as StoredEvent[] | undefined) ?? []).map((e) => ({ ...e, concernId: d._id })),
          messages: ((d.messages as StoredMessage[] | undefined) ?? []).map((m) => toMessage(m, d._id)),
        });
      }
    }
    return out;
  }

  /** Held descriptions and held messages in the given towns, oldest first: see ./concern-moderation.ts. */
  async heldContent(townIds: string[] | null, limit: number): Promise<HeldContent[]> {
    return heldContent(this.cb, townIds, limit);
  }

  /** One conditional single-document update from `held`, in the moderator's towns: see ./concern-moderation.ts. */
  async decideModeration(kind: HeldContent['kind'], id: string, to: 'published' | 'rejected', townIds: string[] | null, from: 'held' | 'published' = 'held'): Promise<boolean> {
    return decideModeration(this.cb, kind, id, to, townIds, from);
  }

  async get(id: string): Promise<Concern | null> {
    const d = await this.cb.getDoc('concerns', id, SUMMARY_FIELDS);
    return d ? toConcern(d) : null;
  }

  async commit(id: string, expectedVersion: number, change: ConcernChange): Promise<Concern | null> {
    const _ = this.cb._;
    const keys = requestKeysOf(change.events, change.requestId);
    const fields: Record<string, unknown> = {
      ...change.patch,
      version: _.inc(1),
      ...(change.events.length > 0 ? { events: _.push(change.events.map(storedEvent)) } : {}),
      ...(change.messages.length > 0 ? { messages: _.push(change.messages.map(storedMessage)) } : {}),
      ...(keys.length > 0 ? { requestKeys: _.push(keys) } : {}),
    };
    const after = (cur: StoredDoc): Concern => ({ ...toConcern(cur), ...change.patch, version: expectedVersion + 1 });

    if (change.notifications.length === 0) {
      const cur = await this.cb.getDoc('concerns', id, SUMMARY_FIELDS);
      if (!cur || Number(cur.version) !== expectedVersion) return null;
      // Every write bumps the version, so the fields read above are still the stored ones if this matches.
      const won = await this.cb.conditionalUpdate('concerns', { _id: id, version: expectedVersion }, fields);
      return won ? after(cur) : null;
    }
    return this.cb.transaction(async (tx) => {
      const cur = await tx.get('concerns', id, SUMMARY_FIELDS);
      if (!cur || Number(cur.version) !== expectedVersion) return null;
      // A competing commit writes the same document: one transaction wins, the other conflicts,
      // is retried by the SDK and then sees the new version.
      await tx.update('concerns', id, fields);
      await tx.createAll('outbox', change.notifications.map(outboxDoc));
      return after(cur);
    });
  }

  /** One document read: the summary and its `requestKeys`, which every step pushes with its version bump. */
  async getWithRequest(concernId: string, actorOpenid: string, requestId: string): Promise<{ concern: Concern | null; seen: boolean }> {
    const d = await this.cb.getDoc('concerns', concernId, { events: false, messages: false });
    if (!d) return { concern: null, seen: false };
    const keys = (d.requestKeys as string[] | undefined) ?? [];
    return { concern: toConcern(d), seen: keys.includes(requestKey(actorOpenid, requestId)) };
  }

  async hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean> {
    return (await this.cb.count('concerns', { _id: concernId, requestKeys: requestKey(actorOpenid, requestId) })) > 0;
  }

  async timeline(id: string): Promise<ConcernEvent[]> {
    const d = await this.arrays(id);
    return ((d?.events as StoredEvent[] | undefined) ?? []).map((e) => ({ ...e, concernId: id }));
  }

  async thread(id: string): Promise<ConcernMessage[]> {
    const d = await this.arrays(id);
    return ((d?.messages as StoredMessage[] | undefined) ?? []).map((m) => toMessage(m, id));
  }

  /**
   * A concern's timeline and thread live in its one document: a timeline and a thread asked for in the
   * same synchronous step (a detail view asks for both at once) share one read. The entry is dropped at
   * the end of that step, so a later call — after a commit, say — always reads afresh.
   */
  private arrays(id: string): Promise<StoredDoc | null> {
    let read = this.arraysReads.get(id);
    if (!read) {
      read = this.cb.getDoc('concerns', id, { events: true, messages: true });
      this.arraysReads.set(id, read);
      queueMicrotask(() => this.arraysReads.delete(id));
    }
    return read;
  }

  async listByReporter(openid: string, page: PageQuery): Promise<Page<Concern>> {
    return this.cb.page('concerns', { reporterOpenid: openid }, page, toConcern, SUMMARY_FIELDS);
  }

  /**
   * One query: the route branches OR-ed (one index per level on (level id, key, _id)), keyset-paged on
   * (sla.dueAt, _id) ascending for the open inbox — `sla.dueAt > ''` holds only for open concerns, whose
   * dueAt is a string — and on (createdAt, _id) descending otherwise.
   */
  /**
   * The inbox's filter: any of its route nodes (or its office); for an open inbox, only concerns with a
   * running clock (`sla.dueAt` set), narrowed as asked — all within the dueAt indexes.
   */
  private inboxFilter(scope: InboxScope): Filter | null {
    const _ = this.cb._;
    const byLevel = new Map<RouteLevel, string[]>();
    for (const n of scope.nodes) byLevel.set(n.level, [...(byLevel.get(n.level) ?? []), n.id]);
    const ors: Filter[] = [...byLevel].map(([level, ids]) => ({ [LEVEL_FIELD[level]]: ids.length === 1 ? ids[0] : _.in(ids) }));
    if (scope.officeId !== null) ors.push({ 'route.coOfficeId': scope.officeId });
    // The whole inbox keeps what the nodes passed on (index past_nodes: an array field matches any element).
    if (!scope.openOnly && scope.nodes.length > 0) {
      const ids = scope.nodes.map((n) => n.id);
      ors.push({ pastNodeIds: ids.length === 1 ? ids[0] : _.in(ids) });
    }
    if (ors.length === 0) return null;
    const routed = ors.length === 1 ? ors[0] : (_.or(ors) as unknown as Filter);
    if (!scope.openOnly) return routed;
    const f = scope.filter;
    const narrowing: Filter =
      f === undefined
        ? { 'sla.dueAt': _.gt('') }
        : f.kind === 'due'
          ? { 'sla.dueAt': _.gte(f.from).and(_.lt(f.before)) }
          : f.kind === 'overdue'
            ? this.cb.and({ 'sla.dueAt': _.gt('') }, _.or([{ 'sla.dueAt': _.lt(f.at) }, { 'sla.overdue': true }]) as unknown as Filter)
            : { 'sla.dueAt': _.gt(''), status: _.in(f.statuses) };
    return this.cb.and(routed, narrowing);
  }

  async inbox(scope: InboxScope, page: PageQuery): Promise<Page<Concern>> {
    const filter = this.inboxFilter(scope);
    if (filter === null) return { items: [], nextCursor: null };
    if (!scope.openOnly) return this.cb.page('concerns', filter, page, toConcern, SUMMARY_FIELDS);
    return this.cb.keysetPage('concerns', filter, page, { field: 'sla.dueAt', dir: 'asc' }, toConcern, SUMMARY_FIELDS);
  }

  /** One count over the same filter as the inbox: each concern once, whatever branches match it. */
  async countInbox(scope: InboxScope): Promise<number> {
    const filter = this.inboxFilter(scope);
    return filter === null ? 0 : this.cb.count('concerns', filter);
  }

  /**
   * `sla.watchAt <= now` on its index: a range on a string never reaches the documents whose watchAt is
   * null (no pending clock), so closed concerns are not scanned.
   */
  async dueForSla(now: string, limit: number): Promise<Concern[]> {
    const docs = await this.cb.find('concerns', { 'sla.watchAt': this.cb._.lte(now) }, [['sla.watchAt', 'asc'], ['_id', 'asc']], limit, SUMMARY_FIELDS);
    return docs.map(toConcern);
  }

  /** One aggregation on index past_nodes: match the nodes and months, one row per (concern, past node), group by month and node. */
  async passedOnCounts(query: { fromMonth: string; toMonth: string; nodeIds: string[] }): Promise<PassedOnCount[]> {
    if (query.nodeIds.length === 0) return [];
    const _ = this.cb._;
    const nodes = _.in(query.nodeIds);
    const span = beijingMonthSpan(query.fromMonth, query.toMonth);
    const rows = await this.cb.aggregate('concerns', [
      { $match: { pastNodeIds: nodes, createdAt: _.gte(span.from).and(_.lt(span.until)) } },
      { $project: { month: 1, pastNodeIds: 1 } },
      { $unwind: '$pastNodeIds' },
      { $match: { pastNodeIds: nodes } },
      { $group: { _id: { month: '$month', nodeId: '$pastNodeIds' }, count: { $sum: 1 } } },
    ]);
    return rows
      .map((r) => {
        const k = r._id as Record<string, unknown>;
        return { month: String(k.month), nodeId: String(k.nodeId), count: num(r.count) };
      })
      .sort((a, b) => (a.month === b.month ? (a.nodeId < b.nodeId ? -1 : 1) : a.month < b.month ? -1 : 1));
  }

  /** Three aggregations on the route and past_nodes indexes, one per credited part: see ./rates.ts. */
  async rateCounts(query: RateQuery): Promise<RateCounts[]> {
    return cloudbaseRateCounts(this.cb, query);
  }
}
