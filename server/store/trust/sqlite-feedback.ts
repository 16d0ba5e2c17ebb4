import type Database from 'better-sqlite3';
import type { Feedback } from '../../../core/model';
import type { FeedbackRepo, PageQuery } from '../../../core/ports';
import type { Page } from '../../../core/views';
import { keysetPage } from '../../sqlite-paging';

type Row = Record<string, unknown>;

function toFeedback(r: Row): Feedback {
  return {
    id: r.id as string,
    authorOpenid: r.author_openid as string,
    text: r.text as string,
    contact: (r.contact as string | null) ?? null,
    townId: (r.town_id as string | null) ?? null,
    createdAt: r.created_at as string,
    moderation: r.moderation as Feedback['moderation'],
  };
}

export class SqliteFeedback implements FeedbackRepo {
  private readonly insert;
  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO feedback (id, author_openid, text, contact, town_id, created_at, moderation) VALUES (@id, @authorOpenid, @text, @contact, @townId, @createdAt, @moderation)`);
  }
  async add(f: Feedback): Promise<void> {
    this.insert.run(f);
  }
  async list(townIds: string[] | null, page: PageQuery): Promise<Page<Feedback>> {
    if (townIds === null) return keysetPage(this.db, 'feedback', '1 = 1', [], page, toFeedback);
    if (townIds.length === 0) return { items: [], nextCursor: null };
    return keysetPage(this.db, 'feedback', `town_id IN (${townIds.map(() => '?').join(',')})`, townIds, page, toFeedback);
  }
}
