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
