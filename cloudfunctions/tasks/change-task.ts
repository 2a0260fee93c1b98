import { DomainError } from '../core/domain/errors';
import { changeTask, isTaskChangeError, type TaskAction } from '../core/domain/tasks';
import type { Deps } from '../core/handler/deps';
import { isStoreError, type Patch } from '../core/ports/store';
import type { TaskRecord } from '../core/records';

/** Rounds of a whole transaction (each retried by the store) before a change gives up with COMMON.BUSY. */
const ROUNDS = 3;

/** Everything of a task but its id, as the patch that makes the stored one equal `next`. */
export const patchOf = ({ _id, ...rest }: TaskRecord): Patch<TaskRecord> => rest;

/** The domain's answer as a record, or its refusal as the contract's error. */
export function applied(t: TaskRecord, action: TaskAction, today: string): TaskRecord {
  const next = changeTask(t, action, today);
  if (isTaskChangeError(next)) throw new DomainError(next);
  return next;
}

/**
 * One change of a stored task in a single-document transaction: read it, let the rules decide, write
 * the result. Two people changing one task conflict on it; the loser runs again and sees the winner's
 * change (TASK.CLOSED after a skip, say). When the store gives up on conflicts, the task is read afresh:
 * if the rules now refuse, that is the answer (a lost race is not "busy"); if not, the change is tried again.
 */
export async function changeStoredTask(
  deps: Deps,
  id: string,
  action: TaskAction,
  today: string,
  mayChange: (t: TaskRecord) => boolean,
): Promise<TaskRecord> {
  for (let round = 1; ; round++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const before = await tx.get('tasks', id);
        if (!before || !mayChange(before)) throw new DomainError('TASK.NOT_FOUND');
        const after = applied(before, action, today);
        await tx.update('tasks', id, patchOf(after));
        return after;
      });
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT') || round >= ROUNDS) throw e;
      const fresh = await deps.store.collection('tasks').get(id);
      if (!fresh || !mayChange(fresh)) throw new DomainError('TASK.NOT_FOUND');
      applied(fresh, action, today);
    }
  }
}
