import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { OwnWish } from '../../../types';
import { callCloud } from '../../services/cloud';
import MyWishes from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

const wish: OwnWish = {
  id: 'w1',
  category: 'study',
  text: '孙女想要一盏护眼台灯',
  status: 'pending_review',
  createdAt: '2026-11-24T02:00:00.000Z',
};

beforeEach(() => {
  cloud.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('my wishes', () => {
  it('shows each wish with its status and category', async () => {
    cloud.mockResolvedValue({ items: [wish], nextCursor: null });
    render(<MyWishes />);
    expect(await screen.findByText('孙女想要一盏护眼台灯')).toBeTruthy();
    expect(screen.getByText('待审核')).toBeTruthy();
    expect(screen.getByText(/学习用品/)).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'wishes' }), 'mine', {});
  });

  it('reads further pages with the cursor each page gives and stops at the last', async () => {
    const more = { ...wish, id: 'w2', text: '想要一双棉鞋过冬' };
    cloud.mockResolvedValueOnce({ items: [wish], nextCursor: '["2026-11-24T02:00:00.000Z","w1"]' });
    cloud.mockResolvedValueOnce({ items: [more], nextCursor: null });
    render(<MyWishes />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('想要一双棉鞋过冬')).toBeTruthy();
    expect(screen.getByText('孙女想要一盏护眼台灯')).toBeTruthy();
    expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'wishes' }), 'mine', {
      cursor: '["2026-11-24T02:00:00.000Z","w1"]',
    });
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('turns an empty list into a way to make the first wish', async () => {
    cloud.mockResolvedValue({ items: [], nextCursor: null });
    render(<MyWishes />);
    fireEvent.click(await screen.findByText('许个心愿'));
    expect(screen.getByText(/您还没有提交过心愿/)).toBeTruthy();
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/wish/new/index' });
  });
});

describe('a wish in the list', () => {
  it('opens its own page with progress and history', async () => {
    cloud.mockResolvedValue({ items: [wish], nextCursor: null });
    render(<MyWishes />);
    fireEvent.click(await screen.findByText('孙女想要一盏护眼台灯'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/wish/detail/index?id=w1' });
  });

  it('says why a rejected wish was not published', async () => {
    cloud.mockResolvedValue({ items: [{ ...wish, status: 'rejected', rejectReason: '价值超出微心愿' }], nextCursor: null });
    render(<MyWishes />);
    expect(await screen.findByText('未通过的原因：价值超出微心愿')).toBeTruthy();
    expect(screen.getByLabelText('未通过')).toBeTruthy();
  });
});
