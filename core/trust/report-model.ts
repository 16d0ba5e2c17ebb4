/**
 * 举报: a person reports a piece of published text (a concern's description, a message of its thread)
 * for the town's moderators. A report never hides anything by itself: the text stays as it is until a
 * moderator keeps it (保留) or takes it down (下架, the text becomes `rejected`: kept, shown only to its
 * author, the concern's handlers and the moderators).
 */

/** Why a person reports a text; a fixed list, so a report carries no free text to check in turn. */
export const REPORT_REASONS = ['ad', 'abuse', 'privacy', 'false', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What a report did: stored; this person reported the item before; or the text already waits for review. */
export type ReportOutcome = 'reported' | 'already' | 'under_review';

/** What can be reported: a concern's description, a thread message, a volunteer event's texts (issue 15). */
export type ReportedKind = 'concern' | 'message' | 'event' | 'topicComment';
/** A reported text as an item of 内容审核 (`moderation/list`, `moderation/decide`). */
export type ReportedItemKind = 'reportedConcern' | 'reportedMessage' | 'reportedEvent' | 'reportedTopicComment';

export interface ContentReport {
  id: string;
  kind: ReportedKind;
  /** The concern's id, the message's, or the event's. */
  itemId: string;
  /** The concern the text belongs to; for an event, the event's own id; for a topic comment, its topic's. */
  concernId: string;
  townId: string;
  reporterOpenid: string;
  reason: ReportReason;
  at: string;
  /** open until a moderator decides the item: kept (保留) or removed (下架). */
  status: 'open' | 'kept' | 'removed';
  decidedAt: string | null;
}
