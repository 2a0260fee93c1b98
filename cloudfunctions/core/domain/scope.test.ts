import { aMember } from './domain.fixtures';
import { covers, mayInvite } from './scope';

describe('covers', () => {
  const inV1 = aMember({ role: 'villager' });
  const inV2 = aMember({ role: 'villager', villageId: 'v2' });
  const otherTownship = aMember({ role: 'villager', villageId: 'v9', townshipId: 't9' });
  const otherCounty = aMember({ role: 'villager', villageId: 'v8', townshipId: 't8', countyId: 'c8' });

  it('limits a village role to its own village', () => {
    const cadre = aMember({ role: 'cadre' });
    expect([inV1, inV2].map((t) => covers(cadre, t))).toEqual([true, false]);
  });

  it('gives a township office every village of the township and a county office the whole county', () => {
    const township = aMember({ role: 'office', scopeLevel: 'township', villageId: null });
    const county = aMember({ role: 'office', scopeLevel: 'county', villageId: null, townshipId: null });
    expect([inV1, inV2, otherTownship, otherCounty].map((t) => covers(township, t))).toEqual([true, true, false, false]);
    expect([inV1, inV2, otherTownship, otherCounty].map((t) => covers(county, t))).toEqual([true, true, true, false]);
  });

  it('never lets a member without a village cover anyone at village level', () => {
    expect(covers(aMember({ role: 'cadre', villageId: null }), aMember({ role: 'villager', villageId: null }))).toBe(false);
  });
});

describe('mayInvite', () => {
  it('lets cadres invite villagers and helpers only, and offices any role', () => {
    const cadre = aMember({ role: 'cadre' });
    const office = aMember({ role: 'office', scopeLevel: 'township', villageId: null });
    const roles = ['villager', 'helper', 'cadre', 'office'] as const;
    expect(roles.map((role) => mayInvite(cadre, aMember({ role })))).toEqual([true, true, false, false]);
    expect(roles.map((role) => mayInvite(office, aMember({ role })))).toEqual([true, true, true, true]);
    expect(mayInvite(aMember({ role: 'helper' }), aMember({ role: 'villager' }))).toBe(false);
  });
});
