/**
 * What an action declaration holds (issue 23) and `defineActions`, which checks a whole area's
 * declarations against its input schemas while keeping each action's literal name and handler type.
 * core/<area>/actions.ts declares the actions; core/action-registry.ts merges the areas and derives the
 * function map, the policy table and the output types from them.
 */
import type { z, ZodTypeAny } from 'zod';
import type { ConcernCtx } from './concerns/concern-ctx';
import type { Role } from './model';

/** Cloud functions, grouped by area; each deploys on its own. */
export type FunctionName = 'concern' | 'volunteer';

/** What every handler is given: the ports, the directory of this call and the caller (core/concerns/concern-ctx.ts). */
export type ActionCtx = ConcernCtx;

export const ALL_ROLES: readonly Role[] = ['resident', 'staff', 'office', 'admin'];
export const EVERYONE = ALL_ROLES;
export const WORKERS: readonly Role[] = ['staff', 'office', 'admin'];
export const HANDLERS: readonly Role[] = ['staff', 'office'];

/** Who may call an action, and whether it writes. The router checks it before the handler runs; object-level rules live in access.ts. */
export interface ActionRule {
  roles: readonly Role[];
  /** Writes are rate-limited per caller and, for staff and admins, audited. */
  write: boolean;
  /** A stricter, action-specific budget on top of the write budget. */
  budget?: 'submit';
}

/** One action, but for its input schema (the area's `…_INPUTS` map holds it, under the same name). */
export interface ActionDecl<P> extends ActionRule {
  /** The cloud function that serves the action. */
  fn: FunctionName;
  /** Runs the action on parsed input; what it resolves to is the action's output type. */
  handler(ctx: ActionCtx, input: P): Promise<unknown>;
}

/**
 * The declarations of one area: one per input schema, no more and no fewer; each handler takes its own
 * schema's parsed input. Answers each declaration with its `input` schema joined in.
 */
export function defineActions<const I extends Record<string, ZodTypeAny>, M extends { [K in keyof I]: ActionDecl<z.output<I[K]>> }>(
  inputs: I,
  decls: M & Record<Exclude<keyof M, keyof I>, never>,
): { [K in keyof I]: M[K] & { input: I[K] } } {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(inputs)) out[name] = { ...(decls[name as keyof I] as ActionRule), input: inputs[name] };
  return out as { [K in keyof I]: M[K] & { input: I[K] } };
}
