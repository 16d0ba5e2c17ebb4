import type Database from 'better-sqlite3';
import type { TopicChange, TopicRepo } from '../../../core/ports';
import type { ResidentPlace, ResidentVerification, Topic, TopicComment, TopicVote, VoteOutcome } from '../../../core/topics/topic-model';

type Row = Record<string, unknown>;

const toTopic = (r: Row): Topic => JSON.parse(r.data as string) as Topic;
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

function toPlace(r: Row): ResidentPlace {
  const kind = r.verified_kind as ResidentVerification['kind'] | null;
  return {
    openid: r.openid as string,
    placeId: r.place_id as string,
    townId: r.town_id as string,
    setAt: r.set_at as string,
    verified: kind ? { kind, at: r.verified_at as string, byName: r.verified_by as string } : null,
    verifyRequestedAt: (r.verify_requested_at as string | null) ?? null,
  };
}

function toComment(r: Row): TopicComment {
  return {
    id: r.id as string,
    topicId: r.topic_id as string,
    townId: r.town_id as string,
    parentId: (r.parent_id as string | null) ?? null,
    authorOpenid: r.author_openid as string,
    authorName: r.author_name as string,
    official: r.official === 1,
    text: r.text as string,
    moderation: r.moderation as TopicComment['moderation'],
    at: r.at as string,
  };
}

/** 街坊议事 (yishi) on SQLite: supports and votes keyed by (topic, person), so counts are exact. */
export class SqliteTopics implements TopicRepo {
  private readonly voteTx;
  constructor(private readonly db: Database.Database) {
    const read = db.prepare('SELECT option_id FROM topic_votes WHERE topic_id = ? AND openid = ?').pluck();
    const put = db.prepare(`INSERT INTO topic_votes (topic_id, openid, option_id, at) VALUES (@topicId, @openid, @optionId, @at)
      ON CONFLICT (topic_id, openid) DO UPDATE SET option_id = excluded.option_id, at = excluded.at`);
    this.voteTx = db.transaction((v: TopicVote): VoteOutcome => {
      const prior = read.get(v.topicId, v.openid) as string | undefined;
      if (prior === v.optionId) return 'same';
      put.run(v);
      return prior === undefined ? 'new' : 'changed';
    });
  }

  async create(t: Topic): Promise<void> {
    this.db
      .prepare('INSERT INTO topics (id, town_id, place_id, stage, deadline, updated_at, version, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(t.id, t.townId, t.placeId, t.stage, t.deadline, t.updatedAt, t.version, JSON.stringify(t));
  }
  async get(id: string): Promise<Topic | null> {
    const r = this.db.prepare('SELECT data FROM topics WHERE id = ?').get(id) as Row | undefined;
    return r ? toTopic(r) : null;
  }
  async listByPlaces(placeIds: string[], limit: number): Promise<Topic[]> {
    if (placeIds.length === 0) return [];
    const sql = `SELECT data FROM topics WHERE place_id IN (${marks(placeIds.length)}) ORDER BY updated_at DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...placeIds, limit) as Row[]).map(toTopic);
  }
  async update(id: string, version: number, change: TopicChange): Promise<Topic | null> {
    return this.db.transaction(() => {
      const r = this.db.prepare('SELECT data FROM topics WHERE id = ? AND version = ?').get(id, version) as Row | undefined;
      if (!r) return null;
      const t: Topic = { ...toTopic(r), ...change, version: version + 1 };
      this.db
        .prepare('UPDATE topics SET stage = ?, deadline = ?, updated_at = ?, version = ?, data = ? WHERE id = ? AND version = ?')
        .run(t.stage, t.deadline, t.updatedAt, t.version, JSON.stringify(t), id, version);
      return t;
    }).immediate();
  }
  async dueToClose(at: string, limit: number): Promise<Topic[]> {
    const sql = `SELECT data FROM topics WHERE stage = 'open' AND deadline IS NOT NULL AND deadline <= ? ORDER BY deadline, id LIMIT ?`;
    return (this.db.prepare(sql).all(at, limit) as Row[]).map(toTopic);
  }
  async addComment(c: TopicComment): Promise<void> {
    this.db
      .prepare(`INSERT INTO topic_comments (id, topic_id, town_id, parent_id, author_openid, author_name, official, text, moderation, at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(c.id, c.topicId, c.townId, c.parentId, c.authorOpenid, c.authorName, c.official ? 1 : 0, c.text, c.moderation, c.at);
  }
  async comments(topicId: string): Promise<TopicComment[]> {
    return (this.db.prepare('SELECT * FROM topic_comments WHERE topic_id = ? ORDER BY at, id').all(topicId) as Row[]).map(toComment);
  }
  async support(topicId: string, openid: string, at: string): Promise<boolean> {
    return this.db.prepare('INSERT INTO topic_supports (topic_id, openid, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(topicId, openid, at).changes === 1;
  }
  async supports(topicId: string, openid: string): Promise<{ count: number; mine: boolean }> {
    const r = this.db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(openid = ?), 0) AS mine FROM topic_supports WHERE topic_id = ?').get(openid, topicId) as { n: number; mine: number };
    return { count: r.n, mine: r.mine > 0 };
  }
  async vote(v: TopicVote): Promise<VoteOutcome> {
    return this.voteTx.immediate(v);
  }
  async myVote(topicId: string, openid: string): Promise<string | null> {
    return (this.db.prepare('SELECT option_id FROM topic_votes WHERE topic_id = ? AND openid = ?').pluck().get(topicId, openid) as string | undefined) ?? null;
  }
  async tally(topicId: string): Promise<{ turnout: number; counts: Record<string, number> }> {
    const rows = this.db.prepare('SELECT option_id, COUNT(*) AS n FROM topic_votes WHERE topic_id = ? GROUP BY option_id').all(topicId) as Array<{ option_id: string; n: number }>;
    return { turnout: rows.reduce((s, r) => s + r.n, 0), counts: Object.fromEntries(rows.map((r) => [r.option_id, r.n])) };
  }
  async getPlace(openid: string): Promise<ResidentPlace | null> {
    const r = this.db.prepare('SELECT * FROM resident_places WHERE openid = ?').get(openid) as Row | undefined;
    return r ? toPlace(r) : null;
  }
  async setPlace(p: ResidentPlace): Promise<void> {
    this.db
      .prepare(`INSERT INTO resident_places (openid, place_id, town_id, set_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (openid) DO UPDATE SET place_id = excluded.place_id, town_id = excluded.town_id, set_at = excluded.set_at,
          verified_kind = NULL, verified_at = NULL, verified_by = NULL, verify_requested_at = NULL`)
      .run(p.openid, p.placeId, p.townId, p.setAt);
  }
  async residentsOf(placeIds: string[]): Promise<string[]> {
    if (placeIds.length === 0) return [];
    return this.db.prepare(`SELECT openid FROM resident_places WHERE place_id IN (${marks(placeIds.length)}) ORDER BY openid`).pluck().all(...placeIds) as string[];
  }
  async forget(openid: string, tombstone: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('UPDATE topic_votes SET openid = ? WHERE openid = ?').run(tombstone, openid);
      this.db.prepare('UPDATE topic_supports SET openid = ? WHERE openid = ?').run(tombstone, openid);
      this.db.prepare(`UPDATE topic_comments SET author_openid = ?, author_name = '' WHERE author_openid = ?`).run(tombstone, openid);
      this.db
        .prepare(`UPDATE topics SET data = json_set(data, '$.authorOpenid', ?, '$.authorName', '') WHERE json_extract(data, '$.authorOpenid') = ?`)
        .run(tombstone, openid);
      this.db.prepare('DELETE FROM resident_places WHERE openid = ?').run(openid);
    })();
  }
  async listResidents(placeIds: string[], limit: number): Promise<ResidentPlace[]> {
    if (placeIds.length === 0) return [];
    return (this.db.prepare(`SELECT * FROM resident_places WHERE place_id IN (${marks(placeIds.length)}) ORDER BY openid LIMIT ?`).all(...placeIds, limit) as Row[]).map(toPlace);
  }
  async setVerification(openid: string, placeId: string, verified: ResidentVerification | null): Promise<boolean> {
    const sql = `UPDATE resident_places SET verified_kind = ?, verified_at = ?, verified_by = ?, verify_requested_at = NULL WHERE openid = ? AND place_id = ?`;
    return this.db.prepare(sql).run(verified?.kind ?? null, verified?.at ?? null, verified?.byName ?? null, openid, placeId).changes === 1;
  }
  async requestVerification(openid: string, placeId: string, at: string): Promise<boolean> {
    return this.db.prepare('UPDATE resident_places SET verify_requested_at = ? WHERE openid = ? AND place_id = ?').run(at, openid, placeId).changes === 1;
  }
  async townSupports(townId: string): Promise<number | null> {
    return (this.db.prepare('SELECT supports_needed FROM topic_settings WHERE town_id = ?').pluck().get(townId) as number | undefined) ?? null;
  }
  async setTownSupports(townId: string, supportsNeeded: number, at: string): Promise<void> {
    this.db
      .prepare(`INSERT INTO topic_settings (town_id, supports_needed, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (town_id) DO UPDATE SET supports_needed = excluded.supports_needed, updated_at = excluded.updated_at`)
      .run(townId, supportsNeeded, at);
  }
  async personData(openid: string) {
    const topics = (this.db.prepare(`SELECT data FROM topics WHERE json_extract(data, '$.authorOpenid') = ? ORDER BY id`).all(openid) as Row[]).map(toTopic);
    const comments = (this.db.prepare('SELECT * FROM topic_comments WHERE author_openid = ? ORDER BY at, id').all(openid) as Row[]).map(toComment);
    const votes = (this.db.prepare('SELECT topic_id, openid, option_id, at FROM topic_votes WHERE openid = ? ORDER BY at, topic_id').all(openid) as Row[]).map(
      (r): TopicVote => ({ topicId: r.topic_id as string, openid: r.openid as string, optionId: r.option_id as string, at: r.at as string }),
    );
    const supports = (this.db.prepare('SELECT topic_id, at FROM topic_supports WHERE openid = ? ORDER BY at, topic_id').all(openid) as Row[]).map((r) => ({ topicId: r.topic_id as string, at: r.at as string }));
    return { topics, comments, votes, supports };
  }
  async heldTopics(townIds: string[] | null, limit: number): Promise<Topic[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const inTowns = townIds === null ? '' : `AND town_id IN (${marks(townIds.length)})`;
    const sql = `SELECT data FROM topics WHERE json_extract(data, '$.moderation') = 'held' ${inTowns} ORDER BY id LIMIT ?`;
    return (this.db.prepare(sql).all(...(townIds ?? []), limit) as Row[]).map(toTopic);
  }
  async heldComments(townIds: string[] | null, limit: number): Promise<TopicComment[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const inTowns = townIds === null ? '' : `AND town_id IN (${marks(townIds.length)})`;
    return (this.db.prepare(`SELECT * FROM topic_comments WHERE moderation = 'held' ${inTowns} ORDER BY id LIMIT ?`).all(...(townIds ?? []), limit) as Row[]).map(toComment);
  }
  async getComment(id: string): Promise<TopicComment | null> {
    const r = this.db.prepare('SELECT * FROM topic_comments WHERE id = ?').get(id) as Row | undefined;
    return r ? toComment(r) : null;
  }
  async setCommentModeration(id: string, from: TopicComment['moderation'], to: TopicComment['moderation'], townIds: string[] | null): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    const inTowns = townIds === null ? '' : `AND town_id IN (${marks(townIds.length)})`;
    return this.db.prepare(`UPDATE topic_comments SET moderation = ? WHERE id = ? AND moderation = ? ${inTowns}`).run(to, id, from, ...(townIds ?? [])).changes === 1;
  }
  async heldCommittee(townIds: string[] | null, limit: number): Promise<Topic[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const inTowns = townIds === null ? '' : `AND town_id IN (${marks(townIds.length)})`;
    // The WHERE matches migration 37's partial index topics_committee_held.
    const sql = `SELECT data FROM topics WHERE json_extract(data, '$.committeeHeld') = 1 ${inTowns} ORDER BY id LIMIT ?`;
    return (this.db.prepare(sql).all(...(townIds ?? []), limit) as Row[]).map(toTopic);
  }
}
