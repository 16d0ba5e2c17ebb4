/**
 * Content security shared by every module that stores user text: the check's verdict becomes a
 * moderation state, and held text is replaced by a placeholder for everyone but its author(s) and the
 * moderators. Held text is never dropped: a moderator publishes or rejects it (core/trust/moderation.ts).
 */
import type { DirectorySnapshot } from '../directory/directory';
import { AppError } from '../errors';
import type { Caller, Moderation } from '../model';
import type { Deps } from '../ports';
import { adminTowns } from '../scope';

/** Shown in place of held text to anyone but its author and the moderators. */
export const HELD_TEXT = '（该内容正在审核，审核通过后显示）';

/**
 * How a `reject` (msgSecCheck's `risky`) verdict is taken: `refuse` for text a person types in the app, who
 * can change it and is told why (CONTENT.RISKY, nothing stored); `hold` for text relayed from elsewhere (a
 * 12345 ticket, an Open311 post), whose sender cannot rephrase it: a moderator decides.
 */
export type RiskyPolicy = 'refuse' | 'hold';

/**
 * Runs the content check on user text. A pass is published; a `review` verdict (and a check that failed or
 * timed out) is held for a moderator, never dropped; a `reject` verdict is refused at submit by default.
 */
export async function moderate(deps: Deps, caller: Caller, text: string, risky: RiskyPolicy = 'refuse'): Promise<Moderation> {
  const { verdict, label } = await deps.contentCheck.check(text, caller.openid);
  if (verdict === 'reject' && risky === 'refuse') {
    throw new AppError('CONTENT.RISKY', `the content check refused the text (${label ?? 'no label'})`, { label: label ?? 'other' });
  }
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
 * sees it marked as under review), to those who must act on it (`mustAct`: a concern's handlers, marked
 * 待审核) and the moderators, a placeholder to everyone else.
 */
export function shownText(caller: Caller, isAuthor: boolean, text: string, moderation: Moderation, mustAct = false, town?: TextTown): string {
  if (moderation === 'published' || isAuthor || mustAct) return text;
  return (town ? moderatesTown(town.snap, caller, town.townId) : caller.role === 'admin') ? text : HELD_TEXT;
}

/**
 * The town of a text read across towns (街坊议事: a topic opens from a shared link anywhere): its held text
 * is then shown to the moderators of that town (its admins and the district's) only, not to every admin.
 */
export interface TextTown {
  snap: DirectorySnapshot;
  townId: string;
}

/** Whether the caller moderates the texts of this town: its admins and the district's. */
export function moderatesTown(snap: DirectorySnapshot, caller: Caller, townId: string): boolean {
  const towns = adminTowns(snap, caller);
  return towns === null || towns.includes(townId);
}
