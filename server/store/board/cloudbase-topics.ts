/**
 * 街坊议事 (yishi) on CloudBase:
 * - `topics` (`_id` the topic id): the topic; every change is one conditional update at its `version`;
 * - `topic_comments` (`_id` the comment id), read per topic oldest first;
 * - `topic_supports` and `topic_votes` (`_id` `${topicId}_${openid}`): one document per person and topic,
 *   so a repeated support adds nothing, a changed vote replaces the choice, and the counts, taken from
 *   these documents by aggregation, are exact whatever the concurrency;
 * - `resident_places` (`_id` the openid): the place each person stated, with the committee's mark
 *   (`verified`) and the person's request (`verifyRequestedAt`); a new place replaces the document, so it
 *   starts unverified;
 * - `topic_settings` (`_id` the town id): the supports a proposal of the town needs.
 */
import type { TopicChange, TopicRepo } from '../../../core/ports';
import type { ResidentPlace, ResidentVerification, Topic, TopicComment, TopicVote, VoteOutcome } from '../../../core/topics/topic-model';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

const pairId = (topicId: string, openid: string) => `${topicId}_${openid}`;

function toTopic(d: StoredDoc): Topic {
  const { _id, ...rest } = d;
  return { ...(rest as unknown as Omit<Topic, 'id'>), id: _id };
}

function toPlace(d: StoredDoc): ResidentPlace {
  const v = d.verified as ResidentVerification | null | undefined;
  return {
    openid: d._id,
    placeId: String(d.placeId),
    townId: String(d.townId),
    setAt: String(d.setAt),
    verified: v ? { kind: v.kind, at: v.at, byName: v.byName } : null,
    verifyRequestedAt: typeof d.verifyRequestedAt === 'string' ? d.verifyRequestedAt : null,
  };
}

function toVote(d: StoredDoc): TopicVote {
  return { topicId: String(d.topicId), openid: String(d.openid), optionId: String(d.optionId), at: String(d.at) };
}

function toComment(d: StoredDoc): TopicComment {
  const { _id, ...rest } = d;
  return { ...(rest as unknown as Omit<TopicComment, 'id'>), id: _id };
}

export class CloudbaseTopics implements TopicRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async create(t: Topic): Promise<void> {
    const { id, ...rest } = t;
    await this.cb.coll('topics').add({ _id: id, ...rest });
  }
  async get(id: string): Promise<Topic | null> {
    const d = await this.cb.getDoc('topics', id);
    return d ? toTopic(d) : null;
  }
  async listByPlaces(placeIds: string[], limit: number): Promise<Topic[]> {
    if (placeIds.length === 0) return [];
    const docs = await this.cb.find('topics', { placeId: placeIds.length === 1 ? placeIds[0] : this.cb._.in(placeIds) }, [['updatedAt', 'desc'], ['_id', 'desc']], limit);
    return docs.map(toTopic);
  }
  async update(id: string, version: number, change: TopicChange): Promise<Topic | null> {
    const d = await this.cb.updateAndReturn('topics', { _id: id, version }, { ...change, version: version + 1 });
    return d ? toTopic(d) : null;
  }
  async dueToClose(at: string, limit: number): Promise<Topic[]> {
    const docs = await this.cb.find('topics', { stage: 'open', deadline: this.cb._.lte(at) }, [['deadline', 'asc'], ['_id', 'asc']], limit);
    return docs.map(toTopic);
  }
  async addComment(c: TopicComment): Promise<void> {
    const { id, ...rest } = c;
    await this.cb.coll('topic_comments').add({ _id: id, ...rest });
  }
  async comments(topicId: string): Promise<TopicComment[]> {
    return (await this.cb.collect('topic_comments', { topicId }, { field: 'at', dir: 'asc' }, Number.MAX_SAFE_INTEGER)).map(toComment);
  }
  async support(topicId: string, openid: string, at: string): Promise<boolean> {
    return (await this.cb.createOnce('topic_supports', { _id: pairId(topicId, openid), topicId, openid, at })).created;
  }
  async supports(topicId: string, openid: string): Promise<{ count: number; mine: boolean }> {
    const [count, mine] = await Promise.all([this.cb.count('topic_supports', { topicId }), this.cb.getDoc('topic_supports', pairId(topicId, openid), { _id: true })]);
    return { count, mine: mine !== null };
  }
  async vote(v: TopicVote): Promise<VoteOutcome> {
    const _id = pairId(v.topicId, v.openid);
    return this.cb.transaction(async (tx) => {
      const prior = await tx.get('topic_votes', _id);
      if (!prior) {
        await tx.create('topic_votes', { _id, ...v });
        return 'new';
      }
      if (prior.optionId === v.optionId) return 'same';
      await tx.update('topic_votes', _id, { optionId: v.optionId, at: v.at });
      return 'changed';
    });
  }
  async myVote(topicId: string, openid: string): Promise<string | null> {
    const d = await this.cb.getDoc('topic_votes', pairId(topicId, openid), { optionId: true });
    return d ? String(d.optionId) : null;
  }
  async tally(topicId: string): Promise<{ turnout: number; counts: Record<string, number> }> {
    const rows = await this.cb.aggregate('topic_votes', [{ $match: { topicId } }, { $group: { _id: '$optionId', n: { $sum: 1 } } }]);
    const counts = Object.fromEntries(rows.map((r) => [String(r._id), Number(r.n)]));
    return { turnout: Object.values(counts).reduce((s, n) => s + n, 0), counts };
  }
  async getPlace(openid: string): Promise<ResidentPlace | null> {
    const d = await this.cb.getDoc('resident_places', openid);
    return d ? toPlace(d) : null;
  }
  async setPlace(p: ResidentPlace): Promise<void> {
    await this.cb.transaction((tx) => tx.set('resident_places', { _id: p.openid, placeId: p.placeId, townId: p.townId, setAt: p.setAt }));
  }
  async residentsOf(placeIds: string[]): Promise<string[]> {
    if (placeIds.length === 0) return [];
    const docs = await this.cb.readAll('resident_places', { placeId: placeIds.length === 1 ? placeIds[0] : this.cb._.in(placeIds) }, { _id: true });
    return docs.map((d) => d._id).sort();
  }
  /** Each vote and support moves in its own transaction (a new `_id` under the tombstone, the old removed). */
  async forget(openid: string, tombstone: string): Promise<void> {
    for (const coll of ['topic_votes', 'topic_supports'] as const) {
      for (const d of await this.cb.readAll(coll, { openid })) {
        const topicId = String(d.topicId);
        const { _id, ...rest } = d;
        await this.cb.transaction(async (tx) => {
          if (!(await tx.get(coll, pairId(topicId, tombstone)))) await tx.create(coll, { ...rest, _id: pairId(topicId, tombstone), openid: tombstone });
          await tx.remove(coll, _id);
        });
      }
    }
    await this.cb.updateWhere('topic_comments', { authorOpenid: openid }, { authorOpenid: tombstone, authorName: '' });
    await this.cb.updateWhere('topics', { authorOpenid: openid }, { authorOpenid: tombstone, authorName: '' });
    await this.cb.removeWhere('resident_places', { _id: openid });
  }
  async listResidents(placeIds: string[], limit: number): Promise<ResidentPlace[]> {
    if (placeIds.length === 0) return [];
    const docs = await this.cb.find('resident_places', { placeId: placeIds.length === 1 ? placeIds[0] : this.cb._.in(placeIds) }, [['_id', 'asc']], limit);
    return docs.map(toPlace);
  }
  async setVerification(openid: string, placeId: string, verified: ResidentVerification | null): Promise<boolean> {
    return (await this.cb.updateAndReturn('resident_places', { _id: openid, placeId }, { verified, verifyRequestedAt: null })) !== null;
  }
  async requestVerification(openid: string, placeId: string, at: string): Promise<boolean> {
    return (await this.cb.updateAndReturn('resident_places', { _id: openid, placeId }, { verifyRequestedAt: at })) !== null;
  }
  async townSupports(townId: string): Promise<number | null> {
    const d = await this.cb.getDoc('topic_settings', townId);
    return typeof d?.supportsNeeded === 'number' ? d.supportsNeeded : null;
  }
  async setTownSupports(townId: string, supportsNeeded: number, at: string): Promise<void> {
    await this.cb.transaction((tx) => tx.set('topic_settings', { _id: townId, supportsNeeded, updatedAt: at }));
  }
  async personData(openid: string) {
    const [topics, comments, votes, supports] = await Promise.all([
      this.cb.readAll('topics', { authorOpenid: openid }),
      this.cb.readAll('topic_comments', { authorOpenid: openid }),
      this.cb.readAll('topic_votes', { openid }),
      this.cb.readAll('topic_supports', { openid }),
    ]);
    // Oldest first, then by id (the topic's for votes and supports), as the SQLite store answers.
    const byAt = <T extends { at: string }>(xs: T[], key: (x: T) => string) => xs.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return {
      topics: topics.map(toTopic),
      comments: byAt(comments.map(toComment), (c) => c.id),
      votes: byAt(votes.map(toVote), (v) => v.topicId),
      supports: byAt(supports.map((d) => ({ topicId: String(d.topicId), at: String(d.at) })), (x) => x.topicId),
    };
  }
  async heldTopics(townIds: string[] | null, limit: number): Promise<Topic[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const docs = await this.cb.find('topics', { moderation: 'held', ...(townIds === null ? {} : { townId: this.cb._.in(townIds) }) }, [['_id', 'asc']], limit);
    return docs.map(toTopic);
  }
  async heldComments(townIds: string[] | null, limit: number): Promise<TopicComment[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const docs = await this.cb.find('topic_comments', { moderation: 'held', ...(townIds === null ? {} : { townId: this.cb._.in(townIds) }) }, [['_id', 'asc']], limit);
    return docs.map(toComment);
  }
  async getComment(id: string): Promise<TopicComment | null> {
    const d = await this.cb.getDoc('topic_comments', id);
    return d ? toComment(d) : null;
  }
  async setCommentModeration(id: string, from: TopicComment['moderation'], to: TopicComment['moderation'], townIds: string[] | null): Promise<boolean> {
    if (townIds !== null && townIds.length === 0) return false;
    return this.cb.conditionalUpdate('topic_comments', { _id: id, moderation: from, ...(townIds === null ? {} : { townId: this.cb._.in(townIds) }) }, { moderation: to });
  }
  async heldCommittee(townIds: string[] | null, limit: number): Promise<Topic[]> {
    if (townIds !== null && townIds.length === 0) return [];
    const docs = await this.cb.find('topics', { committeeHeld: true, ...(townIds === null ? {} : { townId: this.cb._.in(townIds) }) }, [['_id', 'asc']], limit);
    return docs.map(toTopic);
  }
}
