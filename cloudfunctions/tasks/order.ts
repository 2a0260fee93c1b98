import type { Cursor, TaskTab } from '../../types';
import { compareTasks, effectiveStatus, inTab } from '../core/domain/tasks';
import type { TaskRecord } from '../core/records';

/**
 * A task's place in the list as one string, so that a keyset cursor can carry it: overdue first
 * (0), then urgent (0), then the due date; the id breaks ties. It orders exactly as the domain's
 * compareTasks does (tested beside it), and a cursor stays valid while tasks come and go.
 */
export const rankOf = (t: Pick<TaskRecord, 'status' | 'dueDate' | 'urgent'>, today: string): string =>
  `${effectiveStatus(t, today) === 'overdue' ? 0 : 1}${t.urgent ? 0 : 1}${t.dueDate}`;

/** Whether task `t` comes after the cursor's task. */
export const isAfter = (t: TaskRecord, cursor: Cursor | undefined, today: string): boolean => {
  if (!cursor) return true;
  const [rank, id] = cursor;
  const mine = rankOf(t, today);
  return mine > String(rank) || (mine === String(rank) && t._id > id);
};

export const cursorAt = (t: TaskRecord, today: string): string => JSON.stringify([rankOf(t, today), t._id]);

export const tabs: TaskTab[] = ['today', 'week', 'overdue', 'all'];

export const countTabs = (tasks: readonly TaskRecord[], today: string): Record<TaskTab, number> =>
  Object.fromEntries(tabs.map((tab) => [tab, tasks.filter((t) => inTab(t, tab, today)).length])) as Record<TaskTab, number>;

/** One page of tasks held in memory, in list order, after the cursor. */
export function pageInMemory(
  tasks: readonly TaskRecord[],
  input: { cursor?: Cursor; limit: number },
  today: string,
): { items: TaskRecord[]; nextCursor: string | null } {
  const sorted = tasks.filter((t) => isAfter(t, input.cursor, today)).sort((a, b) => compareTasks(a, b, today));
  const items = sorted.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: sorted.length > input.limit && last ? cursorAt(last, today) : null };
}
