/**
 * Content security shared by every module that stores user text: the check's verdict becomes a
 * moderation state, and held text is replaced by a placeholder for everyone but its author(s) and the
 * moderators. Held text is never dropped: a moderator publishes or rejects it (core/moderation.ts).
 */
import type { Caller, Moderation } from './model';
import type { Deps } from './ports';

/** Shown in place of held text to anyone but its author and the moderators. */
export const HELD_TEXT = '（该内容正在审核，审核通过后显示）';

/** Runs the content check on user text: anything but a pass is held for a moderator, never dropped. */
export async function moderate(deps: Deps, caller: Caller, text: string): Promise<Moderation> {
  const { verdict } = await deps.contentCheck.check(text, caller.openid);
  return verdict === 'pass' ? 'published' : 'held';
}

/**
 * Whether a concern may appear on a public surface (the board, "the same problem nearby", Open311's
 * public view): its description is published, and it is not a 举报 — a whistle-blower's report is never
 * shown to other residents. The stores' board queries apply the same rule.
 */
export function isPublicConcern(c: { moderation: Moderation }, category: { kind: string } | undefined): boolean {
  return c.moderation === 'published' && category?.kind !== 'report';
}

/** Text for a notice, an export or another surface beyond the author and moderators: held text never goes. */
export function releasedText(text: string, moderation: Moderation): string {
  return moderation === 'published' ? text : HELD_TEXT;
}

/**
 * The text as this caller may see it: published text to all; held or rejected text to its author (who
 * sees it marked as under review) and the moderators, a placeholder to everyone else.
 */
export function shownText(caller: Caller, isAuthor: boolean, text: string, moderation: Moderation): string {
  return moderation === 'published' || isAuthor || caller.role === 'admin' ? text : HELD_TEXT;
}
