/**
 * Beijing time (Asia/Shanghai). China has kept UTC+8 all year since 1991, so a fixed offset is exact and
 * no time-zone database is needed, on the server or in the mini program.
 */
export const BEIJING_OFFSET_MS = 8 * 3600_000;

const ms = (at: Date | string): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());

/** An instant moved to Beijing wall-clock time: read it with the getUTC* methods. */
export function beijingClock(at: Date | string): Date {
  return new Date(ms(at) + BEIJING_OFFSET_MS);
}

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date | string): string {
  return beijingClock(at).toISOString().slice(0, 10);
}

/** The Beijing calendar year of an instant. */
export function beijingYear(at: Date | string): number {
  return beijingClock(at).getUTCFullYear();
}

/** The Beijing calendar month (1–12) of an instant. */
export function beijingMonth(at: Date | string): number {
  return beijingClock(at).getUTCMonth() + 1;
}

/** `03-18 09:00` (with the year: `2026-03-18 09:00`) in Beijing time. */
export function beijingTime(at: Date | string, withYear = false): string {
  const d = beijingClock(at).toISOString();
  return withYear ? `${d.slice(0, 10)} ${d.slice(11, 16)}` : `${d.slice(5, 10)} ${d.slice(11, 16)}`;
}

/** The Beijing calendar month (YYYY-MM) of an instant. */
export function beijingMonthKey(at: Date | string): string {
  return beijingClock(at).toISOString().slice(0, 7);
}

/** The month after `YYYY-MM`. */
export function nextMonthKey(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** W3C datetime of an instant in Beijing time, e.g. 2026-03-02T09:30:00+08:00. */
export function beijingW3c(at: Date | string): string {
  return beijingClock(at).toISOString().slice(0, 19) + '+08:00';
}

/** The first instant (UTC ISO) of a Beijing calendar day `YYYY-MM-DD`. */
export function beijingDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS).toISOString();
}

/** The first instant (UTC ISO) of a Beijing calendar month `YYYY-MM`. */
export function beijingMonthStart(month: string): string {
  return beijingDayStart(`${month}-01`);
}

/** The UTC instants a span of Beijing months covers: from the first month's start until the month after the last. */
export function beijingMonthSpan(fromMonth: string, toMonth: string): { from: string; until: string } {
  return { from: beijingMonthStart(fromMonth), until: beijingMonthStart(nextMonthKey(toMonth)) };
}

/** The instant (UTC ISO) of a Beijing date `YYYY-MM-DD` at Beijing wall-clock `HH:MM`. */
export function beijingInstant(day: string, time: string): string {
  return new Date(Date.parse(`${day}T${time}:00Z`) - BEIJING_OFFSET_MS).toISOString();
}
