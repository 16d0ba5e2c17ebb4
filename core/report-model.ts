/**
 * 举报: a person reports a piece of published text (a concern's description, a message of its thread)
 * for the town's moderators. A report never hides anything by itself: the text stays as it is until a
 * moderator keeps it (保留) or takes it down (下架, the text becomes `rejected`: kept, shown only to its
 * author, the concern's handlers and the moderators).
 */

/** Why a person reports a text; a fixed list, so a report carries no free text to check in turn. */
export const REPORT_REASONS = ['ad', 'abuse', 'privacy', 'false', 'illegal', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What can be reported. */
export type ReportedKind = 'concern' | 'message';

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
  /**
   * Closes the open reports of one item in these towns (all when null): ONE conditional update from
   * `open` to `to`; answers how many it closed (0: none open there, decided already or another town's).
   */
  close(kind: ReportedKind, itemId: string, to: 'kept' | 'removed', at: string, townIds: string[] | null): Promise<number>;
}
