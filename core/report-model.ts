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

/** What can be reported. */
export type ReportedKind = 'concern' | 'message';
/** A reported text as an item of 内容审核 (`moderation/list`, `moderation/decide`). */
export type ReportedItemKind = 'reportedConcern' | 'reportedMessage';

export interface ContentReport {
  id: string;
  kind: ReportedKind;
  /** The concern's id, or the message's. */
  itemId: string;
  concernId: string;
  townId: string;
  reporterOpenid: string;
  reason: ReportReason;
  at: string;
  /** open until a moderator decides the item: kept (保留) or removed (下架). */
  status: 'open' | 'kept' | 'removed';
  decidedAt: string | null;
}

export interface ContentReportRepo {
  /**
   * Stores a report unless this person already reported this item (whatever its status): ONE insert that
   * is a no-op on the (kind, item, reporter) key. True when stored.
   */
  add(r: ContentReport): Promise<boolean>;
  /** Open reports of items in these towns (all when null), oldest first, at most `limit`. */
  open(townIds: string[] | null, limit: number): Promise<ContentReport[]>;
  /** Whether an open report of this item exists in these towns (all when null). */
  isOpen(kind: ReportedKind, itemId: string, townIds: string[] | null): Promise<boolean>;
  /**
   * Closes the open reports of one item in these towns (all when null): ONE conditional update from
   * `open` to `to`; answers how many it closed (0: none open there, decided already or another town's).
   */
  close(kind: ReportedKind, itemId: string, to: 'kept' | 'removed', at: string, townIds: string[] | null): Promise<number>;
}
