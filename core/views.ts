import type { ApiClientRecord } from './api-client-model';
import type { BoundaryPreview, NodeSaved, TownEntry } from './grid-admin-views';
import type { TopicOutputs } from './topic-views';
import type { MyYishiData } from './topic-privacy';
import type { ActionView, ConcernActionView } from './action-views';
import type { CalendarYear } from './calendar';
import type { RatesWithVolunteers } from './action-stats';
import type { MyPoints, PointsSettingsView, RedemptionView, RewardList } from './points-service';
import type { Reward } from './points-model';
import type { GridTreeNode } from './grid';
import type { HoursNote } from './hours';
import type { RateTally } from './ports';
import type { AuditEntry, Feedback, Category, ConcernEvent, ConcernMessage, ConcernRating, ConcernSource, ConcernStatus, FirstResponse, InboxMessage, LatLng, NodeKind, Role, RouteDecision, Moderation } from './model';
import type { ReportedItemKind, ReportOutcome, ReportReason } from './report-model';
import type { AdminTeamView, RosterChangeView, RosterRemoval, RosterView, TeamArchiveResult } from './roster-views';
import type { TownSettingsView } from './town-settings-service';
import type { CategoryListView } from './category-service';
import type { AdminAttention } from './admin-attention';
import type { HoursAudit, MemberStatus, SignUpStatus, TeamKind, VolunteerEvent } from './volunteer-model';
import type { GridMapView } from './grid-map';

/**
 * What a piece of held text is: a concern's description, a message of its thread, an event's texts, an
 * event's cancellation reason, a team application's note, a leader's reason for correcting hours, or a
 * photo attached to a concern or a message of its thread.
 */
export type HeldKind = 'concern' | 'message' | 'event' | 'cancelReason' | 'application' | 'hoursReason' | 'photo' | ReportedItemKind | 'topic' | 'topicComment' | 'topicAnswer' | 'topicDecision' | 'topicMinutes';

/** One piece of held user text as the moderator sees it, oldest first in `moderation/list`. */
export interface ModerationItem {
  kind: HeldKind;
  /** The id to pass to `moderation/decide` with this kind. */
  id: string;
  /** The held text; for an event its title, place and description, one per line; empty for a photo. */
  text: string;
  /** For a photo: a display URL the moderator opens (temporary in production). */
  photoUrl?: string;
  at: string;
  townId: string;
  /** What the text belongs to, so the moderator can open it. */
  subject: { kind: 'concern' | 'event' | 'team' | 'topic'; id: string };
  /** For a reported (举报) published text: how many people reported it, and their reasons. */
  reports?: { count: number; reasons: ReportReason[] };
}

/** An audit entry as the admin reads it: with the name of the node or office the actor serves. */
export interface AuditEntryView extends AuditEntry {
  nodeName: string | null;
  /** What the entry acted on, named for people (issue 16, item 8): a concern by its category, never a bare id. */
  target: AuditTargetView | null;
}

/** An audit entry's object as 操作记录 shows it; null when it is nothing a person could open or name. */
export type AuditTargetView =
  | { kind: 'concern'; id: string; categoryName: string }
  | { kind: 'event' | 'team'; id: string }
  | { kind: 'person'; name: string }
  | { kind: 'year'; year: number };

/** A person 操作记录 can be filtered by: the staff and admins of the admin's towns. */
export interface AuditPersonView {
  openid: string;
  name: string;
}

export interface Profile {
  openid: string;
  name: string;
  role: Role;
  /** For a leader: the village or cooperative of the team they lead. */
  nodeId: string | null;
  nodeName: string | null;
  /** Present for leaders only: the team they lead. */
  teamId?: string;
  /** Where the mini program uploads this person's photos (`uploadFolder`, core/photos.ts; never the openid). */
  photoFolder: string;
  /** The subscribe-message template ids the server sends with (issue 15); absent where none are configured. */
  subscribeTemplates?: SubscribeTemplateIds;
}

/** Which templates the mini program asks WeChat for: a resident's (their concern's progress), staff's (to-dos, overdue). */
export interface SubscribeTemplateIds {
  resident: string[];
  staff: string[];
}

export interface TeamSummary {
  id: string;
  name: string;
  kind: TeamKind;
  nodeId: string;
  /** e.g. `西城社区 · 大果经济社`. */
  placeName: string;
  description: string;
  memberCount: number;
  /** The caller's standing, or null when they never applied. */
  myStatus: MemberStatus | null;
  /** True when the caller leads this team. */
  iLead: boolean;
  /** When the town's admin archived the team (issue 19); null while it is active. */
  archivedAt: string | null;
}

/** A member as others see them: people are named, not identified by openid. */
export interface MemberView {
  /** The membership id, for the leader's review and badge actions; `member-N` (its place in the list) for anyone else. */
  id: string;
  name: string;
  status: MemberStatus;
  /** 党员: shown to the team's leaders only; null for anyone else. */
  partyMember: boolean | null;
  appliedAt: string;
  /** The applicant's note, for the team's leaders only (a placeholder while held); null for others or none. */
  note: string | null;
}

/** An event as lists show it: the stored event's public fields, with the team's name and the caller's place. */
export interface EventSummary
  extends Pick<VolunteerEvent, 'id' | 'teamId' | 'title' | 'place' | 'startAt' | 'endAt' | 'signupDeadline' | 'capacity' | 'waitlist' | 'openTo' | 'status' | 'moderation' | 'signedCount' | 'waitlistCount'> {
  teamName: string;
  /** The caller's place, or null. */
  myStatus: SignUpStatus | null;
  /** Minutes the leader confirmed for the caller, or null. */
  myConfirmedMinutes: number | null;
}

export interface TeamDetail extends TeamSummary {
  leaderNames: string[];
  /** Members (and, for the leader, applications of every status). */
  members: MemberView[];
  events: EventSummary[];
}

export interface EventDetail extends EventSummary {
  description: string;
  /** The reason as the caller may see it (a placeholder while held, to all but leaders and moderators). */
  cancelReason: string | null;
  cancelModeration: VolunteerEvent['cancelModeration'];
  iLead: boolean;
  /** 1-based place in the waitlist when the caller is waiting. */
  myPosition: number | null;
  myCheckInAt: string | null;
  myCheckOutAt: string | null;
  /** Why the caller cannot sign up now (an error code), or null when they can. */
  signupBlocked: string | null;
  /** The caller's standing in the event's team (null: never applied), so a pending application is not told to apply (issue 17). */
  myMembership: MemberStatus | null;
  /** The text of the event's check-in QR code for this minute: the leader's view only (refresh with event/checkinCode). */
  checkinQr: string | null;
  /** When that code is replaced by the next one (it is still accepted one minute more). */
  checkinQrExpiresAt: string | null;
  /** When a check-in is first accepted (start minus the configured margin). */
  checkinOpensAt: string;
  /** Issue 16: check-in or check-out is accepted now; the scan buttons show only then. */
  checkinOpen: boolean;
}

export interface SignUpResult {
  status: SignUpStatus;
  /** 1-based place in the waitlist, when waitlisted. */
  position: number | null;
}

export interface ScanResult {
  eventId: string;
  eventTitle: string;
  personName: string;
  action: 'checked_in' | 'checked_out' | 'already_done';
  checkInAt: string | null;
  checkOutAt: string | null;
}

export interface AttendanceRow {
  signUpId: string;
  name: string;
  partyMember: boolean;
  status: SignUpStatus;
  checkInAt: string | null;
  checkOutAt: string | null;
  computedMinutes: number;
  note: HoursNote;
  confirmedMinutes: number | null;
}

/** An hours audit entry as leaders read it: the stored entry's fields, with the person's name. */
export interface HoursAuditView extends Pick<HoursAudit, 'id' | 'signUpId' | 'actorName' | 'at' | 'computedMinutes' | 'fromMinutes' | 'toMinutes' | 'reasonModeration'> {
  personName: string;
  /** As the caller may see it: a placeholder while held, to every leader but its author. */
  reason: string | null;
}

export interface AttendanceView {
  event: EventSummary;
  ended: boolean;
  /** Issue 16: check-in or check-out is accepted now (from the margin before the start to the margin after the end). */
  checkinOpen: boolean;
  rows: AttendanceRow[];
  audit: HoursAuditView[];
}

/** A signed code that changes every minute (core/codes.ts): the QR text and when the next one replaces it. */
export interface CodeView {
  qr: string;
  expiresAt: string;
}

export interface MyVolunteer {
  /** Text of the caller's personal QR code for this minute, which a leader scans to check them in or out. */
  personalQr: string;
  personalQrExpiresAt: string;
  teams: TeamSummary[];
  upcoming: EventSummary[];
  history: EventSummary[];
  totalConfirmedMinutes: number;
}

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

/** The concern a message is about, as the 消息 list names it (core/message-labels.ts). */
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

export interface BoundaryImportView {
  gridVersion: number;
  nodesCreated: number;
  /** The nodes the import created, with the ids the server gave them (`ref`: the file's reference, if any). */
  created: Array<{ line: number; ref: string | null; id: string; name: string }>;
  boundaries: number;
}

/** `roster/import` and `roster/previewImport`: the rows of the file, and what they change (issue 19). */
export interface RosterImportView {
  staff: number;
  pending: number;
  /** The file was taken as the whole roster: `removed` lists who it takes off. */
  whole: boolean;
  added: RosterChangeView[];
  changed: RosterChangeView[];
  removed: RosterChangeView[];
}

/** Everything the app stores about the caller, as `me/export` hands it over. */
export interface MyDataExport {
  exportedAt: string;
  profile: Profile;
  account: { name: string; phone: string | null; createdAt: string | null };
  /** Issue 16: what they left on 我的 for the committee (null: never asked). */
  contact: { phone: string | null; answeredAt: string; consentedAt: string | null } | null;
  concerns: ConcernDetail[];
  messages: InboxMessage[];
  volunteer: MyVolunteer;
  /** Every team application the person made, with what they wrote (held notes included: they are theirs). */
  applications: Array<{ teamId: string; teamName: string; status: MemberStatus; appliedAt: string; decidedAt: string | null; note: string | null }>;
  /** 街坊议事 (issue 21): the stated place, the topics and comments they wrote, their votes and supports. */
  yishi: MyYishiData;
  /** 积分制 (issue 20, h20c): balances, the whole points ledger and every redemption. */
  points: MyPoints;
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

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A generated file carried in JSON: the mini program saves it (weapp) or downloads it (H5). */
export interface ExportFile {
  filename: string;
  mime: string;
  base64: string;
  /** Data rows in the file (the header not counted). */
  rows: number;
}

/** What a hotline CSV import stored: per ticket, its concern and whether it is new (a re-import skips known tickets). */
export interface HotlineImportView {
  created: number;
  existing: number;
  items: Array<{ ticket: string; id: string; created: boolean }>;
}

/** Every action's output; the 街坊议事 (yishi) actions' come from core/topic-views.ts. */
export interface Outputs extends TopicOutputs {
  'me/profile': Profile;
  'me/export': MyDataExport;
  'me/delete': { deleted: true };
  'grid/tree': { nodes: GridTreeNode[] };
  'grid/locate': LocateView;
  'grid/importBoundaries': BoundaryImportView;
  'roster/import': RosterImportView;
  'category/list': CategoryListView;
  'concern/submit': ConcernDetail;
  'concern/listMine': Page<ConcernSummary>;
  'concern/get': ConcernDetail;
  'concern/inbox': Page<ConcernSummary>;
  'concern/inboxCounts': InboxCounts;
  'board/list': { enabled: boolean; items: PublicConcern[] };
  'board/get': PublicConcern;
  'concern/similar': { items: PublicConcern[] };
  'concern/plusOne': { id: string; plusOnes: number; plusOned: true };
  'town/replyTemplates': { townId: string; templates: Record<string, string[]> };
  'town/setReplyTemplates': { townId: string; templates: Record<string, string[]> };
  'concern/accept': ConcernDetail;
  'concern/reply': ConcernDetail;
  'concern/resolve': ConcernDetail;
  'concern/rate': ConcernDetail;
  'concern/dispatch': ConcernDetail;
  'concern/transfer': ConcernDetail;
  'concern/return': ConcernDetail;
  'concern/escalate': ConcernDetail;
  'stats/rates': RatesWithVolunteers;
  'message/list': Page<InboxMessage & { concern: MessageConcern | null }> & { unread: number };
  'message/markRead': { changed: number; unread: number };
  'audit/list': Page<AuditEntryView> & { people: AuditPersonView[] };
  'feedback/submit': { id: string };
  'feedback/list': Page<Feedback>;
  'moderation/list': { items: ModerationItem[] };
  'moderation/decide': { decided: true };
  'moderation/report': { status: ReportOutcome };
  'volunteer/mine': MyVolunteer;
  'volunteer/code': CodeView;
  'event/checkinCode': CodeView;
  'team/list': { items: TeamSummary[] };
  'team/get': TeamDetail & { actions: ActionView[] };
  'team/apply': TeamSummary;
  'team/review': MemberView;
  'team/leave': TeamSummary;
  'team/setPartyMember': MemberView;
  'event/create': EventDetail & { action: ActionView | null };
  'event/get': EventDetail & { action: ActionView | null };
  'event/signup': SignUpResult;
  'event/cancel': { status: SignUpStatus | null; promoted: boolean };
  'event/cancelEvent': { notified: number };
  'event/scan': ScanResult;
  'event/scanPerson': ScanResult;
  'event/attendance': AttendanceView;
  'event/confirmHours': AttendanceView;
  'event/exportCsv': { filename: string; csv: string };
  'concern/importHotline': HotlineImportView;
  'export/concerns': ExportFile;
  'export/rates': ExportFile;
  'calendar/list': CalendarView;
  'calendar/save': CalendarView;
  // Volunteer actions (issue 20).
  'concern/startAction': ActionView;
  'event/recordResult': ActionView;
  'concern/resolveFromAction': ActionView;
  // Points (issue 20).
  'points/mine': MyPoints;
  'reward/list': RewardList;
  'reward/save': Reward;
  'reward/redeem': RedemptionView;
  'reward/handOver': RedemptionView;
  'reward/reverse': RedemptionView;
  'village/savePointsSettings': PointsSettingsView;
  // Issue 16 (staff daily use): the resident's contact.
  'me/contact': ContactView;
  'me/setContact': ContactView;
  'event/markAttendance': ScanResult;
  // Admin (issue 19).
  'roster/list': RosterView;
  'roster/save': RosterView;
  'roster/remove': RosterRemoval;
  'category/save': { items: Category[] };
  'town/saveSettings': TownSettingsView;
  'team/create': AdminTeamView;
  'team/saveLeaders': AdminTeamView;
  // Residents following up (#17).
  'concern/withdraw': ConcernDetail;
  'concern/chase': ConcernDetail;
  // Admin (issue 19): Open311 clients; the key is answered once, by create.
  'apiClient/create': { client: ApiClientRecord; key: string };
  'apiClient/list': { items: ApiClientRecord[] };
  'apiClient/revoke': ApiClientRecord;
  // Residents report on a map (#17).
  'grid/map': GridMapView;
  // Admin (issue 19): the grid editor and the district's towns.
  'node/save': NodeSaved;
  'node/retire': NodeSaved;
  'grid/previewBoundaries': BoundaryPreview;
  'town/list': { items: TownEntry[] };
  'town/save': NodeSaved;
  'town/saveAdmins': TownEntry;
  // Admin (issue 19): archiving a volunteer team.
  'team/archive': TeamArchiveResult;
  // Admin (issue 19): a town's settings.
  'town/settings': TownSettingsView;
  // Issue 20, item 3 (h20b): the concern a leader's flag became.
  'event/flagPlace': ConcernDetail;
  // Points (issue 20, h20p): 积分核销's latest redemptions of a place.
  'reward/recent': { items: RedemptionView[] };
  'roster/previewImport': RosterImportView;
  'admin/attention': AdminAttention;
  // Issue 17, item 5: null when the resident stated no place (home then invites them to).
  'event/upcoming': { placeId: string | null; items: EventSummary[] };
  // Points (issue 20, h20c): a town's rates.
  'town/pointsSettings': PointsSettingsView;
}

// Issue 16 (staff daily use): the resident's contact, as `me/contact` and `me/setContact` answer it.
export interface ContactView {
  name: string;
  phone: string | null;
  /** The resident answered (saved or skipped): the app does not ask again. */
  answered: boolean;
  consentedAt: string | null;
  /** Staff take their name and phone from the town's roster: nothing to set here. */
  editable: boolean;
}
