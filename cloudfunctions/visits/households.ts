import type { HouseholdRow, visitsContract } from '../../types';
import { mapLimit } from '../core/concurrency';
import { effectiveStatus } from '../core/domain/tasks';
import { chinaDate } from '../core/domain/time';
import type { ActionsOf } from '../core/handler/define';
import { DEFAULT_PAGE_SIZE, findAll } from '../core/paging';
import { getMany, MAX_PAGE } from '../core/ports/store';
import type { HouseholdRecord, TaskRecord } from '../core/records';
import { ownAssignees } from '../tasks/access';
import { openTasksOf } from '../tasks/list';

/** Reads in flight for the page's last visits. */
const IN_FLIGHT = 8;

type Ranked = Omit<HouseholdRow, 'lastVisitedOn'> & { rank: string };

/** As the task list orders: overdue first, then a must-visit, then the soonest due, nothing due last; ties by id. */
const rankOf = (overdue: boolean, urgent: boolean, nextDue: string | null) => `${overdue ? 0 : urgent ? 1 : 2}${nextDue ?? '9999-99-99'}`;

interface Due {
  nextDue: string;
  overdue: boolean;
  urgent: boolean;
}

/** Per household, the earliest due date of the caller's open tasks there, whether any is overdue, whether any is a must-visit. */
export function dueByHousehold(tasks: readonly TaskRecord[], today: string): Map<string, Due> {
  const due = new Map<string, Due>();
  for (const t of tasks) {
    if (t.householdId === null) continue;
    const seen = due.get(t.householdId);
    due.set(t.householdId, {
      nextDue: seen && seen.nextDue < t.dueDate ? seen.nextDue : t.dueDate,
      overdue: effectiveStatus(t, today) === 'overdue' || (seen?.overdue ?? false),
      urgent: t.urgent || (seen?.urgent ?? false),
    });
  }
  return due;
}

/** The caller's households (a helper's paired ones, a cadre's village) with what is due for the caller there. */
export const householdsActions = {
  async households({ cursor, limit }, { deps, now, caller }) {
    const today = chinaDate(now);
    const coll = deps.store.collection('households');
    const [households, tasks] = await Promise.all([
      caller.role === 'helper'
        ? getMany(coll, caller.pairedHouseholdIds).then((m) => [...m.values()])
        : findAll(coll, { villageId: caller.villageId ?? '' }),
      openTasksOf(deps, ownAssignees(caller)),
    ]);
    const due = dueByHousehold(tasks, today);
    const rows: Ranked[] = households.map((h: HouseholdRecord) => {
      const d = due.get(h._id);
      return {
        id: h._id,
        headName: h.headName,
        address: h.address,
        category: h.category,
        livesAway: h.livesAway,
        nextDue: d?.nextDue ?? null,
        overdue: d?.overdue ?? false,
        urgent: d?.urgent ?? false,
        rank: rankOf(d?.overdue ?? false, d?.urgent ?? false, d?.nextDue ?? null),
      };
    });
    const key = (r: Ranked) => `${r.rank}\u0000${r.id}`;
    const from = cursor ? `${String(cursor[0])}\u0000${cursor[1]}` : '';
    const sorted = rows.filter((r) => key(r) > from).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const size = Math.min(limit ?? DEFAULT_PAGE_SIZE, MAX_PAGE - 1);
    const page = sorted.slice(0, size);
    const visits = deps.store.collection('visits');
    // Only the page's households: one read each, of the newest visit.
    const last = await mapLimit(page, IN_FLIGHT, (r) =>
      visits.find({ householdId: r.id }, { orderBy: [{ field: 'visitedOn', direction: 'desc' }], limit: 1 }),
    );
    const tail = page[page.length - 1];
    return {
      items: page.map(({ rank: _rank, ...r }, i) => ({ ...r, lastVisitedOn: last[i][0]?.visitedOn ?? null })),
      nextCursor: sorted.length > size && tail ? JSON.stringify([tail.rank, tail.id]) : null,
    };
  },
} satisfies Partial<ActionsOf<typeof visitsContract>>;
