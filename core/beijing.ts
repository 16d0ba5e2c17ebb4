/**
 * Beijing time (Asia/Shanghai). China has kept UTC+8 all year since 1991, so a fixed offset is exact and
 * no time-zone database is needed, on the server or in the mini program.
 */
export const BEIJING_OFFSET_MS = 8 * 3600_000;

const ms = (at: Date | string): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());

/** The Beijing calendar date (YYYY-MM-DD) of an instant. */
export function beijingDate(at: Date | string): string {
  return new Date(ms(at) + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing calendar year of an instant. */
export function beijingYear(at: Date | string): number {
  return new Date(ms(at) + BEIJING_OFFSET_MS).getUTCFullYear();
}

/** The Beijing calendar month (1–12) of an instant. */
export function beijingMonth(at: Date | string): number {
  return new Date(ms(at) + BEIJING_OFFSET_MS).getUTCMonth() + 1;
}

/** `03-18 09:00` (with the year: `2026-03-18 09:00`) in Beijing time. */
export function beijingTime(at: Date | string, withYear = false): string {
  const d = new Date(ms(at) + BEIJING_OFFSET_MS).toISOString();
  return withYear ? `${d.slice(0, 10)} ${d.slice(11, 16)}` : `${d.slice(5, 10)} ${d.slice(11, 16)}`;
}

/** The Beijing calendar month (YYYY-MM) of an instant. */
export function beijingMonthKey(at: Date | string): string {
  return new Date(ms(at) + BEIJING_OFFSET_MS).toISOString().slice(0, 7);
}

/** An instant moved to Beijing wall-clock time: read it with the getUTC* methods. */
export function beijingClock(at: Date | string): Date {
  return new Date(ms(at) + BEIJING_OFFSET_MS);
}

/** Beijing wall-clock text of an instant, `YYYY-MM-DD HH:MM`. */
export function beijingDateTimeText(at: Date | string): string {
  return beijingClock(at).toISOString().slice(0, 16).replace('T', ' ');
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

/** The instant (UTC ISO) of a Beijing date `YYYY-MM-DD` at Beijing wall-clock `HH:MM`. */
export function beijingInstant(day: string, time: string): string {
  return new Date(Date.parse(`${day}T${time}:00Z`) - BEIJING_OFFSET_MS).toISOString();
}
