/**
 * Volunteer teams, events, check-in, hours and volunteer actions (issue 20).
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions, EVERYONE, HANDLERS } from '../action-kit';
import { codedParams } from '../coded-issue';
import { textProblem } from '../text';
import { LIMITS, id, requestId, text, latLng, coord, photos, pairId, instant, optionalText, scanCode } from '../schemas';
import * as volunteerMine from './volunteer-mine';
import * as volunteerAttendance from './volunteer-attendance';
import * as volunteerTeams from './volunteer-teams';
import * as volunteerEvents from './volunteer-events';
import * as volunteerExport from './volunteer-export';
import * as volunteerActions from './action-service';
import * as points from '../points/points-service';
import { markAttendance } from './volunteer-manual';
import { flagPlace } from './action-flag';
import { upcoming as upcomingEvents } from './event-upcoming';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const VOLUNTEER_INPUTS = {
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
  // Volunteer actions (issue 20).
  /** Hands concerns of one village or cooperative to a volunteer team of it (or of the town), as a draft for its leaders. */
  'concern/startAction': z.object({ ids: z.array(id).min(1).max(LIMITS.actionConcernsMax), teamId: id }).strict(),
  /** The leader's result of an ended action whose hours are confirmed: what was done, with after-photos. */
  'event/recordResult': z.object({ eventId: id, text: text(LIMITS.actionResultMax), photos: photos.optional() }).strict(),
  /** 办结 every concern of the action the caller handles, with its result. */
  'concern/resolveFromAction': z.object({ id }).strict(),
  /** Issue 16, item 7: the leader checks a signed-up person in (or, once in, out) by hand; `signUpId` as event/attendance lists it. */
  'event/markAttendance': z.object({ id, signUpId: id }).strict(),
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
  // Issue 17, item 5: the volunteer events a resident can still join near their place (home).
  'event/upcoming': z.object({ placeId: id.optional() }).strict(),
} as const;

export const VOLUNTEER_ACTIONS = defineActions(VOLUNTEER_INPUTS, {
  // Volunteering is for everyone, staff included; a team's leader is checked per team in volunteer-service.
  'volunteer/mine': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerMine.mine },
  'volunteer/code': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerAttendance.volunteerCode },
  'event/checkinCode': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerAttendance.checkinCode },
  'team/list': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerTeams.listTeams },
  'team/get': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerActions.teamDetail },
  'team/apply': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerTeams.apply },
  'team/review': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerTeams.review },
  'team/leave': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerTeams.leave },
  'team/setPartyMember': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerTeams.setPartyMember },
  'event/create': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerActions.createEvent },
  'event/get': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerActions.getEvent },
  'event/signup': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerEvents.signUp },
  'event/cancel': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerEvents.cancelSignUp },
  'event/cancelEvent': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerActions.cancelEvent },
  'event/scan': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerAttendance.scanEvent },
  'event/scanPerson': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerAttendance.scanPerson },
  'event/attendance': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerAttendance.getAttendance },
  'event/confirmHours': { fn: 'volunteer', roles: EVERYONE, write: true, handler: points.confirmHours },
  'event/exportCsv': { fn: 'volunteer', roles: EVERYONE, write: false, handler: volunteerExport.exportCsv },
  // Volunteer actions (issue 20): the concern's handlers start and resolve; the team's leader (checked per team) reports.
  'concern/startAction': { fn: 'concern', roles: HANDLERS, write: true, handler: volunteerActions.startAction },
  'event/recordResult': { fn: 'volunteer', roles: EVERYONE, write: true, handler: volunteerActions.recordResult },
  'concern/resolveFromAction': { fn: 'concern', roles: HANDLERS, write: true, handler: volunteerActions.resolveFromAction },
  // Issue 16, item 7: the team's leaders only (checked in the service); audited like every leader's volunteer write.
  'event/markAttendance': { fn: 'volunteer', roles: EVERYONE, write: true, handler: markAttendance },
  // Issue 20, item 3 (h20b): a team's leader (a resident) flags a place; leadership of the event's team is checked in the service. A report: the submit budget.
  'event/flagPlace': { fn: 'volunteer', roles: EVERYONE, write: true, budget: 'submit', handler: flagPlace },
  // Issue 17, item 5: anyone reads the joinable events near a place (published events only).
  'event/upcoming': { fn: 'volunteer', roles: EVERYONE, write: false, handler: upcomingEvents },
});
