/**
 * Views of concerns: routes, clocks, summaries and details, rates, the inbox and hotline imports (re-exported by core/views.ts).
 */
import type { ConcernActionView } from '../volunteers/action-views';
import type { CalendarYear } from '../directory/calendar';
import type { ConcernEvent, ConcernMessage, ConcernRating, ConcernSource, ConcernStatus, FirstResponse, LatLng, Moderation, NodeKind, RouteDecision } from '../model';
import type { RateTally } from '../ports';

export interface RouteView extends RouteDecision {
  townName: string;
  villageName: string | null;
  cooperativeName: string | null;
  gridName: string | null;
  coOfficeName: string | null;
}

/** The concern's clocks as shown: due times of this round and whether it is (or was) overdue. */
/** One year's lists as admins see them: who saved it by name, not by openid. */
export type CalendarYearView = Omit<CalendarYear, 'savedBy'> & {
  /** The admin's name; null for the built-in lists. */
  savedByName: string | null;
};

export interface CalendarView {
  /** Every year that has a list, oldest first. */
  years: CalendarYearView[];
  /**
   * Years that need a list now and have none (this year, and from December 1 the next one): concerns
   * clocked into them count weekends only, until a district admin enters the year.
   */
  missing: number[];
  /** Whether this caller may enter lists (district admins). */
  canEdit: boolean;
}

export interface SlaView {
  round: number;
  ackDueAt: string | null;
  resolveDueAt: string | null;
  /** The deadline an open concern is sorted by (acknowledge, then resolve); null once resolved. */
  dueAt: string | null;
  ackedAt: string | null;
  resolvedAt: string | null;
  /** A clock was missed, or the current deadline has passed. */
  overdue: boolean;
  firstResponse: FirstResponse;
  /** Years the clocks ran through without a holiday list (deadlines counted on weekends only); empty when complete. */
  calendarGaps: number[];
}

export interface ConcernSummary {
  id: string;
  category: string;
  categoryName: string;
  /** The description, or a placeholder while it is held for review (its author and moderators see it). */
  description: string;
  moderation: Moderation;
  status: ConcernStatus;
  placeId: string;
  placeName: string;
  createdAt: string;
  updatedAt: string;
  route: RouteView;
  sla: SlaView;
  rating: ConcernRating | null;
  /** How many photos the report carries, and a display URL of the first (a thumbnail in lists). */
  photoCount: number;
  thumbUrl: string | null;
  /**
   * True for staff whose node held the concern and passed it on (转派, 上报, 退回) and who no longer handle
   * it: they see it read-only, with `route` telling where it is now and `status` how it stands.
   */
  passedOn: boolean;
}

/** A concern as the public board shows it: no reporter, no photos, no location, text scrubbed of phones and names. */
export interface PublicConcern {
  id: string;
  category: string;
  categoryName: string;
  placeName: string;
  status: ConcernStatus;
  open: boolean;
  createdAt: string;
  resolvedAt: string | null;
  description: string;
  /** The last answer of the handlers (办结答复), scrubbed. */
  finalReply: string | null;
  plusOnes: number;
  /** True when the caller gave a "+1". */
  plusOned: boolean;
  /** True when the caller reported it: nobody "+1"s their own concern. */
  mine: boolean;
}

/** The concern a message is about, as the 消息 list names it (core/directory/message-labels.ts). */
export interface MessageConcern {
  id: string;
  categoryName: string;
  placeName: string;
  text: string;
  status: ConcernStatus;
}

/** A thread message with display URLs of its photos (`photos` stays the stored file ids). */
export type ConcernMessageView = ConcernMessage & { photoUrls: string[] };

/** What the caller may do next on a concern; the UI shows exactly these buttons. */
export type ConcernMove = 'accept' | 'reply' | 'resolve' | 'rate' | 'dispatch' | 'transfer' | 'return' | 'escalate' | 'withdraw' | 'chase';

/** One row of the dashboard: counts and rates of concerns created in one month under one node. */
export interface RateRow extends RateTally {
  month: string;
  /** The node (or office) counted; `direct` rows count concerns handled at the viewer's own level. */
  nodeId: string;
  name: string;
  kind: NodeKind | 'office' | 'direct';
  /** 响应率: accepted within the acknowledge clock, of those decided; null without data. */
  responseRate: number | null;
  /** 解决率: resolved or closed, of all. */
  resolveRate: number | null;
  /** 满意率: 满意 or 基本满意, of those rated. */
  satisfactionRate: number | null;
  /**
   * 转出: concerns of the month this node worked on and passed on (转派, 上报, 退回); they count in `total`
   * where they are now, and here for the node that did that work. 0 for offices and `direct` rows.
   */
  passedOn: number;
}

export interface RatesView {
  node: { id: string; name: string; kind: NodeKind | 'office' };
  /** Newest first. */
  months: string[];
  /** Per month: the viewer's node first (all below it), then each child that has concerns. */
  rows: RateRow[];
}

export interface ConcernDetail extends ConcernSummary {
  location: LatLng | null;
  photos: string[];
  /** Display URLs of the report's photos, in order (files that no longer exist are left out). */
  photoUrls: string[];
  /** How many of the caller's own photos here others do not see: held by the image check, or rejected. */
  myHiddenPhotos: number;
  reporterName: string;
  /** In full for the reporter and the concern's handlers; masked (139****0001) for anyone else who may see the concern. */
  reporterPhone: string | null;
  /** True when the caller is the reporter. */
  mine: boolean;
  moves: ConcernMove[];
  /** The volunteer action that took the concern on, if any (issue 20): the team, never a volunteer. */
  volunteerAction: ConcernActionView | null;
  /** The reporter's 催办 is not open yet (too early, or done today): from when it is. Null otherwise. */
  chaseFrom: string | null;
  timeline: ConcernEvent[];
  thread: ConcernMessageView[];
  /** Issue 16: `location` in GCJ-02, the system WeChat's map and openLocation draw in (null without a location). */
  mapPoint: LatLng | null;
  /** Where it came from (issue 20, item 3): `team` when a volunteer team's leader flagged it in the field (志愿服务队发现). */
  source: ConcernSource;
}

/** Where a point goes, shown to the resident before submitting. */
export interface LocateView {
  /** The point in WGS-84 (converted when the input was GCJ-02). */
  location: LatLng;
  /**
   * grid: inside a grid; town: inside a town but no grid (the town's dispatcher decides);
   * outside: outside every town of the deployment (a report there is refused); unknown: no boundary tells.
   */
  result: 'grid' | 'town' | 'outside' | 'unknown';
  townId: string | null;
  townName: string | null;
  villageId: string | null;
  villageName: string | null;
  cooperativeId: string | null;
  cooperativeName: string | null;
  gridId: string | null;
  gridName: string | null;
  /** Every grid whose boundary holds the point, by id; more than one means it lies on a shared border. */
  candidates: string[];
}


/** Workbench filters of the open inbox: 今天到期, 已超期, 待签收 (schemas.ts INBOX_FILTERS lists the same). */
export type InboxFilter = 'dueToday' | 'overdue' | 'toAccept' | 'toDispatch';

/**
 * The caller's open inbox in numbers (the same scope as `concern/inbox`). A concern may count in more
 * than one: one missed earlier and due again today is both overdue and due today.
 */
export interface InboxCounts {
  /** Current deadline later today (Beijing time), not yet passed. */
  dueToday: number;
  /** Current deadline passed, or a clock of it was missed (SlaView.overdue). */
  overdue: number;
  /** Waiting for 签收 (status assigned). */
  toAccept: number;
  /** Waiting in the town's 派单 queue (status dispatching); null for anyone but the town's dispatchers. */
  toDispatch: number | null;
}


/** What a hotline CSV import stored: per ticket, its concern and whether it is new (a re-import skips known tickets). */
export interface HotlineImportView {
  created: number;
  existing: number;
  items: Array<{ ticket: string; id: string; created: boolean }>;
}
