/**
 * Short-lived signed codes (issue 14, item 8): the event check-in QR on a leader's screen and a resident's
 * personal volunteer code change every CODE_WINDOW_MS. A code names its window and carries a keyed digest
 * (deps.digest: HMAC-SHA256 with the server secret) of what it stands for and that window, so nobody can
 * make one without the server, and a photo of an old code is refused: only the current and the previous
 * window are accepted (a code scanned just after it changed still works). Pure; the clock is deps.now.
 */
import type { Deps } from './ports';

export const CODE_WINDOW_MS = 60_000;
const MAC_LENGTH = 16;

export type CodeKind = 'event' | 'person';

export interface SignedCode {
  /** The signed part of the QR text: `${window}:${mac}`. */
  signed: string;
  /** When the next window starts (the screen should show a new code by then). */
  expiresAt: string;
}

const windowAt = (deps: Pick<Deps, 'now'>) => Math.floor(deps.now().getTime() / CODE_WINDOW_MS);
const mac = (deps: Pick<Deps, 'digest'>, kind: CodeKind, subject: string, window: number) => deps.digest(`code:${kind}:${subject}:${window}`).slice(0, MAC_LENGTH);

/** The code for `subject` (an event and its secret, or a person's code id) in the current window. */
export function signCode(deps: Pick<Deps, 'digest' | 'now'>, kind: CodeKind, subject: string): SignedCode {
  const w = windowAt(deps);
  return { signed: `${w}:${mac(deps, kind, subject, w)}`, expiresAt: new Date((w + 1) * CODE_WINDOW_MS).toISOString() };
}

/**
 * 'valid' for a code of the current or previous window, 'expired' for a genuine code of an older window,
 * 'invalid' for anything the server did not sign for this subject (or a window not yet begun).
 */
export function checkCode(deps: Pick<Deps, 'digest' | 'now'>, kind: CodeKind, subject: string, windowText: string, given: string): 'valid' | 'expired' | 'invalid' {
  if (!/^\d{1,12}$/.test(windowText) || given.length !== MAC_LENGTH) return 'invalid';
  const w = Number(windowText);
  const now = windowAt(deps);
  if (w > now || !sameText(mac(deps, kind, subject, w), given)) return 'invalid';
  return w >= now - 1 ? 'valid' : 'expired';
}

/** Compares without stopping at the first difference, so timing says nothing about the expected digest. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
