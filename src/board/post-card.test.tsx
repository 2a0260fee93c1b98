import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Overlay } from '../components/overlay/use-overlay';
import PostCard from './post-card';
import { aPost, aReply } from './test-fixtures';

const overlay: Overlay = {
  state: { toast: null, dialog: null },
  toast: jest.fn().mockResolvedValue(undefined),
  confirm: jest.fn().mockResolvedValue(true),
};
const previewImage = jest.fn();
beforeAll(() => Object.assign(Taro, { previewImage }));

describe('a post', () => {
  it('shows its photos, and a tap opens them large', () => {
    const urls = ['https://files/a.jpg', 'https://files/b.jpg'];
    render(<PostCard post={aPost({ photoUrls: urls })} canModerate={false} overlay={overlay} onChanged={jest.fn()} />);
    fireEvent.click(screen.getByLabelText('看大图：照片 2'));
    expect(previewImage).toHaveBeenCalledWith({ urls, current: urls[1] });
  });

  it('marks the caller’s own held reply as waiting for review, and says nothing of visible ones', () => {
    const post = aPost({
      replies: [aReply({ id: 'a', text: '等审核的', mine: true, status: 'held' }), aReply({ id: 'b', text: '看得见的' })],
    });
    render(<PostCard post={post} canModerate={false} overlay={overlay} onChanged={jest.fn()} />);
    const held = screen.getByText('等审核的').closest('.board-reply') as HTMLElement;
    expect(within(held).getByText('待审核（审核通过后大家才能看到）')).toBeTruthy();
    const shown = screen.getByText('看得见的').closest('.board-reply') as HTMLElement;
    expect(shown.textContent).not.toContain('待审核');
  });

  it('offers no reply on a post nobody else sees yet', () => {
    render(<PostCard post={aPost({ mine: true, status: 'held' })} canModerate={false} overlay={overlay} onChanged={jest.fn()} />);
    expect(screen.getByText('待审核（审核通过后大家才能看到）')).toBeTruthy();
    expect(screen.queryByText('回复')).toBeNull();
  });

  it('opens a cadre’s buttons at once on a held post, with approve, hide and delete but no pin', () => {
    render(<PostCard post={aPost({ status: 'held' })} canModerate overlay={overlay} onChanged={jest.fn()} />);
    for (const word of ['通过', '隐藏', '删除', '收起管理']) expect(screen.getByText(word)).toBeTruthy();
    expect(screen.queryByText('置顶')).toBeNull();
  });

  it('keeps a cadre’s buttons folded on a visible post until 管理 is tapped', () => {
    render(<PostCard post={aPost({ pinned: true })} canModerate overlay={overlay} onChanged={jest.fn()} />);
    expect(screen.queryByText('隐藏')).toBeNull();
    fireEvent.click(screen.getByText('管理'));
    expect(screen.getByText('取消置顶')).toBeTruthy();
    expect(screen.getByText('隐藏')).toBeTruthy();
  });
});
