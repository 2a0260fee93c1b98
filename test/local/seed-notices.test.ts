import { movableClock } from '../../local/clock';
import { localDeps, openLocalStore } from '../../local/deps';
import { seedIfEmpty } from '../../local/seed';
import { noticesHandler } from '../../cloudfunctions/notices/handler';
import { lastSolarTerm, solarTerms } from '../../cloudfunctions/core/domain/solar-terms';
import { chinaDate } from '../../cloudfunctions/core/domain/time';

describe('the demo notices', () => {
  it('give 杏花村 赵明远’s announcement and the last term’s farming notice, and no warning', async () => {
    const clock = movableClock();
    const store = openLocalStore(':memory:');
    expect(await seedIfEmpty(store, clock)).toBe(true);
    const deps = localDeps(store, clock);
    const list = async (openid: string) => {
      const res = await noticesHandler.invoke({ action: 'list', input: {} }, { openid, source: 'client' }, deps);
      if (!res.ok) throw new Error(res.error.code);
      return res.data as { items: { kind: string; title: string; publisher: string; active: boolean }[]; unread: number };
    };
    const users = await store.collection('users').find({});
    const villagerOf = async (villageId: string) => {
      for (const u of users) {
        const m = await store.collection('members').get(u.memberId);
        if (m?.role === 'villager' && m.villageId === villageId) return u._id;
      }
      throw new Error(`no bound villager in ${villageId}`);
    };
    const term = solarTerms.find((t) => t.id === lastSolarTerm(chinaDate(clock.now())).id)!;
    const xinghua = await list(await villagerOf('v-xinghua'));
    expect(xinghua.items.map((n) => [n.kind, n.publisher])).toEqual([
      ['announcement', '驻村干部 赵明远'],
      ['farming', '节气农事提醒'],
    ]);
    expect(xinghua.items[1].title.startsWith(term.name)).toBe(true);
    const liuxi = await list(await villagerOf('v-liuxi'));
    expect(liuxi.items.map((n) => n.kind)).toEqual(['farming']);
    expect(await store.collection('notices').count({ kind: 'warning' })).toBe(0);
  });
});
