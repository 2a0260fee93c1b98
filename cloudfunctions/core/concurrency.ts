/**
 * Runs `work` over `items` with at most `limit` calls in flight. On CloudBase each store
 * call is a network round trip, so a timer that notifies thousands of people one after
 * another would outlive its timeout; all at once would trip the database's rate limit.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
