import type { MemberRecord } from '../records';

export const aMember = (m: Partial<MemberRecord> & Pick<MemberRecord, 'role'>): MemberRecord => ({
  _id: `m-${m.role}`,
  name: '测试',
  phone: '100-0000-0000',
  scopeLevel: 'village',
  scopeId: 'v1',
  villageId: 'v1',
  townshipId: 't1',
  countyId: 'c1',
  householdId: m.role === 'villager' ? 'h1' : null,
  unit: null,
  title: null,
  pairedHouseholdIds: [],
  openid: null,
  ...m,
});
