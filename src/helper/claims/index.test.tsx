import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MyClaim } from '../../../types';
import { callCloud } from '../../services/cloud';
import { dueText } from './due';
import MyClaims from './index';

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

const DAY = 24 * 60 * 60 * 1000;
const claim = (over: Partial<MyClaim>): MyClaim => ({
  id: 'w1',
  status: 'claimed',
  maskedName: '王**',
  villageName: '杏花村',
  category: 'study',
  summary: '孙女想要一盏护眼台灯',
  value: 80,
  scope: 'village',
  publishedAt: '2026-11-20T02:00:00.000Z',
  daysWaiting: 4,
  photoUrls: [],
  claimDueAt: new Date(Date.now() + 3 * DAY - 60_000).toISOString(),
  ...over,
});

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('my claims', () => {
  it('shows each claim with its due date and the way to report it delivered', async () => {
    cloud.mockResolvedValue({ items: [claim({})], nextCursor: null });
    render(<MyClaims />);
    expect(await screen.findByText(/前送达，还剩 3 天/)).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'wishes' }), 'myClaims', {});
    fireEvent.click(screen.getByText('已送达，去填写'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/helper/fulfil/index?id=w1' });
  });

  it('marks an overdue claim in words, not by colour alone', async () => {
    cloud.mockResolvedValue({ items: [claim({ claimDueAt: new Date(Date.now() - 2 * DAY + 60_000).toISOString() })], nextCursor: null });
    render(<MyClaims />);
    expect(await screen.findByText('已逾期')).toBeTruthy();
    expect(screen.getByText(/已超过送达期限 2 天/)).toBeTruthy();
  });

  it('shows a delivered claim as delivered, with nothing more to fill in', async () => {
    cloud.mockResolvedValue({ items: [claim({ status: 'fulfilled' })], nextCursor: null });
    render(<MyClaims />);
    expect(await screen.findByText('已送达')).toBeTruthy();
    expect(screen.queryByText('已送达，去填写')).toBeNull();
  });

  it('reads further pages and opens a wish from its card', async () => {
    cloud.mockResolvedValueOnce({ items: [claim({})], nextCursor: '["x","w1"]' });
    cloud.mockResolvedValueOnce({ items: [claim({ id: 'w2', summary: '想要一双棉鞋过冬' })], nextCursor: null });
    render(<MyClaims />);
    fireEvent.click(await screen.findByText('加载更多'));
    fireEvent.click(await screen.findByText('想要一双棉鞋过冬'));
    expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'wishes' }), 'myClaims', { cursor: '["x","w1"]' });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/wish/detail/index?id=w2' });
  });

  it('sends someone with no claims to the wall', async () => {
    cloud.mockResolvedValue({ items: [], nextCursor: null });
    render(<MyClaims />);
    fireEvent.click(await screen.findByText('去心愿墙'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/helper/wall/index' });
  });
});

describe('a due date in words', () => {
  const now = new Date('2026-12-01T02:00:00.000Z');
  it('counts whole days left, and says when less than one is left', () => {
    expect(dueText('2026-12-08T02:00:00.000Z', now)).toEqual({ text: '请在 12月8日 10:00 前送达，还剩 7 天', overdue: false });
    expect(dueText('2026-12-01T12:00:00.000Z', now).text).toContain('不到 1 天了');
  });
  it('is overdue from the first millisecond past the due time', () => {
    expect(dueText('2026-12-01T02:00:00.000Z', now).overdue).toBe(false);
    expect(dueText('2026-12-01T01:59:59.999Z', now)).toEqual({ text: '已超过送达期限 1 天（12月1日 09:59）', overdue: true });
  });
});
