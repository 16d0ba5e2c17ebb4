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

/** Timer triggers by function: the one event each timer function runs for (also written into its config.json). */
export const TIMER_TRIGGERS = { sla: 'sla-every-10-minutes', notify: 'every-minute' } as const;

/** A CloudBase (SCF) timer event: `{Type: 'Timer', TriggerName, Time, Message}`. */
function isTimerEvent(event: unknown, trigger: string): boolean {
  if (event === null || typeof event !== 'object') return false;
  const e = event as Record<string, unknown>;
  return e.Type === 'Timer' && e.TriggerName === trigger && !('userInfo' in e);
}

/**
 * The adapter of a timer function (`sla`, `notify`): it runs a system job, never for a person. It runs only
 * for its own timer trigger's event, and only when the context names no person and no person's source
 * (`personInvoked`): a call from the mini program, the IDE, the HTTP API or a CloudBase login is
 * AUTH.FORBIDDEN, whatever its event says.
 */
export function createTimerHandler<T>(fn: string, trigger: string, job: () => Promise<T>, personOf: (context: unknown) => string | null) {
  return async function main(event: unknown, context: unknown): Promise<WireResult<T>> {
    try {
      const person = personOf(context);
      if (person) throw new AppError('AUTH.FORBIDDEN', `${fn} runs only from its timer trigger (the call came with ${person})`);
      if (!isTimerEvent(event, trigger)) throw new AppError('AUTH.FORBIDDEN', `${fn} runs only from its timer trigger ${trigger}`);
      return { ok: true, data: await job() };
    } catch (e) {
      const { status, body } = toWireError(e);
      if (status >= 500) console.error(`[jiefang:${fn}]`, e);
      else console.warn(`[jiefang:${fn}] refused:`, body.ok ? '' : body.message);
      return body;
    }
  };
}
