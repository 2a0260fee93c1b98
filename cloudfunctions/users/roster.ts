import type { PageInput, RosterEntry } from '../../types';
import { keysetPage, type Page } from '../core/paging';
import { getMany, type Store, type Where } from '../core/ports/store';
import type { MemberRecord } from '../core/records';

const scopeField = { village: 'villageId', township: 'townshipId', county: 'countyId' } as const;

/**
 * The roster of the caller's area, for issuing invites: names in full, contact data never.
 * `name` keeps those whose names start with it; the scope's (area, name) index serves it.
 */
export async function rosterPage(
  store: Store,
  caller: MemberRecord,
  input: PageInput & { unboundOnly?: boolean; name?: string },
): Promise<Page<RosterEntry>> {
  const where: Where<MemberRecord> = { [scopeField[caller.scopeLevel]]: caller.scopeId };
  if (caller.role === 'cadre') where.role = { $in: ['villager', 'helper'] };
  if (input.unboundOnly) where.openid = null;
  const page = await keysetPage(store.collection('members'), where, { field: 'name', direction: 'asc' }, input, input.name);
  const [villages, households] = await Promise.all([
    getMany(
      store.collection('villages'),
      page.items.flatMap((m) => (m.villageId ? [m.villageId] : [])),
    ),
    getMany(
      store.collection('households'),
      page.items.flatMap((m) => (m.householdId ? [m.householdId] : [])),
    ),
  ]);
  const items = page.items.map((m) => ({
    memberId: m._id,
    name: m.name,
    role: m.role,
    villageName: m.villageId ? (villages.get(m.villageId)?.name ?? null) : null,
    detail: (m.householdId ? households.get(m.householdId)?.address : null) ?? m.unit ?? '',
    bound: m.openid !== null,
    householdId: m.householdId,
  }));
  return { items, nextCursor: page.nextCursor };
}
