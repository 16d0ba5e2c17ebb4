/**
 * Work sized by user input (a 500-ticket hotline file, a 5,000-row roster, an event's 1,000 holders) never
 * runs as one transaction: CloudBase ends a transaction after 30 s (`DATABASE_TRANSACTION_FAIL`, not
 * retried) and every write in it is one sequential request. It is cut into transactions of at most
 * `TX_WRITES` writes, each of which is idempotent, so a run cut off between two chunks is finished by
 * running it again. What must hold for the whole input is checked before the first chunk is written.
 */

/** The most writes one transaction carries: about 50 sequential requests, well under a second. */
export const TX_WRITES = 50;

/**
 * `items` in order, grouped so that the writes of each group (`writesOf`) plus `reserved` (writes every
 * transaction makes besides, such as a version document) stay within `max`. An item whose writes alone
 * exceed the room is a caller's bug and throws.
 */
export function chunkByWrites<T>(items: readonly T[], writesOf: (item: T) => number, reserved = 0, max = TX_WRITES): T[][] {
  const room = max - reserved;
  const out: T[][] = [];
  let cur: T[] = [];
  let used = 0;
  for (const it of items) {
    const w = writesOf(it);
    if (w > room) throw new RangeError(`one item needs ${w} writes, a transaction carries at most ${room}`);
    if (used + w > room && cur.length > 0) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(it);
    used += w;
  }
  if (cur.length > 0) out.push(cur);
  return out;
}
