/**
 * A validation rule whose refusal deserves its own error code (not the generic VALIDATION.FAILED): the
 * schema marks the issue with `params.code`, and the router answers that code, with every issue as details.
 */
import type { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from './errors';

export const codedParams = (code: ErrorCode) => ({ code });

/** The first issue's own error code, or VALIDATION.FAILED when no issue names one. */
export function codeOfIssues(issues: readonly z.ZodIssue[]): ErrorCode {
  for (const i of issues) {
    const code = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined;
    if (typeof code === 'string' && code in ERROR_CODES) return code as ErrorCode;
  }
  return 'VALIDATION.FAILED';
}
