/**
 * Who may call each action, and which actions write. One table for the whole API: the router checks
 * it before any handler runs; object-level rules (is this caller the reporter or a handler of this
 * concern?) live in access.ts. An action missing here does not compile.
 */
import type { ActionName } from './actions';
import type { Role } from './model';

export interface ActionRule {
  roles: readonly Role[];
  /** Writes are rate-limited per caller and, for staff and admins, audited. */
  write: boolean;
  /** A stricter, action-specific budget on top of the write budget. */
  budget?: 'submit';
}

export const ALL_ROLES: readonly Role[] = ['resident', 'staff', 'office', 'admin'];
const EVERYONE = ALL_ROLES;
const WORKERS: readonly Role[] = ['staff', 'office', 'admin'];
const HANDLERS: readonly Role[] = ['staff', 'office'];

export const ACTION_POLICY: Readonly<Record<ActionName, ActionRule>> = {
  'me/profile': { roles: EVERYONE, write: false },
  'me/export': { roles: EVERYONE, write: false },
  // Staff accounts belong to the town's roster; privacy-service refuses them with a clear code.
  'me/delete': { roles: EVERYONE, write: true },
  'grid/tree': { roles: EVERYONE, write: false },
  'grid/locate': { roles: EVERYONE, write: false },
  'grid/importBoundaries': { roles: ['admin'], write: true },
  'roster/import': { roles: ['admin'], write: true },
  'category/list': { roles: EVERYONE, write: false },
  // Staff are residents too: anyone may report a concern of their own.
  'concern/submit': { roles: EVERYONE, write: true, budget: 'submit' },
  'concern/listMine': { roles: EVERYONE, write: false },
  'concern/get': { roles: EVERYONE, write: false },
  'concern/inbox': { roles: WORKERS, write: false },
  'concern/inboxCounts': { roles: WORKERS, write: false },
  'concern/accept': { roles: HANDLERS, write: true },
  // Residents reply in their own concern's thread; access.ts decides per concern.
  'concern/reply': { roles: EVERYONE, write: true },
  'concern/resolve': { roles: HANDLERS, write: true },
  // Only the reporter rates; access checks decide per concern.
  'concern/rate': { roles: EVERYONE, write: true },
  'concern/dispatch': { roles: HANDLERS, write: true },
  'concern/transfer': { roles: HANDLERS, write: true },
  'concern/return': { roles: HANDLERS, write: true },
  'concern/escalate': { roles: HANDLERS, write: true },
  'stats/rates': { roles: WORKERS, write: false },
  'message/list': { roles: EVERYONE, write: false },
  'message/markRead': { roles: EVERYONE, write: true },
  'audit/list': { roles: ['admin'], write: false },
  // Feedback about the app itself: anyone may send it; admins read it.
  'feedback/submit': { roles: EVERYONE, write: true },
  'feedback/list': { roles: ['admin'], write: false },
  // The town admin moderates what the content check held.
  'moderation/list': { roles: ['admin'], write: false },
  'moderation/decide': { roles: ['admin'], write: true },
  // 举报: anyone who sees a text may report it; access is decided per concern.
  'moderation/report': { roles: EVERYONE, write: true },
  // The public board shows only scrubbed cards of towns that turned it on; "+1" once per person.
  'board/list': { roles: EVERYONE, write: false },
  'board/get': { roles: EVERYONE, write: false },
  'concern/similar': { roles: EVERYONE, write: false },
  'concern/plusOne': { roles: EVERYONE, write: true },
  'town/replyTemplates': { roles: WORKERS, write: false },
  'town/setReplyTemplates': { roles: ['admin'], write: true },
  // Volunteering is for everyone, staff included; a team's leader is checked per team in volunteer-service.
  'volunteer/mine': { roles: EVERYONE, write: false },
  'volunteer/code': { roles: EVERYONE, write: false },
  'event/checkinCode': { roles: EVERYONE, write: false },
  'team/list': { roles: EVERYONE, write: false },
  'team/get': { roles: EVERYONE, write: false },
  'team/apply': { roles: EVERYONE, write: true },
  'team/review': { roles: EVERYONE, write: true },
  'team/leave': { roles: EVERYONE, write: true },
  'team/setPartyMember': { roles: EVERYONE, write: true },
  'event/create': { roles: EVERYONE, write: true },
  'event/get': { roles: EVERYONE, write: false },
  'event/signup': { roles: EVERYONE, write: true },
  'event/cancel': { roles: EVERYONE, write: true },
  'event/cancelEvent': { roles: EVERYONE, write: true },
  'event/scan': { roles: EVERYONE, write: true },
  'event/scanPerson': { roles: EVERYONE, write: true },
  'event/attendance': { roles: EVERYONE, write: false },
  'event/confirmHours': { roles: EVERYONE, write: true },
  'event/exportCsv': { roles: EVERYONE, write: false },
  // 12345 hotline tickets into concerns; the admin's own town (or district).
  'concern/importHotline': { roles: ['admin'], write: true },
  // Not writes, but bulk hand-outs of data: budgeted and audited like writes. Scope: the caller's own subtree.
  'export/concerns': { roles: WORKERS, write: true },
  'export/rates': { roles: WORKERS, write: true },
  'calendar/list': { roles: ['admin'], write: false },
  // District admins only (checked in calendar-service): the calendar serves every town.
  'calendar/save': { roles: ['admin'], write: true },
  // 街坊议事 (yishi): everyone may take part where they live; committee rights are checked per place in topic-service.
  'me/setPlace': { roles: EVERYONE, write: true },
  'topic/list': { roles: EVERYONE, write: false },
  'topic/get': { roles: EVERYONE, write: false },
  // A 街坊会 leader is a resident: the role cannot decide it, the place does.
  'topic/create': { roles: EVERYONE, write: true },
  'topic/propose': { roles: EVERYONE, write: true },
  'topic/support': { roles: EVERYONE, write: true },
  'topic/vote': { roles: EVERYONE, write: true },
  'topic/comment': { roles: EVERYONE, write: true },
  'topic/decide': { roles: EVERYONE, write: true },
  'topic/answerProposal': { roles: EVERYONE, write: true },
  // Volunteer actions (issue 20): the concern's handlers start and resolve; the team's leader (checked per team) reports.
  'concern/startAction': { roles: HANDLERS, write: true },
  'event/recordResult': { roles: EVERYONE, write: true },
  'concern/resolveFromAction': { roles: HANDLERS, write: true },
  // Points (issue 20): anyone reads their own points and a place's rewards and redeems; the place's committee
  // and its town's admin manage them (checked per place in points-service).
  'points/mine': { roles: EVERYONE, write: false },
  'reward/list': { roles: EVERYONE, write: false },
  'reward/save': { roles: ['staff', 'admin'], write: true },
  'reward/redeem': { roles: EVERYONE, write: true },
  'reward/handOver': { roles: ['staff', 'admin'], write: true },
  'reward/reverse': { roles: ['staff', 'admin'], write: true },
  'village/savePointsSettings': { roles: ['staff', 'admin'], write: true },
  // Issue 16 (staff daily use): the resident's contact; staff meet ME.STAFF_ACCOUNT on a save (their roster entry holds it).
  'me/contact': { roles: EVERYONE, write: false },
  'me/setContact': { roles: EVERYONE, write: true },
  // Issue 16, item 7: the team's leaders only (checked in the service); audited like every leader's volunteer write.
  'event/markAttendance': { roles: EVERYONE, write: true },
  // Admin (issue 19): town and district admins, each within their own town (district).
  'roster/list': { roles: ['admin'], write: false },
  'roster/save': { roles: ['admin'], write: true },
  'roster/remove': { roles: ['admin'], write: true },
  'category/save': { roles: ['admin'], write: true },
  'town/saveSettings': { roles: ['admin'], write: true },
  'team/create': { roles: ['admin'], write: true },
  'team/saveLeaders': { roles: ['admin'], write: true },
  // Residents following up (#17): only the reporter, decided per concern (staff report concerns too).
  'concern/withdraw': { roles: EVERYONE, write: true },
  'concern/chase': { roles: EVERYONE, write: true },
  // Admin (issue 19): Open311 clients.
  'apiClient/create': { roles: ['admin'], write: true },
  'apiClient/list': { roles: ['admin'], write: false },
  'apiClient/revoke': { roles: ['admin'], write: true },
  // Residents report on a map (#17): public boundaries and public concern points of one town.
  'grid/map': { roles: EVERYONE, write: false },
  // 街坊议事, issue 21 second round: committee rights (a 街坊会 leader is a resident) are checked per place in the services.
  'resident/list': { roles: EVERYONE, write: false },
  'resident/verify': { roles: EVERYONE, write: true },
  'me/requestVerification': { roles: EVERYONE, write: true },
  'topic/saveMeeting': { roles: EVERYONE, write: true },
  'town/topicSettings': { roles: ['admin'], write: false },
  'town/saveTopicSettings': { roles: ['admin'], write: true },
  // Admin (issue 19): the grid editor (town and district admins) and the district's towns (district admins, decided by node).
  'node/save': { roles: ['admin'], write: true },
  'node/retire': { roles: ['admin'], write: true },
  'grid/previewBoundaries': { roles: ['admin'], write: false },
  'town/list': { roles: ['admin'], write: false },
  'town/save': { roles: ['admin'], write: true },
  'town/saveAdmins': { roles: ['admin'], write: true },
  // Admin (issue 19): archiving a volunteer team.
  'team/archive': { roles: ['admin'], write: true },
  // Admin (issue 19): a town's settings, read by its admin (a district admin names the town).
  'town/settings': { roles: ['admin'], write: false },
  // Issue 20, item 3 (h20b): a team's leader (a resident) flags a place; leadership of the event's team is checked in the service. A report: the submit budget.
  'event/flagPlace': { roles: EVERYONE, write: true, budget: 'submit' },
  // Points (issue 20, h20p): the place's committee and its town's admin (checked per place in points-service).
  'reward/recent': { roles: ['staff', 'admin'], write: false },
  // Admin (issue 19, h19): a roster file's changes, previewed; writes nothing.
  'roster/previewImport': { roles: ['admin'], write: false },
  // Admin (issue 19, h19): places left without staff by a removal, with open concerns.
  'admin/attention': { roles: ['admin'], write: false },
  // Issue 17, item 5: anyone reads the joinable events near a place (published events only).
  'event/upcoming': { roles: EVERYONE, write: false },
  'town/pointsSettings': { roles: ['admin'], write: false },
};

export interface RateLimits {
  /** Writes per caller per minute, across all actions. */
  writesPerMinute: number;
  /** Concerns one caller may submit per hour. */
  submitsPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { writesPerMinute: 30, submitsPerHour: 20 };
