/**
 * 催办 (chase up): when a resident may remind the handlers of their concern. Pure rules, shared by the
 * server and the mini program (which shows when the button opens again).
 *
 * - Not before the acknowledge deadline of the current round: until then the handlers are within time.
 * - Once per working day: a chase counts for the working day it falls on (one made on a Saturday counts
 *   for the Monday after), and the next one opens at 00:00 Beijing time of the following working day.
 */
import { BEIJING_OFFSET_MS, beijingDate } from '../beijing';
import { isWorkingDay, type WorkCalendar } from '../directory/calendar';

const DAY_MS = 86_400_000;
/** Longer than any run of days off (the Spring Festival with its weekends). */
const MAX_DAYS_OFF = 40;

const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The first working day (YYYY-MM-DD) on or after the Beijing date of `at`. */
export function workingDayOf(cal: WorkCalendar, at: string): string {
  let d = beijingDate(at);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: the bound only stops a calendar without working days; any other reaches its working day first.
  for (let i = 0; i < MAX_DAYS_OFF && !isWorkingDay(cal, d); i++) d = nextDate(d);
  return d;
}

/** 00:00 Beijing time of a date, as a UTC ISO instant. */
function startOf(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS).toISOString();
}

export type ChaseDecision = { ok: true } | { ok: false; code: 'CONCERN.CHASE_TOO_EARLY' | 'CONCERN.CHASE_TOO_SOON'; from: string };

/**
 * Whether the reporter may chase now. `ackDueAt` is the current round's acknowledge deadline (null for a
 * concern stored without clocks); `lastChaseAt` the reporter's latest chase, if any. A refusal says from
 * when a chase is possible.
 */
export function mayChase(cal: WorkCalendar, ackDueAt: string | null, lastChaseAt: string | null, now: string): ChaseDecision {
  if (ackDueAt !== null && now < ackDueAt) return { ok: false, code: 'CONCERN.CHASE_TOO_EARLY', from: ackDueAt };
  if (lastChaseAt !== null) {
    const from = startOf(workingDayOf(cal, startOf(nextDate(workingDayOf(cal, lastChaseAt)))));
    if (now < from) return { ok: false, code: 'CONCERN.CHASE_TOO_SOON', from };
  }
  return { ok: true };
}
