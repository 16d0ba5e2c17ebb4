import { AppError } from './errors';
import type { ConcernStatus } from './model';

/** Lifecycle moves. `route_*` are taken by the system at submit; the rest by people. */
export type LifecycleAction = 'route_assign' | 'route_dispatch' | 'accept' | 'reply' | 'resolve';

/**
 * The concern lifecycle as a transition table: state → action → next state. An action that is not in a
 * state's row is illegal there. Every legal move appends an event to the timeline (see `EVENT_OF`).
 */
export const TRANSITIONS: Readonly<Record<ConcernStatus, Readonly<Partial<Record<LifecycleAction, ConcernStatus>>>>> = {
  submitted: { route_assign: 'assigned', route_dispatch: 'dispatching' },
  dispatching: {},
  assigned: { accept: 'accepted' },
  accepted: { reply: 'in_progress', resolve: 'resolved' },
  in_progress: { reply: 'in_progress', resolve: 'resolved' },
  resolved: {},
  closed: {},
};

/** The timeline event type each action appends. */
export const EVENT_OF: Readonly<Record<LifecycleAction, string>> = {
  route_assign: 'assigned',
  route_dispatch: 'queued_for_dispatch',
  accept: 'accepted',
  reply: 'replied',
  resolve: 'resolved',
};

export const ALL_STATUSES = Object.keys(TRANSITIONS) as ConcernStatus[];
export const ALL_LIFECYCLE_ACTIONS = Object.keys(EVENT_OF) as LifecycleAction[];

/** States in which a concern still needs a handler's work. */
export const OPEN_STATUSES: readonly ConcernStatus[] = ['submitted', 'dispatching', 'assigned', 'accepted', 'in_progress'];

export function nextStatus(from: ConcernStatus, action: LifecycleAction): ConcernStatus {
  const to = TRANSITIONS[from][action];
  if (!to) {
    throw new AppError('CONCERN.ILLEGAL_TRANSITION', `cannot ${action} a concern that is ${from}`, { from, action });
  }
  return to;
}

export function canMove(from: ConcernStatus, action: LifecycleAction): boolean {
  return TRANSITIONS[from][action] !== undefined;
}
