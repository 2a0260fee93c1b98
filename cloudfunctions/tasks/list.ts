import type { Cursor, TaskTab, tasksContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import { compareTasks, effectiveStatus, inTab } from '../core/domain/tasks';
import { chinaDate } from '../core/domain/time';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { DEFAULT_PAGE_SIZE, findAll, keysetPage } from '../core/paging';
import { MAX_PAGE, type Where } from '../core/ports/store';
import type { MemberRecord, TaskRecord } from '../core/records';
import { maySee, ownAssignees } from './access';
import { OPEN_STATUSES } from './engine';
import { countTabs, cursorAt, isAfter, pageInMemory, tabs } from './order';
import { toTaskDetail, toTaskViews } from './task-view';

interface ListInput {
  tab: TaskTab;
  cursor?: Cursor;
  limit: number;
}

interface TaskPage {
  items: TaskRecord[];
  nextCursor: string | null;
  counts: Record<TaskTab, number>;
}

const open = { status: { $in: OPEN_STATUSES } } as const;

/** The not-yet-done tasks of some assignees, read whole (a village's are a few hundred at most) in pages of 100. */
export async function openTasksOf(deps: Deps, assignees: readonly string[]): Promise<TaskRecord[]> {
  const tasks = deps.store.collection('tasks');
  return (await Promise.all(assignees.map((assignee) => findAll(tasks, { assignee, ...open })))).flat();
}

/** A cadre's or helper's list: everything still to do is read, counted per tab, ordered and paged in memory. */
async function ownList(deps: Deps, caller: MemberRecord, input: ListInput, today: string): Promise<TaskPage> {
  const all = await openTasksOf(deps, ownAssignees(caller));
  const page = pageInMemory(
    all.filter((t) => inTab(t, input.tab, today)),
    input,
    today,
  );
  return { ...page, counts: countTabs(all, today) };
}

/**
 * An office's list: the township office's own tasks (a village visit each month, caring for cadres)
 * and every overdue task of its area, whoever's it is. The area may hold a county's tasks, so only
 * the overdue ones are read, by index (area, status, urgent, due date): the urgent ones whole (a
 * missed must-visit is rare, and each has been escalated), the others a page at a time in due-date
 * order, stopping at the first not yet due. The cursor's rank says which of the three parts it is in.
 */
async function officeList(deps: Deps, caller: MemberRecord, input: ListInput, today: string): Promise<TaskPage> {
  const tasks = deps.store.collection('tasks');
  const area: Where<TaskRecord> = caller.scopeLevel === 'county' ? { countyId: caller.countyId } : { townshipId: caller.townshipId ?? '' };
  const overdue: Where<TaskRecord> = { ...area, ...open, dueDate: { $lt: today } };
  const [own, urgentOverdue, overdueCount] = await Promise.all([
    openTasksOf(deps, ownAssignees(caller)),
    findAll(tasks, { ...overdue, urgent: true }),
    tasks.count(overdue),
  ]);
  // The office's own overdue tasks are in its area, and come in with the area's.
  const ownAhead = own.filter((t) => effectiveStatus(t, today) !== 'overdue');
  const counts = Object.fromEntries(tabs.map((tab) => [tab, overdueCount + ownAhead.filter((t) => inTab(t, tab, today)).length])) as Record<
    TaskTab,
    number
  >;

  const want = input.limit + 1;
  const rank = input.cursor ? String(input.cursor[0]) : '';
  const picked = urgentOverdue.filter((t) => isAfter(t, input.cursor, today)).sort((a, b) => compareTasks(a, b, today));
  if (picked.length < want && rank < '1') {
    const from: Cursor | undefined = rank.startsWith('01') ? [rank.slice(2), input.cursor![1]] : undefined;
    const page = await keysetPage(
      tasks,
      { ...area, ...open, urgent: false },
      { field: 'dueDate', direction: 'asc' },
      { cursor: from, limit: want - picked.length },
    );
    picked.push(...page.items.filter((t) => t.dueDate < today));
  }
  if (picked.length < want && input.tab !== 'overdue') {
    const rest = ownAhead.filter((t) => inTab(t, input.tab, today) && isAfter(t, input.cursor, today));
    picked.push(...rest.sort((a, b) => compareTasks(a, b, today)));
  }
  const items = picked.slice(0, input.limit);
  const last = items[items.length - 1];
  return { items, nextCursor: picked.length > input.limit && last ? cursorAt(last, today) : null, counts };
}

/** The caller's task list and one task's page. */
export const listActions = {
  async list({ tab, cursor, limit }, { deps, now, caller }) {
    const today = chinaDate(now);
    const input = { tab, cursor, limit: Math.min(limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE - 1) };
    const page = caller.role === 'office' ? await officeList(deps, caller, input, today) : await ownList(deps, caller, input, today);
    return { items: await toTaskViews(deps, page.items, caller, today), nextCursor: page.nextCursor, counts: page.counts };
  },

  async detail({ id }, { deps, now, caller }) {
    const task = await deps.store.collection('tasks').get(id);
    if (!task || !maySee(caller, task)) throw new DomainError('TASK.NOT_FOUND');
    return toTaskDetail(deps, task, caller, chinaDate(now));
  },
} satisfies Partial<ActionsOf<typeof tasksContract>>;
