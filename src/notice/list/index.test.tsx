import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { showPage } from '../../../test/doubles/taro';
import { callCloud } from '../../services/cloud';
import { notice, warning } from '../test-fixtures';
import { askToBeNotified, canAskToBeNotified } from '../../services/subscribe';
import NoticeList from './index';

jest.mock('../../services/subscribe', () => ({ askToBeNotified: jest.fn(), canAskToBeNotified: jest.fn(() => false) }));
const ask = askToBeNotified as jest.Mock;
const canAsk = canAskToBeNotified as jest.Mock;

jest.mock('../../services/cloud', () => ({
  ...jest.requireActual('../../services/cloud'),
  callCloud: jest.fn(),
}));
const cloud = callCloud as jest.Mock;

beforeEach(() => {
  Taro.clearStorageSync();
  cloud.mockReset();
  (Taro.navigateTo as jest.Mock).mockClear();
});

describe('the notice list', () => {
  it('puts an active warning on top as a card naming its level and type in words, with when it applies', async () => {
    cloud.mockResolvedValue({
      items: [warning(), notice({ id: 'n2', kind: 'farming', title: '冬至农事提醒', publisher: '节气农事提醒', read: false }), notice()],
      nextCursor: null,
      unread: 2,
    });
    const { container } = render(<NoticeList />);
    expect(await screen.findByText('暴雨红色预警')).toBeTruthy();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'notices' }), 'list', {});
    const cards = container.querySelectorAll('.card');
    expect(cards[0].className).toContain('notice-warning');
    expect(cards[0].className).toContain('level-red');
    expect(cards[0].textContent).toContain('红色预警');
    expect(cards[0].textContent).toContain('暴雨');
    expect(cards[0].textContent).toContain('时间：11月27日 14:00 至 11月28日 14:00');
    expect(cards[0].getAttribute('role')).toBe('button');
    expect(cards[0].textContent).toContain('未读');
    expect(screen.getByText('您有 2 条通知没有看')).toBeTruthy();
  });

  it('says each notice’s kind in words and marks the unread ones with the word 未读', async () => {
    cloud.mockResolvedValue({
      items: [notice({ id: 'n2', kind: 'farming', title: '冬至农事提醒', read: false }), notice()],
      nextCursor: null,
      unread: 1,
    });
    render(<NoticeList />);
    expect(await screen.findByText('冬至农事提醒')).toBeTruthy();
    expect(screen.getByText('农事提醒')).toBeTruthy();
    expect(screen.getByText('通知公告')).toBeTruthy();
    expect(screen.getAllByText('● 未读')).toHaveLength(1);
    expect(screen.getAllByText('11月20日 09:00')).toHaveLength(2);
  });

  it('lists a cancelled or expired warning among the others, saying so in words', async () => {
    cloud.mockResolvedValue({
      items: [
        warning({ id: 'w2', active: false, cancelled: true, read: true }),
        warning({ id: 'w3', active: false, level: 'blue', read: true }),
      ],
      nextCursor: null,
      unread: 0,
    });
    const { container } = render(<NoticeList />);
    expect(await screen.findByText('已解除')).toBeTruthy();
    expect(screen.getByText('已过期')).toBeTruthy();
    expect(screen.getByText('蓝色预警')).toBeTruthy();
    expect(container.querySelectorAll('.notice-warning')).toHaveLength(0);
    expect(screen.queryByText(/条通知没有看/)).toBeNull();
  });

  it('opens a notice, and reads the list again on the way back', async () => {
    cloud.mockResolvedValue({ items: [warning()], nextCursor: null, unread: 1 });
    render(<NoticeList />);
    fireEvent.click(await screen.findByText('暴雨红色预警'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/notice/detail/index?id=w1' });
    showPage();
    showPage();
    expect(cloud).toHaveBeenCalledTimes(2);
  });

  it('pages on, newest first as the function sends them', async () => {
    cloud
      .mockResolvedValueOnce({ items: [notice()], nextCursor: 'c1', unread: 0 })
      .mockResolvedValueOnce({ items: [notice({ id: 'n0', title: '秋收安全提醒' })], nextCursor: null, unread: 0 });
    render(<NoticeList />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('秋收安全提醒')).toBeTruthy();
    expect(cloud).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'notices' }), 'list', { cursor: 'c1' });
  });

  it('says where notices will come from when there are none', async () => {
    cloud.mockResolvedValue({ items: [], nextCursor: null, unread: 0 });
    render(<NoticeList />);
    expect(await screen.findByText('还没有通知。村里和乡镇发的通知、节气农事提醒和天气预警，都会在这里。')).toBeTruthy();
  });

  it('in WeChat, lets a villager ask to be told of the next big warning there, in a tap', async () => {
    cloud.mockResolvedValue({ items: [notice()], nextCursor: null, unread: 0 });
    canAsk.mockReturnValue(true);
    render(<NoticeList />);
    fireEvent.click(await screen.findByText('有大的天气预警时，在微信里提醒我'));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(screen.getByText('好的，下一次有橙色、红色预警时会在微信里提醒您。')).toBeTruthy();
    expect(screen.queryByText('有大的天气预警时，在微信里提醒我')).toBeNull();
  });

  it('offers no such button where nothing can be asked (H5, or a build without a template)', async () => {
    cloud.mockResolvedValue({ items: [notice()], nextCursor: null, unread: 0 });
    canAsk.mockReturnValue(false);
    render(<NoticeList />);
    expect(await screen.findByText(notice().title)).toBeTruthy();
    expect(screen.queryByText('有大的天气预警时，在微信里提醒我')).toBeNull();
  });
});
