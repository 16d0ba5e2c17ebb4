import { AppError, type WireResult } from './errors';

/** Maps a thrown error to the wire format and an HTTP-like status. Unknown errors never leak details. */
export function toWireError(e: unknown): { status: number; body: WireResult<never> } {
  if (e instanceof AppError) {
    return { status: e.status, body: { ok: false, code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }) } };
  }
  return { status: 500, body: { ok: false, code: 'INTERNAL', message: 'internal error' } };
}
