/**
 * Reads the dates a district admin types from the State Council's holiday notice: one date or one span
 * per line or separated by commas, e.g. `2027-02-06至2027-02-13` or `2027-1-1`. Answers the dates, sorted,
 * each once, and the pieces that are not dates (shown back, so nothing typed is dropped unnoticed).
 */
export interface ParsedDates {
  dates: string[];
  unreadable: string[];
}

const DAY_MS = 86_400_000;
/** A span longer than this is a typo, not a holiday (the longest, Spring Festival, is 8–9 days). */
const SPAN_MAX_DAYS = 31;

function isoDate(piece: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(piece.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== iso ? null : iso;
}

export function parseDates(text: string): ParsedDates {
  const dates = new Set<string>();
  const unreadable: string[] = [];
  for (const raw of text.split(/[\n,，、;；]+/)) {
    const piece = raw.trim();
    if (piece.length === 0) continue;
    const span = piece.split(/\s*(?:至|到|~|～)\s*/);
    if (span.length === 2) {
      const [from, to] = span.map(isoDate);
      const days = from && to ? (Date.parse(to) - Date.parse(from)) / DAY_MS : -1;
      if (from && to && days >= 0 && days < SPAN_MAX_DAYS) {
        for (let i = 0; i <= days; i++) dates.add(new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10));
        continue;
      }
    } else if (span.length === 1) {
      const d = isoDate(piece);
      if (d) {
        dates.add(d);
        continue;
      }
    }
    unreadable.push(piece);
  }
  return { dates: [...dates].sort(), unreadable };
}

/** The stored dates as the admin edits them: runs of consecutive days as one span a line. */
export function formatDates(dates: readonly string[]): string {
  const sorted = [...new Set(dates)].sort();
  const lines: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && Date.parse(sorted[j + 1]) - Date.parse(sorted[j]) === DAY_MS) j++;
    lines.push(i === j ? sorted[i] : `${sorted[i]}至${sorted[j]}`);
    i = j + 1;
  }
  return lines.join('\n');
}
