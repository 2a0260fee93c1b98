import { consultRules, type consultsContract, type ConsultType } from '../../types';
import { counterId } from '../core/counters';
import { consultTargets, derivedFields, type ConsultState } from '../core/domain/consult';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { requestDocId } from '../core/ids';
import { isDuplicateId } from '../core/ports/store';
import type { ConsultRecord, HouseholdRecord, MemberRecord } from '../core/records';
import { checkText } from './text';
import { householdVillagers, tell, titleOf, villageCadres } from './notify';
import { personLabel, toSummaries } from './view';
import { checkPhotos } from '../core/photos';

/** One counter per household of its requests not yet closed, capped by consultRules.maxOpenPerHousehold. */
export const openConsultsKey = (householdId: string): string => `open-consults:${householdId}`;
export const NOT_CLOSED = ['submitted', 'accepted', 'in_progress', 'resolved'] as const;

/** Thrown out of the transaction to count a household's stored requests (queries cannot run inside one). */
class CounterMissing extends Error {}

/** The household a request is for: a villager's own; for a cadre, one of their village's. */
async function householdFor(deps: Deps, caller: MemberRecord, householdId: string | undefined): Promise<HouseholdRecord> {
  if (caller.role === 'villager') {
    if (!caller.householdId) throw new DomainError('TASK.NO_HOUSEHOLD');
    if (householdId !== undefined && householdId !== caller.householdId) throw new DomainError('HOUSEHOLD.NOT_FOUND');
  }
  const id = caller.role === 'villager' ? caller.householdId! : householdId;
  const household = id ? await deps.store.collection('households').get(id) : null;
  if (!household || (caller.role === 'cadre' && household.villageId !== caller.villageId)) throw new DomainError('HOUSEHOLD.NOT_FOUND');
  return household;
}

function newConsult(args: {
  id: string;
  caller: MemberRecord;
  household: HouseholdRecord;
  townshipId: string;
  countyId: string;
  type: ConsultType;
  text: string;
  photos: string[];
  now: Date;
}): ConsultRecord {
  const at = args.now.toISOString();
  const enteredBy = args.caller.role === 'cadre' ? args.caller._id : null;
  const state: ConsultState = {
    type: args.type,
    status: 'submitted',
    villageId: args.household.villageId,
    townshipId: args.townshipId,
    countyId: args.countyId,
    householdId: args.household._id,
    assigneeId: null,
    assigneeRole: null,
    enteredBy,
    ...consultTargets(args.type, args.now),
    acceptedAt: null,
    resolvedAt: null,
    resolution: null,
    escalatedAt: null,
    closedAt: null,
  };
  return {
    _id: args.id,
    ...state,
    ...derivedFields(state, at),
    text: args.text,
    photos: args.photos,
    submittedBy: args.caller._id,
    submittedAt: at,
    overdueNotifiedFor: null,
    thread: [],
    history: [{ at, by: args.caller._id, action: 'submit', note: null }],
    updatedAt: at,
  };
}

/**
 * Stores a new request under the household's cap: the counter document is read, checked and raised
 * in the transaction that adds the request, so concurrent submits of one household conflict on it and
 * the cap holds on CloudBase. A retry of the same request (same id) answers what the first stored.
 */
async function store(deps: Deps, now: Date, made: ConsultRecord): Promise<{ record: ConsultRecord; created: boolean }> {
  const counter = counterId(openConsultsKey(made.householdId));
  let initial: number | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      await deps.store.transaction(async (tx) => {
        const found = await tx.get('counters', counter);
        if (!found && initial === null) throw new CounterMissing();
        const open = found ? found.count : initial!;
        if (open >= consultRules.maxOpenPerHousehold) throw new DomainError('CONSULT.TOO_MANY_OPEN');
        const raised = { count: open + 1, updatedAt: now.toISOString() };
        if (found) await tx.update('counters', counter, raised);
        else await tx.add('counters', { _id: counter, ...raised });
        await tx.add('consults', made);
      });
      return { record: made, created: true };
    } catch (e) {
      if (e instanceof CounterMissing) {
        initial = await deps.store.collection('consults').count({ householdId: made.householdId, status: { $in: [...NOT_CLOSED] } });
        continue;
      }
      if (!isDuplicateId(e)) throw e;
      // The same request, sent again while the first was still running, got there first.
      const again = await deps.store.collection('consults').get(made._id);
      if (again) return { record: again, created: false };
      // Another submit of the household made its counter first: read that one.
      if (attempt >= 2) throw e;
      initial = null;
    }
  }
}

/** A retry answers what the first attempt stored, and only to the member who stored it. */
function replayable(r: ConsultRecord, caller: MemberRecord): ConsultRecord {
  if (r.submittedBy !== caller._id) throw new DomainError('COMMON.INVALID_INPUT', 'request id belongs to another member');
  return r;
}

async function announce(deps: Deps, r: ConsultRecord, caller: MemberRecord): Promise<void> {
  const key = `submit:${r.submittedAt}`;
  await tell(
    deps,
    await villageCadres(deps, r.villageId),
    r,
    key,
    {
      title: '有新的求助',
      body: `${r.enteredBy ? `${personLabel(caller)}替一户群众登记了` : '村里有群众提交了'}${titleOf(r)}求助，请尽快受理。`,
    },
    caller._id,
  );
  if (r.enteredBy) {
    await tell(deps, await householdVillagers(deps, r.householdId), r, key, {
      title: '干部为您登记了求助',
      body: `驻村干部为您家登记了${titleOf(r)}求助，办理进度可在“我的求助”里查看。`,
    });
  }
}

/** Asking for help (the villager's own, or a cadre's for a household of the village), and the household's list. */
export const submitActions = {
  async submit({ type, text, consent, householdId, photos, requestId }, { deps, now, openid, caller }) {
    // 在征得群众同意基础上: without consent nothing is stored, not even a retry's record.
    if (!consent) throw new DomainError('CONSULT.NO_CONSENT');
    const id = requestDocId(openid, requestId ?? deps.ids.id());
    const earlier = await deps.store.collection('consults').get(id);
    if (earlier) return (await toSummaries(deps, [replayable(earlier, caller)], caller, now))[0];
    const household = await householdFor(deps, caller, householdId);
    const village = await deps.store.collection('villages').get(household.villageId);
    if (!village) throw new DomainError('HOUSEHOLD.NOT_FOUND');
    const stored = await checkPhotos(deps, photos ?? []);
    await checkText(deps, text, openid, 'submit');
    const made = newConsult({
      id,
      caller,
      household,
      townshipId: village.townshipId,
      countyId: village.countyId,
      type,
      text,
      photos: stored,
      now,
    });
    const { record, created } = await store(deps, now, made);
    if (created) await announce(deps, record, caller);
    return (await toSummaries(deps, [replayable(record, caller)], caller, now))[0];
  },
} satisfies Partial<ActionsOf<typeof consultsContract>>;
