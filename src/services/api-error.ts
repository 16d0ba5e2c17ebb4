/** Client-side error codes, besides those the backend sends (core/errors.ts). */
export const NETWORK_FAILED = 'NETWORK.FAILED';

/** An action call that failed: a backend `{ok:false}` answer or a transport failure. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    // Keep `instanceof` working when classes are compiled to ES5.
    Object.setPrototypeOf(this, ApiError.prototype);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError || (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string');
}

/** The error code of anything thrown, for `errorText`. */
export function codeOf(e: unknown): string {
  return isApiError(e) ? e.code : 'UNKNOWN';
}
