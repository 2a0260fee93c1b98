import { hashId } from './ids';
import { isDuplicateId, type Store, type Transaction } from './ports/store';

/**
 * Caps that must hold under concurrency (a household's open wishes) live in one counter
 * document per key: a transaction reads the counter, checks the cap and raises it
 * together with the write it guards, so two concurrent writers conflict on the counter
 * and one of them runs again and sees the other's count. Whatever later closes a
 * counted record lowers the counter in the same transaction.
 */
export const counterId = (key: string): string => hashId(`counter:${key}`);

export const openWishesKey = (householdId: string): string => `open-wishes:${householdId}`;

/**
 * Makes sure the counter exists, starting from `current()` (a count of what is already
 * stored) the first time, so records written before the counter are counted too.
 * Racing creators are harmless: the first add wins and the others find it.
 */
export async function ensureCounter(store: Store, key: string, current: () => Promise<number>, now: Date): Promise<string> {
  const id = counterId(key);
  const counters = store.collection('counters');
  if (await counters.get(id)) return id;
  try {
    await counters.add({ _id: id, count: await current(), updatedAt: now.toISOString() });
  } catch (e) {
    if (!isDuplicateId(e)) throw e;
  }
  return id;
}

/** Lowers a counter inside the transaction that closes a counted record (never below zero). */
export async function lowerCounter(tx: Transaction, key: string, now: Date): Promise<void> {
  const id = counterId(key);
  const counter = await tx.get('counters', id);
  if (counter) await tx.update('counters', id, { count: Math.max(0, counter.count - 1), updatedAt: now.toISOString() });
}
