/**
 * What every concern action runs with (issue 23 split core/concern-service.ts): the action context, the
 * read a move starts with, and the SLA policies a concern is clocked on.
 */
import { workCalendarOf } from '../directory/calendar';
import { categoryOverrides } from '../directory/category-service';
import type { TownWork } from '../directory/town-settings';
import type { DirectoryCache, DirectorySnapshot } from '../directory/directory';
import type { ActorRole, Caller, Concern } from '../model';
import type { Deps } from '../ports';
import { DEFAULT_SLA, type SlaConfig } from './sla';

interface Ctx {
  deps: Deps;
  directory: DirectoryCache;
  caller: Caller;
  /**
   * Called by a write once its change is stored (or found already stored), before the answer is built:
   * the router starts the audit entry then, in parallel with the reads of the answer (issue 22).
   */
  committed?: () => void;
  /**
   * The caller's write budget while it is being spent, for a handler that reads before it writes
   * (`BUDGET_IN_MOVE`): awaited before the handler's first effect, so a refused call changes nothing.
   */
  budget?: Promise<void>;
  /** The concern of a single move (`SINGLE_MOVES`) and whether the request is in it, read by the router ahead. */
  concernRead?: Promise<ConcernRead>;
}

/** A concern read for a move: the concern, and whether the move's requestId is already in it. */
export interface ConcernRead {
  concern: Concern | null;
  seen: boolean;
}

/** The read `act` starts with: the concern, and whether this request's step is already in it. */
export function readForMove(deps: Deps, id: string, openid: string, requestId: string | undefined): Promise<ConcernRead> {
  const repo = deps.store.concerns;
  return requestId ? repo.getWithRequest(id, openid, requestId) : repo.get(id).then((concern) => ({ concern, seen: false }));
}

export function actorRole(caller: Caller): ActorRole {
  return caller.role;
}

/**
 * The SLA policies of the deployment, clocked on the calendar stored in its directory; a town's own
 * overrides of a category (set by its admin, stored with the category) win over the deployment's, and so
 * does the town's working day (`day`, town/saveSettings) when the clock is the town's.
 */
export function slaFor(deps: Deps, snap: DirectorySnapshot, day?: Pick<TownWork, 'dayStartMinute' | 'dayEndMinute'>): SlaConfig {
  const base = deps.sla ?? DEFAULT_SLA;
  return { ...base, calendar: workCalendarOf(snap.calendar, day ?? base.calendar), byCategory: { ...base.byCategory, ...categoryOverrides(snap) } };
}

export type { Ctx as ConcernCtx };
