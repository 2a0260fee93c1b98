import type { visitsContract } from '../../types';
import { compareTasks, effectiveStatus } from '../core/domain/tasks';
import { chinaDate } from '../core/domain/time';
import type { ActionsOf } from '../core/handler/define';
import type { Deps } from '../core/handler/deps';
import { findAll, keysetPage } from '../core/paging';
import { getMany } from '../core/ports/store';
import type { MemberRecord } from '../core/records';
import { mayChange } from '../tasks/access';
import { OPEN_STATUSES } from '../tasks/engine';
import { householdFor, householdStaff } from '../tasks/households';
import { personLabel, toTaskViews } from '../tasks/task-view';
import { toVisitViews } from './visit-view';

/** Visits the household page opens with; `history` pages further back. */
const FIRST_VISITS = 10;
const newestFirst = { field: 'visitedOn', direction: 'desc' } as const;

/**
 * The household's staff (its village's cadres, its paired helpers, the offices over it) may read its
 * page; nobody else learns it exists. Every read is written down first, who and when, for PIPL
 * accountability: the record is kept even if the page then fails.
 */
async function openPage(deps: Deps, caller: MemberRecord, householdId: string, now: Date) {
  const placed = await householdFor(deps, caller, householdId, ['cadre', 'helper', 'office']);
  await deps.store.collection('access').add({ _id: deps.ids.id(), memberId: caller._id, householdId, at: now.toISOString() });
  return placed;
}

/** The household page (结对帮扶记录本) and its older visits. */
export const householdActions = {
  /**
   * The household's phone goes to the people who visit it (its cadres and helpers), not to the
   * offices, which oversee and reach the household through them; helpers' work phones are on the
   * 连心卡 the household itself holds, so every reader of the page gets those.
   */
  async household({ householdId }, { deps, now, caller }) {
    const { household, village, relation } = await openPage(deps, caller, householdId, now);
    const today = chinaDate(now);
    const [staff, open, visits] = await Promise.all([
      householdStaff(deps, household),
      findAll(deps.store.collection('tasks'), { householdId, status: { $in: OPEN_STATUSES } }),
      keysetPage(deps.store.collection('visits'), { householdId }, newestFirst, { limit: FIRST_VISITS }),
    ]);
    open.sort((a, b) => compareTasks(a, b, today));
    // The visits still to make here: a cadre's or helper's own (what a visit of theirs settles; a
    // helper's must-visit on a cadre's page would read as theirs to do), every one for an office.
    const toVisit = open.filter((t) => t.kind !== 'follow_up' && (relation === 'office' || mayChange(caller, t)));
    const followUps = open.filter((t) => t.kind === 'follow_up');
    const [taskViews, owners, visitViews] = await Promise.all([
      toTaskViews(deps, toVisit, caller, today),
      getMany(
        deps.store.collection('members'),
        followUps.map((t) => t.assignee),
      ),
      toVisitViews(deps, visits.items),
    ]);
    return {
      household: {
        id: household._id,
        headName: household.headName,
        address: household.address,
        villageName: village.name,
        category: household.category,
        livesAway: household.livesAway,
        size: household.size,
        phone: relation === 'office' ? '' : household.phone,
      },
      helpers: staff.helpers.map((h) => ({ id: h._id, name: h.name, phone: h.phone })),
      cadres: staff.cadres.map((c) => ({ id: c._id, name: c.name, phone: c.phone })),
      openTasks: taskViews,
      followUps: followUps.map((t) => ({
        id: t._id,
        text: t.title,
        owner: personLabel(owners.get(t.assignee)),
        dueDate: t.dueDate,
        status: effectiveStatus(t, today),
      })),
      visits: { items: visitViews, nextCursor: visits.nextCursor },
    };
  },

  async history({ householdId, cursor, limit }, { deps, now, caller }) {
    await openPage(deps, caller, householdId, now);
    const page = await keysetPage(deps.store.collection('visits'), { householdId }, newestFirst, { cursor, limit });
    return { items: await toVisitViews(deps, page.items), nextCursor: page.nextCursor };
  },
} satisfies Partial<ActionsOf<typeof visitsContract>>;
