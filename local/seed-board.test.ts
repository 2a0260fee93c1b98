import { boardHandler } from '../cloudfunctions/board/handler';
import { movableClock } from './clock';
import { localDeps, openLocalStore } from './deps';
import { seedIfEmpty } from './seed';

jest.setTimeout(60_000);

describe("the demo's message board", () => {
  it('opens 杏花村’s board with the pinned notice on top, an official reply, a masked phone number and a helper’s post', async () => {
    const store = openLocalStore(':memory:');
    const clock = movableClock();
    expect(await seedIfEmpty(store, clock)).toBe(true);
    const res = await boardHandler.invoke(
      { action: 'list', input: {} },
      { openid: 'demo-villager-2', source: 'client' },
      localDeps(store, clock),
    );
    if (!res.ok) throw new Error(res.error.code);
    const { items, villageName } = res.data as {
      villageName: string;
      items: { text: string; pinned: boolean; official: boolean; authorRole: string; replies: { official: boolean }[] }[];
    };
    expect(villageName).toBe('杏花村');
    expect(items[0]).toMatchObject({ pinned: true, official: true, text: expect.stringContaining('冬季防火通知') });
    expect(items.find((p) => p.text.includes('路灯'))!.replies).toEqual([expect.objectContaining({ official: true })]);
    expect(items.find((p) => p.text.includes('玉米种子'))!.text).toContain('139****5678');
    expect(items.some((p) => p.authorRole === '帮扶责任人' && p.text.includes('义诊'))).toBe(true);
    expect(JSON.stringify(items)).not.toContain('13912345678');
    // 柳溪村 sees none of it.
    const other = await boardHandler.invoke(
      { action: 'list', input: {} },
      { openid: 'demo-villager-4', source: 'client' },
      localDeps(store, clock),
    );
    expect(other).toMatchObject({ ok: true, data: { villageName: '柳溪村', items: [] } });
  });
});
