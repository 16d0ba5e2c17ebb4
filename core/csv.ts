/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese text), CRLF line ends,
 * RFC 4180 quoting, and text cells that start with = + - @ (or a tab/CR) neutralised with a leading
 * apostrophe so that no cell is run as a formula. Numbers are written as they are. Pure.
 */
export type CsvCell = string | number | null;

/** One field; a leading formula character in text is neutralised. */
export function csvField(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
