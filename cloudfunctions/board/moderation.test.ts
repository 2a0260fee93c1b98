import type { MemberRecord } from '../core/records';
import { board, makeBoardWorld, type BoardWorld } from '../../test/support/board-world';
import { dataOf, people } from '../../test/support/world';

let w: BoardWorld;
beforeEach(async () => {
  w = await makeBoardWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);
/** A cadre of 杏花村 moderating, a minute after the last call. */
const moderate = (input: Record<string, unknown>) => (w.tick(), w.call(board, 'cadreA', 'moderate', input));
const historyOf = async (id: string) => (await w.store.collection('boardPosts').get(id))!.history.map((h) => [h.action, h.by, h.replyId]);

/** Another bound villager of 杏花村, for a third reporter. */
async function addVillager(id: string, name: string): Promise<string> {
  const m: MemberRecord = { ...people.villagerA, _id: id, name, householdId: 'h-a1', openid: `wx-${id}` };
  await w.store.collection('members').add(m);
  await w.store.collection('users').add({ _id: m.openid!, memberId: id, boundAt: '2026-11-01T00:00:00.000Z' });
  return m.openid!;
}

describe('reporting a post', () => {
  it('takes one report per person and tells the reporter it is noted', async () => {
    const post = await w.post('villagerA', '卖便宜化肥');
    expect(dataOf(await w.call(board, 'neighbourA', 'report', { postId: post.id, reason: 'spam' }))).toEqual({ hidden: false });
    expect((await w.list('neighbourA')).items[0]).toMatchObject({ reported: true, reportCount: 0 });
    expect((await w.list('cadreA')).items[0]).toMatchObject({ reported: false, reportCount: 1 });
    const again = await w.call(board, 'neighbourA', 'report', { postId: post.id, reason: 'other' });
    expect(again).toEqual({ ok: false, error: { code: 'BOARD.ALREADY_REPORTED', message: '您已经举报过这条留言了' } });
    expect((await w.store.collection('boardPosts').get(post.id))!.reports).toHaveLength(1);
  });

  it('hides the post after three distinct reporters, telling its author and the cadres; a cadre restores it', async () => {
    const third = await addVillager('m-va3', '王小红');
    const post = await w.post('villagerA', '某某家的狗咬人了');
    expect(dataOf(await w.call(board, 'neighbourA', 'report', { postId: post.id, reason: 'offensive' })).hidden).toBe(false);
    expect(dataOf(await w.call(board, 'helperA', 'report', { postId: post.id, reason: 'offensive' })).hidden).toBe(false);
    expect(dataOf(await w.call(board, third, 'report', { postId: post.id, reason: 'personal_info' })).hidden).toBe(true);

    expect((await w.list('neighbourA')).items).toEqual([]);
    expect((await w.list('villagerA')).items[0]).toMatchObject({ id: post.id, status: 'hidden', mine: true });
    expect((await w.list('cadreA')).items[0]).toMatchObject({ status: 'hidden', reportCount: 3 });
    expect(await w.inboxOf(people.villagerA._id)).toEqual(['您的留言被暂时隐藏']);
    expect(await w.inboxOf(people.cadreA._id)).toEqual(['留言被举报隐藏']);
    expect(await w.inboxOf(people.cadreB._id)).toEqual([]);
    expect(await historyOf(post.id)).toEqual([
      ['post', people.villagerA._id, null],
      ['report', people.neighbourA._id, null],
      ['report', people.helperA._id, null],
      ['report', 'm-va3', null],
      ['hide', 'system', null],
    ]);

    const restored = dataOf(await moderate({ postId: post.id, action: 'restore', note: '看过了，没问题' }));
    expect(restored.post).toMatchObject({ status: 'visible', reportCount: 0 });
    expect((await w.list('neighbourA')).items.map((p) => p.id)).toEqual([post.id]);
    // The reviewed reports count no more: one new report does not hide it again.
    expect(dataOf(await w.call(board, 'cadreA', 'report', { postId: post.id, reason: 'other' })).hidden).toBe(false);
  });

  it('does not hide again, nor tell again, when a hidden post is reported once more', async () => {
    const third = await addVillager('m-va3', '王小红');
    const post = await w.post('villagerA', '某某家的狗又咬人了');
    for (const who of ['neighbourA', 'helperA', third])
      dataOf(await w.call(board, who, 'report', { postId: post.id, reason: 'offensive' }));
    expect(dataOf(await w.call(board, 'cadreA', 'report', { postId: post.id, reason: 'other' }))).toEqual({ hidden: false });
    expect((await historyOf(post.id)).filter(([a, by]) => a === 'hide' && by === 'system')).toHaveLength(1);
    expect(await w.inboxOf(people.villagerA._id)).toEqual(['您的留言被暂时隐藏']);
  });

  it('does not let an author report their own post, nor anyone a post of another village', async () => {
    const post = await w.post('villagerA', '我的留言');
    expect(codeOf(await w.call(board, 'villagerA', 'report', { postId: post.id, reason: 'spam' }))).toBe('COMMON.FORBIDDEN');
    expect(codeOf(await w.call(board, 'villagerB', 'report', { postId: post.id, reason: 'spam' }))).toBe('BOARD.NOT_FOUND');
    expect(codeOf(await w.call(board, 'villagerA', 'report', { postId: post.id, reason: 'rude' }))).toBe('COMMON.INVALID_INPUT');
    expect((await w.store.collection('boardPosts').get(post.id))!.reports).toEqual([]);
  });
});

describe('moderating by the village’s cadres', () => {
  it('hides, restores and deletes a post, recording each in its history and telling the author of hide and delete', async () => {
    const post = await w.post('villagerA', '有人乱倒垃圾');
    const hidden = dataOf(await moderate({ postId: post.id, action: 'hide', note: '涉及具体人家' }));
    expect(hidden.post).toMatchObject({ status: 'hidden' });
    expect((await w.list('neighbourA')).items).toEqual([]);
    expect((await w.list('villagerA')).items[0].status).toBe('hidden');
    dataOf(await moderate({ postId: post.id, action: 'restore' }));
    expect((await w.list('neighbourA')).items[0].status).toBe('visible');
    expect(dataOf(await moderate({ postId: post.id, action: 'delete' }))).toEqual({ post: null });
    for (const who of ['villagerA', 'neighbourA', 'cadreA'] as const) expect((await w.list(who)).items).toEqual([]);
    expect(codeOf(await moderate({ postId: post.id, action: 'restore' }))).toBe('BOARD.NOT_FOUND');
    expect(codeOf(await w.call(board, 'neighbourA', 'reply', { postId: post.id, text: '还在吗' }))).toBe('BOARD.NOT_FOUND');
    expect(await historyOf(post.id)).toEqual([
      ['post', people.villagerA._id, null],
      ['hide', people.cadreA._id, null],
      ['restore', people.cadreA._id, null],
      ['delete', people.cadreA._id, null],
    ]);
    expect((await w.store.collection('boardPosts').get(post.id))!.history[1].note).toBe('涉及具体人家');
    expect(await w.inboxOf(people.villagerA._id)).toEqual(['您的留言已被隐藏', '您的留言已被删除']);
  });

  it('releases a held post with restore, and records nothing for a change that changes nothing', async () => {
    const held = await w.post('villagerA', '收旧家电，加微信');
    const released = dataOf(await moderate({ postId: held.id, action: 'restore' }));
    expect(released.post).toMatchObject({ status: 'visible' });
    expect((await w.list('neighbourA')).items.map((p) => p.id)).toEqual([held.id]);
    dataOf(await moderate({ postId: held.id, action: 'restore' }));
    expect((await historyOf(held.id)).map(([a]) => a)).toEqual(['post', 'held', 'restore']);
  });

  it('acts on one reply: hides it, releases a held one (telling the post’s author then), deletes it', async () => {
    const post = await w.post('villagerA', '谁家有拖拉机');
    const withReply = await w.reply('neighbourA', post.id, '我家有');
    const heldReply = await w.reply('helperA', post.id, '我认识人，加微信问');
    const [plain, held] = [withReply.replies[0].id, heldReply.replies[1].id];
    expect(heldReply.replies[1].status).toBe('held');

    dataOf(await moderate({ postId: post.id, replyId: plain, action: 'hide' }));
    expect((await w.list('villagerA')).items[0].replies).toEqual([]);
    expect((await w.list('neighbourA')).items[0].replies).toEqual([expect.objectContaining({ id: plain, status: 'hidden', mine: true })]);

    const restored = dataOf(await moderate({ postId: post.id, replyId: held, action: 'restore' }));
    expect(restored.post.replies.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [plain, 'hidden'],
      [held, 'visible'],
    ]);
    expect((await w.list('villagerA')).items[0].replies.map((r) => r.id)).toEqual([held]);

    dataOf(await moderate({ postId: post.id, replyId: plain, action: 'delete' }));
    expect((await w.list('cadreA')).items[0].replies.map((r) => r.id)).toEqual([held]);
    expect((await w.list('neighbourA')).items[0].replies.map((r) => r.id)).toEqual([held]);
    expect(codeOf(await moderate({ postId: post.id, replyId: plain, action: 'restore' }))).toBe('BOARD.NOT_FOUND');
    expect(codeOf(await moderate({ postId: post.id, replyId: 'nope', action: 'hide' }))).toBe('BOARD.NOT_FOUND');

    expect(await historyOf(post.id)).toEqual([
      ['post', people.villagerA._id, null],
      ['held', 'system', held],
      ['hide', people.cadreA._id, plain],
      ['restore', people.cadreA._id, held],
      ['delete', people.cadreA._id, plain],
    ]);
    expect(await w.inboxOf(people.neighbourA._id)).toEqual(['您的回复已被隐藏', '您的回复已被删除']);
    expect(await w.inboxOf(people.villagerA._id)).toEqual(['有人回复了您的留言', '有人回复了您的留言']);
  });

  it('leaves a deleted post out of the cadres’ pages, so a page of one still holds a post', async () => {
    const older = await w.post('villagerA', '较早的留言');
    const newer = await w.post('villagerA', '要删掉的留言');
    dataOf(await moderate({ postId: newer.id, action: 'delete' }));
    expect((await w.list('cadreA', { limit: 1 })).items.map((p) => p.id)).toEqual([older.id]);
  });

  it('does not tell the post’s author again when a cadre restores a reply they had hidden', async () => {
    const post = await w.post('villagerA', '谁家有拖拉机');
    const reply = (await w.reply('neighbourA', post.id, '我家有')).replies[0].id;
    dataOf(await moderate({ postId: post.id, replyId: reply, action: 'hide' }));
    dataOf(await moderate({ postId: post.id, replyId: reply, action: 'restore' }));
    expect((await w.list('villagerA')).items[0].replies.map((r) => r.id)).toEqual([reply]);
    expect(await w.inboxOf(people.villagerA._id)).toEqual(['有人回复了您的留言']);
  });

  it('pins a notice on top for everyone, and unpins it back into its place', async () => {
    const notice = await w.post('cadreA', '冬季防火通知');
    const later = await w.post('villagerA', '今天赶集');
    expect(dataOf(await w.call(board, 'cadreA', 'pin', { postId: notice.id, pinned: true })).pinned).toBe(true);
    expect((await w.list('villagerA')).items.map((p) => [p.id, p.pinned])).toEqual([
      [notice.id, true],
      [later.id, false],
    ]);
    await w.post('helperA', '更新的一条');
    expect((await w.listAll('neighbourA', 1))[0].id).toBe(notice.id);
    dataOf(await w.call(board, 'cadreA', 'pin', { postId: notice.id, pinned: false }));
    expect((await w.list('villagerA')).items.map((p) => p.id).slice(1)).toEqual([later.id, notice.id]);
    expect((await historyOf(notice.id)).map(([a]) => a)).toEqual(['post', 'pin', 'unpin']);
  });

  it('refuses villagers and helpers with COMMON.FORBIDDEN, and a cadre of another village as if the post did not exist', async () => {
    const post = await w.post('villagerA', '留言');
    for (const who of ['villagerA', 'helperA'] as const) {
      expect(codeOf(await w.call(board, who, 'moderate', { postId: post.id, action: 'hide' }))).toBe('COMMON.FORBIDDEN');
      expect(codeOf(await w.call(board, who, 'pin', { postId: post.id, pinned: true }))).toBe('COMMON.FORBIDDEN');
    }
    expect(codeOf(await w.call(board, 'cadreB', 'moderate', { postId: post.id, action: 'delete' }))).toBe('BOARD.NOT_FOUND');
    expect(codeOf(await w.call(board, 'cadreB', 'pin', { postId: post.id, pinned: true }))).toBe('BOARD.NOT_FOUND');
    expect(codeOf(await moderate({ postId: post.id, action: 'archive' }))).toBe('COMMON.INVALID_INPUT');
    expect((await w.list('neighbourA')).items[0]).toMatchObject({ status: 'visible', pinned: false });
  });
});
