/** Bounded fan-out over CloudBase requests (re-exported by db.ts). */

/** The most requests one fan-out keeps in flight (the basic plan's connections and QPS are few). */
export const FAN_OUT = 6;

/**
 * `fn` over every item with at most `limit` calls in flight at once; the answers in the items' order.
 * The first failure is thrown once every started call has settled.
 */
export async function mapBounded<T, R>(items: readonly T[], fn: (item: T) => Promise<R>, limit = FAN_OUT): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return out;
}
