import type { Feedback } from '../../../core/model';
import type { FeedbackRepo, PageQuery } from '../../../core/ports';
import type { Page } from '../../../core/views';
import type { CloudbaseDb, StoredDoc } from '../../cloudbase/db';

function toFeedback(d: StoredDoc): Feedback {
  return {
    id: d._id,
    authorOpenid: String(d.authorOpenid),
    text: String(d.text),
    contact: d.contact === null || d.contact === undefined ? null : `${d.contact as string}`,
    // Feedback written before it had a town carries none: the district's.
    townId: typeof d.townId === 'string' ? d.townId : null,
    createdAt: String(d.createdAt),
    moderation: d.moderation as Feedback['moderation'],
  };
}

/** Feedback about the app (`feedback`, `_id` its id): one insert each, read newest first on (createdAt, _id), of a town on (townId, createdAt, _id). */
export class CloudbaseFeedback implements FeedbackRepo {
  constructor(private readonly cb: CloudbaseDb) {}

  async add(f: Feedback): Promise<void> {
    const { id, ...rest } = f;
    await this.cb.add('feedback', { _id: id, ...rest });
  }
  async list(townIds: string[] | null, page: PageQuery): Promise<Page<Feedback>> {
    if (townIds !== null && townIds.length === 0) return { items: [], nextCursor: null };
    const filter = townIds === null ? {} : { townId: townIds.length === 1 ? townIds[0] : this.cb._.in(townIds) };
    return this.cb.page('feedback', filter, page, toFeedback);
  }
}
