/**
 * Error codes shared by the backend and the mini program. The UI maps each code to Chinese text in
 * one module (src/services/error-text.ts); the message here is for logs and developers.
 */
export const ERROR_CODES = {
  'AUTH.REQUIRED': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.DEV_LOGIN_DISABLED': 403,
  'ACTION.UNKNOWN': 404,
  'VALIDATION.FAILED': 400,
  'GRID.PLACE_NOT_FOUND': 400,
  /** Neither a location inside a known town nor a place was given. */
  'GRID.PLACE_REQUIRED': 400,
  /** The reported location lies outside every town of the deployment. */
  'GRID.OUTSIDE_AREA': 400,
  /** An import file has problems; `details` lists them line by line and nothing was written. */
  'IMPORT.INVALID': 400,
  /** The grid changed while an import was being checked; nothing was written. */
  'IMPORT.CONFLICT': 409,
  'CATEGORY.UNKNOWN': 400,
  'CONCERN.NOT_FOUND': 404,
  'CONCERN.ILLEGAL_TRANSITION': 409,
  'CONCERN.CONFLICT': 409,
  'RATE_LIMITED': 429,
  'ME.STAFF_ACCOUNT': 403,
  'MODERATION.NOT_HELD': 409,
  /** The content check found the text risky (msgSecCheck `risky`): refused, nothing stored; `details.label` says why. */
  'CONTENT.RISKY': 400,
  'ME.LEADS_TEAM': 409,
  'CONCERN.TARGET_INVALID': 400,
  'CONCERN.NO_HIGHER_LEVEL': 409,
  /** The caller handles (or handled) the concern: a person does not rate their own work. */
  'CONCERN.OWN_HANDLING': 403,
  'TEAM.NOT_FOUND': 404,
  'TEAM.MEMBER_NOT_FOUND': 404,
  'TEAM.NOT_MEMBER': 409,
  'EVENT.NOT_FOUND': 404,
  'EVENT.INVALID_TIME': 400,
  'EVENT.MEMBERS_ONLY': 403,
  'EVENT.SIGNUP_CLOSED': 409,
  'EVENT.CANCELLED': 409,
  /** A genuine check-in or personal code of an earlier minute (a photo of an old QR): scan the one on screen now. */
  'EVENT.CODE_EXPIRED': 400,
  'EVENT.FULL': 409,
  'EVENT.NOT_SIGNED_UP': 409,
  'EVENT.CODE_INVALID': 400,
  'EVENT.OUTSIDE_WINDOW': 409,
  'EVENT.NOT_ENDED': 409,
  /** The event's texts wait for (or failed) the town's content review: nobody can sign up yet. */
  'EVENT.UNDER_REVIEW': 409,
  'HOURS.REASON_REQUIRED': 400,
  /** A figure beyond the event's length (plus the check-in margin). */
  'HOURS.TOO_MANY': 400,
  /** A leader's own hours: a co-leader or the town's admin confirms them. */
  'HOURS.OWN': 403,
  /** An export would exceed LIMITS.exportRowsMax rows: narrow the dates, node or statuses. */
  'EXPORT.TOO_LARGE': 400,
  /** A photo id that is not the caller's own upload in our storage, or an upload that is not a JPEG/PNG/WebP image. */
  'PHOTO.INVALID': 400,
  /** An upload over the size cap. */
  'PHOTO.TOO_LARGE': 413,
  /** A year's holiday lists have problems; `details` lists them (field and message) and nothing was written. */
  'CALENDAR.INVALID': 400,
  /** The year was saved by someone else since it was read: reload and enter the changes again. */
  'CALENDAR.CONFLICT': 409,
  'INTERNAL': 500,
  'SERVICE.UNAVAILABLE': 503,
  /** The server's disk is full: nothing was written; reads still work. Retry after `RETRY_AFTER_SECONDS`. */
  'STORAGE.FULL': 503,
  /** The database answered that a page is damaged: nothing was written; the operator restores a backup. */
  'STORAGE.DAMAGED': 503,
  // --- 街坊议事 (yishi) ---
  'TOPIC.NOT_FOUND': 404,
  /** The caller is not on the committee (or the 街坊会 leader) of the topic's place. */
  'TOPIC.NOT_COMMITTEE': 403,
  /** The caller has not said which village or cooperative they live in (me/setPlace). */
  'TOPIC.NO_PLACE': 409,
  /** The caller lives in another village or cooperative: only the place's residents take part. */
  'TOPIC.NOT_RESIDENT': 403,
  /** A stated place changes at most once in PLACE_CHANGE_DAYS; `details.changeableFrom` says when. */
  'TOPIC.PLACE_LOCKED': 409,
  /** The topic is not at the stage this needs (e.g. a vote on a proposal, a decision before the deadline). */
  'TOPIC.WRONG_STAGE': 409,
  /** The deadline has passed: no more votes or comments. */
  'TOPIC.CLOSED': 409,
  'TOPIC.NO_VOTE': 409,
  'TOPIC.OPTION_UNKNOWN': 400,
  /** A deadline in the past or more than TOPIC_LIMITS.daysMax days ahead. */
  'TOPIC.INVALID_DEADLINE': 400,
  'TOPIC.COMMENT_NOT_FOUND': 404,
  /** A proposer does not support their own proposal. */
  'TOPIC.OWN_PROPOSAL': 409,
  /** Another change of the topic came first: reload and try again. */
  'TOPIC.CONFLICT': 409,
  // Volunteer actions (issue 20).
  'ACTION.NOT_FOUND': 404,
  /** A concern is already held by another open volunteer action. */
  'ACTION.CONCERN_TAKEN': 409,
  /** The concerns of one action must belong to one village or cooperative. */
  'ACTION.PLACES_DIFFER': 400,
  /** The team belongs neither to the concerns' village or cooperative nor to their town. */
  'ACTION.TEAM_ELSEWHERE': 400,
  /** A concern is handed to a team only once it is accepted (签收) and before it is resolved. */
  'ACTION.CONCERN_NOT_OPEN': 409,
  /** The action is not at the step this move needs (scheduled once, reported once, resolved once). */
  'ACTION.WRONG_STEP': 409,
  /** The result is recorded once every volunteer's hours are confirmed. */
  'ACTION.HOURS_UNCONFIRMED': 409,
  /** The result waits for (or failed) the content review: it cannot go to the residents yet. */
  'ACTION.RESULT_UNDER_REVIEW': 409,
  // Points (issue 20).
  'POINTS.OFF': 409,
  'POINTS.SHORT': 409,
  'REWARD.NOT_FOUND': 404,
  'REWARD.OUT_OF_STOCK': 409,
  'REDEMPTION.NOT_FOUND': 404,
  /** Handed over already, or reversed. */
  'REDEMPTION.WRONG_STATE': 409,
  // Issue 16 (staff daily use): the resident's contact.
  /** The content check wants a human review of the display name: it is not taken; the resident picks another. */
  'ME.NAME_UNDER_REVIEW': 400,
  // Admin (issue 19).
  /** The person (or pending entry) is not on the roster of the admin's town or district. */
  'ROSTER.NOT_FOUND': 404,
  /** The person's details have problems (`details`, as a roster file's); nothing was written. */
  'ROSTER.INVALID': 400,
  /** An admin does not remove themself or change their own role or place. */
  'ROSTER.SELF': 409,
  /** A category's town or lead office does not exist; nothing was written. */
  'CATEGORY.INVALID': 400,
  /** A team belongs to a village or cooperative of the admin's own town. */
  'TEAM.PLACE_INVALID': 400,
  /** A phone names no resident, several accounts, or a staff member; `details` says which; nothing was written. */
  'TEAM.LEADER_INVALID': 400,
  // Residents following up (#17).
  /** 催办 before the acknowledge deadline has passed: the handlers still have time to accept. `details.from` says when. */
  'CONCERN.CHASE_TOO_EARLY': 409,
  /** 催办 a second time on one working day; `details.next` is the start of the next working day. */
  'CONCERN.CHASE_TOO_SOON': 429,
  /** "+1" on one's own concern. */
  'CONCERN.OWN_CONCERN': 409,
  // Admin (issue 19): Open311 clients.
  /** A client's towns must be towns the admin oversees (a town admin: their own town). */
  'APICLIENT.TOWN_INVALID': 400,
  /** No such client the admin oversees, or it was revoked already. */
  'APICLIENT.NOT_FOUND': 404,
  // 街坊议事, issue 21 second round.
  /** The topic takes votes of verified residents (户籍/常住) only: ask the committee (me/requestVerification). */
  'TOPIC.NOT_VERIFIED': 403,
  /** No resident of the committee's places with this openid. */
  'TOPIC.RESIDENT_NOT_FOUND': 404,
  'TOPIC.MEETING_NOT_FOUND': 404,
  /** A topic keeps at most MEETING_LIMITS.perTopic meetings. */
  'TOPIC.MEETINGS_FULL': 409,
  /** A district admin names the town whose 议事 setting they change. */
  'TOPIC.TOWN_INVALID': 400,
  /** Issue 17: a concern's description under LIMITS.descriptionMin characters; nothing stored. */
  'CONCERN.DESCRIPTION_TOO_SHORT': 400,
  // Admin (issue 19): the grid editor and the district's towns.
  /** No such node in the admin's scope (a node is edited or retired only below the node the admin serves). */
  'NODE.NOT_FOUND': 404,
  /** A new node's parent is outside the admin's scope, retired, or cannot hold a node of that kind. */
  'NODE.PARENT_INVALID': 400,
  /** Another node in service under the same parent has this name. */
  'NODE.NAME_TAKEN': 409,
  /** Another node of the town (a town: of the district) has this code. */
  'NODE.CODE_TAKEN': 409,
  /** The node is retired: it is neither renamed nor retired again. */
  'NODE.RETIRED': 409,
  /** Retiring a node whose children are still in service; `details` names them. */
  'NODE.HAS_CHILDREN': 409,
  /** Retiring a node someone on the roster (or a pending entry) still serves; `details` names them. */
  'NODE.HAS_STAFF': 409,
  /** The grid changed while the change was checked; nothing was written. */
  'NODE.CONFLICT': 409,
  /** No town in service with this id in the district admin's district. */
  'TOWN.NOT_FOUND': 404,
  /** A town admin appointed by a phone the roster's checks refuse, listed twice, or the caller's own. */
  'TOWN.ADMIN_INVALID': 400,
  // Admin (issue 19): archiving a volunteer team.
  /** The team is archived: it takes no application and no new event; its history stays. */
  'TEAM.ARCHIVED': 409,
  // Admin (issue 19): a town's working time.
  /** The working day would end before it starts, or last less than an hour; nothing was written. */
  'TOWN.SETTINGS_INVALID': 400,
  // 街坊议事 (issue 21, third round).
  /** A decision hands a concern to a volunteer team only when the caller is the staff who will handle it. */
  'TOPIC.ACTION_NOT_HANDLER': 403,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Codes a client may simply retry later, with the wait (seconds) an HTTP answer sends as `Retry-After`. */
export const RETRY_AFTER_SECONDS: Partial<Record<ErrorCode, number>> = { 'STORAGE.FULL': 30 };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/** The wire format of every action call, locally over HTTP and from a cloud function. */
export type WireResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string; details?: unknown };
