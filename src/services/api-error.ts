/** Client-side error codes, besides those the backend sends (core/errors.ts). */
export const NETWORK_FAILED = 'NETWORK.FAILED';

/** An action call that failed: a backend `{ok:false}` answer or a transport failure. */
export class ApiError extends Error {
  readonly code: string;
  /** What the backend said in detail, e.g. the problems of an import or a holiday list, line by line. */
  readonly details?: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
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
