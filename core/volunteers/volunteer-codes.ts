/**
 * The texts of the volunteer QR codes, signed for one minute (core/codes.ts): the event's check-in code on
 * its leader's screen, `JFEV:<eventId>:<window>:<mac>`, signed over the event and its stored secret; and a
 * resident's personal code, `JFP:<code>:<window>:<mac>`, signed over the person's stored code id. Scanning
 * checks the signature before anything else counts: a forged or foreign code is EVENT.CODE_INVALID, a
 * genuine code older than the previous window EVENT.CODE_EXPIRED.
 */
import { checkCode, signCode, type CodeKind } from '../codes';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { CodeView } from '../views';
import type { VolunteerEvent } from './volunteer-model';

/**
 * The ids of members and sign-ups that views carry (issue 14, item 7): a keyed digest of the stored id
 * (`${teamId}_${openid}`, `${eventId}_${openid}`), stable for a deployment's secret, different per team and
 * event, and not reversible to the openid. The actions that take a member or a sign-up accept these only.
 */
export const memberRef = (deps: Pick<Deps, 'digest'>, membershipId: string) => `m${deps.digest(`member:${membershipId}`).slice(0, 24)}`;
export const signUpRef = (deps: Pick<Deps, 'digest'>, signUpId: string) => `s${deps.digest(`signup:${signUpId}`).slice(0, 24)}`;

export const EVENT_QR_PREFIX = 'JFEV';
export const PERSON_QR_PREFIX = 'JFP';

type Signing = Pick<Deps, 'digest' | 'now'>;

const eventSubject = (e: Pick<VolunteerEvent, 'id' | 'checkinCode'>) => `${e.id}:${e.checkinCode}`;

function shown(deps: Signing, kind: CodeKind, prefix: string, handle: string, subject: string): CodeView {
  const { signed, expiresAt } = signCode(deps, kind, subject);
  return { qr: `${prefix}:${handle}:${signed}`, expiresAt };
}

export const eventQr = (deps: Signing, e: Pick<VolunteerEvent, 'id' | 'checkinCode'>): CodeView => shown(deps, 'event', EVENT_QR_PREFIX, e.id, eventSubject(e));
export const personQr = (deps: Signing, code: string): CodeView => shown(deps, 'person', PERSON_QR_PREFIX, code, code);

/** A scanned text split into `handle`, window and signature, or null when it is not a code of this kind. */
export function parseQr(text: string, prefix: string): { handle: string; window: string; mac: string } | null {
  const parts = text.trim().split(':');
  if (parts.length !== 4 || parts[0] !== prefix || parts[1] === '') return null;
  return { handle: parts[1], window: parts[2], mac: parts[3] };
}

function verify(deps: Signing, kind: CodeKind, subject: string, parsed: { window: string; mac: string }): void {
  const verdict = checkCode(deps, kind, subject, parsed.window, parsed.mac);
  if (verdict === 'expired') throw new AppError('EVENT.CODE_EXPIRED', 'this code is from an earlier minute: scan the one on screen now');
  if (verdict === 'invalid') throw new AppError('EVENT.CODE_INVALID', 'not a code this server signed');
}

export const verifyEventQr = (deps: Signing, e: Pick<VolunteerEvent, 'id' | 'checkinCode'>, parsed: { window: string; mac: string }) => verify(deps, 'event', eventSubject(e), parsed);

/** The person's code id from a scanned personal code, once its signature holds. */
export function personCodeOf(deps: Signing, text: string): string {
  const parsed = parseQr(text, PERSON_QR_PREFIX);
  if (!parsed) throw new AppError('EVENT.CODE_INVALID', 'not a personal volunteer code');
  verify(deps, 'person', parsed.handle, parsed);
  return parsed.handle;
}
