/**
 * The typed action map: the one API between the mini program and the backend. Each action is declared
 * once, in its area's core/<area>/actions.ts (issue 23); core/action-registry.ts merges them. The mini
 * program takes the plain-data catalogue (core/action-catalog.ts) at run time and these types only.
 */
import type { ActionName, InputOf } from './action-registry';

export { ACTION_FUNCTION, FUNCTION_NAMES, isActionName } from './action-registry';
export type { ActionName, ActionOutput } from './action-registry';
export type { FunctionName } from './action-kit';

export type ActionInput<A extends ActionName> = InputOf<A>;
