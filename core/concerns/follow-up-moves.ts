/**
 * The reporter's follow-up moves on a concern's page (#17): 撤回 before anyone accepted it, 催办 once the
 * acknowledge deadline has passed and once per working day. Straight from the lifecycle table and the
 * chase rule, so the page offers exactly what the server accepts.
 */
import type { WorkCalendar } from '../directory/calendar';
import { mayChase } from './chase';
import { decide, type Actor } from './lifecycle';
import type { Concern, ConcernEvent } from '../model';
import type { ConcernMove } from '../views';

/** The reporter's latest 催办, if any. */
export function lastChaseAt(timeline: readonly ConcernEvent[]): string | null {
  for (let i = timeline.length - 1; i >= 0; i--) if (timeline[i].type === 'chased') return timeline[i].at;
  return null;
}

export function followUpMoves(calendar: WorkCalendar, actors: readonly Actor[], c: Concern, timeline: readonly ConcernEvent[], now: string, moves: ConcernMove[]): { moves: ConcernMove[]; chaseFrom: string | null } {
  const out = [...moves];
  if (decide(c.status, 'withdraw', actors).ok) out.push('withdraw');
  let chaseFrom: string | null = null;
  if (decide(c.status, 'chase', actors).ok) {
    const d = mayChase(calendar, c.sla.ackDueAt, lastChaseAt(timeline), now);
    if (d.ok) out.push('chase');
    else chaseFrom = d.from;
  }
  return { moves: out, chaseFrom };
}
