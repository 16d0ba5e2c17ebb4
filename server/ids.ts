import { randomBytes } from 'node:crypto';

/** Time-ordered, unguessable ids: prefix, milliseconds in base36, 10 random hex digits. */
export function newId(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;
}
