/**
 * How the router starts a call's first reads (issue 22: on CloudBase every read is a round trip, so reads
 * that do not need each other are sent together):
 * - `SNAPSHOT_AHEAD`: actions whose handler reads the directory snapshot and never changes the directory
 *   (grid, staff, categories, calendar): the snapshot is read while the caller is resolved (CallDirectory).
 * - Actions residents may call resolve the caller with the staff entry, the user and the teams they lead
 *   read at once; staff-only actions read the staff entry first, as most of their callers are staff and
 *   need no other read (a committee member's day of reads stays small).
 */
import type { ActionName } from './actions';

export const SNAPSHOT_AHEAD: ReadonlySet<ActionName> = new Set<ActionName>([
  'concern/submit',
  'concern/listMine',
  'concern/get',
  'concern/inbox',
  'concern/inboxCounts',
  'concern/accept',
  'concern/reply',
  'concern/resolve',
  'concern/rate',
  'message/list',
  'team/list',
  'volunteer/mine',
  'event/signup',
  'topic/get',
  'topic/vote',
]);

/**
 * Actions whose handler is one concern move (`act` on `input.id`) and nothing after it:
 * - the router reads the concern (with whether `input.requestId` is in it) while it resolves the caller
 *   (`ctx.concernRead`): a read, decided on only once the caller is known, exactly as `act` would;
 * - it starts a staff write's audit entry once the move is stored (`ctx.committed`), in parallel with the
 *   reads of the answer, rather than after them. An action that stores more after a move (a volunteer
 *   action resolving its concerns) audits when it is done, as before.
 */
export const SINGLE_MOVES: ReadonlySet<ActionName> = new Set<ActionName>([
  'concern/accept',
  'concern/reply',
  'concern/resolve',
  'concern/rate',
  'concern/dispatch',
  'concern/transfer',
  'concern/return',
  'concern/escalate',
  'concern/withdraw',
  'concern/chase',
]);

/**
 * Staff-only writes whose handler begins with a concern move's reads (`act`) and has no effect before
 * them: the write budget is spent beside those reads (`ctx.budget`, awaited before the move is decided)
 * rather than before the handler starts. Handlers that check text or photos first spend it first.
 */
export const BUDGET_IN_MOVE: ReadonlySet<ActionName> = new Set<ActionName>(['concern/accept']);
