import { createHmac, randomBytes } from 'node:crypto';

/** Time-ordered, unguessable ids: prefix, milliseconds in base36, 10 random hex digits. */
export function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}

/** deps.digest: HMAC-SHA256 of a message with the server secret, as hex. */
export function hmacDigest(secret: string | Buffer): (message: string) => string {
  return (message) => createHmac('sha256', secret).update(message).digest('hex');
}
