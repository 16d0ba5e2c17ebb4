/**
 * The typed action map: the one API between the mini program and the backend. The client's
 * services and the server's router both import it. Only plain data lives here, so the mini
 * program can import it at run time without pulling in the schemas.
 */
import type { ActionName, InputOf } from './schemas';
import type { Outputs } from './views';

export type { ActionName } from './schemas';

/** Cloud functions, grouped by area; each deploys on its own. */
export type FunctionName = 'concern' | 'volunteer';

export const ACTION_FUNCTION: Readonly<Record<ActionName, FunctionName>> = {
  'me/profile': 'concern',
  'me/export': 'concern',
  'me/delete': 'concern',
  'grid/tree': 'concern',
  'grid/locate': 'concern',
  // Admin actions live in the concern function for now.
  'grid/importBoundaries': 'concern',
  'roster/import': 'concern',
  'category/list': 'concern',
  'concern/submit': 'concern',
  'concern/listMine': 'concern',
  'concern/get': 'concern',
  'concern/inbox': 'concern',
  'concern/inboxCounts': 'concern',
  'concern/accept': 'concern',
  'concern/reply': 'concern',
  'concern/resolve': 'concern',
  'concern/rate': 'concern',
  'concern/dispatch': 'concern',
  'concern/transfer': 'concern',
  'concern/return': 'concern',
  'concern/escalate': 'concern',
  'stats/rates': 'concern',
  'message/list': 'concern',
  'message/markRead': 'concern',
  'audit/list': 'concern',
  'feedback/submit': 'concern',
  'feedback/list': 'concern',
  'moderation/list': 'concern',
  'moderation/decide': 'concern',
  'moderation/report': 'concern',
  'board/list': 'concern',
  'board/get': 'concern',
  'concern/similar': 'concern',
  'concern/plusOne': 'concern',
  'town/replyTemplates': 'concern',
  'town/setReplyTemplates': 'concern',
  'volunteer/mine': 'volunteer',
  'volunteer/code': 'volunteer',
  'event/checkinCode': 'volunteer',
  'team/list': 'volunteer',
  'team/get': 'volunteer',
  'team/apply': 'volunteer',
  'team/review': 'volunteer',
  'team/leave': 'volunteer',
  'team/setPartyMember': 'volunteer',
  'event/create': 'volunteer',
  'event/get': 'volunteer',
  'event/signup': 'volunteer',
  'event/cancel': 'volunteer',
  'event/cancelEvent': 'volunteer',
  'event/scan': 'volunteer',
  'event/scanPerson': 'volunteer',
  'event/attendance': 'volunteer',
  'event/confirmHours': 'volunteer',
  'event/exportCsv': 'volunteer',
  'concern/importHotline': 'concern',
  'export/concerns': 'concern',
  'export/rates': 'concern',
  'calendar/list': 'concern',
  'calendar/save': 'concern',
  // 街坊议事 (yishi)
  'me/setPlace': 'concern',
  'topic/list': 'concern',
  'topic/get': 'concern',
  'topic/create': 'concern',
  'topic/propose': 'concern',
  'topic/support': 'concern',
  'topic/vote': 'concern',
  'topic/comment': 'concern',
  'topic/decide': 'concern',
  'topic/answerProposal': 'concern',
  // Volunteer actions (issue 20).
  'concern/startAction': 'concern',
  'event/recordResult': 'volunteer',
  'concern/resolveFromAction': 'concern',
  // Points (issue 20).
  'points/mine': 'volunteer',
  'reward/list': 'volunteer',
  'reward/save': 'volunteer',
  'reward/redeem': 'volunteer',
  'reward/handOver': 'volunteer',
  'reward/reverse': 'volunteer',
  'village/savePointsSettings': 'volunteer',
  // Issue 16 (staff daily use): the resident's contact.
  'me/contact': 'concern',
  'me/setContact': 'concern',
  'event/markAttendance': 'volunteer',
  // Admin (issue 19).
  'roster/list': 'concern',
  'roster/save': 'concern',
  'roster/remove': 'concern',
  'category/save': 'concern',
  'town/saveSettings': 'concern',
  'team/create': 'volunteer',
  'team/saveLeaders': 'volunteer',
  // Residents following up (#17).
  'concern/withdraw': 'concern',
  'concern/chase': 'concern',
  // Admin (issue 19): Open311 clients.
  'apiClient/create': 'concern',
  'apiClient/list': 'concern',
  'apiClient/revoke': 'concern',
  // Residents report on a map (#17): one town's boundaries for drawing.
  'grid/map': 'concern',
  // 街坊议事, issue 21 second round.
  'resident/list': 'concern',
  'resident/verify': 'concern',
  'me/requestVerification': 'concern',
  'topic/saveMeeting': 'concern',
  'town/topicSettings': 'concern',
  'town/saveTopicSettings': 'concern',
  // Admin (issue 19): the grid editor and the district's towns.
  'node/save': 'concern',
  'node/retire': 'concern',
  'grid/previewBoundaries': 'concern',
  'town/list': 'concern',
  'town/save': 'concern',
  'town/saveAdmins': 'concern',
  // Admin (issue 19): archiving a volunteer team.
  'team/archive': 'volunteer',
  // Admin (issue 19): a town's settings as stored.
  'town/settings': 'concern',
  // Issue 20, item 3 (h20b): a team's leader flags a place 需要整治 from an event.
  'event/flagPlace': 'volunteer',
  // Points (issue 20, h20p): 积分核销's list of a place's latest redemptions.
  'reward/recent': 'volunteer',
  // Admin (issue 19, h19): a roster file's changes, previewed.
  'roster/previewImport': 'concern',
  // Admin (issue 19, h19): the admin home's attention list.
  'admin/attention': 'concern',
  // Issue 17, item 5: home's upcoming volunteer events of the resident's place.
  'event/upcoming': 'volunteer',
  // Points (issue 20, h20c): a town's rates, for its admin's 积分标准 form.
  'town/pointsSettings': 'volunteer',
};

export const FUNCTION_NAMES: readonly FunctionName[] = [...new Set(Object.values(ACTION_FUNCTION))];

export type ActionInput<A extends ActionName> = InputOf<A>;
export type ActionOutput<A extends ActionName> = A extends keyof Outputs ? Outputs[A] : never;

export function isActionName(s: string): s is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTION_FUNCTION, s);
}
