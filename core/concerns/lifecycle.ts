import { AppError, type ErrorCode } from '../errors';
import type { ConcernStatus } from '../model';

/**
 * Lifecycle moves (the 接诉即办 cycle). `route_*` and `sla_*` are taken by the system; the rest by people:
 * - dispatch 派单: the town dispatcher routes a queued concern to a node below the town;
 * - accept 签收, reply 回复, resolve 办结: a handler works the case;
 * - comment: the reporter adds to the thread (no status change);
 * - rate (满意/基本满意 closes it) and reopen (不满意 reopens it, 重办): the reporter, once per round;
 * - transfer 转派 (to another node of the town), return 退回 (to the dispatcher), escalate 上报 (one level up);
 * - sla_escalate: a missed clock moves the case one level up; sla_flag: a missed clock at the top level;
 * - withdraw 撤回 (before anyone accepted it, with a reason) and chase 催办 (no status change): the reporter.
 */
export type LifecycleAction =
  | 'route_assign'
  | 'route_dispatch'
  | 'dispatch'
  | 'accept'
  | 'reply'
  | 'comment'
  | 'resolve'
  | 'rate'
  | 'reopen'
  | 'transfer'
  | 'return'
  | 'escalate'
  | 'sla_escalate'
  | 'sla_flag'
  | 'withdraw'
  | 'chase';

/**
 * Who takes a move, relative to one concern (see `actorsOf` in core/concerns/access.ts):
 * - reporter: the resident who reported it;
 * - handler: staff serving its handling node or an ancestor, or its co-handling office;
 * - dispatcher: staff serving its town node (the 派单 queue); usually a handler too;
 * - system: routing at submit and the SLA timer.
 */
export type Actor = 'system' | 'reporter' | 'handler' | 'dispatcher';
export const ALL_ACTORS: readonly Actor[] = ['system', 'reporter', 'handler', 'dispatcher'];

const WORKING: readonly ConcernStatus[] = ['assigned', 'accepted', 'in_progress'];

/** Which actors may take each action (in the states TRANSITIONS allows). */
export const ACTORS: Readonly<Record<LifecycleAction, readonly Actor[]>> = {
  route_assign: ['system'],
  route_dispatch: ['system'],
  dispatch: ['dispatcher'],
  accept: ['handler'],
  reply: ['handler'],
  comment: ['reporter'],
  resolve: ['handler'],
  rate: ['reporter'],
  reopen: ['reporter'],
  transfer: ['handler'],
  return: ['handler'],
  escalate: ['handler'],
  sla_escalate: ['system'],
  sla_flag: ['system'],
  withdraw: ['reporter'],
  chase: ['reporter'],
};

function row(entries: Array<[LifecycleAction, ConcernStatus]>): Partial<Record<LifecycleAction, ConcernStatus>> {
  return Object.fromEntries(entries);
}

/** The moves that a handler can make on any case being worked, and where they lead. */
function working(self: ConcernStatus): Array<[LifecycleAction, ConcernStatus]> {
  return [
    ['comment', self],
    ['transfer', 'assigned'],
    ['return', 'dispatching'],
    ['escalate', 'assigned'],
    ['sla_escalate', 'assigned'],
    ['sla_flag', self],
  ];
}

/**
 * The concern lifecycle as a transition table: state → action → next state. An action that is not in a
 * state's row is illegal there. Every legal move appends an event to the timeline (see `EVENT_OF`).
 */
export const TRANSITIONS: Readonly<Record<ConcernStatus, Readonly<Partial<Record<LifecycleAction, ConcernStatus>>>>> = {
  submitted: row([
    ['route_assign', 'assigned'],
    ['route_dispatch', 'dispatching'],
    ['comment', 'submitted'],
  ]),
  dispatching: row([
    ['dispatch', 'assigned'],
    ['comment', 'dispatching'],
    ['sla_flag', 'dispatching'],
    ['withdraw', 'withdrawn'],
    ['chase', 'dispatching'],
  ]),
  assigned: row([['accept', 'accepted'], ...working('assigned'), ['withdraw', 'withdrawn'], ['chase', 'assigned']]),
  accepted: row([
    ['reply', 'in_progress'],
    ['resolve', 'resolved'],
    ...working('accepted'),
    ['chase', 'accepted'],
  ]),
  in_progress: row([
    ['reply', 'in_progress'],
    ['resolve', 'resolved'],
    ...working('in_progress'),
    ['chase', 'in_progress'],
  ]),
  resolved: row([
    ['comment', 'resolved'],
    ['rate', 'closed'],
    ['reopen', 'assigned'],
  ]),
  closed: {},
  /** Withdrawn by the reporter before acceptance: nothing more happens to it. */
  withdrawn: {},
};

/** The timeline event type each action appends. */
export const EVENT_OF: Readonly<Record<LifecycleAction, string>> = {
  route_assign: 'assigned',
  route_dispatch: 'queued_for_dispatch',
  dispatch: 'dispatched',
  accept: 'accepted',
  reply: 'replied',
  comment: 'resident_replied',
  resolve: 'resolved',
  rate: 'rated',
  reopen: 'reopened',
  transfer: 'transferred',
  return: 'returned',
  escalate: 'escalated',
  sla_escalate: 'sla_escalated',
  sla_flag: 'sla_overdue',
  withdraw: 'withdrawn',
  chase: 'chased',
};

/** Timeline events of handling work (a move a handler or the dispatcher makes): whoever made one has handled the concern. */
export const HANDLING_EVENTS: ReadonlySet<string> = new Set(
  (Object.keys(EVENT_OF) as LifecycleAction[]).filter((a) => ACTORS[a].some((who) => who === 'handler' || who === 'dispatcher')).map((a) => EVENT_OF[a]),
);

export const ALL_STATUSES = Object.keys(TRANSITIONS) as ConcernStatus[];
export const ALL_LIFECYCLE_ACTIONS = Object.keys(EVENT_OF) as LifecycleAction[];

/** States in which a concern still needs a handler's work. */
export const OPEN_STATUSES: readonly ConcernStatus[] = ['submitted', 'dispatching', 'assigned', 'accepted', 'in_progress'];

/** Moves that a person must give a reason for (PRODUCT.md: 转派, 退回 need one; 上报 says why). */
export const REASON_REQUIRED: ReadonlySet<LifecycleAction> = new Set<LifecycleAction>(['transfer', 'return', 'escalate', 'withdraw']);

export function isOpen(status: ConcernStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export function isWorking(status: ConcernStatus): boolean {
  return WORKING.includes(status);
}

export type Decision =
  | { ok: true; to: ConcernStatus; event: string }
  | { ok: false; code: Extract<ErrorCode, 'AUTH.FORBIDDEN' | 'CONCERN.ILLEGAL_TRANSITION'> };

/**
 * Decides one move: refused with AUTH.FORBIDDEN when none of the caller's actor roles may take the action
 * at all, with CONCERN.ILLEGAL_TRANSITION when they may but not in this state; else the next state and
 * the event to append. (Whether the caller may see the concern is checked before, as CONCERN.NOT_FOUND.)
 */
export function decide(from: ConcernStatus, action: LifecycleAction, actors: readonly Actor[]): Decision {
  // Stryker disable next-line MethodExpression: each action names one kind of actor (lifecycle.test.ts pins it), so some and every agree.
  if (!ACTORS[action].some((a) => actors.includes(a))) return { ok: false, code: 'AUTH.FORBIDDEN' };
  const to = TRANSITIONS[from][action];
  if (!to) return { ok: false, code: 'CONCERN.ILLEGAL_TRANSITION' };
  return { ok: true, to, event: EVENT_OF[action] };
}

/** Like `decide`, throwing the refusal as an AppError. */
export function mustDecide(from: ConcernStatus, action: LifecycleAction, actors: readonly Actor[]): { to: ConcernStatus; event: string } {
  const d = decide(from, action, actors);
  if (!d.ok) {
    // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a message for the log; callers get the code and the details.
    const why = d.code === 'AUTH.FORBIDDEN' ? `only ${ACTORS[action].join('/')} may ${action}` : `cannot ${action} a concern that is ${from}`;
    throw new AppError(d.code, why, { from, action });
  }
  return d;
}

export function nextStatus(from: ConcernStatus, action: LifecycleAction): ConcernStatus {
  const to = TRANSITIONS[from][action];
  if (!to) {
    // Stryker disable next-line StringLiteral: a message for the log; callers get the code and the details.
    throw new AppError('CONCERN.ILLEGAL_TRANSITION', `cannot ${action} a concern that is ${from}`, { from, action });
  }
  return to;
}

export function canMove(from: ConcernStatus, action: LifecycleAction): boolean {
  return TRANSITIONS[from][action] !== undefined;
}
