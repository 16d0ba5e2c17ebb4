import { AppError } from '../core/errors';

export interface CursorKey {
  at: string;
  id: string;
}

/** Opaque keyset cursor: the last item's (createdAt, id). */
export function encodeCursor(k: CursorKey): string {
  return Buffer.from(JSON.stringify([k.at, k.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { at: v[0], id: v[1] };
  } catch {
    // fall through to the validation error below
  }
  throw new AppError('VALIDATION.FAILED', 'invalid cursor');
}
