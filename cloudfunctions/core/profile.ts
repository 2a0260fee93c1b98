import type { Profile } from '../../types';
import type { Store } from './ports/store';
import type { MemberRecord } from './records';

/** The caller's own view of themselves, with the names of the places they act in. */
export async function loadProfile(store: Store, member: MemberRecord): Promise<Profile> {
  const village = member.villageId ? await store.collection('villages').get(member.villageId) : null;
  let scopeName = village?.name ?? '';
  if (member.scopeLevel === 'township' && member.townshipId) {
    scopeName = (await store.collection('townships').get(member.townshipId))?.name ?? '';
  } else if (member.scopeLevel === 'county') {
    scopeName = (await store.collection('counties').get(member.countyId))?.name ?? '';
  }
  return {
    memberId: member._id,
    role: member.role,
    name: member.name,
    scope: { level: member.scopeLevel, id: member.scopeId, name: scopeName },
    villageId: member.villageId,
    villageName: village?.name ?? null,
    householdId: member.householdId,
  };
}
