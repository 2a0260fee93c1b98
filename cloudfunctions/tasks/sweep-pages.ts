import type { Cursor } from '../../types';
import { mapLimit } from '../core/concurrency';
import type { Deps } from '../core/handler/deps';
import { keysetPage } from '../core/paging';
import { getMany, isDuplicateId, MAX_PAGE, type Collection, type Where } from '../core/ports/store';
import type { TaskRecord } from '../core/records';

/** Store calls in flight at once per unit of the timer's work: each is a round trip on CloudBase. */
export const IN_FLIGHT = 8;

/**
 * Visits the tasks matching `where` in due-date order, a page at a time, up to the last one due on
 * `last` (null: to the end). `where` fixes the county, the status and urgency, so each page is one
 * range read of the index (county, status, urgent, due date, id) in its own order: a sweep costs what
 * it returns. (Paged by id instead, each page would sort every match of the county to find its 100.)
 */
export async function forEachByDue(
  coll: Collection<TaskRecord>,
  where: Where<TaskRecord>,
  last: string | null,
  visit: (page: TaskRecord[]) => Promise<void>,
): Promise<void> {
  for (let cursor: Cursor | undefined; ;) {
    const page = await keysetPage(coll, where, { field: 'dueDate', direction: 'asc' }, { cursor, limit: MAX_PAGE - 1 });
    const due = last === null ? page.items : page.items.filter((t) => t.dueDate <= last);
    if (due.length > 0) await visit(due);
    if (!page.nextCursor || due.length < page.items.length) return;
    cursor = JSON.parse(page.nextCursor) as Cursor;
  }
}

/**
 * Which of `tasks` are not stored yet, 100 ids a read. Most mornings every task of the period is
 * there already and the first morning of a period none is, so each chunk is first counted (a count
 * carries no documents); only a chunk partly stored is read to see which ids are missing.
 */
async function missing(deps: Deps, tasks: readonly TaskRecord[]): Promise<TaskRecord[]> {
  const coll = deps.store.collection('tasks');
  const unique = [...new Map(tasks.map((t) => [t._id, t])).values()];
  const chunks: TaskRecord[][] = [];
  for (let i = 0; i < unique.length; i += MAX_PAGE) chunks.push(unique.slice(i, i + MAX_PAGE));
  const found = await mapLimit(chunks, IN_FLIGHT, async (chunk) => {
    const ids = chunk.map((t) => t._id);
    const stored = await coll.count({ _id: { $in: ids } });
    if (stored === 0) return chunk;
    if (stored === chunk.length) return [];
    const there = await getMany(coll, ids);
    return chunk.filter((t) => !there.has(t._id));
  });
  return found.flat();
}

/**
 * Stores the tasks not stored yet. A task another run (a concurrent timer) added in between fails
 * as a duplicate id and is counted as there, so two runs, or two at once, make each task once.
 * Answers how many it added.
 */
export async function insertMissing(deps: Deps, tasks: readonly TaskRecord[]): Promise<number> {
  if (tasks.length === 0) return 0;
  const coll = deps.store.collection('tasks');
  const added = await mapLimit(await missing(deps, tasks), IN_FLIGHT, async (t) => {
    try {
      await coll.add(t);
      return 1;
    } catch (e) {
      if (isDuplicateId(e)) return 0;
      throw e;
    }
  });
  return added.reduce<number>((n, a) => n + a, 0);
}
