/**
 * 街坊议事 (yishi): topics, proposals, votes, decisions, verified residents and meetings.
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions, EVERYONE } from '../action-kit';
import { MEETING_LIMITS, SUPPORTS_NEEDED_MAX, TOPIC_LIMITS } from './topic-model';
import { LIMITS, id, text, photos, instant, optionalText, topicOptions } from '../schemas';
import * as topics from './topic-service';
import * as topicResidents from './topic-residents';
import * as topicMeetings from './topic-meetings';
import * as topicTownSettings from './topic-town-settings';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const TOPIC_INPUTS = {
  // --- 街坊议事 (yishi, core/topics/topic-service.ts) ---
  /** The village or cooperative the resident lives in; changeable once in PLACE_CHANGE_DAYS. */
  'me/setPlace': z.object({ placeId: id }).strict(),
  /** Topics of the caller's place (a resident) or of the places they serve (a committee); `placeId` narrows it. */
  'topic/list': z.object({ placeId: id.optional() }).strict(),
  'topic/get': z.object({ id }).strict(),
  /** A committee (or a 街坊会 leader) opens a topic; no options is a discussion without a vote. */
  'topic/create': z
    .object({ placeId: id, title: text(TOPIC_LIMITS.titleMax), background: optionalText(TOPIC_LIMITS.backgroundMax), options: topicOptions, deadline: instant, requireVerified: z.boolean().optional(), photos: photos.max(TOPIC_LIMITS.photosMax).optional() })
    .strict(),
  /** A resident proposes a topic for their own place. */
  'topic/propose': z.object({ title: text(TOPIC_LIMITS.titleMax), background: optionalText(TOPIC_LIMITS.backgroundMax), photos: photos.max(TOPIC_LIMITS.photosMax).optional() }).strict(),
  'topic/support': z.object({ id }).strict(),
  'topic/vote': z.object({ id, optionId: z.string().regex(/^o[1-9]$/, 'optionId must be o1…o9') }).strict(),
  /** A comment, or a reply to one (`parentId`). */
  'topic/comment': z.object({ id, text: text(TOPIC_LIMITS.commentMax), parentId: id.optional() }).strict(),
  /** After the deadline: the committee's decision and reasons, and concerns it creates for the follow-through. */
  'topic/decide': z
    .object({
      id,
      decision: text(TOPIC_LIMITS.decisionMax),
      reasons: text(TOPIC_LIMITS.reasonsMax),
      concerns: z
        .array(z.object({ category: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), description: text(LIMITS.descriptionMax), teamId: id.optional() }).strict())
        .max(TOPIC_LIMITS.concernsMax)
        .optional(),
    })
    .strict(),
  /** Accepts a proposal into 议事 (with its deadline and options) or declines it; a reason either way. */
  'topic/answerProposal': z
    .object({ id, accept: z.boolean(), reason: text(LIMITS.reasonMax), deadline: instant.optional(), options: topicOptions.optional() })
    .strict()
    .refine((v) => !v.accept || v.deadline !== undefined, { message: 'an accepted proposal needs a deadline', path: ['deadline'] }),
  // 街坊议事, issue 21 second round: verified residents, 议事会 meetings, the town's support number.
  /** A committee's roster of the residents who stated its place; `query` matches a name or place. */
  'resident/list': z.object({ placeId: id, query: optionalText(32).optional() }).strict(),
  /** The committee marks a resident of its place 户籍 or 常住, or takes the mark away (`none`). */
  'resident/verify': z.object({ openid: id, kind: z.enum(['huji', 'changzhu', 'none']) }).strict(),
  'me/requestVerification': z.object({}).strict(),
  /** A 议事会 meeting of the topic, new or (with `meetingId`) corrected. */
  'topic/saveMeeting': z
    .object({
      id,
      meetingId: z.string().regex(/^m[1-9][0-9]?$/, 'meetingId must be m1…m99').optional(),
      date: instant,
      place: text(MEETING_LIMITS.placeMax),
      minutes: optionalText(MEETING_LIMITS.minutesMax),
      attendance: z.number().int().min(0).max(MEETING_LIMITS.attendanceMax),
    })
    .strict(),
  'town/topicSettings': z.object({ townId: id.optional() }).strict(),
  /** The supports a resident's proposal needs in the admin's town (a district admin names `townId`). */
  'town/saveTopicSettings': z.object({ townId: id.optional(), supportsNeeded: z.number().int().min(1).max(SUPPORTS_NEEDED_MAX) }).strict(),
} as const;

export const TOPIC_ACTIONS = defineActions(TOPIC_INPUTS, {
  // 街坊议事 (yishi): everyone may take part where they live; committee rights are checked per place in topic-service.
  'me/setPlace': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.setPlace },
  'topic/list': { fn: 'concern', roles: EVERYONE, write: false, handler: topics.list },
  'topic/get': { fn: 'concern', roles: EVERYONE, write: false, handler: topics.get },
  // A 街坊会 leader is a resident: the role cannot decide it, the place does.
  'topic/create': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.create },
  'topic/propose': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.propose },
  'topic/support': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.support },
  'topic/vote': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.vote },
  'topic/comment': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.comment },
  'topic/decide': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.decide },
  'topic/answerProposal': { fn: 'concern', roles: EVERYONE, write: true, handler: topics.answerProposal },
  // 街坊议事, issue 21 second round: committee rights (a 街坊会 leader is a resident) are checked per place in the services.
  'resident/list': { fn: 'concern', roles: EVERYONE, write: false, handler: topicResidents.listResidents },
  'resident/verify': { fn: 'concern', roles: EVERYONE, write: true, handler: topicResidents.verify },
  'me/requestVerification': { fn: 'concern', roles: EVERYONE, write: true, handler: topicResidents.requestVerification },
  'topic/saveMeeting': { fn: 'concern', roles: EVERYONE, write: true, handler: topicMeetings.saveMeeting },
  'town/topicSettings': { fn: 'concern', roles: ['admin'], write: false, handler: topicTownSettings.topicSettings },
  'town/saveTopicSettings': { fn: 'concern', roles: ['admin'], write: true, handler: topicTownSettings.saveTopicSettings },
});
