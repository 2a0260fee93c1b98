import { mapLimit } from '../core/concurrency';
import { townshipOffice } from '../core/domain/tasks';
import type { TimerImpl } from '../core/handler/define';
import { findAll } from '../core/paging';
import { genOf, policyFor } from './engine';
import { escalate, markOverdue } from './sweep';
import { IN_FLIGHT } from './sweep-pages';
import { runVillage } from './village-run';

/**
 * Villages run at once. Each store call is a round trip on CloudBase (about 20 ms), and the first
 * morning of a period writes a task per household and paired helper: 100,000 households need many
 * calls in flight to finish inside the function's 60 s. With IN_FLIGHT calls per village this keeps
 * at most VILLAGES_IN_FLIGHT × IN_FLIGHT (128) database requests open, which wants a plan with that
 * many database connections (专业版 and up; the basic plan's 30,000 writes a day could not hold such a
 * county's first morning anyway).
 */
const VILLAGES_IN_FLIGHT = 16;

/**
 * The morning run (07:30 China time), county by county: every village at once (its tasks for the
 * period under the county's policy, what is overdue marked, its cadres' and helpers' digests), then
 * the township offices' own tasks marked overdue, then missed must-visits passed up. Every step is
 * idempotent (deterministic task ids, conditional updates, dedupe keys), so a second run, or two at
 * once, changes and sends nothing more.
 */
export const daily: TimerImpl = async ({ deps, now }) => {
  const g = genOf(now);
  const totals = { counties: 0, villages: 0, households: 0, created: 0, overdue: 0, escalated: 0, digests: 0 };
  for (const county of await findAll(deps.store.collection('counties'), {})) {
    const policy = await policyFor(deps, county._id, g.today);
    const villages = await findAll(deps.store.collection('villages'), { countyId: county._id });
    const runs = await mapLimit(villages, VILLAGES_IN_FLIGHT, (v) => runVillage(deps, v, policy, g));
    const tasks = deps.store.collection('tasks');
    const townships = [...new Set(villages.map((v) => v.townshipId))];
    const offices = await mapLimit(townships, IN_FLIGHT, async (t) =>
      markOverdue(deps, await findAll(tasks, { assignee: townshipOffice(t), status: 'open' }), g),
    );
    totals.counties++;
    totals.villages += villages.length;
    for (const r of runs) {
      totals.households += r.households;
      totals.created += r.created;
      totals.overdue += r.overdue;
      totals.digests += r.digests;
    }
    totals.overdue += offices.reduce((n, o) => n + o, 0);
    totals.escalated += await escalate(deps, county._id, g);
  }
  return totals;
};
