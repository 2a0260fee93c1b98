import { mapLimit } from '../core/concurrency';
import { reviewReminder } from '../core/domain/reminder';
import type { TimerImpl } from '../core/handler/define';
import { findAll, forEachPage } from '../core/paging';
import type { MemberRecord } from '../core/records';

/** Villages whose cadres are looked up in one query; a village has a handful of cadres. */
const VILLAGES_PER_QUERY = 30;
/** Notifications in flight at once. */
const IN_FLIGHT = 16;

/**
 * The morning nudge for every cadre whose village has wishes waiting for review. It reads
 * what waits (usually a few hundred wishes in a county), not every cadre, so its cost
 * follows the work to do rather than the size of the county; reads and notifications
 * run concurrently so a county of 100,000 households fits well inside the timeout.
 */
export const remindReviewers: TimerImpl = async ({ deps, now }) => {
  const waiting = new Map<string, number>();
  await forEachPage(deps.store.collection('wishes'), { status: 'pending_review' }, { field: 'createdAt', direction: 'desc' }, (page) => {
    for (const w of page) waiting.set(w.villageId, (waiting.get(w.villageId) ?? 0) + 1);
  });
  const villages = [...waiting.keys()];
  const chunks: string[][] = [];
  for (let i = 0; i < villages.length; i += VILLAGES_PER_QUERY) chunks.push(villages.slice(i, i + VILLAGES_PER_QUERY));
  const members = deps.store.collection('members');
  const cadres: MemberRecord[] = (
    await mapLimit(chunks, IN_FLIGHT, (chunk) => findAll(members, { role: 'cadre', villageId: { $in: chunk } }))
  ).flat();
  const sent = await mapLimit(cadres, IN_FLIGHT, async (cadre) => {
    const reminder = reviewReminder(cadre, waiting.get(cadre.villageId ?? '') ?? 0, now);
    return reminder ? deps.notifier.notify({ ...reminder, openid: cadre.openid }) : false;
  });
  return { villages: villages.length, cadres: cadres.length, notified: sent.filter(Boolean).length };
};
