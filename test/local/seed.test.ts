import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { listDevUsers } from '../../local/dev-users';
import { ensureDemoInvite, seedIfEmpty } from '../../local/seed';
import { demoSeed } from '../../local/seed-data';
import { findAll } from '../../cloudfunctions/core/paging';

describe('the demo seed', () => {
  const { households, members } = demoSeed();

  it('has two villages of households of every category, some living away', () => {
    expect(households.length).toBeGreaterThanOrEqual(38);
    expect(new Set(households.map((h) => h.villageId)).size).toBe(2);
    for (const category of ['lifted', 'monitored', 'ordinary']) expect(households.some((h) => h.category === category)).toBe(true);
    expect(households.filter((h) => h.livesAway).length).toBeGreaterThan(0);
  });

  it('has 3 cadres, 8 helpers paired with at most 5 households each, villagers and one township office', () => {
    const byRole = (role: string) => members.filter((m) => m.role === role);
    expect(byRole('cadre')).toHaveLength(3);
    expect(byRole('helper')).toHaveLength(8);
    expect(byRole('office')).toEqual([expect.objectContaining({ scopeLevel: 'township' })]);
    for (const h of byRole('helper')) {
      expect(h.pairedHouseholdIds.length).toBeGreaterThan(0);
      expect(h.pairedHouseholdIds.length).toBeLessThanOrEqual(5);
      const paired = h.pairedHouseholdIds.map((id) => households.find((x) => x._id === id)!);
      expect(paired.every((x) => x.villageId === h.villageId && x.category !== 'ordinary')).toBe(true);
    }
    expect(byRole('villager').every((v) => households.some((h) => h._id === v.householdId))).toBe(true);
  });

  it('uses unique ids and phone numbers that cannot reach anyone', () => {
    expect(new Set(members.map((m) => m._id)).size).toBe(members.length);
    expect([...members, ...households].every((x) => x.phone.startsWith('100-'))).toBe(true);
  });

  it('seeds once, binds demo users of every role and keeps a usable invite code', async () => {
    const clock = movableClock();
    const store = openLocalStore(':memory:');
    expect(await seedIfEmpty(store, clock)).toBe(true);
    expect(await seedIfEmpty(store, clock)).toBe(false);
    expect(await findAll(store.collection('households'), {})).toHaveLength(households.length);
    const users = await listDevUsers(store);
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(['villager', 'helper', 'cadre', 'office']));
    expect(await store.collection('wishes').count({ status: 'pending_review' })).toBeGreaterThan(0);

    const deps = localDeps(store, clock);
    const first = await ensureDemoInvite(store, clock, deps.ids);
    expect(await ensureDemoInvite(store, clock, deps.ids)).toEqual(first);
    clock.set(new Date(Date.now() + 8 * 86_400_000));
    const renewed = await ensureDemoInvite(store, clock, deps.ids);
    expect(renewed?.code).not.toBe(first?.code);
    const target = await store.collection('members').find({ name: renewed!.memberName }, { limit: 1 });
    expect(target[0].openid).toBeNull();
    store.close();
  });
});
