import { counterId } from '../core/counters';
import { DomainError } from '../core/domain/errors';
import type { Deps } from '../core/handler/deps';
import { isDuplicateId, isStoreError, type Transaction } from '../core/ports/store';
import type { MemberRecord } from '../core/records';
import { limitKeys, overLimit } from './rules';

/** Rounds of a whole transaction (each retried by the store) before a write gives up with COMMON.BUSY. */
const ROUNDS = 5;

/** What the person's counters hold now, read outside any transaction: a cheap early answer before the content check. */
export async function assertUnderLimit(deps: Deps, caller: MemberRecord, now: Date): Promise<void> {
  const keys = limitKeys(caller._id, now);
  const counters = deps.store.collection('counters');
  const [hour, day] = await Promise.all([counters.get(counterId(keys.hour)), counters.get(counterId(keys.day))]);
  if (overLimit({ hour: hour?.count ?? 0, day: day?.count ?? 0 })) throw new DomainError('BOARD.RATE_LIMITED');
}

/**
 * Runs `write` in a transaction that also reads, checks and raises the person's hour and day
 * counters: concurrent posts of one person conflict on the counters and run again, so the
 * limit holds on CloudBase. `write` says `counted: false` when it stored nothing (a retried request
 * that finds what it stored the first time): then no counter moves and no limit applies.
 */
export async function writeCounted<R>(
  deps: Deps,
  caller: MemberRecord,
  now: Date,
  write: (tx: Transaction) => Promise<{ result: R; counted: boolean }>,
): Promise<R> {
  const keys = limitKeys(caller._id, now);
  const ids = [counterId(keys.hour), counterId(keys.day)];
  for (let round = 1; ; round++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const [hour, day] = await Promise.all(ids.map((id) => tx.get('counters', id)));
        const { result, counted } = await write(tx);
        if (!counted) return result;
        if (overLimit({ hour: hour?.count ?? 0, day: day?.count ?? 0 })) throw new DomainError('BOARD.RATE_LIMITED');
        const at = now.toISOString();
        for (const [id, found] of [
          [ids[0], hour],
          [ids[1], day],
        ] as const) {
          if (found) await tx.update('counters', id, { count: found.count + 1, updatedAt: at });
          else await tx.add('counters', { _id: id, count: 1, updatedAt: at });
        }
        return result;
      });
    } catch (e) {
      // A duplicate id: a concurrent first post of the hour made the counter, or the same request stored its post;
      // the next round reads either and goes on.
      if (!(isStoreError(e, 'CONFLICT') || isDuplicateId(e)) || round >= ROUNDS) throw e;
    }
  }
}
