import type { consultsContract } from '../../types';
import { DomainError } from '../core/domain/errors';
import type { ActionsOf } from '../core/handler/define';
import { keysetPage } from '../core/paging';
import type { Where } from '../core/ports/store';
import type { ConsultRecord, MemberRecord } from '../core/records';
import { toSummaries } from './view';

const soonestDue = { field: 'dueAt', direction: 'asc' } as const;
const newestChange = { field: 'updatedAt', direction: 'desc' } as const;

/**
 * The requests a handler's queue lists: a cadre's, the village's; an office's, those of its area
 * escalated to it or handed to an office (`raised`). A county office oversees every township.
 */
function queueOf(caller: MemberRecord): Where<ConsultRecord> {
  if (caller.role === 'cadre') return { villageId: caller.villageId ?? '' };
  if (caller.scopeLevel === 'township') return { townshipId: caller.townshipId ?? '', raised: true };
  return { countyId: caller.countyId, raised: true };
}

/** 我的求助 and 待办求助. */
export const listActions = {
  /** The household's requests, those a cadre entered for it too: any of its villagers follows and answers them. */
  async mine(input, { deps, now, caller }) {
    if (!caller.householdId) throw new DomainError('TASK.NO_HOUSEHOLD');
    const page = await keysetPage(
      deps.store.collection('consults'),
      { householdId: caller.householdId },
      { field: 'householdOrder', direction: 'desc' },
      input,
    );
    return { items: await toSummaries(deps, page.items, caller, now), nextCursor: page.nextCursor };
  },

  /** `open` by the deadline that applies now, so overdue comes first; `done` newest first; with the overdue count. */
  async assigned({ view, cursor, limit }, { deps, now, caller }) {
    const consults = deps.store.collection('consults');
    const where = queueOf(caller);
    const [page, overdue] = await Promise.all([
      view === 'done'
        ? keysetPage(consults, { ...where, open: false }, newestChange, { cursor, limit })
        : keysetPage(consults, { ...where, open: true }, soonestDue, { cursor, limit }),
      consults.count({ ...where, open: true, dueAt: { $lt: now.toISOString() } }),
    ]);
    return { items: await toSummaries(deps, page.items, caller, now), nextCursor: page.nextCursor, overdue };
  },
} satisfies Partial<ActionsOf<typeof consultsContract>>;
