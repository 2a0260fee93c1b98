import { DomainError } from '../core/domain/errors';
import { covers } from '../core/domain/scope';
import type { HouseholdFacts } from '../core/domain/tasks';
import type { Deps } from '../core/handler/deps';
import { findAll } from '../core/paging';
import type { HouseholdRecord, MemberRecord, VillageRecord } from '../core/records';

export interface PlacedHousehold {
  household: HouseholdRecord;
  village: VillageRecord;
}

/** How the caller stands to a household; null: they may not know it exists. */
export type Relation = 'own' | 'cadre' | 'helper' | 'office';

export function relationTo(caller: MemberRecord, { household, village }: PlacedHousehold): Relation | null {
  switch (caller.role) {
    case 'villager':
      return caller.householdId === household._id ? 'own' : null;
    case 'cadre':
      return caller.villageId === household.villageId ? 'cadre' : null;
    case 'helper':
      return caller.pairedHouseholdIds.includes(household._id) ? 'helper' : null;
    case 'office':
      return covers(caller, { villageId: village._id, townshipId: village.townshipId, countyId: village.countyId }) ? 'office' : null;
  }
}

/** The household and its village, or null when either is not in the roster. */
export async function placeHousehold(deps: Deps, id: string): Promise<PlacedHousehold | null> {
  const household = await deps.store.collection('households').get(id);
  if (!household) return null;
  const village = await deps.store.collection('villages').get(household.villageId);
  return village ? { household, village } : null;
}

/**
 * The household, if the caller stands to it in one of `allowed` ways; HOUSEHOLD.NOT_FOUND
 * otherwise, whether or not it exists, so nobody learns of a household outside their reach.
 */
export async function householdFor(
  deps: Deps,
  caller: MemberRecord,
  id: string,
  allowed: readonly Relation[],
): Promise<PlacedHousehold & { relation: Relation }> {
  const placed = await placeHousehold(deps, id);
  const relation = placed ? relationTo(caller, placed) : null;
  if (!placed || relation === null || !allowed.includes(relation)) throw new DomainError('HOUSEHOLD.NOT_FOUND');
  return { ...placed, relation };
}

export const householdFacts = ({ household, village }: PlacedHousehold): HouseholdFacts => ({
  id: household._id,
  villageId: village._id,
  townshipId: village.townshipId,
  countyId: village.countyId,
  category: household.category,
  livesAway: household.livesAway,
});

/** Who comes when a household calls: the village's cadres and the helpers paired with it. */
export async function householdStaff(deps: Deps, household: HouseholdRecord): Promise<{ cadres: MemberRecord[]; helpers: MemberRecord[] }> {
  const members = deps.store.collection('members');
  const [cadres, helpers] = await Promise.all([
    findAll(members, { role: 'cadre', villageId: household.villageId }),
    // Paired households are in the helper's own village (types/roster.ts), so the village's helpers hold them all.
    findAll(members, { role: 'helper', villageId: household.villageId }),
  ]);
  return { cadres, helpers: helpers.filter((h) => h.pairedHouseholdIds.includes(household._id)) };
}

/** The office users who hear of a township's escalations and cadres: its own office, else the county's. */
export async function officeUsersFor(deps: Deps, place: { townshipId: string; countyId: string }): Promise<MemberRecord[]> {
  const members = deps.store.collection('members');
  const township = (await findAll(members, { role: 'office', townshipId: place.townshipId })).filter((m) => m.scopeLevel === 'township');
  if (township.length > 0) return township;
  return (await findAll(members, { role: 'office', countyId: place.countyId })).filter((m) => m.scopeLevel === 'county');
}
