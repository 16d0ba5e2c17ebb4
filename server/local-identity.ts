import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../core/errors';

/**
 * The local stand-in for WeChat's identity: a signed session token naming an openid. It exists only
 * for the dev login; in a cloud function the openid comes from the CloudBase context instead.
 */
export class LocalIdentity {
  private readonly secret: Buffer;

  constructor(secret?: string) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  issue(openid: string): string {
    const body = Buffer.from(openid, 'utf8').toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The openid a bearer token names, or AUTH.REQUIRED for a missing, malformed or forged token. */
  verify(authorization: string | undefined): string {
    const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!m) throw new AppError('AUTH.REQUIRED', 'sign in first');
    const [, body, sig] = m;
    const want = Buffer.from(this.sign(body), 'utf8');
    const got = Buffer.from(sig, 'utf8');
    if (want.length !== got.length || !timingSafeEqual(want, got)) throw new AppError('AUTH.REQUIRED', 'invalid session');
    return Buffer.from(body, 'base64url').toString('utf8');
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
