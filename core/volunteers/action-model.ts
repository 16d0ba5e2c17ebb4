/**
 * Volunteer actions (志愿行动): a handler hands one or more concerns of one place to a volunteer team; the
 * team's leader schedules an event for it, records the result, and the handlers resolve the concerns with
 * it. The handlers stay accountable: the concerns keep their status and SLA clocks throughout.
 */
import type { Moderation } from '../model';
import type { ActionMonthCount } from '../ports';

/**
 * draft: waiting for the team's leader to schedule it; scheduled: an event is set; reported: the leader
 * recorded the result; resolved: the handlers resolved the concerns with it; cancelled: the event was
 * cancelled and the concerns went back to the handlers alone.
 */
export type ActionStatus = 'draft' | 'scheduled' | 'reported' | 'resolved' | 'cancelled';

/** Statuses in which an action holds its concerns: a concern is in at most one such action. */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['draft', 'scheduled', 'reported'];

export interface ActionResult {
  text: string;
  /** The content check's verdict on `text`: only a published result goes to the residents. */
  moderation: Moderation;
  photos: string[];
  at: string;
  /** The leader who recorded it (a name for the record; residents are shown the team, never a person). */
  byName: string;
}

export interface VolunteerAction {
  id: string;
  teamId: string;
  townId: string;
  /** The village of the concerns' place, for the monthly numbers; null when the place is the town itself. */
  villageId: string | null;
  /** The village or cooperative all its concerns belong to. */
  placeId: string;
  concernIds: string[];
  /** The draft's texts, from the concerns: the description is scrubbed of the reporters' personal data. */
  title: string;
  description: string;
  place: string;
  /** Published photos of the concerns. */
  photos: string[];
  status: ActionStatus;
  /** The event the leader scheduled; null while a draft. */
  eventId: string | null;
  result: ActionResult | null;
  startedByOpenid: string;
  startedByName: string;
  startedAt: string;
  /** YYYY-MM (Beijing time) of `startedAt` and of the resolution, kept for the monthly numbers. */
  startedMonth: string;
  resolvedMonth: string | null;
  /** How many of its concerns the handlers resolved with its result. */
  concernsResolved: number;
  updatedAt: string;
}

/** What a transition of an action changes besides its status. */
export interface ActionChange {
  eventId?: string;
  result?: ActionResult;
  resolved?: { month: string; concerns: number };
  updatedAt: string;
}

/** Started and resolved tallies in one list, sorted by month then village (null, the town itself, first). */
export function mergeMonthCounts(started: ReadonlyArray<{ villageId: string | null; month: string; n: number }>, resolved: ReadonlyArray<{ villageId: string | null; month: string; n: number }>): ActionMonthCount[] {
  const out = new Map<string, ActionMonthCount>();
  const row = (villageId: string | null, month: string) => {
    const key = `${month}\n${villageId ?? ''}`;
    return out.get(key) ?? out.set(key, { villageId, month, started: 0, concernsResolved: 0 }).get(key)!;
  };
  for (const s of started) row(s.villageId, s.month).started += s.n;
  for (const r of resolved) row(r.villageId, r.month).concernsResolved += r.n;
  return [...out.values()].sort((a, b) => (a.month === b.month ? (a.villageId ?? '').localeCompare(b.villageId ?? '') : a.month.localeCompare(b.month)));
}
