import type { tasksContract } from '../../types';
import type { ActionsOf } from '../core/handler/define';
import { findAll, keysetPage } from '../core/paging';
import { getMany } from '../core/ports/store';
import type { MemberRecord } from '../core/records';

const byName = { field: 'name', direction: 'asc' } as const;

/**
 * Whom a caller may report a 五必访 event for, the same reach reportCadreEvent checks: a cadre's own
 * village team (themselves included), an office's cadres. A village has a handful; an office's area is
 * paged by name.
 */
export const careActions = {
  async careCandidates({ cursor, limit }, { deps, caller }) {
    const members = deps.store.collection('members');
    let page: { items: MemberRecord[]; nextCursor: string | null };
    if (caller.role === 'cadre') {
      const team = await findAll(members, { role: 'cadre', villageId: caller.villageId ?? '' });
      // In the store's order (code points), as an office's pages come.
      page = { items: team.sort((a, b) => (a.name === b.name ? (a._id < b._id ? -1 : 1) : a.name < b.name ? -1 : 1)), nextCursor: null };
    } else {
      const where =
        caller.scopeLevel === 'township'
          ? { role: 'cadre' as const, townshipId: caller.townshipId ?? '' }
          : { role: 'cadre' as const, countyId: caller.countyId };
      page = await keysetPage(members, where, byName, { cursor, limit });
    }
    const villages = await getMany(
      deps.store.collection('villages'),
      page.items.map((m) => m.villageId ?? ''),
    );
    return {
      items: page.items.map((m) => ({
        memberId: m._id,
        name: m.name,
        title: m.title,
        villageName: villages.get(m.villageId ?? '')?.name ?? '',
      })),
      nextCursor: page.nextCursor,
    };
  },
} satisfies Partial<ActionsOf<typeof tasksContract>>;
