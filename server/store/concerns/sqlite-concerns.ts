/** Concerns on SQLite (ConcernRepo): reports, their timelines and threads, moderation, and the clocks given to concerns stored before clocks existed. */
import type Database from 'better-sqlite3';
import type { Category, Concern, ConcernEvent, ConcernMessage, Notification } from '../../../core/model';
import type { HeldContent, ConcernChange, ConcernHistory, ConcernRepo, ConcernSearch, LatestReply, NewConcern, InboxScope, PageQuery, PassedOnCount, RateCounts, RateQuery } from '../../../core/ports';
import { startRound, type SlaConfig } from '../../../core/concerns/sla';
import type { Page } from '../../../core/views';
import { keysetPage } from '../../sqlite-paging';
import { outboxEnqueuer } from './sqlite-outbox';
import { sqliteRateCounts } from './sqlite-rates';
import { concernRow, toConcern, toEvent, toMessage } from './sqlite-concern-rows';
import { countInbox, inboxPage, LEVEL_COLUMN, prepared } from './sqlite-inbox';
import { beijingMonthSpan } from '../../../core/beijing';

type Row = Record<string, unknown>;

/**
 * Concerns stored before SLA clocks existed get round-1 clocks from their report time and category, once,
 * so that they keep their place in open inboxes (sorted by due time) and the SLA job sees them.
 */
export function backfillClocks(db: Database.Database, config: SlaConfig): void {
  const rows = db
    .prepare(`SELECT c.*, k.kind AS category_kind FROM concerns c LEFT JOIN categories k ON k.town_id = c.town_id AND k.code = c.category WHERE c.sla IS NULL`)
    .all() as Row[];
  if (rows.length === 0) return;
  const write = db.prepare(`UPDATE concerns SET sla = @sla, due_at = @due_at, watch_at = @watch_at WHERE id = @id AND sla IS NULL`);
  db.transaction(() => {
    for (const r of rows) {
      const c = toConcern(r);
      const kind = (r.category_kind as Category['kind'] | null) ?? 'complaint';
      const sla = startRound(config, { townId: c.route.townId, code: c.category, kind }, c.createdAt, null, c.status);
      write.run({ id: c.id, sla: JSON.stringify(sla), due_at: sla.dueAt, watch_at: sla.watchAt });
    }
  })();
}

export class SqliteConcerns implements ConcernRepo {
  private readonly q;
  private readonly createTx;
  private readonly createManyTx;
  private readonly commitTx;
  private readonly enqueue;

  constructor(private readonly db: Database.Database) {
    this.enqueue = outboxEnqueuer(db);
    this.q = {
      insert: db.prepare(`INSERT INTO concerns (id, reporter_openid, source, category, description, place_id, lat, lng, photos, status, route,
          town_id, village_id, cooperative_id, grid_id, co_office_id, created_at, updated_at, version, request_id,
          sla, due_at, watch_at, overdue, first_response, rating, rating_value, moderation, past_nodes, origin)
        VALUES (@id, @reporter_openid, @source, @category, @description, @place_id, @lat, @lng, @photos, @status, @route,
          @town_id, @village_id, @cooperative_id, @grid_id, @co_office_id, @created_at, @updated_at, @version, @request_id,
          @sla, @due_at, @watch_at, @overdue, @first_response, @rating, @rating_value, @moderation, @past_nodes, @origin)`),
      insertPastNode: db.prepare(`INSERT OR IGNORE INTO concern_past_nodes (node_id, concern_id, created_at) VALUES (?, ?, ?)`),
      byRequest: db.prepare(`SELECT * FROM concerns WHERE reporter_openid = ? AND request_id = ?`),
      get: db.prepare(`SELECT * FROM concerns WHERE id = ?`),
      update: db.prepare(`UPDATE concerns SET status = @status, route = @route, town_id = @town_id, village_id = @village_id,
          cooperative_id = @cooperative_id, grid_id = @grid_id, co_office_id = @co_office_id, updated_at = @updated_at,
          sla = @sla, due_at = @due_at, watch_at = @watch_at, overdue = @overdue, first_response = @first_response,
          rating = @rating, rating_value = @rating_value, past_nodes = @past_nodes,
          version = version + 1 WHERE id = @id AND version = @expected`),
      dueForSla: db.prepare(`SELECT * FROM concerns WHERE watch_at IS NOT NULL AND watch_at <= ? ORDER BY watch_at, id LIMIT ?`),
      nextEventSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_events WHERE concern_id = ?`).pluck(),
      nextMessageSeq: db.prepare(`SELECT COALESCE(MAX(seq), 0) + 1 FROM concern_messages WHERE concern_id = ?`).pluck(),
      insertEvent: db.prepare(`INSERT INTO concern_events (concern_id, seq, id, type, actor_openid, actor_name, actor_role, at, from_status, to_status, note, request_id)
        VALUES (@concernId, @seq, @id, @type, @actorOpenid, @actorName, @actorRole, @at, @fromStatus, @toStatus, @note, @requestId)`),
      insertMessage: db.prepare(`INSERT INTO concern_messages (concern_id, seq, id, author_openid, author_name, author_role, text, photos, at, moderation)
        VALUES (@concernId, @seq, @id, @authorOpenid, @authorName, @authorRole, @text, @photos, @at, @moderation)`),
      heldConcerns: db.prepare(`SELECT 'concern' AS kind, id, id AS concern_id, town_id, reporter_openid AS author_openid, description AS text, created_at AS at
        FROM concerns WHERE moderation = 'held' ORDER BY created_at, id LIMIT ?`),
      heldMessages: db.prepare(`SELECT 'message' AS kind, m.id, m.concern_id, c.town_id, m.author_openid, m.text, m.at
        FROM concern_messages m JOIN concerns c ON c.id = m.concern_id WHERE m.moderation = 'held' ORDER BY m.at, m.id LIMIT ?`),
      hasRequest: db.prepare(`SELECT 1 FROM concern_events WHERE concern_id = ? AND actor_openid = ? AND request_id = ?`).pluck(),
      timeline: db.prepare(`SELECT * FROM concern_events WHERE concern_id = ? ORDER BY seq`),
      thread: db.prepare(`SELECT * FROM concern_messages WHERE concern_id = ? ORDER BY seq`),
    };

    this.createTx = db.transaction((c: Concern, events: ConcernEvent[], notifications: Notification[]): { concern: Concern; created: boolean } => {
      if (c.requestId !== null) {
        const prior = this.q.byRequest.get(c.reporterOpenid, c.requestId) as Row | undefined;
        if (prior) return { concern: toConcern(prior), created: false };
      }
      this.q.insert.run(concernRow(c));
      this.addPastNodes(c);
      this.appendEvents(c.id, events, c.requestId);
      this.enqueue(notifications);
      return { concern: c, created: true };
    });

    this.createManyTx = db.transaction((items: NewConcern[]): { created: Concern[]; existing: Concern[] } => {
      const out: { created: Concern[]; existing: Concern[] } = { created: [], existing: [] };
      for (const it of items) {
        const r = this.createTx(it.concern, it.events, it.notifications);
        (r.created ? out.created : out.existing).push(r.concern);
      }
      return out;
    });

    this.commitTx = db.transaction((id: string, expected: number, change: ConcernChange): Concern | null => {
      const cur = this.q.get.get(id) as Row | undefined;
      if (!cur) return null;
      const merged: Concern = { ...toConcern(cur), ...change.patch };
      const res = this.q.update.run({ ...concernRow(merged), expected });
      if (res.changes !== 1) return null;
      this.addPastNodes(merged);
      this.appendEvents(id, change.events, change.requestId);
      let seq = this.q.nextMessageSeq.get(id) as number;
      for (const m of change.messages) this.q.insertMessage.run({ ...m, seq: seq++, photos: JSON.stringify(m.photos) });
      this.enqueue(change.notifications);
      return toConcern(this.q.get.get(id) as Row);
    });
  }

  /** The index rows behind the whole inbox's passed-on branch: one per (node, concern), never removed. */
  private addPastNodes(c: Concern): void {
    for (const node of c.pastNodeIds) this.q.insertPastNode.run(node, c.id, c.createdAt);
  }

  /** The first event of a step carries the step's requestId, so a retry is recognised. */
  private appendEvents(id: string, events: ConcernEvent[], requestId: string | null): void {
    let seq = this.q.nextEventSeq.get(id) as number;
    events.forEach((e, i) => this.q.insertEvent.run({ ...e, seq: seq++, requestId: i === 0 ? requestId : null }));
  }

  async create(concern: Concern, events: ConcernEvent[], notifications: Notification[]) {
    return this.createTx.immediate(concern, events, notifications);
  }
  async createMany(items: NewConcern[]) {
    return this.createManyTx.immediate(items);
  }
  async get(id: string): Promise<Concern | null> {
    const r = this.q.get.get(id) as Row | undefined;
    return r ? toConcern(r) : null;
  }
  async search(query: ConcernSearch, limit: number): Promise<Concern[]> {
    const where: string[] = ['created_at >= ?', 'created_at < ?'];
    const params: unknown[] = [query.createdFrom, query.createdTo];
    const inList = (col: string, values: readonly string[]) => {
      where.push(`${col} IN (${values.map(() => '?').join(',')})`);
      params.push(...values);
    };
    const places: string[] = (query.nodes ?? []).map((n) => {
      params.push(n.id);
      return `${LEVEL_COLUMN[n.level]} = ?`;
    });
    if (query.officeId !== undefined) {
      places.push('co_office_id = ?');
      params.push(query.officeId);
    }
    // Place params were pushed after the date params, so the place clause goes right after them.
    if (places.length > 0) where.push(`(${places.join(' OR ')})`);
    if (query.reporterOpenid !== undefined) {
      where.push('reporter_openid = ?');
      params.push(query.reporterOpenid);
    }
    if (query.ids) inList('id', query.ids.length > 0 ? query.ids : ['']);
    if (query.updatedFrom !== undefined) {
      where.push('updated_at >= ?');
      params.push(query.updatedFrom);
    }
    if (query.updatedTo !== undefined) {
      where.push('updated_at < ?');
      params.push(query.updatedTo);
    }
    if (query.categories) inList('category', query.categories.length > 0 ? query.categories : ['']);
    if (query.statuses) inList('status', query.statuses.length > 0 ? query.statuses : ['']);
    params.push(limit);
    const sql = `SELECT * FROM concerns WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params) as Row[]).map(toConcern);
  }
  async latestReplies(concernIds: string[]): Promise<Map<string, LatestReply>> {
    const out = new Map<string, LatestReply>();
    // Chunks keep each statement under SQLite's parameter limit.
    for (let i = 0; i < concernIds.length; i += 500) {
      const ids = concernIds.slice(i, i + 500);
      const rows = this.db
        .prepare(
          `SELECT m.concern_id, m.text, m.at FROM concern_messages m JOIN concerns c ON c.id = m.concern_id
           WHERE m.concern_id IN (${ids.map(() => '?').join(',')}) AND m.author_openid != c.reporter_openid AND m.moderation = 'published'
           ORDER BY m.concern_id, m.seq`,
        )
        .all(...ids) as Row[];
      // Ordered by seq: the last row of each concern wins.
      for (const r of rows) out.set(r.concern_id as string, { concernId: r.concern_id as string, text: r.text as string, at: r.at as string });
    }
    return out;
  }
  async histories(concernIds: string[]): Promise<Map<string, ConcernHistory>> {
    const out = new Map<string, ConcernHistory>();
    for (let i = 0; i < concernIds.length; i += 500) {
      const ids = concernIds.slice(i, i + 500);
      const marks = ids.map(() => '?').join(',');
      const known = this.db.prepare(`SELECT id FROM concerns WHERE id IN (${marks})`).all(...ids) as Row[];
      for (const r of known) out.set(r.id as string, { events: [], messages: [] });
      for (const r of this.db.prepare(`SELECT * FROM concern_events WHERE concern_id IN (${marks}) ORDER BY concern_id, seq`).all(...ids) as Row[]) out.get(r.concern_id as string)?.events.push(toEvent(r));
      for (const r of this.db.prepare(`SELECT * FROM concern_messages WHERE concern_id IN (${marks}) ORDER BY concern_id, seq`).all(...ids) as Row[]) out.get(r.concern_id as string)?.messages.push(toMessage(r));
    }
    return out;
  }
  async commit(id: string, expectedVersion: number, change: ConcernChange): Promise<Concern | null> {
    return this.commitTx.immediate(id, expectedVersion, change);
  }
  async heldContent(townIds: string[] | null, limit: number): Promise<HeldContent[]> {
    // Held items are few (a moderator clears them daily): both kinds, filtered and merged here.
    const rows = [...(this.q.heldConcerns.all(limit) as Row[]), ...(this.q.heldMessages.all(limit) as Row[])];
    return rows
      .map((r) => ({
        kind: r.kind as HeldContent['kind'],
        id: r.id as string,
        concernId: r.concern_id as string,
        townId: r.town_id as string,
        authorOpenid: r.author_openid as string,
        text: r.text as string,
        at: r.at as string,
      }))
      .filter((h) => townIds === null || townIds.includes(h.townId))
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
      .slice(0, limit);
  }
  async decideModeration(kind: HeldContent['kind'], id: string, to: 'published' | 'rejected', townIds: string[] | null, from: 'held' | 'published' = 'held'): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    const inTowns = townIds === null ? '' : ` AND town_id IN (${townIds.map(() => '?').join(',')})`;
    const sql =
      kind === 'concern'
        ? `UPDATE concerns SET moderation = ? WHERE id = ? AND moderation = ?${inTowns}`
        : `UPDATE concern_messages SET moderation = ? WHERE id = ? AND moderation = ? AND concern_id IN (SELECT id FROM concerns WHERE 1 = 1${inTowns})`;
    return prepared(this.db, sql).run(to, id, from, ...(townIds ?? [])).changes === 1;
  }
  async byRequests(reporterOpenid: string, requestIds: string[]): Promise<Concern[]> {
    const out: Concern[] = [];
    // Chunks keep each statement under SQLite's parameter limit.
    for (let i = 0; i < requestIds.length; i += 500) {
      const ids = requestIds.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT * FROM concerns WHERE reporter_openid = ? AND request_id IN (${ids.map(() => '?').join(',')}) ORDER BY id`).all(reporterOpenid, ...ids) as Row[];
      out.push(...rows.map(toConcern));
    }
    return out;
  }
  async hasRequest(concernId: string, actorOpenid: string, requestId: string): Promise<boolean> {
    return this.q.hasRequest.get(concernId, actorOpenid, requestId) !== undefined;
  }
  /** Two statements in one synchronous step: nothing is written between them. */
  async getWithRequest(concernId: string, actorOpenid: string, requestId: string): Promise<{ concern: Concern | null; seen: boolean }> {
    const r = this.q.get.get(concernId) as Row | undefined;
    return { concern: r ? toConcern(r) : null, seen: r !== undefined && this.q.hasRequest.get(concernId, actorOpenid, requestId) !== undefined };
  }
  async timeline(id: string): Promise<ConcernEvent[]> {
    return (this.q.timeline.all(id) as Row[]).map(toEvent);
  }
  async thread(id: string): Promise<ConcernMessage[]> {
    return (this.q.thread.all(id) as Row[]).map(toMessage);
  }

  async listByReporter(openid: string, page: PageQuery): Promise<Page<Concern>> {
    return this.page('reporter_openid = ?', [openid], page);
  }

  async inbox(scope: InboxScope, page: PageQuery): Promise<Page<Concern>> {
    return inboxPage(this.db, scope, page);
  }

  async countInbox(scope: InboxScope): Promise<number> {
    return countInbox(this.db, scope);
  }

  async dueForSla(now: string, limit: number): Promise<Concern[]> {
    return (this.q.dueForSla.all(now, limit) as Row[]).map(toConcern);
  }

  async rateCounts(query: RateQuery): Promise<RateCounts[]> {
    return sqliteRateCounts(this.db, query);
  }

  async passedOnCounts(query: { fromMonth: string; toMonth: string; nodeIds: string[] }): Promise<PassedOnCount[]> {
    if (query.nodeIds.length === 0) return [];
    const span = beijingMonthSpan(query.fromMonth, query.toMonth);
    const rows = this.db
      .prepare(
        `SELECT strftime('%Y-%m', created_at, '+8 hours') AS month, node_id, COUNT(*) AS n FROM concern_past_nodes
        WHERE node_id IN (${query.nodeIds.map(() => '?').join(',')}) AND created_at >= ? AND created_at < ?
        GROUP BY month, node_id ORDER BY month, node_id`,
      )
      .all(...query.nodeIds, span.from, span.until) as Row[];
    return rows.map((r) => ({ month: r.month as string, nodeId: r.node_id as string, count: r.n as number }));
  }

  private page(where: string, params: unknown[], page: PageQuery): Page<Concern> {
    return keysetPage(this.db, 'concerns', where, params, page, toConcern);
  }
}
