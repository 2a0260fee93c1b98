import { taskLink, visitQuestions, type visitsContract, type VisitAnswers, type VisitMode } from '../../types';
import { DomainError } from '../core/domain/errors';
import { changeTask, followUpId, followUpTask, isTaskChangeError, resolves, RESCHEDULE_MAX_DAYS } from '../core/domain/tasks';
import { shiftDay } from '../core/domain/visit-policy';
import type { ActionContext, ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { hashId, requestDocId } from '../core/ids';
import { findAll } from '../core/paging';
import { getMany, isDuplicateId } from '../core/ports/store';
import type { HouseholdRecord, MemberRecord, TaskRecord, VisitProblem, VisitRecord } from '../core/records';
import { patchOf } from '../tasks/change-task';
import { checkPhotos } from '../core/photos';
import { checkText, ownReplay } from '../tasks/checks';
import { genOf, OPEN_STATUSES } from '../tasks/engine';
import { householdFor } from '../tasks/households';

/** How far back a visit may be written down: a cadre back from a week of visits catches up, a year later does not. */
export const VISIT_BACKDATE_DAYS = 30;
/** A problem's follow-up is due this many days after the visit unless the form says when. */
export const FOLLOW_UP_DAYS = 7;

interface LogInput {
  householdId: string;
  mode: VisitMode;
  answers: VisitAnswers;
  problems?: { text: string; ownerId?: string; dueDate?: string }[];
  visitedOn?: string;
  photos?: string[];
  location?: { latitude: number; longitude: number };
  requestId?: string;
}

const answerOf = (v: VisitRecord) => ({
  visitId: v._id,
  resolvedTaskIds: v.resolvedTaskIds,
  followUpIds: v.problems.map((p) => p.followUpId),
});

/**
 * Who follows each problem up: the named member if they are a cadre of the household's village or one
 * of its paired helpers (VISIT.BAD_OWNER otherwise: the owner reads the head's name and address, which
 * another village's staff, or a helper not paired with the family, has no need of), the visitor when
 * nobody is named; by the date given, which
 * may not be before the visit nor further than a reschedule may go, or a week after the visit.
 */
async function problemsOf(
  deps: Deps,
  input: LogInput,
  household: HouseholdRecord,
  caller: MemberRecord,
  visitId: string,
  visitedOn: string,
  today: string,
): Promise<VisitProblem[]> {
  const problems = input.problems ?? [];
  const named = await getMany(
    deps.store.collection('members'),
    problems.flatMap((p) => (p.ownerId ? [p.ownerId] : [])),
  );
  return problems.map((p, i) => {
    const owner = p.ownerId === undefined ? caller : named.get(p.ownerId);
    const mayOwn =
      owner !== undefined &&
      owner.villageId === household.villageId &&
      (owner.role === 'cadre' || (owner.role === 'helper' && owner.pairedHouseholdIds.includes(household._id)));
    if (!mayOwn) throw new DomainError('VISIT.BAD_OWNER');
    const dueDate = p.dueDate ?? shiftDay(visitedOn, FOLLOW_UP_DAYS);
    if (dueDate < visitedOn || dueDate > shiftDay(today, RESCHEDULE_MAX_DAYS)) {
      throw new DomainError('COMMON.INVALID_INPUT', 'a follow-up is due between the visit and 60 days from today');
    }
    return { text: p.text, ownerId: owner._id, dueDate, followUpId: followUpId(visitId, i, hashId) };
  });
}

/**
 * Stores the visit, closes the tasks it settles and opens its follow-ups in one transaction: all of it or
 * none. Each settled task is read again inside it, so one closed meanwhile (skipped by a colleague) is
 * left as it is and not counted; concurrent changes of a task conflict, and the store runs this again.
 */
async function storeVisit(
  deps: Deps,
  visit: VisitRecord,
  candidates: readonly TaskRecord[],
  followUps: readonly TaskRecord[],
  today: string,
) {
  return deps.store.transaction(async (tx) => {
    const resolved: string[] = [];
    for (const c of candidates) {
      const t = await tx.get('tasks', c._id);
      if (!t) continue;
      const next = changeTask(t, { kind: 'done', by: visit.visitorId, at: visit.createdAt, note: null, visitId: visit._id }, today);
      if (isTaskChangeError(next)) continue;
      await tx.update('tasks', t._id, patchOf(next));
      resolved.push(t._id);
    }
    for (const f of followUps) await tx.add('tasks', f);
    const stored = { ...visit, resolvedTaskIds: resolved };
    await tx.add('visits', stored);
    return stored;
  });
}

async function log(input: LogInput, { deps, now, openid, caller }: ActionContext<true>) {
  const id = requestDocId(openid, input.requestId ?? deps.ids.id());
  const visits = deps.store.collection('visits');
  const earlier = await visits.get(id);
  if (earlier) return replay(deps, earlier, caller);
  const { household, village } = await householdFor(deps, caller, input.householdId, ['cadre', 'helper']);
  const g = genOf(now);
  const visitedOn = input.visitedOn ?? g.today;
  if (visitedOn > g.today || visitedOn < shiftDay(g.today, -VISIT_BACKDATE_DAYS)) throw new DomainError('VISIT.BAD_DATE');
  const problems = await problemsOf(deps, input, household, caller, id, visitedOn, g.today);
  await checkText(deps, [...visitQuestions.map((q) => input.answers[q]), ...problems.map((p) => p.text)], openid);
  const photos = await checkPhotos(deps, input.photos ?? []);
  const visit: VisitRecord = {
    _id: id,
    householdId: household._id,
    villageId: village._id,
    townshipId: village.townshipId,
    countyId: village.countyId,
    visitorId: caller._id,
    visitorRole: caller.role,
    mode: input.mode,
    answers: input.answers,
    problems,
    visitedOn,
    photos,
    location: input.location ?? null,
    resolvedTaskIds: [],
    createdAt: g.now,
  };
  const open = await findAll(deps.store.collection('tasks'), { householdId: household._id, status: { $in: OPEN_STATUSES } });
  const candidates = open.filter((t) => resolves(t, visit, household.livesAway));
  const followUps = problems.map((p) => followUpTask(visit, p, g));
  let stored: VisitRecord;
  try {
    stored = await storeVisit(deps, visit, candidates, followUps, g.today);
  } catch (e) {
    if (!isDuplicateId(e)) throw e;
    // The same request, sent again while the first was still running, got there first.
    const first = await visits.get(id);
    if (!first) throw e;
    return replay(deps, first, caller);
  }
  await tellOwners(deps, stored, household, caller);
  return answerOf(stored);
}

/**
 * The same request again: its visit as the first attempt stored it, and the follow-up owners told
 * once more, since the first attempt may have stopped between storing and telling (the dedupe keys
 * keep a message that did go out from going twice).
 */
async function replay(deps: Deps, visit: VisitRecord, caller: MemberRecord) {
  const own = ownReplay(visit, caller);
  const household = await deps.store.collection('households').get(own.householdId);
  if (household) await tellOwners(deps, own, household, caller);
  return answerOf(own);
}

/** Each problem's owner, other than the visitor, hears of it at once. */
async function tellOwners(deps: Deps, visit: VisitRecord, household: HouseholdRecord, caller: MemberRecord): Promise<void> {
  const owners = await getMany(
    deps.store.collection('members'),
    visit.problems.map((p) => p.ownerId).filter((o) => o !== caller._id),
  );
  await Promise.all(
    visit.problems
      .filter((p) => owners.has(p.ownerId))
      .map((p) =>
        deps.notifier.notify({
          to: p.ownerId,
          openid: owners.get(p.ownerId)!.openid,
          title: '走访发现的问题请跟进',
          body: `${household.headName}（${household.address}）：${p.text}。请在 ${p.dueDate} 前办理。`,
          link: taskLink(p.followUpId),
          dedupeKey: `follow-up:${p.followUpId}`,
        }),
      ),
  );
}

/** The visit log (走访日志): a cadre's or helper's visit to a household of theirs. */
export const logActions = { log } satisfies Partial<ActionsOf<typeof visitsContract>>;
