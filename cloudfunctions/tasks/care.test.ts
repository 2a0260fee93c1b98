import { dataOf, type World } from '../../test/support/world';
import { as, makeVisitWorld } from '../../test/support/visit-world';
import { tasksHandler as tasks } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeVisitWorld();
});

type Who = Parameters<World['call']>[1];
const names = async (who: Who, input: Record<string, unknown> = {}) =>
  (dataOf(await w.call(tasks, who, 'careCandidates', input)) as { items: { name: string; villageName: string }[] }).items.map(
    (c) => `${c.name}@${c.villageName}`,
  );

describe('whom a caller may report a 五必访 event for', () => {
  it("is a cadre's own village team, themselves included, and nobody of another village", async () => {
    expect(await names('cadreA')).toEqual(['赵明远@杏花村']);
    expect(await names('cadreB')).toEqual(['孙立军@柳溪村']);
  });

  it("is a township office's cadres, and a county office's every cadre, by name", async () => {
    expect(await names('office')).toEqual(['孙立军@柳溪村', '赵明远@杏花村']);
    expect(await names(as('countyOffice'))).toEqual(['孙立军@柳溪村', '赵明远@杏花村', '郑远航@远山村']);
    expect(await names(as('farOffice'))).toEqual(['郑远航@远山村']);
  });

  it('pages an office through its cadres without repeating anyone', async () => {
    const first = dataOf(await w.call(tasks, as('countyOffice'), 'careCandidates', { limit: 2 })) as {
      items: { name: string }[];
      nextCursor: string;
    };
    expect(first.items.map((c) => c.name)).toEqual(['孙立军', '赵明远']);
    const rest = dataOf(await w.call(tasks, as('countyOffice'), 'careCandidates', { limit: 2, cursor: first.nextCursor })) as {
      items: { name: string }[];
      nextCursor: string | null;
    };
    expect(rest).toEqual({ items: [expect.objectContaining({ name: '郑远航' })], nextCursor: null });
  });

  it('is not for villagers or helpers', async () => {
    for (const who of ['villagerA', 'helperA'] as const) {
      expect(await w.call(tasks, who, 'careCandidates', {})).toMatchObject({ ok: false, error: { code: 'COMMON.FORBIDDEN' } });
    }
  });
});
