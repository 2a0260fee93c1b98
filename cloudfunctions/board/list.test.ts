import { board, makeBoardWorld, type BoardWorld } from '../../test/support/board-world';
import { dataOf } from '../../test/support/world';

let w: BoardWorld;
beforeEach(async () => {
  w = await makeBoardWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

describe('one village’s board, never another’s', () => {
  it('refuses a villager of 柳溪村 everything on 杏花村’s posts as BOARD.NOT_FOUND, and lists only 柳溪村', async () => {
    const post = await w.post('villagerA', '杏花村的事：13812345678');
    const theirs = await w.post('villagerB', '柳溪村的事');
    const page = await w.list('villagerB');
    expect(page.villageName).toBe('柳溪村');
    expect(page.items.map((p) => p.id)).toEqual([theirs.id]);
    expect((await w.list('cadreB')).items.map((p) => p.id)).toEqual([theirs.id]);
    expect((await w.list('villagerA')).items.map((p) => p.id)).toEqual([post.id]);

    const attempts = [
      w.call(board, 'villagerB', 'reply', { postId: post.id, text: '我来看看' }),
      w.call(board, 'villagerB', 'report', { postId: post.id, reason: 'spam' }),
      w.call(board, 'cadreB', 'reply', { postId: post.id, text: '我来看看' }),
      w.call(board, 'cadreB', 'report', { postId: post.id, reason: 'spam' }),
      w.call(board, 'cadreB', 'moderate', { postId: post.id, action: 'hide' }),
      w.call(board, 'cadreB', 'moderate', { postId: post.id, action: 'delete' }),
      w.call(board, 'cadreB', 'pin', { postId: post.id, pinned: true }),
    ];
    const answers = await Promise.all(attempts);
    // The same answer as for an id that does not exist: nothing tells that the post is there.
    const none = await w.call(board, 'cadreB', 'pin', { postId: 'no-such-post', pinned: true });
    for (const a of answers) expect(a).toEqual(none);
    expect(codeOf(none)).toBe('BOARD.NOT_FOUND');
    // villagerB may not moderate at all, whatever the post.
    expect(codeOf(await w.call(board, 'villagerB', 'moderate', { postId: post.id, action: 'hide' }))).toBe('COMMON.FORBIDDEN');
    const stored = (await w.store.collection('boardPosts').get(post.id))!;
    expect(stored).toMatchObject({ status: 'visible', pinned: false, replies: [], reports: [] });
    expect(stored.history).toHaveLength(1);
  });
});

describe('the list', () => {
  it('pages by keyset, pinned first then newest, with no repeats while posts arrive', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await w.post(i % 2 ? 'helperA' : 'villagerA', `第${i}条`)).id);
    dataOf(await w.call(board, 'cadreA', 'pin', { postId: ids[1], pinned: true }));
    const first = await w.list('neighbourA', { limit: 2 });
    expect(first.items.map((p) => p.id)).toEqual([ids[1], ids[4]]);
    // A new post arrives between pages: it sits above, and the next page goes on where the first ended.
    await w.post('villagerA', '新来的');
    const rest = await w.listAll('neighbourA', 2);
    expect(rest.map((p) => p.text)).toEqual(['第1条', '新来的', '第4条', '第3条', '第2条', '第0条']);
    const second = await w.list('neighbourA', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((p) => p.id)).toEqual([ids[3], ids[2]]);
    expect(codeOf(await w.call(board, 'neighbourA', 'list', { cursor: 'garbage' }))).toBe('COMMON.INVALID_INPUT');
  });

  it('merges the caller’s own held and hidden posts where they sort, on every page, without repeats', async () => {
    const texts = ['一', '二（加微信）', '三', '四', '五（加微信）', '六'];
    const ids: string[] = [];
    for (const t of texts) ids.push((await w.post('villagerA', t)).id);
    const mine = await w.listAll('villagerA', 2);
    expect(mine.map((p) => [p.text, p.status])).toEqual([
      ['六', 'visible'],
      ['五（加微信）', 'held'],
      ['四', 'visible'],
      ['三', 'visible'],
      ['二（加微信）', 'held'],
      ['一', 'visible'],
    ]);
    expect((await w.listAll('neighbourA', 2)).map((p) => p.text)).toEqual(['六', '四', '三', '一']);
    expect((await w.listAll('cadreA', 2)).map((p) => p.text)).toEqual(texts.slice().reverse());
    expect((await w.listAll('helperA', 10)).map((p) => p.text)).toEqual(['六', '四', '三', '一']);
  });

  it('tells each caller which posts are theirs and which they reported; report counts only to cadres', async () => {
    const post = await w.post('villagerA', '一条留言');
    dataOf(await w.call(board, 'helperA', 'report', { postId: post.id, reason: 'spam' }));
    expect((await w.list('villagerA')).items[0]).toMatchObject({ mine: true, reported: false, reportCount: 0 });
    expect((await w.list('helperA')).items[0]).toMatchObject({ mine: false, reported: true, reportCount: 0 });
    expect((await w.list('cadreA')).items[0]).toMatchObject({ mine: false, reported: false, reportCount: 1 });
  });
});
