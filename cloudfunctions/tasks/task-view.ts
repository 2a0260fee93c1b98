import { roleLabels, type Task, type TaskDetail } from '../../types';
import { effectiveStatus } from '../core/domain/tasks';
import type { Deps } from '../core/handler/deps';
import { getMany } from '../core/ports/store';
import type { HouseholdRecord, MemberRecord, TaskRecord, VillageRecord } from '../core/records';

const GONE = '（已移出花名册）';

export const personLabel = (m: MemberRecord | undefined): string => (m ? `${roleLabels[m.role]} ${m.name}` : GONE);

interface Names {
  households: Map<string, HouseholdRecord>;
  villages: Map<string, VillageRecord>;
  townships: Map<string, { name: string }>;
  members: Map<string, MemberRecord>;
}

const prefixed = (key: string, prefix: string): string | null => (key.startsWith(prefix) ? key.slice(prefix.length) : null);

/** Everything a page of tasks names, each collection read in one batch. */
async function namesFor(deps: Deps, tasks: readonly TaskRecord[], extraMembers: readonly string[] = []): Promise<Names> {
  const memberIds = [
    ...tasks.flatMap((t) => [t.assignee, t.subjectMemberId ?? '']).filter((k) => k !== '' && !k.includes(':')),
    ...extraMembers,
  ];
  const townshipIds = tasks.map((t) => prefixed(t.assignee, 'township:')).filter((k): k is string => k !== null);
  const [households, villages, townships, members] = await Promise.all([
    getMany(
      deps.store.collection('households'),
      tasks.flatMap((t) => (t.householdId ? [t.householdId] : [])),
    ),
    getMany(
      deps.store.collection('villages'),
      tasks.map((t) => t.villageId),
    ),
    getMany(deps.store.collection('townships'), townshipIds),
    getMany(deps.store.collection('members'), memberIds),
  ]);
  return { households, villages, townships, members };
}

/**
 * Who is visited, as the caller may know it: the village's own staff read the head's name and the
 * house number (they go there); an office, which oversees many villages, the head's name and the village.
 */
function householdLabel(t: TaskRecord, caller: MemberRecord, n: Names): string {
  const villageName = n.villages.get(t.villageId)?.name ?? '';
  if (t.householdId !== null) {
    const h = n.households.get(t.householdId);
    if (!h) return GONE;
    return caller.role === 'office' ? `${h.headName}（${villageName}）` : `${h.headName} ${h.address}`;
  }
  if (t.subjectMemberId !== null) return personLabel(n.members.get(t.subjectMemberId));
  return villageName;
}

function assigneeLabel(t: TaskRecord, n: Names): string {
  const village = prefixed(t.assignee, 'village:');
  if (village !== null) return `${n.villages.get(village)?.name ?? ''}驻村工作队`;
  const township = prefixed(t.assignee, 'township:');
  if (township !== null) return `${n.townships.get(township)?.name ?? '乡镇'}驻村办`;
  return personLabel(n.members.get(t.assignee));
}

function view(t: TaskRecord, caller: MemberRecord, n: Names, today: string): Task {
  return {
    id: t._id,
    kind: t.kind,
    householdId: t.householdId,
    householdLabel: householdLabel(t, caller, n),
    villageName: n.villages.get(t.villageId)?.name ?? '',
    status: effectiveStatus(t, today),
    windowStart: t.windowStart,
    dueDate: t.dueDate,
    urgent: t.urgent,
    title: t.title,
    note: t.note,
    assignee: assigneeLabel(t, n),
    escalated: t.escalatedAt !== null,
  };
}

export async function toTaskViews(deps: Deps, tasks: readonly TaskRecord[], caller: MemberRecord, today: string): Promise<Task[]> {
  if (tasks.length === 0) return [];
  const names = await namesFor(deps, tasks);
  return tasks.map((t) => view(t, caller, names, today));
}

/** A task with its history: who did what and when (staff read each other's names in full: they are public servants). */
export async function toTaskDetail(deps: Deps, t: TaskRecord, caller: MemberRecord, today: string): Promise<TaskDetail> {
  const names = await namesFor(
    deps,
    [t],
    t.history.map((e) => e.by).filter((by) => by !== 'system'),
  );
  return {
    ...view(t, caller, names, today),
    history: t.history.map((e) => ({
      at: e.at,
      by: e.by === 'system' ? '系统' : personLabel(names.members.get(e.by)),
      action: e.action,
      note: e.note,
    })),
  };
}
