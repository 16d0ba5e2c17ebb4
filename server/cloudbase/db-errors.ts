/** Reading the SDK's errors (apart from db.ts, so that retry.ts can use them without a cycle). */

/** True when the SDK reported a duplicate `_id` (MongoDB E11000). */
export function isDuplicateKey(e: unknown): boolean {
  const message = e !== null && typeof e === 'object' ? (e as { message?: unknown }).message : undefined;
  return typeof message === 'string' && /E11000|duplicate key/i.test(message);
}

/** A TcbError's code, when the SDK threw one. */
export function errorCode(e: unknown): string | null {
  return e !== null && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : null;
}
