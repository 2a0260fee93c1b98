import { randomUUID } from 'node:crypto';
import { boardRules } from '../../types/board';
import { board, makeBoardWorld, type BoardWorld } from '../../test/support/board-world';
import { dataOf, people } from '../../test/support/world';

let w: BoardWorld;
beforeEach(async () => {
  w = await makeBoardWorld();
});

const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'ok' : res.error!.code);

describe('posting on the village board', () => {
  it('shows a villager’s post to everyone of the village, newest first, with who wrote it', async () => {
    const first = await w.post('villagerA', '村口的路灯坏了，晚上看不见路');
    const second = await w.post('helperA', '下周二县医院来村里义诊');
    expect(first).toMatchObject({
      text: '村口的路灯坏了，晚上看不见路',
      authorName: '王秀兰',
      authorRole: '村民',
      official: false,
      pinned: false,
      status: 'visible',
      mine: true,
    });
    for (const who of ['villagerA', 'neighbourA', 'helperA', 'cadreA'] as const) {
      const page = await w.list(who);
      expect(page.items.map((p) => p.id)).toEqual([second.id, first.id]);
      expect(page.villageName).toBe('杏花村');
    }
    // A villager's name shows whole to herself and the cadres, masked to the rest of the village.
    expect((await w.list('neighbourA')).items[1].authorName).toBe('王**');
    expect((await w.list('cadreA')).items[1].authorName).toBe('王秀兰');
    expect((await w.list('neighbourA')).items[0]).toMatchObject({ authorName: '陈静', authorRole: '帮扶责任人' });
  });

  it('marks a cadre’s post official and lets only cadres moderate', async () => {
    const notice = await w.post('cadreA', '明天上午九点村委会开会');
    expect(notice).toMatchObject({ official: true, authorRole: '驻村干部', authorName: '赵明远' });
    expect((await w.list('cadreA')).canModerate).toBe(true);
    expect((await w.list('villagerA')).canModerate).toBe(false);
    expect((await w.list('helperA')).canModerate).toBe(false);
  });

  it('marks only cadres official: a helper’s or villager’s post and reply are not 官方回复', async () => {
    const post = await w.post('helperA', '下周二县医院来村里义诊');
    expect(post.official).toBe(false);
    const answered = await w.reply('helperA', post.id, '请带上医保卡');
    await w.reply('neighbourA', post.id, '好的');
    await w.reply('cadreA', post.id, '村委会会通知到每户');
    expect((await w.list('villagerA')).items[0].replies.map((r) => [r.authorName, r.official])).toEqual([
      ['陈静', false],
      ['王**', false],
      ['赵明远', true],
    ]);
    expect(answered.replies[0].official).toBe(false);
    expect(await w.inboxOf(people.helperA._id)).toEqual(['有人回复了您的留言', '干部回复了您的留言']);
  });

  it('stores and shows phone and ID numbers masked, never the raw text', async () => {
    const raw = '谁捡到我家的羊请打13812345678，或者打0311-12345678，我身份证110101199001011234';
    const post = await w.post('villagerA', raw);
    const masked = '谁捡到我家的羊请打138****5678，或者打0311-****5678，我身份证110***********1234';
    expect(post.text).toBe(masked);
    expect((await w.list('neighbourA')).items[0].text).toBe(masked);
    expect((await w.list('cadreA')).items[0].text).toBe(masked);
    const stored = JSON.stringify(await w.store.collection('boardPosts').find({ villageId: 'v-xinghua', status: 'visible' }));
    expect(stored).not.toContain('13812345678');
    expect(stored).not.toContain('12345678，');
    expect(stored).not.toContain('199001011234');
    const reply = await w.reply('neighbourA', post.id, '我看到了，电话１３９ ８７６５ ４３２１');
    expect(reply.replies[0].text).toBe('我看到了，电话139****4321');
  });

  it('refuses risky text with CONTENT.REJECTED, storing and counting nothing', async () => {
    const res = await w.call(board, 'villagerA', 'post', { text: '特3456书yuuo莞6543李zxcz蒜7782法fgnv级' });
    expect(res).toEqual({ ok: false, error: { code: 'CONTENT.REJECTED', message: '内容里有不适合发布的词句，请修改后再发' } });
    expect(await w.store.collection('boardPosts').count({ villageId: 'v-xinghua', listed: true })).toBe(0);
    expect(await w.store.collection('counters').count({})).toBe(0);
    const post = await w.post('villagerA', '正常的留言');
    expect(codeOf(await w.call(board, 'neighbourA', 'reply', { postId: post.id, text: '一起去网赌吧' }))).toBe('CONTENT.REJECTED');
    expect((await w.list('villagerA')).items[0].replies).toEqual([]);
  });

  it('holds text the check doubts (待审核): its author and the cadres see it, the cadres are told, nobody else sees it', async () => {
    const held = await w.post('villagerA', '谁要买化肥加微信联系我');
    expect(held.status).toBe('held');
    expect((await w.list('villagerA')).items.map((p) => [p.id, p.status])).toEqual([[held.id, 'held']]);
    expect((await w.list('cadreA')).items.map((p) => p.id)).toEqual([held.id]);
    for (const who of ['neighbourA', 'helperA', 'villagerB', 'cadreB'] as const) expect((await w.list(who)).items).toEqual([]);
    expect(await w.inboxOf(people.cadreA._id)).toEqual(['留言待审核']);
    expect(await w.inboxOf(people.cadreB._id)).toEqual([]);
    // Nobody else may reply to or report what they cannot see.
    expect(codeOf(await w.call(board, 'neighbourA', 'reply', { postId: held.id, text: '好的' }))).toBe('BOARD.NOT_FOUND');
    expect(codeOf(await w.call(board, 'neighbourA', 'report', { postId: held.id, reason: 'spam' }))).toBe('BOARD.NOT_FOUND');
  });

  it('checks the text as a forum post (scene 3) after masking, with the writer’s openid', async () => {
    const seen: unknown[][] = [];
    const inner = w.deps.content;
    w.deps.content = { check: (...args) => (seen.push(args), inner.check(...args)) };
    await w.post('villagerA', '电话13812345678');
    expect(seen).toEqual([['电话138****5678', 'wx-m-va', 'forum']]);
  });

  it('answers a retried post with the first one, stored and counted once', async () => {
    const requestId = randomUUID();
    const first = dataOf(await w.call(board, 'villagerA', 'post', { text: '第一次发', requestId }));
    const again = dataOf(await w.call(board, 'villagerA', 'post', { text: '第一次发', requestId }));
    expect(again).toEqual(first);
    expect((await w.list('villagerA')).items).toHaveLength(1);
    const counters = await w.store.collection('counters').find({});
    expect(counters.map((c) => c.count)).toEqual([1, 1]);
    // Someone else's same request id lands on an id of its own.
    const other = dataOf(await w.call(board, 'neighbourA', 'post', { text: '我也发', requestId }));
    expect(other.id).not.toBe(first.id);
  });

  it('attaches uploaded photos and shows them by short-lived links; refuses made-up photo ids', async () => {
    const photo = await w.deps.files.save('board/a.jpg', new Uint8Array([1, 2, 3]), 'image/jpeg');
    const post = await w.post('villagerA', '看看我家的新羊圈', { photos: [photo] });
    expect(post.photoUrls).toHaveLength(1);
    expect((await w.list('neighbourA')).items[0].photoUrls).toEqual([expect.any(String)]);
    const bad = await w.call(board, 'villagerA', 'post', { text: '假照片', photos: ['cloud://nothing/x.jpg'] });
    expect(codeOf(bad)).toBe('COMMON.INVALID_INPUT');
    const tooMany = await w.call(board, 'villagerA', 'post', { text: '照片太多', photos: [photo, photo, photo, photo] });
    expect(tooMany).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: `最多 ${boardRules.maxPhotos} 张照片` } });
  });

  it('refuses empty or too long text with a Chinese message', async () => {
    expect(await w.call(board, 'villagerA', 'post', { text: '   ' })).toEqual({
      ok: false,
      error: { code: 'COMMON.INVALID_INPUT', message: '请写下要说的话' },
    });
    const long = await w.call(board, 'villagerA', 'post', { text: '字'.repeat(boardRules.maxText + 1) });
    expect(long).toEqual({ ok: false, error: { code: 'COMMON.INVALID_INPUT', message: `最多 ${boardRules.maxText} 个字` } });
    expect(await w.store.collection('boardPosts').count({ villageId: 'v-xinghua', listed: true })).toBe(0);
  });

  it('has no board for the offices, nor for anyone not bound', async () => {
    for (const action of ['list', 'post', 'reply', 'report', 'moderate', 'pin']) {
      expect(codeOf(await w.call(board, 'office', action, {}))).toBe('COMMON.FORBIDDEN');
      expect(codeOf(await w.call(board, 'wx-stranger', action, {}))).toBe('COMMON.NOT_BOUND');
      expect(codeOf(await w.call(board, null, action, {}))).toBe('COMMON.UNAUTHENTICATED');
    }
  });
});

describe('replying', () => {
  it('marks a cadre’s reply 官方回复 and tells the post’s author', async () => {
    const post = await w.post('villagerA', '村口的路灯坏了');
    const answered = await w.reply('cadreA', post.id, '已经报给电工，明天来修');
    expect(answered.replies).toEqual([
      expect.objectContaining({ text: '已经报给电工，明天来修', authorName: '赵明远', official: true, status: 'visible', mine: true }),
    ]);
    await w.reply('neighbourA', post.id, '我家门口那盏也坏了');
    const seen = (await w.list('villagerA')).items[0].replies;
    expect(seen.map((r) => [r.authorName, r.official, r.mine])).toEqual([
      ['赵明远', true, false],
      ['王**', false, false],
    ]);
    expect(await w.inboxOf(people.villagerA._id)).toEqual(['干部回复了您的留言', '有人回复了您的留言']);
  });

  it('tells nobody when the author replies to their own post, and answers a retried reply once', async () => {
    const post = await w.post('villagerA', '谁家有多余的种子');
    const requestId = randomUUID();
    const once = dataOf(await w.call(board, 'villagerA', 'reply', { postId: post.id, text: '玉米种子', requestId }));
    const twice = dataOf(await w.call(board, 'villagerA', 'reply', { postId: post.id, text: '玉米种子', requestId }));
    expect(twice).toEqual(once);
    expect(twice.replies).toHaveLength(1);
    expect(await w.inboxOf(people.villagerA._id)).toEqual([]);
    expect((await w.store.collection('counters').find({})).map((c) => c.count)).toEqual([2, 2]);
  });

  it('holds a doubtful reply for the cadres and shows it to its writer only', async () => {
    const post = await w.post('villagerA', '有没有人收玉米');
    const held = await w.reply('neighbourA', post.id, '我收，加微信详谈');
    expect(held.replies[0]).toMatchObject({ status: 'held', mine: true });
    expect((await w.list('villagerA')).items[0].replies).toEqual([]);
    expect((await w.list('cadreA')).items[0].replies).toEqual([expect.objectContaining({ status: 'held' })]);
    expect(await w.inboxOf(people.cadreA._id)).toEqual(['留言待审核']);
    expect(await w.inboxOf(people.villagerA._id)).toEqual([]);
  });

  it(`refuses the reply after ${boardRules.maxReplies} with BOARD.REPLIES_FULL, counting nothing`, async () => {
    const post = await w.post('villagerA', '大家说说今年收成');
    const stored = (await w.store.collection('boardPosts').get(post.id))!;
    const replies = Array.from({ length: boardRules.maxReplies }, (_, i) => ({
      ...stored.replies[0],
      id: `r${i}`,
      authorId: 'm-x',
      authorName: '某人',
      authorRole: 'villager' as const,
      official: false,
      text: '好',
      status: 'visible' as const,
      createdAt: stored.createdAt,
    }));
    await w.store.transaction(async (tx) => {
      await tx.get('boardPosts', post.id);
      await tx.update('boardPosts', post.id, { replies });
    });
    const check = jest.spyOn(w.deps.content, 'check');
    const res = await w.call(board, 'cadreA', 'reply', { postId: post.id, text: '不错' });
    expect(res).toEqual({ ok: false, error: { code: 'BOARD.REPLIES_FULL', message: '这条留言的回复已经满了，请另发一条' } });
    // Refused before the content check: WeChat is not asked about words that cannot be stored.
    expect(check).not.toHaveBeenCalled();
    expect((await w.store.collection('boardPosts').get(post.id))!.replies).toHaveLength(boardRules.maxReplies);
  });

  it('answers BOARD.NOT_FOUND for a post that does not exist', async () => {
    expect(codeOf(await w.call(board, 'villagerA', 'reply', { postId: 'nope', text: '你好' }))).toBe('BOARD.NOT_FOUND');
  });
});
