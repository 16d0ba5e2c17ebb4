import { z } from 'zod';
import { CLIENT_BUDGET_MAX } from './api-client-model';
import { CALENDAR_LIMITS } from './calendar';
import { codedParams } from './coded-issue';
import { REPORT_REASONS } from './report-model';
import { ROSTER_LIMITS } from './roster-import';
import { TEXT_PROBLEM_MESSAGE, textProblem } from './text';
import { MEETING_LIMITS, SUPPORTS_NEEDED_MAX, TOPIC_LIMITS } from './topic-model';
import { TOWN_WORK_LIMITS } from './town-work-model';
import type { InboxFilter } from './views';

/**
 * Input schemas of every action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call.
 */
export const LIMITS = {
  descriptionMax: 500,
  replyMax: 1000,
  reasonMax: 200,
  commentMax: 200,
  statsMonthsMax: 12,
  photosMax: 9,
  templateMax: 200,
  templatesMax: 10,
  pageMax: 50,
  rosterCsvMax: 200_000,
  teamNoteMax: 200,
  eventTitleMax: 40,
  eventDescriptionMax: 500,
  eventPlaceMax: 100,
  eventCapacityMax: 1000,
  cancelReasonMax: 200,
  hoursReasonMax: 200,
  /** Longest event: a volunteer event is one stretch of service, not a season. */
  eventHoursMax: 24,
  /** A hotline CSV is applied in one transaction: at most this many tickets per file. */
  hotlineRowsMax: 500,
  hotlineCsvMax: 2_500_000,
  /** Rows of one concerns export; narrow the filters beyond that. */
  exportRowsMax: 5000,
  exportDaysMax: 366,
  /** Volunteer actions (issue 20): concerns of one place in one action, and the length of its result. */
  actionConcernsMax: 20,
  actionResultMax: 500,
  /** Points (issue 20). */
  rewardNameMax: 30,
  rewardPointsMax: 100_000,
  rewardStockMax: 10_000,
  pointsRateMax: 1000,
  // Admin (issue 19): a category's name and SLA overrides (working hours to 签收, working days to 办结).
  categoryNameMax: 16,
  ackHoursMax: 72,
  resolveDaysMax: 60,
  teamLeadersMax: 5,
  // Admin (issue 19): Open311 clients.
  apiClientNameMax: 30,
  apiClientTownsMax: 20,
  /** Issue 17: a concern's description of fewer characters says nothing a handler can act on (CONCERN.DESCRIPTION_TOO_SHORT). */
  descriptionMin: 4,
  // Admin (issue 19): the grid editor and the district's towns.
  nodeNameMax: 32,
  townAdminsMax: 5,
} as const;

/** Issue 16: the longest display name a resident may set on 我的. */
export const LIMITS_CONTACT = { nameMax: 20 } as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1–64 letters, digits, _ or -');
const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId must be 8–64 letters, digits, _ or -');
const cursor = z.string().max(200);
const limit = z.number().int().min(1).max(LIMITS.pageMax);
/** Refuses control characters, bidi overrides and text of invisible characters only (core/text.ts). */
const visible = (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: TEXT_PROBLEM_MESSAGE[problem] });
};
/** Non-blank text after trimming, at most `max` characters (counted as code points). */
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, 'must not be blank')
    .refine((s) => [...s].length <= max, `must be at most ${max} characters`)
    .superRefine(visible);
/** A photo is a file id of our storage: `local://uploads/<name>` (local cloud) or `cloud://…` (CloudBase). */
const photo = z
  .string()
  .max(512)
  .regex(/^(local:\/\/uploads\/[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|gif|webp)|cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\/-]+)$/, 'photo must be a file id of our storage (local://uploads/… or cloud://…)');
const latLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();
/** The coordinate system of a reported position: WGS-84 (GPS, the default) or GCJ-02 (WeChat's getLocation type 'gcj02', chooseLocation). */
const coord = z.enum(['wgs84', 'gcj02']);
const photos = z.array(photo).max(LIMITS.photosMax);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM');
/** Ids built from two ids, e.g. a membership `${teamId}_${openid}` or a sign-up `${eventId}_${openid}`. */
const pairId = z.string().regex(/^[A-Za-z0-9_-]{3,140}$/, 'id must be 3–140 letters, digits, _ or -');
/** An ISO 8601 instant with a zone (Z or an offset), normalised to UTC `…Z`. */
const instant = z
  .string()
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString());
/** Text that may be empty, trimmed, at most `max` code points. */
const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => [...s].length <= max, `must be at most ${max} characters`)
    .superRefine(visible);
const scanCode = z.string().min(1).max(200);
/** A calendar day, YYYY-MM-DD, in Beijing time. */
const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'day must be YYYY-MM-DD');
/** A YYYY-MM-DD that is on the calendar (no 02-30). */
const realDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};
const exportFormat = z.enum(['csv', 'xlsx']);
/** The open-inbox filters of the staff workbench. */
export const INBOX_FILTERS = ['dueToday', 'overdue', 'toAccept', 'toDispatch'] as const satisfies readonly InboxFilter[];
const inboxFilter = z.enum(INBOX_FILTERS);
/** A mainland mobile number, as the roster stores it. */
const phone = z.string().regex(/^1\d{10}$/, 'phone must be 11 digits starting with 1');
/** A node's own code in its town (issue 19), e.g. a 村居 or 网格 number of the town's register. */
const nodeCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'code must be 1–32 letters, digits, _ or -');
const concernStatus = z.enum(['submitted', 'dispatching', 'assigned', 'accepted', 'in_progress', 'resolved', 'closed', 'withdrawn']);

/** A topic's options: none (a discussion) or 2–6 distinct labels. */
const topicOptions = z
  .array(text(TOPIC_LIMITS.optionMax))
  .max(TOPIC_LIMITS.optionsMax)
  .refine((xs) => xs.length === 0 || xs.length >= TOPIC_LIMITS.optionsMin, `give no options or at least ${TOPIC_LIMITS.optionsMin}`)
  .refine((xs) => new Set(xs).size === xs.length, 'options must differ');

export const schemas = {
  'me/profile': z.object({}).strict(),
  'me/export': z.object({}).strict(),
  /** Deleting an account cannot be undone: the client must send the explicit confirmation. */
  'me/delete': z.object({ confirm: z.literal(true) }).strict(),
  'grid/tree': z.object({}).strict(),
  /** `all` (admins): the categories turned off too. */
  'category/list': z.object({ townId: id.optional(), all: z.boolean().optional() }).strict(),
  'grid/locate': z.object({ location: latLng, coord: coord.optional() }).strict(),
  'grid/importBoundaries': z.object({ geojson: z.record(z.string(), z.unknown()) }).strict(),
  /** `whole`: the file is the whole roster (完整名单): people in scope it does not list are taken off. */
  'roster/import': z.object({ csv: z.string().min(1).max(LIMITS.rosterCsvMax), whole: z.boolean().optional() }).strict(),
  'concern/submit': z
    .object({
      category: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
      // Only a text that is otherwise valid is too short: blank or invisible text keeps its own refusal.
      description: text(LIMITS.descriptionMax).refine((s) => s.length === 0 || textProblem(s) !== null || [...s].length >= LIMITS.descriptionMin, {
        message: `must be at least ${LIMITS.descriptionMin} characters`,
        params: codedParams('CONCERN.DESCRIPTION_TOO_SHORT'),
      }),
      /** The picked place; optional when a location is given. */
      placeId: id.optional(),
      location: latLng.optional(),
      coord: coord.optional(),
      photos: photos.optional(),
      requestId: requestId.optional(),
    })
    .strict()
    .refine((v) => v.placeId !== undefined || v.location !== undefined, { message: 'give a location or a placeId', path: ['placeId'] })
    .refine((v) => v.coord === undefined || v.location !== undefined, { message: 'coord needs a location', path: ['coord'] }),
  'concern/listMine': z.object({ cursor: cursor.optional(), limit: limit.optional() }).strict(),
  'concern/get': z.object({ id }).strict(),
  /**
   * `filter` narrows the open inbox (scope 'open' only): 今天到期 (due later today), 已超期 (a deadline passed or a
   * clock was missed), 待签收 (waiting to be accepted).
   */
  'concern/inbox': z
    .object({ cursor: cursor.optional(), limit: limit.optional(), scope: z.enum(['open', 'all']).optional(), filter: inboxFilter.optional() })
    .strict()
    .refine((v) => v.filter === undefined || (v.scope ?? 'open') === 'open', { message: 'filter applies to the open inbox only', path: ['filter'] }),
  /** The caller's open inbox in three numbers, for the badge on home and the filter tabs. */
  'concern/inboxCounts': z.object({}).strict(),
  'concern/accept': z.object({ id, requestId: requestId.optional() }).strict(),
  'concern/reply': z.object({ id, text: text(LIMITS.replyMax), photos: photos.optional(), requestId: requestId.optional() }).strict(),
  'concern/resolve': z.object({ id, text: text(LIMITS.replyMax), photos: photos.optional(), requestId: requestId.optional() }).strict(),
  'concern/rate': z
    .object({
      id,
      rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied']),
      comment: text(LIMITS.commentMax).optional(),
      requestId: requestId.optional(),
    })
    .strict(),
  'concern/dispatch': z.object({ id, nodeId: id, reason: text(LIMITS.reasonMax).optional(), requestId: requestId.optional() }).strict(),
  'concern/transfer': z.object({ id, nodeId: id, reason: text(LIMITS.reasonMax), requestId: requestId.optional() }).strict(),
  'concern/return': z.object({ id, reason: text(LIMITS.reasonMax), requestId: requestId.optional() }).strict(),
  'concern/escalate': z.object({ id, reason: text(LIMITS.reasonMax), requestId: requestId.optional() }).strict(),
  'stats/rates': z.object({ month: month.optional(), months: z.number().int().min(1).max(LIMITS.statsMonthsMax).optional() }).strict(),
  'message/list': z.object({ cursor: cursor.optional(), limit: limit.optional() }).strict(),
  'message/markRead': z.object({ ids: z.array(id).min(1).max(LIMITS.pageMax).optional() }).strict(),
  'feedback/submit': z.object({ text: text(LIMITS.descriptionMax), contact: optionalText(50).optional() }).strict(),
  'feedback/list': z.object({ cursor: cursor.optional(), limit: limit.optional() }).strict(),
  'moderation/list': z.object({}).strict(),
  'moderation/decide': z
    .object({ kind: z.enum(['concern', 'message', 'event', 'cancelReason', 'application', 'hoursReason', 'photo', 'reportedConcern', 'reportedMessage', 'reportedEvent', 'reportedTopicComment', 'topic', 'topicComment', 'topicAnswer', 'topicDecision', 'topicMinutes']), id: z.union([id, pairId]), decision: z.enum(['publish', 'reject']) })
    .strict(),
  // 举报: the concern's description, or one message of its thread.
  // `finalReply`: the board card's 办理答复 (the card carries no message id), instead of a `messageId`.
  // Or a volunteer event's title and description (`eventId`, issue 15).
  'moderation/report': z.union([
    z.object({ concernId: id, messageId: id.optional(), finalReply: z.literal(true).optional(), reason: z.enum(REPORT_REASONS) }).strict(),
    z.object({ eventId: id, reason: z.enum(REPORT_REASONS) }).strict(),
    // 街坊议事 (issue 21): a comment of a topic.
    z.object({ topicCommentId: id, reason: z.enum(REPORT_REASONS) }).strict(),
  ]),
  'audit/list': z
    .object({
      cursor: cursor.optional(),
      limit: limit.optional(),
      // 操作记录's filters (issue 16, item 8): one person, one action, one Beijing day.
      actor: z.string().min(1).max(64).optional(),
      action: z.string().regex(/^[a-zA-Z]+\/[a-zA-Z]+$/).max(64).optional(),
      day: day.refine(realDay, 'no such day').optional(),
    })
    .strict(),
  'board/list': z.object({ placeId: id.optional(), limit: limit.optional() }).strict(),
  'board/get': z.object({ id }).strict(),
  'concern/similar': z
    .object({ category: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/), placeId: id.optional(), location: latLng.optional(), coord: coord.optional() })
    .strict()
    .refine((v) => v.placeId !== undefined || v.location !== undefined, { message: 'give a location or a placeId', path: ['placeId'] }),
  'concern/plusOne': z.object({ id }).strict(),
  'town/replyTemplates': z.object({ townId: id.optional() }).strict(),
  'town/setReplyTemplates': z
    .object({
      townId: id.optional(),
      category: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/),
      templates: z.array(text(LIMITS.templateMax)).max(LIMITS.templatesMax),
    })
    .strict(),
  'volunteer/mine': z.object({}).strict(),
  'volunteer/code': z.object({}).strict(),
  'event/checkinCode': z.object({ id }).strict(),
  'team/list': z.object({ nodeId: id.optional(), archived: z.boolean().optional() }).strict(),
  'team/get': z.object({ id }).strict(),
  'team/apply': z.object({ teamId: id, note: optionalText(LIMITS.teamNoteMax).optional() }).strict(),
  'team/review': z.object({ teamId: id, memberId: pairId, decision: z.enum(['approve', 'decline']) }).strict(),
  'team/leave': z.object({ teamId: id }).strict(),
  'team/setPartyMember': z.object({ teamId: id, memberId: pairId, partyMember: z.boolean() }).strict(),
  'event/create': z
    .object({
      teamId: id,
      title: text(LIMITS.eventTitleMax),
      description: optionalText(LIMITS.eventDescriptionMax),
      place: text(LIMITS.eventPlaceMax),
      startAt: instant,
      endAt: instant,
      /** Defaults to the start. */
      signupDeadline: instant.optional(),
      capacity: z.number().int().min(1).max(LIMITS.eventCapacityMax),
      waitlist: z.boolean(),
      openTo: z.enum(['members', 'all']),
      /** Schedules this draft volunteer action of the team (issue 20). */
      actionId: id.optional(),
    })
    .strict(),
  'event/get': z.object({ id }).strict(),
  'event/signup': z.object({ eventId: id, requestId: requestId.optional() }).strict(),
  'event/cancel': z.object({ eventId: id }).strict(),
  'event/cancelEvent': z.object({ id, reason: text(LIMITS.cancelReasonMax) }).strict(),
  /** A resident scanned the event's QR code: checks in, or out when already in. */
  'event/scan': z.object({ code: scanCode }).strict(),
  /** The leader scanned a resident's personal code at this event. */
  'event/scanPerson': z.object({ eventId: id, code: scanCode }).strict(),
  'event/attendance': z.object({ id }).strict(),
  /** Without entries: confirms every computed figure. An entry that differs from the computed minutes needs a reason. */
  'event/confirmHours': z
    .object({
      eventId: id,
      entries: z
        .array(z.object({ signUpId: pairId, minutes: z.number().int().min(0).max(LIMITS.eventHoursMax * 60), reason: optionalText(LIMITS.hoursReasonMax).optional() }).strict())
        .min(1)
        .max(LIMITS.eventCapacityMax)
        .optional(),
    })
    .strict(),
  'event/exportCsv': z.object({ id }).strict(),
  /** Admin: a 12345 hotline CSV (header `ticket,category,description,lat,lng,address,media_url[,town]`). */
  'concern/importHotline': z.object({ csv: z.string().min(1).max(LIMITS.hotlineCsvMax) }).strict(),
  /** Concerns under the caller's node (or a node below it), created from `from` to `to` (Beijing days, inclusive). */
  'export/concerns': z
    .object({
      format: exportFormat,
      nodeId: id.optional(),
      from: day.optional(),
      to: day.optional(),
      statuses: z.array(concernStatus).min(1).max(8).optional(),
    })
    .strict(),
  /** The monthly rates table of stats/rates as a file. */
  'export/rates': z.object({ format: exportFormat, month: month.optional(), months: z.number().int().min(1).max(LIMITS.statsMonthsMax).optional() }).strict(),
  /** Admins: the working-day calendar of every year, and which years need a list now. */
  'calendar/list': z.object({}).strict(),
  /**
   * District admins: a year's public holidays and 调休 workdays from the State Council notice, saved as the
   * year's next version. `expectedVersion` is the version the admin edited (0 for a year without a list).
   */
  'calendar/save': z
    .object({
      year: z.number().int().min(CALENDAR_LIMITS.minYear).max(CALENDAR_LIMITS.maxYear),
      holidays: z.array(day).max(CALENDAR_LIMITS.maxHolidays),
      makeupWorkdays: z.array(day).max(CALENDAR_LIMITS.maxMakeupWorkdays),
      basis: text(CALENDAR_LIMITS.basisMax),
      expectedVersion: z.number().int().min(0),
    })
    .strict(),
  // --- 街坊议事 (yishi, core/topic-service.ts) ---
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
  // Volunteer actions (issue 20).
  /** Hands concerns of one village or cooperative to a volunteer team of it (or of the town), as a draft for its leaders. */
  'concern/startAction': z.object({ ids: z.array(id).min(1).max(LIMITS.actionConcernsMax), teamId: id }).strict(),
  /** The leader's result of an ended action whose hours are confirmed: what was done, with after-photos. */
  'event/recordResult': z.object({ eventId: id, text: text(LIMITS.actionResultMax), photos: photos.optional() }).strict(),
  /** 办结 every concern of the action the caller handles, with its result. */
  'concern/resolveFromAction': z.object({ id }).strict(),
  // Points (积分制, issue 20).
  'points/mine': z.object({}).strict(),
  'reward/list': z.object({ nodeId: id }).strict(),
  /** A new reward (no id) or changes to one; `addStock` only ever adds to what is left. */
  'reward/save': z
    .object({ nodeId: id, id: id.optional(), name: text(LIMITS.rewardNameMax), points: z.number().int().min(1).max(LIMITS.rewardPointsMax), addStock: z.number().int().min(0).max(LIMITS.rewardStockMax), active: z.boolean() })
    .strict(),
  'reward/redeem': z.object({ rewardId: id }).strict(),
  /** The committee scanned or typed a redemption's code. */
  'reward/handOver': z.object({ nodeId: id, code: z.string().regex(/^\d{8}$/, 'code must be 8 digits') }).strict(),
  'reward/reverse': z.object({ id, reason: text(LIMITS.reasonMax) }).strict(),
  /** A village or cooperative switches points and its ranking; a town sets the rates. */
  'village/savePointsSettings': z
    .object({
      nodeId: id,
      enabled: z.boolean().optional(),
      publicRanking: z.boolean().optional(),
      pointsPerHour: z.number().int().min(0).max(LIMITS.pointsRateMax).optional(),
      pointsPerReport: z.number().int().min(0).max(LIMITS.pointsRateMax).optional(),
    })
    .strict(),
  // Issue 16 (staff daily use): the resident's contact, left on 我的 with consent.
  'me/contact': z.object({}).strict(),
  /**
   * Either a skip (asked once: the form is not offered again), or a display name and a mainland mobile
   * number (null: none), with the consent text agreed to.
   */
  /** Issue 16, item 7: the leader checks a signed-up person in (or, once in, out) by hand; `signUpId` as event/attendance lists it. */
  'event/markAttendance': z.object({ id, signUpId: id }).strict(),
  'me/setContact': z.union([
    z.object({ skip: z.literal(true) }).strict(),
    z
      .object({
        name: text(LIMITS_CONTACT.nameMax),
        phone: z.string().regex(/^1[3-9]\d{9}$/, 'phone must be an 11-digit mainland mobile number').nullable(),
        consent: z.literal(true),
      })
      .strict(),
  ]),
  // Admin (issue 19): the roster.
  /** The people of the admin's town (district), pending entries and who left; `query` matches name, phone, openid or place. */
  'roster/list': z.object({ query: optionalText(32).optional() }).strict(),
  /** One person, added or edited: by openid, or by phone until they first sign in. */
  'roster/save': z
    .object({ openid: id.optional(), phone: phone.optional(), name: text(ROSTER_LIMITS.nameMax), role: z.enum(['staff', 'office', 'admin']), nodeId: id })
    .strict()
    .refine((v) => v.openid !== undefined || v.phone !== undefined, { message: 'give an openid or a phone', path: ['openid'] }),
  /** Takes one person off the roster (openid), or drops a pending entry (phone). */
  'roster/remove': z
    .object({ openid: id.optional(), phone: phone.optional() })
    .strict()
    .refine((v) => (v.openid === undefined) !== (v.phone === undefined), { message: 'give an openid or a phone, not both', path: ['openid'] }),
  // Admin (issue 19): a town's categories.
  /** Adds or edits a category of the admin's town (a district admin names `townId`); null SLA fields keep the kind's default. */
  'category/save': z
    .object({
      townId: id.optional(),
      code: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'code must be lower-case letters, digits or _'),
      name: text(LIMITS.categoryNameMax),
      kind: z.enum(['consult', 'help', 'suggest', 'complaint', 'report']),
      leadOfficeCode: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/).nullable(),
      ackHours: z.number().int().min(1).max(LIMITS.ackHoursMax).nullable(),
      resolveDays: z.number().int().min(1).max(LIMITS.resolveDaysMax).nullable(),
      enabled: z.boolean(),
    })
    .strict(),
  /**
   * A town's settings; a district admin names `townId`. Each field left out stays as it is; a working-time
   * field set to null goes back to the deployment's default.
   */
  'town/saveSettings': z
    .object({
      townId: id.optional(),
      publicBoard: z.boolean().optional(),
      dayStartMinute: z.number().int().min(0).max(TOWN_WORK_LIMITS.minuteOfDayMax).nullable().optional(),
      dayEndMinute: z.number().int().min(0).max(TOWN_WORK_LIMITS.minuteOfDayMax).nullable().optional(),
      checkinMarginMinutes: z.number().int().min(0).max(TOWN_WORK_LIMITS.checkinMarginMax).nullable().optional(),
      reminderLeadMinutes: z.number().int().min(0).max(TOWN_WORK_LIMITS.reminderLeadMax).nullable().optional(),
    })
    .strict(),
  // Admin (issue 19): volunteer teams.
  /** A new team of a village or cooperative of the admin's town; leaders are appointed with team/saveLeaders. */
  'team/create': z
    .object({ nodeId: id, name: text(LIMITS.eventTitleMax), kind: z.enum(['party_service', 'neighbourhood']), description: optionalText(LIMITS.eventDescriptionMax) })
    .strict(),
  /** The team's leaders, exactly these residents, each found by the phone their account carries. */
  'team/saveLeaders': z.object({ teamId: id, phones: z.array(phone).min(1).max(LIMITS.teamLeadersMax) }).strict(),
  // Residents following up (#17): 撤回 with a reason, 催办.
  'concern/withdraw': z.object({ id, reason: text(LIMITS.reasonMax), requestId: requestId.optional() }).strict(),
  'concern/chase': z.object({ id, requestId: requestId.optional() }).strict(),
  // Admin (issue 19): Open311 clients. A town admin's client serves their town (`townIds` may be left out).
  'apiClient/create': z
    .object({
      name: text(LIMITS.apiClientNameMax),
      source: z.enum(['12345', 'open311']),
      townIds: z.array(id).min(1).max(LIMITS.apiClientTownsMax).optional(),
      reads: z.enum(['own', 'scope']),
      // Budgets left out are DEFAULT_CLIENT_BUDGET's.
      requestsPerMinute: z.number().int().min(1).max(CLIENT_BUDGET_MAX.requestsPerMinute).optional(),
      postsPerHour: z.number().int().min(1).max(CLIENT_BUDGET_MAX.postsPerHour).optional(),
    })
    .strict(),
  'apiClient/list': z.object({}).strict(),
  'apiClient/revoke': z.object({ id }).strict(),
  // Residents report on a map (#17): one town (the caller's when left out), in WGS-84 or GCJ-02 (WeChat's Map).
  'grid/map': z.object({ townId: id.optional(), coord: coord.optional() }).strict(),
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
  // Admin (issue 19): the grid editor. `id` renames a node; `parentId` (with `kind` where the parent holds two kinds) adds one.
  'node/save': z
    .object({ id: id.optional(), parentId: id.optional(), kind: z.enum(['village', 'cooperative', 'grid']).optional(), name: text(LIMITS.nodeNameMax), code: nodeCode.nullable().optional() })
    .strict()
    .refine((v) => (v.id === undefined) !== (v.parentId === undefined), { message: 'give the id of a node to rename, or the parentId of a new one', path: ['id'] })
    .refine((v) => v.id === undefined || v.kind === undefined, { message: 'a node keeps its kind', path: ['kind'] }),
  'node/retire': z.object({ id }).strict(),
  /** What grid/importBoundaries would do with this file, written nowhere. */
  'grid/previewBoundaries': z.object({ geojson: z.record(z.string(), z.unknown()) }).strict(),
  // The district's towns (district admins): a town created or renamed, its admins by phone.
  'town/list': z.object({}).strict(),
  'town/save': z.object({ id: id.optional(), name: text(LIMITS.nodeNameMax), code: nodeCode.nullable().optional() }).strict(),
  'town/saveAdmins': z
    .object({ townId: id, admins: z.array(z.object({ phone, name: text(ROSTER_LIMITS.nameMax) }).strict()).max(LIMITS.townAdminsMax) })
    .strict(),
  // Admin (issue 19): a team of the admin's town is archived; its events not yet started are called off.
  'team/archive': z.object({ teamId: id }).strict(),
  // Admin (issue 19): a town's settings as stored, with the values its computations use.
  'town/settings': z.object({ townId: id.optional() }).strict(),
  // Issue 20, item 3 (h20b): a team's leader flags a place 需要整治 from an event; it becomes a concern of the team's place.
  'event/flagPlace': z
    .object({
      eventId: id,
      description: text(LIMITS.descriptionMax).refine((s) => s.length === 0 || textProblem(s) !== null || [...s].length >= LIMITS.descriptionMin, {
        message: `must be at least ${LIMITS.descriptionMin} characters`,
        params: codedParams('CONCERN.DESCRIPTION_TOO_SHORT'),
      }),
      category: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/).optional(),
      location: latLng.optional(),
      coord: coord.optional(),
      photos: photos.optional(),
      requestId: requestId.optional(),
    })
    .strict(),
  // Points (issue 20, h20p): a place's latest redemptions, for its committee's 积分核销.
  'reward/recent': z.object({ nodeId: id }).strict(),
  // Admin (issue 19, h19): what roster/import would change with this file, writing nothing.
  'roster/previewImport': z.object({ csv: z.string().min(1).max(LIMITS.rosterCsvMax), whole: z.boolean().optional() }).strict(),
  // Admin (issue 19, h19): the admin home's attention list (places nobody serves since a removal).
  'admin/attention': z.object({}).strict(),
  // Issue 17, item 5: the volunteer events a resident can still join near their place (home).
  'event/upcoming': z.object({ placeId: id.optional() }).strict(),
  // Points (issue 20, h20c): a town's rates (积分标准), read by its admin.
  'town/pointsSettings': z.object({ nodeId: id }).strict(),
} as const;

export type ActionName = keyof typeof schemas;
export type InputOf<A extends ActionName> = z.input<(typeof schemas)[A]>;
export type ParsedInputOf<A extends ActionName> = z.output<(typeof schemas)[A]>;
