/**
 * Every action of the API, merged from the areas' declarations (issue 23), and what derives from them:
 * the action names, input and output types, the input schemas, the function map and the policy table.
 * To add an action, declare it in its area's core/<area>/actions.ts (README, "How to add an action").
 */
import type { z } from 'zod';
import type { ActionRule, FunctionName } from './action-kit';
import { ADMIN_ACTIONS, ADMIN_INPUTS } from './admin/actions';
import { CONCERN_ACTIONS, CONCERN_INPUTS } from './concerns/actions';
import { DIRECTORY_ACTIONS, DIRECTORY_INPUTS } from './directory/actions';
import { POINTS_ACTIONS, POINTS_INPUTS } from './points/actions';
import { TOPIC_ACTIONS, TOPIC_INPUTS } from './topics/actions';
import { TRUST_ACTIONS, TRUST_INPUTS } from './trust/actions';
import { VOLUNTEER_ACTIONS, VOLUNTEER_INPUTS } from './volunteers/actions';

/** Every action's input schema, by name. */
export const schemas = { ...DIRECTORY_INPUTS, ...CONCERN_INPUTS, ...TRUST_INPUTS, ...VOLUNTEER_INPUTS, ...TOPIC_INPUTS, ...POINTS_INPUTS, ...ADMIN_INPUTS } as const;

export type ActionName = keyof typeof schemas;
export type InputOf<A extends ActionName> = z.input<(typeof schemas)[A]>;
export type ParsedInputOf<A extends ActionName> = z.output<(typeof schemas)[A]>;

/** Every action's declaration, by name. */
export const ACTIONS = { ...DIRECTORY_ACTIONS, ...CONCERN_ACTIONS, ...TRUST_ACTIONS, ...VOLUNTEER_ACTIONS, ...TOPIC_ACTIONS, ...POINTS_ACTIONS, ...ADMIN_ACTIONS };

/** What an action answers: what its handler resolves to. */
export type ActionOutput<A extends ActionName> = Awaited<ReturnType<(typeof ACTIONS)[A]['handler']>>;

/** Every action's output, by name. */
export type Outputs = { [A in ActionName]: ActionOutput<A> };

const NAMES = Object.keys(ACTIONS) as ActionName[];
const byName = <T>(pick: (a: ActionName) => T) => Object.fromEntries(NAMES.map((a) => [a, pick(a)])) as Record<ActionName, T>;

export const ACTION_FUNCTION: Readonly<Record<ActionName, FunctionName>> = byName((a) => ACTIONS[a].fn);

export const ACTION_POLICY: Readonly<Record<ActionName, ActionRule>> = byName((a) => {
  const { roles, write, budget } = ACTIONS[a] as ActionRule;
  return budget ? { roles, write, budget } : { roles, write };
});

export const FUNCTION_NAMES: readonly FunctionName[] = [...new Set(Object.values(ACTION_FUNCTION))];

export function isActionName(s: string): s is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, s);
}
