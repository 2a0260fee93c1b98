import type { Collection, CollectionName, RecordOf, Store, Transaction } from '../../cloudfunctions/core/ports/store';

/** `null` only counts; 0 yields to other work once, as any network call would. */
const pause = async (ms: number | null) => {
  if (ms !== null) await new Promise<void>((r) => (ms > 0 ? setTimeout(r, ms) : setImmediate(r)));
};

/**
 * A store whose every call (and every transaction operation and commit) first waits `ms`
 * and is counted, as each is a network round trip on CloudBase: races that a fast embedded
 * store hides show up, and a test can count round trips.
 */
export function withLatency(store: Store, ms: number | null, calls: { n: number } = { n: 0 }): Store {
  const delayed = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(t, prop) {
        const value = Reflect.get(t, prop) as unknown;
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          calls.n++;
          await pause(ms);
          return (value as (...a: unknown[]) => unknown).apply(t, args);
        };
      },
    });
  return {
    collection: <N extends CollectionName>(name: N): Collection<RecordOf<N>> => delayed(store.collection(name)),
    async transaction(work) {
      calls.n++;
      await pause(ms);
      const result = await store.transaction((tx: Transaction) => work(delayed(tx)));
      calls.n++;
      await pause(ms);
      return result;
    },
  };
}
