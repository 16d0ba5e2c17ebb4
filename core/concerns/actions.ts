/**
 * Concerns (诉求) from report to rating, the public board, statistics and exports.
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions, EVERYONE, WORKERS, HANDLERS } from '../action-kit';
import { codedParams } from '../coded-issue';
import { textProblem } from '../text';
import { LIMITS, id, requestId, cursor, limit, text, latLng, coord, photos, month, day, exportFormat, inboxFilter, concernStatus } from '../schemas';
import * as board from '../board/board-service';
import * as concernIntake from './concern-intake';
import * as concernInbox from './concern-inbox';
import * as concernRead from './concern-read';
import * as concernMoves from './concern-moves';
import * as followUp from './concern-followup';
import * as exports_ from './export-service';
import * as points from '../points/points-service';
import { importHotline } from './hotline-import';
import { ratesWithVolunteers } from '../volunteers/action-stats';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const CONCERN_INPUTS = {
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
  // Residents following up (#17): 撤回 with a reason, 催办.
  'concern/withdraw': z.object({ id, reason: text(LIMITS.reasonMax), requestId: requestId.optional() }).strict(),
  'concern/chase': z.object({ id, requestId: requestId.optional() }).strict(),
} as const;

export const CONCERN_ACTIONS = defineActions(CONCERN_INPUTS, {
  // Staff are residents too: anyone may report a concern of their own.
  'concern/submit': { fn: 'concern', roles: EVERYONE, write: true, budget: 'submit', handler: concernIntake.submit },
  'concern/listMine': { fn: 'concern', roles: EVERYONE, write: false, handler: concernInbox.listMine },
  'concern/get': { fn: 'concern', roles: EVERYONE, write: false, handler: concernRead.get },
  'concern/inbox': { fn: 'concern', roles: WORKERS, write: false, handler: concernInbox.inbox },
  'concern/inboxCounts': { fn: 'concern', roles: WORKERS, write: false, handler: concernInbox.inboxCounts },
  'concern/accept': { fn: 'concern', roles: HANDLERS, write: true, handler: concernMoves.accept },
  // Residents reply in their own concern's thread; access.ts decides per concern.
  'concern/reply': { fn: 'concern', roles: EVERYONE, write: true, handler: concernMoves.reply },
  'concern/resolve': { fn: 'concern', roles: HANDLERS, write: true, handler: points.resolveAndAward },
  // Only the reporter rates; access checks decide per concern.
  'concern/rate': { fn: 'concern', roles: EVERYONE, write: true, handler: concernMoves.rate },
  'concern/dispatch': { fn: 'concern', roles: HANDLERS, write: true, handler: concernMoves.dispatch },
  'concern/transfer': { fn: 'concern', roles: HANDLERS, write: true, handler: concernMoves.transfer },
  'concern/return': { fn: 'concern', roles: HANDLERS, write: true, handler: concernMoves.returnToQueue },
  'concern/escalate': { fn: 'concern', roles: HANDLERS, write: true, handler: concernMoves.escalate },
  'stats/rates': { fn: 'concern', roles: WORKERS, write: false, handler: ratesWithVolunteers },
  // The public board shows only scrubbed cards of towns that turned it on; "+1" once per person.
  'board/list': { fn: 'concern', roles: EVERYONE, write: false, handler: board.list },
  'board/get': { fn: 'concern', roles: EVERYONE, write: false, handler: board.get },
  'concern/similar': { fn: 'concern', roles: EVERYONE, write: false, handler: board.similar },
  'concern/plusOne': { fn: 'concern', roles: EVERYONE, write: true, handler: board.plusOne },
  'town/replyTemplates': { fn: 'concern', roles: WORKERS, write: false, handler: board.replyTemplates },
  'town/setReplyTemplates': { fn: 'concern', roles: ['admin'], write: true, handler: board.setReplyTemplates },
  // 12345 hotline tickets into concerns; the admin's own town (or district).
  'concern/importHotline': { fn: 'concern', roles: ['admin'], write: true, handler: importHotline },
  // Not writes, but bulk hand-outs of data: budgeted and audited like writes. Scope: the caller's own subtree.
  'export/concerns': { fn: 'concern', roles: WORKERS, write: true, handler: exports_.exportConcerns },
  'export/rates': { fn: 'concern', roles: WORKERS, write: true, handler: exports_.exportRates },
  // Residents following up (#17): only the reporter, decided per concern (staff report concerns too).
  'concern/withdraw': { fn: 'concern', roles: EVERYONE, write: true, handler: followUp.withdraw },
  'concern/chase': { fn: 'concern', roles: EVERYONE, write: true, handler: followUp.chase },
});
