const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A random idempotency key: 22 chars of [A-Za-z0-9_-]. Generated once per form or per tap, so a
 * retried request is recognised by the backend instead of acting twice.
 */
export function newRequestId(length = 22): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return out;
}
