/**
 * Feedback about the app and moderation of what the content check held or residents reported.
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions, EVERYONE } from '../action-kit';
import { REPORT_REASONS } from './report-model';
import { LIMITS, id, cursor, limit, text, pairId, optionalText } from '../schemas';
import * as moderation from './moderation';
import * as reports from './content-reports';
import { moderate } from './content';
import { adminTowns, townOf } from '../scope';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const TRUST_INPUTS = {
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
} as const;

export const TRUST_ACTIONS = defineActions(TRUST_INPUTS, {
  // Feedback about the app itself: anyone may send it; admins read it.
  'feedback/submit': {
    fn: 'concern', roles: EVERYONE, write: true,
    handler: async (ctx, input) => {
      const verdict = await moderate(ctx.deps, ctx.caller, input.text);
      const id = ctx.deps.newId('f');
      const contact = input.contact ? input.contact : null;
      // Filed under the town the author works in; a resident's, the town of their latest report (else the district's).
      const latest = async () => (await ctx.deps.store.concerns.listByReporter(ctx.caller.openid, { cursor: null, limit: 1 })).items[0]?.route.townId ?? null;
      const townId = townOf(await ctx.directory.current(), ctx.caller) ?? (await latest());
      await ctx.deps.store.feedback.add({ id, authorOpenid: ctx.caller.openid, text: input.text, contact, townId, createdAt: ctx.deps.now().toISOString(), moderation: verdict });
      return { id };
    },
  },
  'feedback/list': { fn: 'concern', roles: ['admin'], write: false, handler: async (ctx, input) => ctx.deps.store.feedback.list(adminTowns(await ctx.directory.current(), ctx.caller), { cursor: input.cursor ?? null, limit: input.limit ?? 20 }) },
  // The town admin moderates what the content check held.
  'moderation/list': { fn: 'concern', roles: ['admin'], write: false, handler: async (ctx) => moderation.listHeld(ctx) },
  'moderation/decide': { fn: 'concern', roles: ['admin'], write: true, handler: moderation.decide },
  // 举报: anyone who sees a text may report it; access is decided per concern.
  'moderation/report': { fn: 'concern', roles: EVERYONE, write: true, handler: reports.report },
});
