import { hashId } from './ids';
import type { Transaction } from './ports/store';

/**
 * Caps that must hold under concurrency (a household's open wishes) live in one counter
 * document per key: a transaction reads the counter, checks the cap and raises it
 * together with the write it guards, so two concurrent writers conflict on the counter
 * and one of them runs again and sees the other's count. A counter is made by the
 * first such transaction, from a count of what is already stored; whatever later
 * closes a counted record lowers the counter in the same transaction.
 */
export const counterId = (key: string): string => hashId(`counter:${key}`);

export const openWishesKey = (householdId: string): string => `open-wishes:${householdId}`;

/** Lowers a counter inside the transaction that closes a counted record (never below zero). */
export async function lowerCounter(tx: Transaction, key: string, now: Date): Promise<void> {
  const id = counterId(key);
  const counter = await tx.get('counters', id);
  if (counter) await tx.update('counters', id, { count: Math.max(0, counter.count - 1), updatedAt: now.toISOString() });
}
