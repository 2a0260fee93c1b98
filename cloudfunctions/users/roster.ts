import type { PageInput, RosterEntry } from '../../types';
import type { Store, Where } from '../core/ports/store';
import type { HouseholdRecord, MemberRecord, VillageRecord } from '../core/records';

const scopeField = { village: 'villageId', township: 'townshipId', county: 'countyId' } as const;

/** The roster of the caller's area, for issuing invites: names in full, contact data never. */
export async function rosterPage(
  store: Store,
  caller: MemberRecord,
  input: PageInput & { unboundOnly?: boolean },
): Promise<{ items: RosterEntry[]; nextCursor: number | null }> {
  const limit = input.limit ?? 20;
  const skip = input.cursor ?? 0;
  const where: Where = { [scopeField[caller.scopeLevel]]: caller.scopeId };
  if (caller.role === 'cadre') where.role = { $in: ['villager', 'helper'] };
  if (input.unboundOnly) where.openid = null;
  const members = await store.collection<MemberRecord>('members').find(where, {
    orderBy: [{ field: 'role', direction: 'asc' }, { field: 'name', direction: 'asc' }],
    limit: limit + 1,
    skip,
  });
  const page = members.slice(0, limit);
  const villages = store.collection<VillageRecord>('villages');
  const households = store.collection<HouseholdRecord>('households');
  const villageNames = new Map<string, string>();
  const items: RosterEntry[] = [];
  for (const m of page) {
    if (m.villageId && !villageNames.has(m.villageId)) {
      villageNames.set(m.villageId, (await villages.get(m.villageId))?.name ?? '');
    }
    const household = m.householdId ? await households.get(m.householdId) : null;
    items.push({
      memberId: m._id,
      name: m.name,
      role: m.role,
      villageName: m.villageId ? (villageNames.get(m.villageId) ?? null) : null,
      detail: household?.address ?? m.unit ?? '',
      bound: m.openid !== null,
    });
  }
  return { items, nextCursor: members.length > limit ? skip + limit : null };
}
