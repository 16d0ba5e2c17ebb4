/**
 * The thin adapter every cloud function shares: identity from the CloudBase context (never from the
 * event), the same router as the local cloud, and errors mapped to the wire format. Nothing is
 * swallowed: unexpected errors are logged with their stack and answered as INTERNAL.
 */
import { AppError, type WireResult } from '../core/errors';
import type { Router } from '../core/router';
import { toWireError } from '../core/wire';

export interface CloudEvent {
  action?: unknown;
  data?: unknown;
}

/** Reads the caller's openid from the function context; null when the call did not come from a signed-in user. */
export type IdentityOf = (context: unknown) => string | null;

export function createCloudHandler(fn: string, getRouter: () => Promise<Router>, identityOf: IdentityOf) {
  return async function main(event: CloudEvent, context: unknown): Promise<WireResult<unknown>> {
    try {
      const openid = identityOf(context);
      if (!openid) throw new AppError('AUTH.REQUIRED', 'no WeChat identity in the call context');
      if (typeof event?.action !== 'string') throw new AppError('VALIDATION.FAILED', 'event must be {action, data}');
      const router = await getRouter();
      return { ok: true, data: await router.call(fn, event.action, event.data, openid) };
    } catch (e) {
      const { status, body } = toWireError(e);
      if (status >= 500) console.error(`[jiefang:${fn}]`, e);
      return body;
    }
  };
}

/**
 * The adapter of a timer function (e.g. `sla`): it runs a system job, never for a user. A call that carries
 * a WeChat identity came from the mini program, not from the timer trigger, and is refused.
 */
export function createTimerHandler<T>(fn: string, job: () => Promise<T>, identityOf: IdentityOf) {
  return async function main(_event: unknown, context: unknown): Promise<WireResult<T>> {
    try {
      if (identityOf(context)) throw new AppError('AUTH.FORBIDDEN', `${fn} runs only from its timer trigger`);
      return { ok: true, data: await job() };
    } catch (e) {
      const { status, body } = toWireError(e);
      if (status >= 500) console.error(`[jiefang:${fn}]`, e);
      return body;
    }
  };
}
