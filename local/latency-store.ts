import type { Collection, CollectionName, RecordOf, Store, StoredDoc, Transaction } from '../cloudfunctions/core/ports/store';

export type Sleep = (ms: number) => Promise<void>;
const timerSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * STORE_LATENCY_MS as a number: unset or empty is 0 (no wrapper); anything
 * else must be a non-negative number of milliseconds, or the stand-in refuses to start.
 */
export function latencyFromEnv(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 0;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`STORE_LATENCY_MS must be a number of milliseconds ≥ 0, got "${raw}"`);
  return ms;
}

function slowCollection<T extends StoredDoc>(inner: Collection<T>, wait: () => Promise<void>): Collection<T> {
  return {
    add: async (doc) => (await wait(), inner.add(doc)),
    get: async (id) => (await wait(), inner.get(id)),
    find: async (where, options) => (await wait(), inner.find(where, options)),
    count: async (where) => (await wait(), inner.count(where)),
    updateIf: async (id, condition, patch) => (await wait(), inner.updateIf(id, condition, patch)),
    remove: async (id) => (await wait(), inner.remove(id)),
  };
}

function slowTransaction(inner: Transaction, wait: () => Promise<void>): Transaction {
  return {
    get: async (name, id) => (await wait(), inner.get(name, id)),
    add: async (name, doc) => (await wait(), inner.add(name, doc)),
    update: async (name, id, patch) => (await wait(), inner.update(name, id, patch)),
    remove: async (name, id) => (await wait(), inner.remove(name, id)),
  };
}

/**
 * The store as CloudBase makes it feel: every call waits `ms` before it runs, as a
 * network round trip would. The embedded store answers in microseconds, so a
 * read-then-write race (count the open wishes, then add one) never shows locally;
 * with a few milliseconds between the read and the write it does.
 *
 * In a transaction, its start, each operation and its commit each wait once per
 * attempt, as startTransaction, each single-document request and commitTransaction
 * do on CloudBase. Only the store's two methods are wrapped: the rest of the object
 * (an adapter's close, say) is left to whoever opened it.
 */
export function withLatency(store: Store, ms: number, sleep: Sleep = timerSleep): Store {
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`store latency must be ≥ 0 ms, got ${ms}`);
  if (ms === 0) return store;
  const wait = () => sleep(ms);
  return {
    collection: <N extends CollectionName>(name: N): Collection<RecordOf<N>> => slowCollection(store.collection(name), wait),
    transaction: (work) =>
      store.transaction(async (tx) => {
        await wait();
        const result = await work(slowTransaction(tx, wait));
        await wait();
        return result;
      }),
  };
}
