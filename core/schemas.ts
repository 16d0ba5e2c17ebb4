import { z } from 'zod';
import { TEXT_PROBLEM_MESSAGE, textProblem } from './text';
import { TOPIC_LIMITS } from './topics/topic-model';
import type { InboxFilter } from './views';
import { LIMITS } from './limits';

/**
 * The limits and the zod fragments the actions' input schemas share. Each action's own schema is part of
 * its declaration, in the actions file of its area (core/<area>/actions.ts, issue 23); the action map of
 * every schema is core/action-registry.ts's `schemas`.
 */
export { LIMITS, LIMITS_CONTACT } from './limits';

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id must be 1–64 letters, digits, _ or -');
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId must be 8–64 letters, digits, _ or -');
export const cursor = z.string().max(200);
export const limit = z.number().int().min(1).max(LIMITS.pageMax);
/** Refuses control characters, bidi overrides and text of invisible characters only (core/text.ts). */
export const visible = (s: string, ctx: z.RefinementCtx) => {
  const problem = textProblem(s);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: TEXT_PROBLEM_MESSAGE[problem] });
};
/** Non-blank text after trimming, at most `max` characters (counted as code points). */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, 'must not be blank')
    .refine((s) => [...s].length <= max, `must be at most ${max} characters`)
    .superRefine(visible);
/** A photo is a file id of our storage: `local://uploads/<name>` (local cloud) or `cloud://…` (CloudBase). */
export const photo = z
  .string()
  .max(512)
  .regex(/^(local:\/\/uploads\/[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|gif|webp)|cloud:\/\/[A-Za-z0-9._-]+\/[A-Za-z0-9._\/-]+)$/, 'photo must be a file id of our storage (local://uploads/… or cloud://…)');
export const latLng = z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).strict();
/** The coordinate system of a reported position: WGS-84 (GPS, the default) or GCJ-02 (WeChat's getLocation type 'gcj02', chooseLocation). */
export const coord = z.enum(['wgs84', 'gcj02']);
export const photos = z.array(photo).max(LIMITS.photosMax);
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM');
/** Ids built from two ids, e.g. a membership `${teamId}_${openid}` or a sign-up `${eventId}_${openid}`. */
export const pairId = z.string().regex(/^[A-Za-z0-9_-]{3,140}$/, 'id must be 3–140 letters, digits, _ or -');
/** An ISO 8601 instant with a zone (Z or an offset), normalised to UTC `…Z`. */
export const instant = z
  .string()
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString());
/** Text that may be empty, trimmed, at most `max` code points. */
export const optionalText = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .refine((s) => [...s].length <= max, `must be at most ${max} characters`)
    .superRefine(visible);
export const scanCode = z.string().min(1).max(200);
/** A calendar day, YYYY-MM-DD, in Beijing time. */
export const day = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'day must be YYYY-MM-DD');
/** A YYYY-MM-DD that is on the calendar (no 02-30). */
export const realDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};
export const exportFormat = z.enum(['csv', 'xlsx']);
/** The open-inbox filters of the staff workbench. */
export const INBOX_FILTERS = ['dueToday', 'overdue', 'toAccept', 'toDispatch'] as const satisfies readonly InboxFilter[];
export const inboxFilter = z.enum(INBOX_FILTERS);
/** A mainland mobile number, as the roster stores it. */
export const phone = z.string().regex(/^1\d{10}$/, 'phone must be 11 digits starting with 1');
/** A node's own code in its town (issue 19), e.g. a 村居 or 网格 number of the town's register. */
export const nodeCode = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'code must be 1–32 letters, digits, _ or -');
export const concernStatus = z.enum(['submitted', 'dispatching', 'assigned', 'accepted', 'in_progress', 'resolved', 'closed', 'withdrawn']);

/** A topic's options: none (a discussion) or 2–6 distinct labels. */
export const topicOptions = z
  .array(text(TOPIC_LIMITS.optionMax))
  .max(TOPIC_LIMITS.optionsMax)
  .refine((xs) => xs.length === 0 || xs.length >= TOPIC_LIMITS.optionsMin, `give no options or at least ${TOPIC_LIMITS.optionsMin}`)
  .refine((xs) => new Set(xs).size === xs.length, 'options must differ');

// The types keyed by action name, derived from the declarations (type-only: no cycle at run time).
export type { ActionName, InputOf, ParsedInputOf } from './action-registry';
