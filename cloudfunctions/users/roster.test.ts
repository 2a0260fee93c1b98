import { dataOf, makeWorld, people, type World } from '../../test/support/world';
import type { MemberRecord } from '../core/records';
import { usersHandler as users } from './handler';

let w: World;
beforeEach(async () => {
  w = await makeWorld();
});

const names = (res: Awaited<ReturnType<World['call']>>): string[] => dataOf(res).items.map((e: { name: string }) => e.name);
const search = (who: Parameters<World['call']>[1], input: Record<string, unknown>) => w.call(users, who, 'roster', input);

/** Another villager of 杏花村. */
const addVillager = (id: string, name: string, bound = false) =>
  w.store.collection('members').add({ ...people.unboundA, _id: id, name, openid: bound ? `wx-${id}` : null } satisfies MemberRecord);

describe('searching the roster by name', () => {
  it('finds the people whose names start with what was typed, in name order', async () => {
    // 小 < 建 < 秀 in code point order, as CloudBase and SQLite compare.
    expect(names(await search('cadreA', { name: '王' }))).toEqual(['王小虎', '王建国', '王秀兰']);
    expect(names(await search('cadreA', { name: '王秀' }))).toEqual(['王秀兰']);
    expect(names(await search('cadreA', { name: ' 陈　' }))).toEqual(['陈静']);
    expect(names(await search('cadreA', { name: '秀兰' }))).toEqual([]);
  });

  it("never reaches past the caller's area", async () => {
    // 李桂芳 lives in 柳溪村, 吴大山 in another township.
    expect(names(await search('cadreA', { name: '李' }))).toEqual([]);
    expect(names(await search('cadreB', { name: '王' }))).toEqual([]);
    expect(names(await search('cadreB', { name: '李' }))).toEqual(['李桂芳']);
    expect(names(await search('office', { name: '吴' }))).toEqual([]);
    expect(names(await search('office', { name: '李' }))).toEqual(['李桂芳']);
    // A cadre finds no other cadre, even of the village.
    expect(names(await search('cadreA', { name: '赵' }))).toEqual([]);
  });

  it('combines with unbound only', async () => {
    expect(names(await search('cadreA', { name: '王', unboundOnly: true }))).toEqual(['王小虎']);
    expect(names(await search('office', { name: '陈', unboundOnly: true }))).toEqual([]);
  });

  it('pages by keyset within the matches, up to the last one, and no further', async () => {
    // 玊 and 玌 sit just before and after 王 (U+738A, U+738C); 𠮷 is beyond U+FFFF, where a
    // range up to 王 + U+FFFF would lose it.
    await addVillager('m-x1', '玊大年');
    await addVillager('m-x2', '玌小满');
    await addVillager('m-x3', '王𠮷', true);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { name: string }[]; nextCursor: string | null } = dataOf(
        await search('cadreA', { name: '王', limit: 1, ...(cursor ? { cursor } : {}) }),
      );
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((e) => e.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(['王小虎', '王建国', '王秀兰', '王𠮷']);
    expect(pages).toBe(4);
  });

  it('keeps the last page of matches without a cursor to a page beyond them', async () => {
    const page = dataOf(await search('cadreA', { name: '王', limit: 3 }));
    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses an empty or overlong name in Chinese', async () => {
    expect(await search('cadreA', { name: '　' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请输入要找的姓名' },
    });
    expect(await search('cadreA', { name: '王'.repeat(21) })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '姓名最多输入 20 个字' },
    });
    expect((await search('cadreA', { name: '王'.repeat(20) })).ok).toBe(true);
  });
});
