import { cadreEventLabels, householdEventLabels, taskLink, type HouseholdEvent, type CadreEvent, type tasksContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import { covers } from '../core/domain/scope';
import { careTask, mustVisitTasks, taskId, villageTeam, townshipOffice } from '../core/domain/tasks';
import type { ActionContext, ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { hashId, requestDocId } from '../core/ids';
import { isDuplicateId } from '../core/ports/store';
import type { EventRecord, MemberRecord, TaskRecord } from '../core/records';
import { checkText, ownReplay } from './checks';
import { genOf, policyFor } from './engine';
import { householdFor, householdStaff, officeUsersFor, type PlacedHousehold } from './households';

const NOTE_IN_MESSAGE = 30;
const clip = (s: string) => (Array.from(s).length > NOTE_IN_MESSAGE ? `${Array.from(s).slice(0, NOTE_IN_MESSAGE).join('')}…` : s);

/**
 * The household a report is about: a villager's own (TASK.NO_HOUSEHOLD when they are bound to none),
 * a helper's paired one, one of a cadre's village. Anything else is not found, whether or not it exists.
 */
async function reportedHousehold(deps: Deps, caller: MemberRecord, householdId: string | undefined): Promise<PlacedHousehold> {
  if (caller.role === 'villager') {
    if (!caller.householdId) throw new DomainError('TASK.NO_HOUSEHOLD');
    if (householdId !== undefined && householdId !== caller.householdId) throw new DomainError('HOUSEHOLD.NOT_FOUND');
    return householdFor(deps, caller, caller.householdId, ['own']);
  }
  if (householdId === undefined) throw new DomainError('COMMON.INVALID_INPUT', 'staff name the household they report for');
  return householdFor(deps, caller, householdId, ['helper', 'cadre']);
}

/**
 * Stores the event with the tasks it gives in one transaction, so a report is all there or not at all.
 * A retry of the same request (same id) finds the event already there: the caller gets the stored one.
 */
async function store(deps: Deps, event: EventRecord, tasks: readonly TaskRecord[]): Promise<EventRecord> {
  try {
    await deps.store.transaction(async (tx) => {
      await tx.add('events', event);
      for (const t of tasks) await tx.add('tasks', t);
    });
    return event;
  } catch (e) {
    if (!isDuplicateId(e)) throw e;
    const first = await deps.store.collection('events').get(event._id);
    if (!first) throw e;
    return first;
  }
}

/** Tells the village's cadres and the paired helpers at once, each with a link to their own task. */
async function announceMustVisit(deps: Deps, event: EventRecord, placed: PlacedHousehold, staff: MemberRecord[], dueDate: string) {
  const { household } = placed;
  const label = householdEventLabels[event.event as HouseholdEvent];
  await Promise.all(
    staff
      .filter((m) => m._id !== event.reportedBy)
      .map((m) => {
        const assignee = m.role === 'cadre' ? villageTeam(event.villageId) : m._id;
        return deps.notifier.notify({
          to: m._id,
          openid: m.openid,
          title: `必访：${label}`,
          body: `${household.headName}（${household.address}）家${label}：${clip(event.note)}。请在 ${dueDate} 前上门。`,
          link: taskLink(taskId(hashId, 'must_visit', household._id, assignee, event._id)),
          dedupeKey: `must-visit:${event._id}:${m._id}`,
        });
      }),
  );
}

async function reportEvent(
  input: { householdId?: string; event: HouseholdEvent; note: string; requestId?: string },
  { deps, now, openid, caller }: ActionContext<true>,
) {
  const eventId = requestDocId(openid, input.requestId ?? deps.ids.id());
  const earlier = await deps.store.collection('events').get(eventId);
  const placed = earlier
    ? await householdFor(deps, caller, ownReplay(earlier, caller).householdId ?? '', ['own', 'helper', 'cadre'])
    : await reportedHousehold(deps, caller, input.householdId);
  const { household, village } = placed;
  const staff = await householdStaff(deps, household);
  let event = earlier;
  if (!event) {
    await checkText(deps, [input.note], openid);
    const g = genOf(now);
    const policy = await policyFor(deps, village.countyId, g.today);
    const made: EventRecord = {
      _id: eventId,
      kind: 'household',
      event: input.event,
      householdId: household._id,
      memberId: null,
      villageId: village._id,
      townshipId: village.townshipId,
      countyId: village.countyId,
      note: input.note,
      reportedBy: caller._id,
      createdAt: g.now,
    };
    event = await store(
      deps,
      made,
      mustVisitTasks(
        made,
        staff.helpers.map((h) => h._id),
        policy,
        g,
      ),
    );
  }
  const teamTask = await deps.store
    .collection('tasks')
    .get(taskId(hashId, 'must_visit', household._id, villageTeam(village._id), event._id));
  if (!teamTask) throw new Error(`event ${event._id} has no must-visit task`);
  // Sent again on a retry too: the dedupe keys make that a no-op, and it finishes a first attempt cut short.
  await announceMustVisit(deps, event, placed, [...staff.cadres, ...staff.helpers], teamTask.dueDate);
  return {
    eventId: event._id,
    dueDate: teamTask.dueDate,
    // Public servants on the 连心卡: the household reads their names in full.
    visitors: [...staff.cadres, ...staff.helpers].map((m) => ({ name: m.name, role: m.role as 'cadre' | 'helper', title: m.title })),
  };
}

/** The cadre a report is about: a colleague of the caller's village, or a cadre of the office's area. */
async function reportedCadre(deps: Deps, caller: MemberRecord, memberId: string): Promise<MemberRecord> {
  const member = await deps.store.collection('members').get(memberId);
  if (!member || member.role !== 'cadre' || member.villageId === null || member.townshipId === null) {
    throw new DomainError('MEMBER.NOT_FOUND');
  }
  const inReach = caller.role === 'cadre' ? caller.villageId === member.villageId : covers(caller, member);
  if (!inReach) throw new DomainError('MEMBER.OUT_OF_SCOPE');
  return member;
}

async function reportCadreEvent(
  input: { memberId: string; event: CadreEvent; note: string; requestId?: string },
  { deps, now, openid, caller }: ActionContext<true>,
) {
  const eventId = requestDocId(openid, input.requestId ?? deps.ids.id());
  const earlier = await deps.store.collection('events').get(eventId);
  const cadre = await reportedCadre(deps, caller, earlier ? (ownReplay(earlier, caller).memberId ?? '') : input.memberId);
  let event = earlier;
  if (!event) {
    await checkText(deps, [input.note], openid);
    const g = genOf(now);
    const policy = await policyFor(deps, cadre.countyId, g.today);
    const made: EventRecord = {
      _id: eventId,
      kind: 'cadre',
      event: input.event,
      householdId: null,
      memberId: cadre._id,
      villageId: cadre.villageId!,
      townshipId: cadre.townshipId!,
      countyId: cadre.countyId,
      note: input.note,
      reportedBy: caller._id,
      createdAt: g.now,
    };
    event = await store(deps, made, [careTask(made, policy, g)]);
  }
  const id = taskId(hashId, 'care', cadre._id, townshipOffice(event.townshipId), event._id);
  const task = await deps.store.collection('tasks').get(id);
  if (!task) throw new Error(`event ${event._id} has no care task`);
  const village = await deps.store.collection('villages').get(event.villageId);
  const label = cadreEventLabels[event.event as CadreEvent];
  const offices = await officeUsersFor(deps, event);
  await Promise.all(
    offices
      .filter((m) => m._id !== caller._id)
      .map((m) =>
        deps.notifier.notify({
          to: m._id,
          openid: m.openid,
          title: `关爱干部：${label}`,
          body: `${village?.name ?? ''}驻村干部${cadre.name}${label}：${clip(event.note)}。请在 ${task.dueDate} 前看望。`,
          link: taskLink(id),
          dedupeKey: `care:${event._id}:${m._id}`,
        }),
      ),
  );
  return { eventId: event._id, dueDate: task.dueDate };
}

/** 家里有事，请干部来一趟 (四必访) and caring for cadres (五必访). */
export const reportActions = {
  reportEvent,
  reportCadreEvent,
} satisfies Partial<ActionsOf<typeof tasksContract>>;
