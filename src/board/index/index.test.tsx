import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { BoardPost } from '../../../types/board';
import { callCloud } from '../../services/cloud';
import { typeInto } from '../../../test/doubles/type-into';
import { aPost, aReply } from '../test-fixtures';
import BoardPage from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Listed {
  items: BoardPost[];
  nextCursor?: string | null;
  canModerate?: boolean;
}

/** Answers `list` with `board` (or, for a cursor, `pages[cursor]`) and every other action from `answers`. */
function serve(
  board: Listed,
  answers: Record<string, (input: Record<string, unknown>) => unknown> = {},
  pages: Record<string, Listed> = {},
) {
  cloud.mockImplementation(async ({ name }: { name: string }, action: string, input: Record<string, unknown>) => {
    if (name !== 'board') throw new Error(`unexpected ${name}`);
    if (action === 'list') {
      const page = typeof input.cursor === 'string' ? pages[input.cursor] : board;
      return { villageName: '杏花村', canModerate: false, nextCursor: null, ...page };
    }
    const answer = answers[action];
    if (!answer) throw new Error(`unexpected ${action}`);
    return answer(input);
  });
}
const calls = (action: string) => cloud.mock.calls.filter(([, a]) => a === action).map(([, , input]) => input as Record<string, unknown>);
/** Six of these files run at once on two cores: a change one answer away can take over a second. */
const slow = { timeout: 3000 };
const card = (text: string) => screen.getByText(text).closest('.board-post') as HTMLElement;

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
});

describe('the village message board', () => {
  it('names the village and shows pinned posts first, with who wrote them and the official marks in words', async () => {
    serve({
      items: [
        aPost({ id: 'p0', text: '本周六上午在村委会打疫苗', authorName: '赵明远', authorRole: '驻村干部', official: true, pinned: true }),
        aPost({
          id: 'p1',
          replies: [
            aReply({ id: 'r1', text: '我家门口的也坏了' }),
            aReply({ id: 'r2', text: '明天就派人来修', authorName: '赵明远', official: true }),
          ],
        }),
      ],
    });
    render(<BoardPage />);
    expect(await screen.findByText('杏花村留言板')).toBeTruthy();
    const posts = Array.from(document.querySelectorAll('.board-post'));
    expect(posts[0].textContent).toContain('置顶');
    expect(posts[0].textContent).toContain('官方');
    expect(posts[0].textContent).toContain('驻村干部');
    expect(posts[1].textContent).toContain('王秀兰');
    expect(posts[1].textContent).toContain('村民');
    expect(posts[1].textContent).not.toContain('置顶');
    const official = screen.getByText('明天就派人来修').closest('.board-reply')!;
    expect(official.textContent).toContain('官方回复');
    expect(screen.getByText('我家门口的也坏了').closest('.board-reply')!.textContent).not.toContain('官方回复');
    expect(screen.getByText('请勿发布电话、身份证号等个人信息，号码会自动隐藏')).toBeTruthy();
  });

  it('says so when nobody has written yet', async () => {
    serve({ items: [] });
    render(<BoardPage />);
    expect(await screen.findByText('还没有人留言，来说第一句吧')).toBeTruthy();
  });

  it('reads the next page with the cursor the first gave, and reads afresh on 刷新', async () => {
    serve({ items: [aPost({ id: 'p1' })], nextCursor: 'c1' }, {}, { c1: { items: [aPost({ id: 'p2', text: '下一页的留言' })] } });
    render(<BoardPage />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('下一页的留言')).toBeTruthy();
    expect(calls('list')).toEqual([{}, { cursor: 'c1' }]);
    fireEvent.click(screen.getByText('刷新'));
    await waitFor(() => expect(calls('list')).toHaveLength(3));
    expect(calls('list')[2]).toEqual({});
  });
});

describe('posting', () => {
  it('sends the trimmed text with a request id and shows the post at once, under the pinned ones', async () => {
    const pinned = aPost({ id: 'p0', text: '置顶的通知', pinned: true });
    serve({ items: [pinned, aPost({ id: 'p1' })] }, { post: (input) => aPost({ id: 'p9', text: input.text as string, mine: true }) });
    render(<BoardPage />);
    await screen.findByText('置顶的通知');
    await typeInto('留言内容', '  谁家有多余的玉米种子？  ');
    fireEvent.click(screen.getByText('发布留言'));
    expect(await screen.findByText('谁家有多余的玉米种子？')).toBeTruthy();
    expect(calls('post')).toEqual([{ text: '谁家有多余的玉米种子？', requestId: expect.stringMatching(UUID_V4) }]);
    const texts = Array.from(document.querySelectorAll('.board-post-text')).map((e) => e.textContent);
    expect(texts.slice(0, 2)).toEqual(['置顶的通知', '谁家有多余的玉米种子？']);
    expect(await screen.findByText('留言已发布')).toBeTruthy();
    expect(screen.getByText('0/500 字')).toBeTruthy();
  });

  it('shows the post as the function answered it, with the phone number masked', async () => {
    serve({ items: [] }, { post: () => aPost({ id: 'p9', text: '有事打我电话138****5678', mine: true }) });
    render(<BoardPage />);
    await screen.findByText('还没有人留言，来说第一句吧');
    await typeInto('留言内容', '有事打我电话13812345678');
    fireEvent.click(screen.getByText('发布留言'));
    expect(await screen.findByText('有事打我电话138****5678')).toBeTruthy();
    expect(screen.queryByText('有事打我电话13812345678')).toBeNull();
  });

  it('tells the author a held post waits for review before anyone else sees it', async () => {
    serve({ items: [] }, { post: (input) => aPost({ id: 'p9', text: input.text as string, mine: true, status: 'held' }) });
    render(<BoardPage />);
    await screen.findByText('还没有人留言，来说第一句吧');
    await typeInto('留言内容', '大家来评评理');
    fireEvent.click(screen.getByText('发布留言'));
    expect(await screen.findByText('待审核（审核通过后大家才能看到）')).toBeTruthy();
    expect(screen.getByText('已提交，审核通过后大家才能看到')).toBeTruthy();
  });

  it.each([
    ['BOARD.RATE_LIMITED', '您发得太频繁了，请过一会儿再发'],
    ['CONTENT.REJECTED', '内容里有不适合发布的词句，请修改后再发'],
  ])('says %s above the button in words and keeps the text', async (code, words) => {
    serve(
      { items: [] },
      {
        post: () => {
          throw new CloudError(code, words);
        },
      },
    );
    const { container } = render(<BoardPage />);
    await screen.findByText('还没有人留言，来说第一句吧');
    await typeInto('留言内容', '今晚村里放电影');
    fireEvent.click(screen.getByText('发布留言'));
    const alert = await screen.findByText(`！${words}`);
    expect(alert.closest('.board-composer')).toBeTruthy();
    expect(container.querySelector('textarea')?.value).toBe('今晚村里放电影');
    expect(screen.getByText('7/500 字')).toBeTruthy();
  });

  it('retries a post that timed out with the same request id, so it is not posted twice', async () => {
    let tries = 0;
    serve(
      { items: [] },
      {
        post: (input) => {
          if (++tries < 3) throw new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
          return aPost({ id: 'p9', text: input.text as string, mine: true });
        },
      },
    );
    render(<BoardPage />);
    await screen.findByText('还没有人留言，来说第一句吧');
    await typeInto('留言内容', '今晚村里放电影');
    for (let i = 0; i < 2; i++) {
      fireEvent.click(screen.getByText('发布留言'));
      expect(await screen.findByText(/服务器响应超时/)).toBeTruthy();
    }
    fireEvent.click(screen.getByText('发布留言'));
    expect(await screen.findByText('留言已发布')).toBeTruthy();
    const ids = calls('post').map((i) => i.requestId);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
  });

  it('sends nothing past 500 characters and says by how much', async () => {
    serve({ items: [] });
    render(<BoardPage />);
    await screen.findByText('还没有人留言，来说第一句吧');
    await typeInto('留言内容', '长'.repeat(503));
    expect(screen.getByText('503/500 字（多了 3 字）')).toBeTruthy();
    fireEvent.click(screen.getByText('发布留言'));
    expect(await screen.findByText(/最多 500 个字/)).toBeTruthy();
    fireEvent.click(screen.getByText('发布留言'));
    expect(calls('post')).toEqual([]);
  });

  it('keeps what was typed after the page is left and opened again', async () => {
    serve({ items: [] });
    const first = render(<BoardPage />);
    await screen.findByText('还没有人留言，来说第一句吧');
    await typeInto('留言内容', '今晚村里放电影');
    first.unmount();
    render(<BoardPage />);
    expect(await screen.findByText(/已填好您上次没有发出的内容/)).toBeTruthy();
    expect(screen.getByText('7/500 字')).toBeTruthy();
  });
});

describe('replying and reporting', () => {
  it('opens a reply box under the post and shows the reply once sent', async () => {
    const post = aPost();
    serve(
      { items: [post] },
      { reply: (input) => ({ ...post, replies: [aReply({ id: 'r9', text: input.text as string, mine: true, authorName: '李德福' })] }) },
    );
    render(<BoardPage />);
    await screen.findByText(post.text);
    fireEvent.click(within(card(post.text)).getByText('回复'));
    await typeInto('回复内容', '我去看看');
    fireEvent.click(screen.getByText('发送回复'));
    expect(await screen.findByText('我去看看')).toBeTruthy();
    expect(calls('reply')).toEqual([{ postId: 'p1', text: '我去看看', requestId: expect.stringMatching(UUID_V4) }]);
    expect(screen.queryByText('发送回复')).toBeNull();
  });

  it('says a refused reply in the reply box and keeps it', async () => {
    serve(
      { items: [aPost()] },
      {
        reply: () => {
          throw new CloudError('BOARD.REPLIES_FULL', '这条留言的回复已经满了，请另发一条');
        },
      },
    );
    render(<BoardPage />);
    await screen.findByText(aPost().text);
    fireEvent.click(within(card(aPost().text)).getByText('回复'));
    await typeInto('回复内容', '我去看看');
    fireEvent.click(screen.getByText('发送回复'));
    const alert = await screen.findByText('！这条留言的回复已经满了，请另发一条');
    expect(alert.closest('.board-reply-box')).toBeTruthy();
    expect(screen.getByText('4/500 字')).toBeTruthy();
  });

  it('reports a post for a chosen reason after a confirming tap, and then says 已举报', async () => {
    serve({ items: [aPost()] }, { report: () => ({ hidden: false }) });
    render(<BoardPage />);
    await screen.findByText(aPost().text);
    fireEvent.click(within(card(aPost().text)).getByText('举报'));
    fireEvent.click(screen.getByText('确认举报'));
    expect(await screen.findByText('！请选择举报的原因')).toBeTruthy();
    expect(calls('report')).toEqual([]);
    for (const reason of ['垃圾广告', '辱骂攻击', '泄露个人信息', '其他']) expect(screen.getByText(reason)).toBeTruthy();
    fireEvent.click(screen.getByText('泄露个人信息'));
    fireEvent.click(screen.getByText('确认举报'));
    expect(await screen.findByText('✓ 已举报')).toBeTruthy();
    expect(calls('report')).toEqual([{ postId: 'p1', reason: 'personal_info' }]);
    expect(within(card(aPost().text)).queryByText('举报')).toBeNull();
  });

  it('says 已举报 when the function answers the post was reported already, with no error', async () => {
    serve(
      { items: [aPost()] },
      {
        report: () => {
          throw new CloudError('BOARD.ALREADY_REPORTED', '您已经举报过这条留言');
        },
      },
    );
    render(<BoardPage />);
    await screen.findByText(aPost().text);
    fireEvent.click(within(card(aPost().text)).getByText('举报'));
    fireEvent.click(screen.getByText('垃圾广告'));
    fireEvent.click(screen.getByText('确认举报'));
    expect(await screen.findByText('✓ 已举报')).toBeTruthy();
    expect(screen.queryByText(/您已经举报过/)).toBeNull();
  });

  it('marks a post 已隐藏 at once when this report hid it, and offers no reply on it', async () => {
    serve({ items: [aPost()] }, { report: () => ({ hidden: true }) });
    render(<BoardPage />);
    await screen.findByText(aPost().text);
    fireEvent.click(within(card(aPost().text)).getByText('举报'));
    fireEvent.click(screen.getByText('辱骂攻击'));
    fireEvent.click(screen.getByText('确认举报'));
    expect(await within(card(aPost().text)).findByText('已隐藏')).toBeTruthy();
    expect(within(card(aPost().text)).queryByText('回复')).toBeNull();
  });

  it('does not tell a villager how often a post was reported, not even the author of a hidden one', async () => {
    serve({
      items: [aPost({ reportCount: 2 }), aPost({ id: 'p2', text: '被举报藏起来的', mine: true, status: 'hidden', reportCount: 3 })],
    });
    render(<BoardPage />);
    await screen.findByText('被举报藏起来的');
    expect(within(card('被举报藏起来的')).getByText('已隐藏')).toBeTruthy();
    expect(screen.queryByText(/被举报 \d 次/)).toBeNull();
  });

  it('retries a reply that timed out with the same request id', async () => {
    let tries = 0;
    const post = aPost();
    serve(
      { items: [post] },
      {
        reply: (input) => {
          if (++tries < 2) throw new CloudError('CLOUD.TIMEOUT', '服务器响应超时，请稍后再试');
          return { ...post, replies: [aReply({ id: 'r9', text: input.text as string, mine: true })] };
        },
      },
    );
    render(<BoardPage />);
    await screen.findByText(post.text);
    fireEvent.click(within(card(post.text)).getByText('回复'));
    await typeInto('回复内容', '我去看看');
    fireEvent.click(screen.getByText('发送回复'));
    expect(await screen.findByText(/服务器响应超时/)).toBeTruthy();
    fireEvent.click(screen.getByText('发送回复'));
    expect(await screen.findByText('我去看看')).toBeTruthy();
    const ids = calls('reply').map((i) => i.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  it('offers no report on a post already reported, nor on one’s own', async () => {
    serve({ items: [aPost({ id: 'a', text: '举报过的', reported: true }), aPost({ id: 'b', text: '我写的', mine: true })] });
    render(<BoardPage />);
    await screen.findByText('举报过的');
    expect(within(card('举报过的')).getByText('✓ 已举报')).toBeTruthy();
    expect(within(card('举报过的')).queryByText('举报')).toBeNull();
    expect(within(card('我写的')).queryByText('举报')).toBeNull();
    expect(within(card('我写的')).getByText('回复')).toBeTruthy();
  });

  it('marks the author’s hidden post 已隐藏 and offers no moderation to a villager', async () => {
    serve({ items: [aPost({ text: '被藏起来的', mine: true, status: 'hidden', reportCount: 0 })] });
    render(<BoardPage />);
    await screen.findByText('被藏起来的');
    expect(within(card('被藏起来的')).getByText('已隐藏')).toBeTruthy();
    for (const word of ['管理', '隐藏', '删除', '置顶', '恢复']) expect(screen.queryByText(word)).toBeNull();
  });
});

describe('a cadre moderating', () => {
  const held = aPost({ id: 'p1', text: '有人卖假种子', status: 'held', reportCount: 2 });
  const visible = aPost({ id: 'p2', text: '打谷场明天开放', replies: [aReply({ id: 'r1', text: '骂人的话' })] });

  it('sees held posts with their report count and approves one', async () => {
    serve({ items: [held], canModerate: true }, { moderate: () => ({ post: { ...held, status: 'visible' } }) });
    render(<BoardPage />);
    await screen.findByText(held.text);
    const c = card(held.text);
    expect(within(c).getByText('待审核')).toBeTruthy();
    expect(within(c).getByText('被举报 2 次')).toBeTruthy();
    fireEvent.click(within(c).getByText('通过'));
    await waitFor(() => expect(calls('moderate')).toEqual([{ postId: 'p1', action: 'restore' }]));
    await waitFor(() => expect(within(card(held.text)).queryByText('待审核')).toBeNull(), slow);
  });

  it('deletes a post only after confirming, and then it is gone', async () => {
    serve({ items: [held], canModerate: true }, { moderate: () => ({ post: null }) });
    render(<BoardPage />);
    await screen.findByText(held.text);
    fireEvent.click(within(card(held.text)).getByText('删除'));
    expect(await screen.findByText('删除这条留言？')).toBeTruthy();
    fireEvent.click(screen.getByText('取消'));
    expect(calls('moderate')).toEqual([]);
    fireEvent.click(within(card(held.text)).getByText('删除'));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByText('删除'));
    await waitFor(() => expect(calls('moderate')).toEqual([{ postId: 'p1', action: 'delete' }]));
    await waitFor(() => expect(screen.queryByText(held.text)).toBeNull(), slow);
  });

  it('pins a visible post to the top and hides a reply, under 管理', async () => {
    const other = aPost({ id: 'p0', text: '较新的留言' });
    serve(
      { items: [other, visible], canModerate: true },
      {
        pin: (input) => ({ ...visible, pinned: input.pinned as boolean }),
        moderate: () => ({ post: { ...visible, pinned: true, replies: [aReply({ id: 'r1', text: '骂人的话', status: 'hidden' })] } }),
      },
    );
    render(<BoardPage />);
    await screen.findByText(visible.text);
    expect(screen.queryByText('置顶')).toBeNull();
    fireEvent.click(within(card(visible.text)).getByText('管理'));
    fireEvent.click(within(card(visible.text)).getByText('置顶'));
    await waitFor(() => expect(document.querySelector('.board-post-text')?.textContent).toBe(visible.text));
    expect(calls('pin')).toEqual([{ postId: 'p2', pinned: true }]);
    expect(within(card(visible.text)).getByText('取消置顶')).toBeTruthy();

    const reply = screen.getByText('骂人的话').closest('.board-reply') as HTMLElement;
    fireEvent.click(within(reply).getByText('隐藏'));
    expect(await screen.findByText('已隐藏（村民看不到）')).toBeTruthy();
    expect(calls('moderate')).toEqual([{ postId: 'p2', action: 'hide', replyId: 'r1' }]);
  });

  it('is offered no report button: cadres hide instead', async () => {
    serve({ items: [visible], canModerate: true });
    render(<BoardPage />);
    await screen.findByText(visible.text);
    expect(within(card(visible.text)).queryByText('举报')).toBeNull();
  });
});
