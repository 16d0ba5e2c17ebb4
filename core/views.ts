import type { RatesWithVolunteers } from './action-stats';
import type { ActionView } from './action-views';
import type { AdminAttention } from './admin-attention';
import type { ApiClientRecord } from './api-client-model';
import type { CategoryListView } from './category-service';
import type { GridTreeNode } from './grid';
import type { BoundaryPreview, NodeSaved, TownEntry } from './grid-admin-views';
import type { GridMapView } from './grid-map';
import type { Category, Feedback, InboxMessage } from './model';
import type { CalendarView, ConcernDetail, ConcernSummary, HotlineImportView, InboxCounts, LocateView, MessageConcern, PublicConcern } from './outputs/concerns';
import type { AuditEntryView, AuditPersonView, BoundaryImportView, Profile, RosterImportView } from './outputs/directory';
import type { ModerationItem } from './outputs/trust';
import type { AttendanceView, CodeView, EventDetail, EventSummary, MemberView, MyVolunteer, ScanResult, SignUpResult, TeamDetail, TeamSummary } from './outputs/volunteers';
import type { Reward } from './points-model';
import type { MyPoints, PointsSettingsView, RedemptionView, RewardList } from './points-service';
import type { ReportOutcome } from './report-model';
import type { AdminTeamView, RosterRemoval, RosterView, TeamArchiveResult } from './roster-views';
import type { MyYishiData } from './topic-privacy';
import type { TopicOutputs } from './topic-views';
import type { TownSettingsView } from './town-settings-service';
import type { MemberStatus, SignUpStatus } from './volunteer-model';

export * from './outputs/trust';
export * from './outputs/directory';
export * from './outputs/volunteers';
export * from './outputs/concerns';

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
