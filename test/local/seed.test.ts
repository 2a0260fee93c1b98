import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { listDevUsers } from '../../local/dev-users';
import { ensureDemoInvite, seedIfEmpty } from '../../local/seed';
import { demoSeed } from '../../local/seed-data';
import { findAll } from '../../cloudfunctions/core/paging';
import { tasksHandler } from '../../cloudfunctions/tasks/handler';
import { visitsHandler } from '../../cloudfunctions/visits/handler';
import type { FunctionHandler } from '../../cloudfunctions/core/handler/define';

describe('the demo seed', () => {
  const { households, members } = demoSeed();

  it('has two villages of households of every category, some living away', () => {
    expect(households.length).toBeGreaterThanOrEqual(38);
    expect(new Set(households.map((h) => h.villageId)).size).toBe(2);
    for (const category of ['lifted', 'monitored', 'ordinary']) expect(households.some((h) => h.category === category)).toBe(true);
    expect(households.filter((h) => h.livesAway).length).toBeGreaterThan(0);
  });

  it('has 3 cadres, 8 helpers paired with at most 5 households each, villagers, a township office and a county office', () => {
    const byRole = (role: string) => members.filter((m) => m.role === role);
    expect(byRole('cadre')).toHaveLength(3);
    expect(byRole('helper')).toHaveLength(8);
    expect(byRole('office')).toEqual([
      expect.objectContaining({ scopeLevel: 'township' }),
      expect.objectContaining({ scopeLevel: 'county', scopeId: 'c-qinghe' }),
    ]);
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

  it("leaves a month of visit work behind: 杏花村's cadre with this month's visits, 柳溪村's with overdue ones and a must-visit", async () => {
    const clock = movableClock();
    const store = openLocalStore(':memory:');
    await seedIfEmpty(store, clock);
    const deps = localDeps(store, clock);
    const ask = async (handler: FunctionHandler, openid: string, action: string, input: unknown) => {
      const res = await handler.invoke({ action, input }, { openid, source: 'client' }, deps);
      if (!res.ok) throw new Error(res.error.code);
      return res.data as any;
    };
    const zhao = await ask(tasksHandler, 'demo-cadre-1', 'list', { tab: 'all' });
    // Every household due last month was visited: nothing overdue, nothing urgent, so a must-visit reported now shows on top.
    expect(zhao.counts.all).toBeGreaterThanOrEqual(12);
    expect(zhao.counts.overdue).toBe(0);
    expect(zhao.items.some((t: { urgent: boolean }) => t.urgent)).toBe(false);
    const qian = await ask(tasksHandler, 'demo-cadre-3', 'list', { tab: 'today' });
    expect(qian.counts.overdue).toBe(4);
    expect(qian.items.filter((t: { urgent: boolean }) => t.urgent)).toEqual([
      expect.objectContaining({ kind: 'must_visit', title: expect.stringContaining('重大疾病') }),
    ]);
    const page = await ask(visitsHandler, 'demo-cadre-1', 'household', { householdId: 'h-xinghua-01' });
    expect(page.visits.items.length).toBeGreaterThan(0);
    const office = await ask(tasksHandler, 'demo-office-1', 'list', { tab: 'overdue' });
    expect(office.counts.overdue).toBeGreaterThan(0);
    store.close();
  });
});
