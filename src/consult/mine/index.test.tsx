import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { callCloud } from '../../services/cloud';
import { inHours, summary } from '../test-fixtures';
import MyConsults from './index';

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

describe('我的求助', () => {
  it('lists the household’s requests with their status and deadline in words, and opens one', async () => {
    cloud.mockResolvedValueOnce({
      items: [
        summary({ id: 'c1', status: 'resolved' }),
        summary({
          id: 'c2',
          type: 'letter',
          status: 'accepted',
          overdue: true,
          dueAt: inHours(-26),
          assignee: '赵明远（第一书记）',
          escalated: true,
        }),
        summary({ id: 'c3', type: 'forms', status: 'closed' }),
      ],
      nextCursor: null,
    });
    render(<MyConsults />);
    const first = (await screen.findByText('已办结，待确认')).closest('.consult-card') as HTMLElement;
    expect(within(first).getByText('已办结，请告诉干部问题解决了没有')).toBeTruthy();
    const late = screen.getByText('代写书信').closest('.consult-card') as HTMLElement;
    expect(within(late).getByText('已超时 1 天')).toBeTruthy();
    expect(within(late).getByText(/赵明远（第一书记）/)).toBeTruthy();
    expect(screen.getByText('已完成', { selector: '.consult-status' })).toBeTruthy();
    // Escalation is the staff's business: the household sees only 已超时.
    expect(screen.queryByText('已上报镇里')).toBeNull();
    // The household's own list names no household.
    expect(screen.queryByText('王秀兰 · 一组 1 号')).toBeNull();
    expect(cloud).toHaveBeenCalledWith(expect.objectContaining({ name: 'consults' }), 'mine', {});
    fireEvent.click(late);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/consult/detail/index?id=c2' });
  });

  it('reads further pages with the cursor it was given', async () => {
    cloud
      .mockResolvedValueOnce({ items: [summary({ id: 'c1' })], nextCursor: 'k1' })
      .mockResolvedValueOnce({ items: [summary({ id: 'c2', type: 'letter' })], nextCursor: null });
    render(<MyConsults />);
    fireEvent.click(await screen.findByText('加载更多'));
    expect(await screen.findByText('代写书信')).toBeTruthy();
    expect(cloud).toHaveBeenLastCalledWith(expect.anything(), 'mine', { cursor: 'k1' });
    expect(screen.queryByText('加载更多')).toBeNull();
  });

  it('leads to 找干部帮忙 when there is nothing yet', async () => {
    cloud.mockResolvedValueOnce({ items: [], nextCursor: null });
    render(<MyConsults />);
    fireEvent.click(await screen.findByText('找干部帮忙'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/consult/new/index' });
  });
});
