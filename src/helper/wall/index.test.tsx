import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { WallWish } from '../../../types';
import { callCloud } from '../../services/cloud';
import WishWall from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;
const { CloudError } = jest.requireActual('../../services/cloud');

const card = (over: Partial<WallWish>): WallWish => ({
  id: 'w1',
  status: 'published',
  maskedName: '王**',
  villageName: '杏花村',
  category: 'study',
  summary: '孙女想要一盏护眼台灯',
  value: 80,
  scope: 'village',
  publishedAt: '2026-11-20T02:00:00.000Z',
  daysWaiting: 4,
  photoUrls: [],
  ...over,
});

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('the wish wall', () => {
  it('shows each card with a masked name, village, category, value, days waiting and photos', async () => {
    cloud.mockResolvedValue({
      items: [
        card({ photoUrls: ['https://tmp.example/a.jpg'] }),
        card({ id: 'w2', summary: '想要一双棉鞋过冬', value: null, daysWaiting: 0, scope: 'county', category: 'clothing' }),
      ],
      nextCursor: null,
    });
    render(<WishWall />);
    expect(await screen.findByText('孙女想要一盏护眼台灯')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'wishes' }), 'wall', { sort: 'newest' });
    expect(screen.getByText('王** · 杏花村 · 约 80 元')).toBeTruthy();
    expect(screen.getByText('已等 4 天')).toBeTruthy();
    expect(screen.getByLabelText('心愿照片 1')).toBeTruthy();
    expect(screen.getByText('王** · 杏花村 · 价值未填')).toBeTruthy();
    expect(screen.getByText('今天上墙')).toBeTruthy();
    expect(screen.getByText('全县可认领')).toBeTruthy();
  });

  it('opens a wish when its card is tapped', async () => {
    cloud.mockResolvedValue({ items: [card({ id: 'w 9' })], nextCursor: null });
    render(<WishWall />);
    fireEvent.click(await screen.findByText('孙女想要一盏护眼台灯'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/wish/detail/index?id=w%209' });
  });

  it('filters by category and sorts by the longest wait, from the first page each time', async () => {
    cloud.mockResolvedValue({ items: [card({})], nextCursor: null });
    render(<WishWall />);
    await screen.findByText('孙女想要一盏护眼台灯');
    fireEvent.click(screen.getByLabelText('学习用品'));
    await waitFor(() =>
      expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'wishes' }), 'wall', { sort: 'newest', category: 'study' }),
    );
    expect(screen.getByLabelText('学习用品').getAttribute('aria-checked')).toBe('true');
    fireEvent.click(screen.getByText('等得最久'));
    await waitFor(() =>
      expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'wishes' }), 'wall', {
        sort: 'longest_waiting',
        category: 'study',
      }),
    );
    fireEvent.click(screen.getByLabelText('全部'));
    await waitFor(() =>
      expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'wishes' }), 'wall', { sort: 'longest_waiting' }),
    );
  });

  it('reads further pages with the cursor the page before gave', async () => {
    cloud.mockResolvedValueOnce({ items: [card({})], nextCursor: '[4,"w1"]' });
    cloud.mockResolvedValueOnce({ items: [card({ id: 'w2', summary: '想要一双棉鞋过冬' })], nextCursor: null });
    render(<WishWall />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('想要一双棉鞋过冬')).toBeTruthy();
    expect(screen.getByText('孙女想要一盏护眼台灯')).toBeTruthy();
    expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'wishes' }), 'wall', { sort: 'newest', cursor: '[4,"w1"]' });
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('says when nothing of a category is waiting', async () => {
    cloud.mockResolvedValue({ items: [], nextCursor: null });
    render(<WishWall />);
    expect(await screen.findByText('心愿墙上暂时没有等待认领的心愿')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('农资农具'));
    expect(await screen.findByText('没有等待认领的“农资农具”心愿')).toBeTruthy();
  });

  it('shows a failure in Chinese with a way to try again', async () => {
    cloud.mockRejectedValueOnce(new CloudError('COMMON.INTERNAL', '系统出了点问题，请稍后再试'));
    cloud.mockResolvedValueOnce({ items: [card({})], nextCursor: null });
    render(<WishWall />);
    expect(await screen.findByText('！系统出了点问题，请稍后再试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('孙女想要一盏护眼台灯')).toBeTruthy();
  });
});
