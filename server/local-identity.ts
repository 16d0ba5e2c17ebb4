import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../core/errors';

/** How long a local session lasts unless JIEFANG_SESSION_HOURS says otherwise. */
export const DEFAULT_SESSION_HOURS = 12;
/** A token issued this far in the future (another process's clock) is still accepted. */
const CLOCK_SKEW_MS = 60_000;

export interface LocalIdentityOptions {
  /** Signs the tokens; a random one per process when absent (then every session ends on restart). */
  secret?: string;
  /** Lifetime of a session; DEFAULT_SESSION_HOURS when absent. */
  ttlMs?: number;
  now?: () => Date;
}

/** What a valid token says: who, and when the session began. */
export interface LocalSession {
  openid: string;
  issuedAt: Date;
}

/**
 * The local stand-in for WeChat's identity: a signed session token naming an openid and the moment it
 * was issued. It exists only for the dev login; in a cloud function the openid comes from the CloudBase
 * context instead. A token ends `ttlMs` after it was issued; the local runtime also ends it when the
 * person deleted their account after it was issued (LocalRuntime.authenticate).
 */
export class LocalIdentity {
  private readonly secret: Buffer;
  private readonly ttlMs: number;
  private readonly now: () => Date;

  constructor(opts: LocalIdentityOptions = {}) {
    this.secret = opts.secret ? Buffer.from(opts.secret, 'utf8') : randomBytes(32);
    this.ttlMs = opts.ttlMs ?? DEFAULT_SESSION_HOURS * 3600_000;
    this.now = opts.now ?? (() => new Date());
  }

  issue(openid: string): string {
    const body = `${Buffer.from(openid, 'utf8').toString('base64url')}.${this.now().getTime().toString(36)}`;
    return `${body}.${this.sign(body)}`;
  }

  /** The session a bearer token names, or AUTH.REQUIRED for a missing, malformed, forged or expired token. */
  verify(authorization: string | undefined): LocalSession {
    const m = /^Bearer ([A-Za-z0-9_-]+)\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!m) throw new AppError('AUTH.REQUIRED', 'sign in first');
    const [, who, at, sig] = m;
    const want = Buffer.from(this.sign(`${who}.${at}`), 'utf8');
    const got = Buffer.from(sig, 'utf8');
    if (want.length !== got.length || !timingSafeEqual(want, got)) throw new AppError('AUTH.REQUIRED', 'invalid session');
    const issuedAt = parseInt(at, 36);
    const now = this.now().getTime();
    if (!(now - issuedAt < this.ttlMs) || issuedAt - now > CLOCK_SKEW_MS) throw new AppError('AUTH.REQUIRED', 'session expired');
    return { openid: Buffer.from(who, 'base64url').toString('utf8'), issuedAt: new Date(issuedAt) };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
