import { covers } from '../core/domain/scope';
import { townshipOffice, villageTeam } from '../core/domain/tasks';
import type { MemberRecord, TaskRecord } from '../core/records';

/**
 * Who may change a task: its assignee; any cadre of the village for the village team's tasks; the
 * township office for its own. Everyone else is told TASK.NOT_FOUND, as if it did not exist.
 */
export function mayChange(caller: MemberRecord, t: Pick<TaskRecord, 'assignee'>): boolean {
  if (t.assignee === caller._id) return true;
  if (caller.role === 'cadre' && caller.villageId !== null) return t.assignee === villageTeam(caller.villageId);
  if (caller.role === 'office' && caller.scopeLevel === 'township' && caller.townshipId !== null) {
    return t.assignee === townshipOffice(caller.townshipId);
  }
  return false;
}

/**
 * Who may read a task: whoever may change it; a cadre, any household task of the village (a helper's,
 * a colleague's follow-up: the household page shows them); a helper, any task of a paired household;
 * an office, any task of its area. A task about a cadre (caring for them) stays with the office.
 */
export function maySee(caller: MemberRecord, t: TaskRecord): boolean {
  if (mayChange(caller, t)) return true;
  switch (caller.role) {
    case 'cadre':
      return t.householdId !== null && t.villageId === caller.villageId;
    case 'helper':
      return t.householdId !== null && caller.pairedHouseholdIds.includes(t.householdId);
    case 'office':
      return covers(caller, t);
    case 'villager':
      return false;
  }
}

/**
 * The assignee keys of the tasks that are the caller's to do: a cadre's village team's and their own
 * (follow-ups), a helper's own, a township office's. A county office has none of its own.
 */
export function ownAssignees(caller: MemberRecord): string[] {
  switch (caller.role) {
    case 'cadre':
      return caller.villageId !== null ? [villageTeam(caller.villageId), caller._id] : [caller._id];
    case 'office':
      return caller.scopeLevel === 'township' && caller.townshipId !== null ? [townshipOffice(caller.townshipId)] : [];
    default:
      return [caller._id];
  }
}
