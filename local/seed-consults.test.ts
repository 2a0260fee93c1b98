import { consultsHandler } from '../cloudfunctions/consults/handler';
import { movableClock } from './clock';
import { localDeps, openLocalStore } from './deps';
import { demoLegalCard } from './seed-consults';
import { seedIfEmpty } from './seed';

jest.setTimeout(60_000);

describe("the demo's requests", () => {
  it('opens 杏花村 with a 代填表格 in progress (with its thread) and a closed 证照办理, and the county’s legal-aid card', async () => {
    const store = openLocalStore(':memory:');
    const clock = movableClock();
    expect(await seedIfEmpty(store, clock)).toBe(true);
    const call = async (openid: string, action: string, input: unknown = {}) => {
      const res = await consultsHandler.invoke({ action, input }, { openid, source: 'client' }, localDeps(store, clock));
      if (!res.ok) throw new Error(res.error.code);
      return res.data as any;
    };
    const mine = await call('demo-villager-1', 'mine');
    expect(mine.items.map((i: { type: string; status: string }) => [i.type, i.status])).toEqual([
      ['forms', 'in_progress'],
      ['licences', 'closed'],
    ]);
    const forms = await call('demo-villager-1', 'get', { id: mine.items[0].id });
    expect(forms.thread.map((m: { fromHousehold: boolean }) => m.fromHousehold)).toEqual([false, true]);
    expect(forms.overdue).toBe(false);
    const queue = await call('demo-cadre-1', 'assigned');
    expect(queue).toMatchObject({ overdue: 0, items: [expect.objectContaining({ type: 'forms' })] });
    expect(queue.items.some((i: { type: string }) => i.type === 'medical')).toBe(false);
    expect(await call('demo-villager-4', 'mine')).toEqual({ items: [], nextCursor: null });
    expect(await call('demo-villager-4', 'legalCard')).toEqual(demoLegalCard);
  });
});
