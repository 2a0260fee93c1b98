import type { Roster, RosterStaff } from '../../../types/roster';
import type { CountyRecord, HouseholdRecord, MemberRecord, TownshipRecord, VillageRecord } from '../records';

export interface RosterRecords {
  counties: CountyRecord[];
  townships: TownshipRecord[];
  villages: VillageRecord[];
  households: HouseholdRecord[];
  members: MemberRecord[];
}

/** The stored documents a validated roster stands for; every member starts unbound. */
export function rosterRecords(roster: Roster): RosterRecords {
  const countyId = roster.county.id;
  const out: RosterRecords = {
    counties: [{ _id: countyId, name: roster.county.name }],
    townships: [],
    villages: [],
    households: [],
    members: [],
  };
  const townshipOfVillage = new Map<string, string>();

  for (const t of roster.townships) {
    out.townships.push({ _id: t.id, name: t.name, countyId });
    for (const v of t.villages) {
      townshipOfVillage.set(v.id, t.id);
      out.villages.push({ _id: v.id, name: v.name, townshipId: t.id, countyId, agroRegion: v.agroRegion });
      for (const h of v.households) {
        out.households.push({
          _id: h.id,
          villageId: v.id,
          address: h.address,
          headName: h.headName,
          category: h.category,
          livesAway: h.livesAway,
          size: h.size,
          phone: h.phone,
        });
        for (const m of h.members) {
          out.members.push({
            _id: m.id,
            role: 'villager',
            name: m.name,
            phone: m.phone,
            scopeLevel: 'village',
            scopeId: v.id,
            villageId: v.id,
            townshipId: t.id,
            countyId,
            householdId: h.id,
            unit: null,
            title: null,
            pairedHouseholdIds: [],
            openid: null,
          });
        }
      }
    }
  }
  for (const s of roster.staff) out.members.push(staffRecord(s, countyId, townshipOfVillage));
  return out;
}

function staffRecord(s: RosterStaff, countyId: string, townshipOfVillage: Map<string, string>): MemberRecord {
  const villageId = s.role === 'office' ? null : (s.villageId ?? null);
  const townshipId = villageId ? (townshipOfVillage.get(villageId) ?? null) : (s.townshipId ?? null);
  const scope = villageId
    ? ({ scopeLevel: 'village', scopeId: villageId } as const)
    : townshipId
      ? ({ scopeLevel: 'township', scopeId: townshipId } as const)
      : ({ scopeLevel: 'county', scopeId: countyId } as const);
  return {
    _id: s.id,
    role: s.role,
    name: s.name,
    phone: s.phone,
    ...scope,
    villageId,
    townshipId,
    countyId,
    householdId: null,
    unit: s.unit,
    title: s.title,
    pairedHouseholdIds: s.pairedHouseholdIds,
    ...(s.pairedByOffice ? { pairedByOffice: true } : {}),
    openid: null,
  };
}
