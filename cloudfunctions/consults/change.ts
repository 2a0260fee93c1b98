import {
  applyConsultAction,
  derivedFields,
  maySeeConsult,
  type ConsultAction,
  type ConsultActor,
  type ConsultEvent,
  type ConsultState,
} from '../core/domain/consult';
import { DomainError } from '../core/domain/errors';
import type { Deps } from '../core/handler/deps';
import { isStoreError, type Patch, type Transaction } from '../core/ports/store';
import type { ConsultRecord, MemberRecord } from '../core/records';

/** Rounds of a whole transaction (each retried by the store) before a change gives up with COMMON.BUSY. */
const ROUNDS = 3;

export const stateOf = (r: ConsultRecord): ConsultState => ({
  type: r.type,
  status: r.status,
  villageId: r.villageId,
  townshipId: r.townshipId,
  countyId: r.countyId,
  householdId: r.householdId,
  assigneeId: r.assigneeId,
  assigneeRole: r.assigneeRole,
  enteredBy: r.enteredBy,
  respondBy: r.respondBy,
  resolveBy: r.resolveBy,
  acceptedAt: r.acceptedAt,
  resolvedAt: r.resolvedAt,
  resolution: r.resolution,
  escalatedAt: r.escalatedAt,
  closedAt: r.closedAt,
});

/** The stored fields that make a record equal the state `s`, derived ones included. */
export const statePatch = (s: ConsultState, submittedAt: string): Patch<ConsultRecord> => {
  const { type: _type, villageId: _v, townshipId: _t, countyId: _c, householdId: _h, enteredBy: _e, ...changing } = s;
  return { ...changing, ...derivedFields(s, submittedAt) };
};

export interface ConsultChange {
  before: ConsultRecord;
  after: ConsultRecord;
  event: ConsultEvent | null;
}

export interface ChangeOptions {
  townshipHasOffice?: boolean;
  /** Fields the action sets beside the state (a thread message). */
  patch?: (r: ConsultRecord) => Patch<ConsultRecord>;
  /** Counters that move with this change, read and written in the same transaction. */
  inTx?: (tx: Transaction, r: ConsultRecord, next: ConsultState) => Promise<void>;
}

export const actorOf = (caller: MemberRecord | null): ConsultActor => (caller ? { kind: 'member', member: caller } : { kind: 'system' });

/**
 * One change of a stored request in a single-document transaction: read it, let the rules decide,
 * write the new state with its history entry. Two people acting on one request conflict on it; the
 * loser runs again and sees the winner's change (CONSULT.BAD_TRANSITION after a double accept). When
 * the store gives up on conflicts, the request is read afresh: a refusal is the answer, else it tries again.
 * Whoever may not see the request is told CONSULT.NOT_FOUND, as if it did not exist.
 */
export async function changeConsult(
  deps: Deps,
  id: string,
  action: ConsultAction,
  caller: MemberRecord | null,
  now: Date,
  options: ChangeOptions = {},
): Promise<ConsultChange> {
  const actor = actorOf(caller);
  const facts = { townshipHasOffice: options.townshipHasOffice ?? true };
  const check = (r: ConsultRecord | null): ConsultRecord => {
    if (!r || (caller && !maySeeConsult(caller, stateOf(r)))) throw new DomainError('CONSULT.NOT_FOUND');
    return r;
  };
  for (let round = 1; ; round++) {
    try {
      return await deps.store.transaction(async (tx) => {
        const before = check(await tx.get('consults', id));
        const { next, event } = applyConsultAction(stateOf(before), action, actor, now, facts);
        const extra = options.patch?.(before) ?? {};
        if (!event && Object.keys(extra).length === 0) return { before, after: before, event };
        await options.inTx?.(tx, before, next);
        const patch: Patch<ConsultRecord> = {
          ...statePatch(next, before.submittedAt),
          history: event ? [...before.history, event] : before.history,
          updatedAt: now.toISOString(),
          ...extra,
        };
        await tx.update('consults', id, patch);
        return { before, after: { ...before, ...patch }, event };
      });
    } catch (e) {
      if (!isStoreError(e, 'CONFLICT') || round >= ROUNDS) throw e;
      const fresh = check(await deps.store.collection('consults').get(id));
      applyConsultAction(stateOf(fresh), action, actor, now, facts);
    }
  }
}

/** Reads a request the caller may see, else CONSULT.NOT_FOUND. */
export async function visibleConsult(deps: Deps, id: string, caller: MemberRecord): Promise<ConsultRecord> {
  const r = await deps.store.collection('consults').get(id);
  if (!r || !maySeeConsult(caller, stateOf(r))) throw new DomainError('CONSULT.NOT_FOUND');
  return r;
}
