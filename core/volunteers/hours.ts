/**
 * Volunteer hours from attendance. Hours are the time present, capped to the event's window; an
 * attendance under 60% of the event counts no hours. Whole minutes, rounded down, so a rounding never
 * credits time that was not served. The leader confirms or corrects the result (谁组织谁记录).
 */

/** Share of the event a person must be present for to be credited, as a fraction num/den (exact integers). */
export const PRESENCE_THRESHOLD = { num: 6, den: 10 } as const;

export type HoursNote = 'ok' | 'no_checkin' | 'no_checkout' | 'below_threshold';

export interface HoursResult {
  /** Credited minutes: 0 unless present for at least 60% of the event. */
  minutes: number;
  /** Minutes present inside the window, whether credited or not. */
  presentMinutes: number;
  note: HoursNote;
}

export function computeHours(window: { startAt: string; endAt: string }, checkInAt: string | null, checkOutAt: string | null): HoursResult {
  if (checkInAt === null) return { minutes: 0, presentMinutes: 0, note: 'no_checkin' };
  // Without a check-out nobody knows when the person left: nothing is credited until the leader corrects it.
  if (checkOutAt === null) return { minutes: 0, presentMinutes: 0, note: 'no_checkout' };
  const start = Date.parse(window.startAt);
  const end = Date.parse(window.endAt);
  const from = Math.max(Date.parse(checkInAt), start);
  const to = Math.min(Date.parse(checkOutAt), end);
  const presentMs = Math.max(0, to - from);
  const presentMinutes = Math.floor(presentMs / 60_000);
  const durationMs = end - start;
  if (durationMs <= 0 || presentMs * PRESENCE_THRESHOLD.den < durationMs * PRESENCE_THRESHOLD.num) {
    return { minutes: 0, presentMinutes, note: 'below_threshold' };
  }
  return { minutes: presentMinutes, presentMinutes, note: 'ok' };
}

/** Minutes as hours with one decimal, e.g. 150 → "2.5". */
export function hoursText(minutes: number): string {
  return (Math.round((minutes / 60) * 10) / 10).toFixed(1);
}
